/// The bytes fed to the JSON tokenizer and not yet consumed, in one growing buffer.
///
/// `append` drops what is consumed (everything before `index`) and adds a chunk; positions are indices into
/// the buffer (0 is `offsetOfBase` bytes into the input). Every read is checked against `count`: the
/// tokenizer's grammar decides positions, this type makes sure they never leave the bytes that are there.
/// The unchecked pointer stays inside this file, in loops whose bounds are checked once.
struct JSONChunkBuffer: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The end of the bytes fed so far.
    private(set) var count = 0
    /// Where the tokenizer stands: the bytes before it are consumed.
    var index = 0 {
        didSet { precondition(index >= 0 && index <= count, "JSONChunkBuffer: index \(index) outside 0...\(count)") }
    }
    /// Where `storage[0]` is in the input, in bytes.
    private(set) var offsetOfBase = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// The bytes not yet consumed.
    var remaining: Int { count - index }

    /// The position `position` as an offset into the whole input.
    func inputOffset(_ position: Int) -> Int { offsetOfBase + position }

    /// The byte at `position`, which must be one of the bytes fed so far.
    subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "JSONChunkBuffer: read at \(position) outside 0..<\(count)")
        return storage[position]
    }

    /// Drops the consumed bytes and appends `chunk`.
    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        if index > 0 {
            let rest = count - index
            if rest > 0 { UnsafeMutableRawPointer(storage).copyMemory(from: storage + index, byteCount: rest) }
            offsetOfBase += index
            count = rest
            index = 0
        }
        if count + chunk.count > capacity {
            var newCapacity = capacity * 2
            while newCapacity < count + chunk.count { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity = newCapacity
        }
        if let source = chunk.baseAddress, chunk.count > 0 {
            UnsafeMutableRawPointer(storage + count).copyMemory(from: source, byteCount: chunk.count)
            count += chunk.count
        }
    }

    /// The first position from `position` on whose byte ends a plain run inside a string (a quote, a
    /// backslash, a control character or a non-ASCII byte), or `count`.
    func endOfPlainStringRun(from position: Int) -> Int {
        precondition(position >= 0 && position <= count)
        var end = position
        while end < count {
            let byte = storage[end]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { break }
            end += 1
        }
        return end
    }

    /// The first position from `position` on whose byte is not a digit, or `count`.
    func endOfDigits(from position: Int) -> Int {
        precondition(position >= 0 && position <= count)
        var end = position
        while end < count, storage[end] &- 0x30 < 10 { end += 1 }
        return end
    }

    /// Appends the bytes `range` to `bytes`.
    func copy(_ range: Range<Int>, to bytes: inout [UInt8]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        guard !range.isEmpty else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count))
    }

    /// The bytes `range` decoded as UTF-8 (invalid bytes replaced), for messages.
    func string(_ range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return String(decoding: UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count), as: UTF8.self)
    }

    /// Whether the bytes from `position` on begin with `word`'s bytes, as far as they are fed.
    func matchesPrefix(of word: StaticString, at position: Int) -> Bool {
        let letters = word.utf8Start
        let length = min(word.utf8CodeUnitCount, count - position)
        for offset in 0..<max(length, 0) where self[position + offset] != letters[offset] { return false }
        return true
    }

    /// The length of the UTF-8 sequence at `position`: its length when valid, 0 when the bytes fed so far end
    /// inside a sequence that is valid so far, -1 when invalid.
    func utf8Length(at position: Int) -> Int {
        let lead = self[position]
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let continuations: Int
        switch lead {
        case 0xC2...0xDF: continuations = 1
        case 0xE0: continuations = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuations = 2
        case 0xED: continuations = 2; high = 0x9F
        case 0xF0: continuations = 3; low = 0x90
        case 0xF1...0xF3: continuations = 3
        case 0xF4: continuations = 3; high = 0x8F
        default: return -1
        }
        for offset in 1...continuations {
            guard position + offset < count else { return 0 }
            let byte = storage[position + offset]
            if byte < low || byte > high { return -1 }
            low = 0x80
            high = 0xBF
        }
        return continuations + 1
    }
}
