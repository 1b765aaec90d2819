/// Bytes gathered in memory: the rows a part of the pass formats for one file, handed to the file's writer
/// in portfolio order. Writing into it never fails.
public final class ByteBuffer {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    public func write(_ bytes: [UInt8]) {
        self.bytes.append(contentsOf: bytes)
    }

    public func write(byte: UInt8) {
        bytes.append(byte)
    }

    public func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }
}

extension ByteFileWriter {
    /// Writes what `buffer` gathered.
    public func write(_ buffer: ByteBuffer) throws(IOError) {
        try write(buffer.bytes)
    }
}
