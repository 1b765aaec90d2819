/// Splits chunks of bytes into lines (LF or CRLF), keeping only the incomplete tail between chunks,
/// and decodes each line as strict UTF-8.
///
/// The shape of swift-nio's `ByteToMessageDecoder`: decode what is complete, keep the rest.
struct LineSplitter {
    private var pending: [UInt8] = []
    private(set) var lineNumber = 0
    private var sawBOM = false
    /// The number of a line longer than `InputLimits.lineBytes`: its bytes beyond are dropped, and the caller
    /// stops reading.
    private(set) var lineBeyondLimit: Int?

    /// A decoded line, or the position of the first byte that is not UTF-8.
    enum Line {
        case text(String, number: Int)
        case invalidUTF8(number: Int, column: Int, byte: UInt8)
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (Line) throws -> Void) rethrows {
        var start = 0
        for index in 0..<chunk.count where chunk[index] == 0x0A {
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<index]))
            try emitPending(emit)
            start = index + 1
        }
        pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<chunk.count]))
        if pending.count > InputLimits.lineBytes {
            lineBeyondLimit = lineNumber + 1
            pending.removeAll()
        }
    }

    /// Emits the last line when the file does not end with a line break.
    mutating func finish(_ emit: (Line) throws -> Void) rethrows {
        if !pending.isEmpty { try emitPending(emit) }
    }

    private mutating func emitPending(_ emit: (Line) throws -> Void) rethrows {
        lineNumber += 1
        var bytes = pending[...]
        pending.removeAll(keepingCapacity: true)
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            sawBOM = true
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            try emit(.text(text, number: lineNumber))
        } else {
            let (column, byte) = LineSplitter.firstInvalidByte(in: Array(bytes))
            try emit(.invalidUTF8(number: lineNumber, column: column, byte: byte))
        }
    }

    /// The 1-based column (in characters before it, plus one) and value of the first byte that breaks UTF-8.
    static func firstInvalidByte(in bytes: [UInt8]) -> (column: Int, byte: UInt8) {
        var index = 0
        var column = 1
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (column, lead)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (column, lead) }
            index += length
            column += 1
        }
        return (column, bytes.last ?? 0)
    }
}
