import Foundation

/// Writes bytes to a new file through a buffer, counting and hashing what it writes,
/// so exporters stream their output instead of building it in memory.
public final class ByteFileWriter {
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private var hasher = SHA256()
    public private(set) var byteCount: Int = 0
    private var closed = false
    /// Sees every chunk before it is written (a check of the bytes as they are written).
    var observer: ((UnsafeRawBufferPointer) -> Void)?

    /// Creates (or truncates) the file at `path`.
    public init(path: String, capacity: Int = 1 << 16) throws(IOError) {
        self.path = path
        self.capacity = capacity
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", reason: String(cString: strerror(errno))) }
        descriptor = fd
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if !closed { Foundation.close(descriptor) }
    }

    public func write(_ text: String) throws(IOError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ bytes: [UInt8]) throws(IOError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(byte: UInt8) throws(IOError) {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    public func write(bytes: UnsafeRawBufferPointer) throws(IOError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    private func flush() throws(IOError) {
        guard !buffer.isEmpty else { return }
        let failure: Int32 = buffer.withUnsafeBytes { raw in
            hasher.update(buffer: raw)
            observer?(raw)
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if failure != 0 {
            throw IOError(path: path, operation: "write", reason: String(cString: strerror(failure)))
        }
        byteCount += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs to disk and closes; returns the size and SHA-256 of everything written.
    public func finish() throws(IOError) -> WrittenFile {
        try flush()
        if fsync(descriptor) != 0 {
            throw IOError(path: path, operation: "sync", reason: String(cString: strerror(errno)))
        }
        closed = true
        if Foundation.close(descriptor) != 0 {
            throw IOError(path: path, operation: "close", reason: String(cString: strerror(errno)))
        }
        let digest = hasher.finalize()
        return WrittenFile(path: path, byteCount: byteCount, sha256: SHA256.hexString(digest))
    }
}

/// A file an exporter wrote: where, how large, and its SHA-256 (hex).
public struct WrittenFile: Sendable, Equatable {
    public var path: String
    public var byteCount: Int
    public var sha256: String
}
