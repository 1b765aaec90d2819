import Foundation

/// Reads a file in fixed-size chunks with `read(2)`, so memory stays flat whatever the file's size.
public final class ByteFileReader {
    public let path: String
    private let descriptor: Int32
    private let chunkSize: Int
    /// Sees every chunk before the caller does (a source's checksum and accepted copy, taken from the bytes read).
    private let capture: SourceCapture?

    /// The most bytes read before `forEachChunk` throws `ReadingStopped` and `pull` reports the end (with
    /// `exceededLimit` set); nil: no limit.
    private let byteLimit: Int?
    private var bytesRead = 0
    /// Whether reading stopped at `byteLimit`.
    public private(set) var exceededLimit = false

    public init(path: String, chunkSize: Int = 1 << 16, capture: SourceCapture? = nil, byteLimit: Int? = nil) throws(IOError) {
        self.path = path
        self.chunkSize = chunkSize
        self.capture = capture
        self.byteLimit = byteLimit
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw IOError(path: path, operation: .read, cause: .isAFolder)
        }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    /// Calls `body` with each chunk until the end of the file.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw IOError(path: path, operation: "read", reason: String(cString: strerror(errno)))
            }
            if count == 0 { return }
            bytesRead += count
            if let byteLimit, bytesRead > byteLimit {
                exceededLimit = true
                throw ReadingStopped.file(path)
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            capture?.observe(chunk)
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Reads the next bytes into `buffer` (at most `buffer.count`, from its start) and returns how many;
    /// 0 at the end of the file. For readers that pull (libxml2's input callback); the capture sees each
    /// chunk exactly as with `forEachChunk`, so the two can follow each other on one reader.
    public func pull(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = read(descriptor, base, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw IOError(path: path, operation: "read", reason: String(cString: strerror(errno)))
            }
            bytesRead += count
            if let byteLimit, bytesRead > byteLimit {
                exceededLimit = true
                return 0
            }
            if count > 0 { capture?.observe(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) }
            return count
        }
    }

    /// The whole file, for small inputs such as configurations and registers; with a `limit`, reading stops
    /// once more than `limit` bytes are read (the caller sees `limit + 1` bytes and can refuse the file
    /// without holding all of it).
    public static func readAll(path: String, limit: Int = .max) throws(IOError) -> [UInt8] {
        struct LimitReached: Error {}
        let reader = try ByteFileReader(path: path)
        var bytes: [UInt8] = []
        do {
            try reader.forEachChunk { chunk in
                let room = limit - bytes.count
                guard room < chunk.count else { return bytes.append(contentsOf: chunk) }
                bytes.append(contentsOf: chunk.prefix(room + 1))
                throw LimitReached()
            }
        } catch is LimitReached {
            return bytes
        } catch let error as IOError {
            throw error
        } catch {
            throw IOError(path: path, operation: "read", reason: "\(error)")
        }
        return bytes
    }
}
