import Foundation

/// Writes the portfolio the sources hold in one of the input formats (`kompass convert`).
/// The file appears only when it is complete: it is written beside its target and renamed into place.
public struct PortfolioConverter: Sendable {
    public init() {}

    public func write(_ portfolio: Portfolio, as format: SourceFormat, to path: String) throws -> WrittenFile {
        let temporary = path + ".kompass-\(getpid()).partial"
        do {
            let writer = try ByteFileWriter(path: temporary)
            try format.writer.write(portfolio.projects, to: writer)
            let written = try writer.finish()
            guard rename(temporary, path) == 0 else {
                throw IOError(path: path, operation: "write", reason: String(cString: strerror(errno)))
            }
            return WrittenFile(path: path, byteCount: written.byteCount, sha256: written.sha256)
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
