import Foundation

/// The bytes of one source as the importer reads them: their size, their SHA-256 and, when asked, a copy
/// (the accepted copy the spreadsheet check compares the next run's source with).
///
/// The source is read once: the checksum the state records, the accepted copy and the records that were
/// published all come from the same bytes, even when the file is replaced while the run reads it.
/// Used by one thread at a time (the importer's, then the pipeline's after the import has ended).
public final class SourceCapture: @unchecked Sendable {
    /// The source as the configuration names it.
    public let path: String
    private var hasher = SHA256()
    public private(set) var byteCount = 0
    private var copy: ByteFileWriter?
    private let copyLimit: Int
    /// Why the copy was given up, if it was (the source grew beyond `copyLimit`, or the copy could not be written).
    public private(set) var copyAbandoned: String?

    /// What was read, once the import has ended.
    public struct Summary: Sendable, Equatable {
        public var path: String
        public var byteCount: Int
        public var sha256: String
        /// The copy of the bytes read (a temporary file), nil when none was asked for or it was given up.
        public var copyPath: String?
    }

    /// `copyPath`: where to write a copy of the bytes read (nil: no copy); beyond `copyLimit` bytes the
    /// copy is given up and removed.
    public init(path: String, copyPath: String? = nil, copyLimit: Int = Int.max) {
        self.path = path
        self.copyLimit = copyLimit
        if let copyPath {
            do {
                copy = try ByteFileWriter(path: copyPath)
            } catch {
                copyAbandoned = error.description
            }
        }
    }

    /// Takes the next chunk the importer read.
    public func observe(_ chunk: UnsafeRawBufferPointer) {
        hasher.update(buffer: chunk)
        byteCount += chunk.count
        guard let writer = copy else { return }
        if byteCount > copyLimit {
            abandonCopy(reason: "the source is larger than \(copyLimit) bytes")
            return
        }
        do {
            try writer.write(bytes: chunk)
        } catch {
            abandonCopy(reason: error.description)
        }
    }

    private func abandonCopy(reason: String) {
        guard let writer = copy else { return }
        copy = nil
        copyAbandoned = reason
        unlink(writer.path)
    }

    /// The size, the checksum and the finished copy of everything observed.
    public func finish() -> Summary {
        var copyPath: String?
        if let writer = copy {
            copy = nil
            do {
                copyPath = try writer.finish().path
            } catch {
                copyAbandoned = error.description
                unlink(writer.path)
            }
        }
        return Summary(path: path, byteCount: byteCount, sha256: SHA256.hexString(hasher.finalize()), copyPath: copyPath)
    }
}
