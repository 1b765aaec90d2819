/// Bytes gathered in memory: the rows a part of the pass formats for one file, handed to the file's writer
/// in portfolio order. Writing into it never fails. A value (not an object), so that appending to it needs no
/// exclusivity check at run time.
public struct ByteBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func write(_ bytes: [UInt8]) {
        self.bytes.append(contentsOf: bytes)
    }

    public mutating func write(byte: UInt8) {
        bytes.append(byte)
    }

    /// One CSV cell, escaped as `Escaping.csv` escapes it, straight into the buffer.
    public mutating func writeCSVCell(_ text: String, delimiter: UInt8 = UInt8(ascii: ";")) {
        guard Escaping.csvNeedsQuotes(text, delimiter: delimiter) else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(0x22)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
    }

    /// A JSON string literal, escaped as `Escaping.json` escapes it, straight into the buffer.
    public mutating func writeJSONString(_ text: String) {
        guard Escaping.jsonNeedsEscapes(text) else {
            bytes.append(0x22)
            bytes.append(contentsOf: text.utf8)
            bytes.append(0x22)
            return
        }
        bytes.append(contentsOf: Escaping.json(text).utf8)
    }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// A copy of the bytes gathered, in storage of its own and of their size: what `bytes` hands out shares the
    /// buffer's storage (a later `removeAll` would then allocate a whole new buffer of the full capacity).
    public var copiedBytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { target, initialized in
            bytes.withUnsafeBufferPointer { source in
                if let base = source.baseAddress, source.count > 0 { target.baseAddress!.initialize(from: base, count: source.count) }
            }
            initialized = bytes.count
        }
    }
}

extension ByteFileWriter {
    /// Writes what `buffer` gathered.
    public func write(_ buffer: ByteBuffer) throws(IOError) {
        try write(buffer.bytes)
    }
}
