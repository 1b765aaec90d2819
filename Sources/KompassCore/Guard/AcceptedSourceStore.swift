import Foundation

/// Keeps a byte copy of each CSV source that was part of the last publication, in `<state>/accepted/`, so
/// that a source which replaces it can be compared with it (`SpreadsheetDamageCheck`) and a damaged value
/// restored from it.
///
/// A copy is written to a temporary file in the same folder and renamed into place, so a run killed at any
/// moment leaves the previous copy or the new one, never half of one. What a killed run leaves behind
/// (`<name>.partial-<pid>`) is removed by the next accept of the same source.
public struct AcceptedSourceStore: Sendable {
    public var stateDirectory: String

    public init(stateDirectory: String) {
        self.stateDirectory = stateDirectory
    }

    /// `<state>/accepted`
    public var directory: String { (stateDirectory as NSString).appendingPathComponent("accepted") }

    /// Where the accepted copy of the source at `path` is kept: `<state>/accepted/<index>-<base name>`, e.g.
    /// `1-register.csv`. `index` is the source's position in the configuration (as the caller counts it), so two
    /// sources with the same base name in different folders keep apart, and the name depends on nothing else.
    public func acceptedPath(forSourceAt path: String, index: Int) -> String {
        let baseName = (path as NSString).lastPathComponent
        return (directory as NSString).appendingPathComponent("\(index)-\(baseName)")
    }

    /// Whether an accepted copy of the source exists.
    public func hasAccepted(forSourceAt path: String, index: Int) -> Bool {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: acceptedPath(forSourceAt: path, index: index), isDirectory: &isDirectory)
        return exists && !isDirectory.boolValue
    }

    /// Where a run writes the copy of a source it reads (`SourceCapture`), beside the accepted copy (the
    /// same file system, so that it can be renamed into place): `<accepted path>.partial-<pid>`. Creates the
    /// folder and removes what killed runs left; nil when the folder cannot be made (no copy is kept then).
    public func incomingPath(forSourceAt path: String, index: Int) -> String? {
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return nil }
        let target = acceptedPath(forSourceAt: path, index: index)
        AbandonedFiles.remove(in: directory, prefix: (target as NSString).lastPathComponent + ".partial-")
        return target + ".partial-\(getpid())"
    }

    /// Makes the copy at `copy` (taken while the source was read) the accepted copy of the source, atomically.
    public func adopt(copyAt copy: String, forSourceAt path: String, index: Int) throws {
        let target = acceptedPath(forSourceAt: path, index: index)
        guard rename(copy, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(copy)
            throw IOError(path: target, operation: "write", reason: reason)
        }
    }

    /// Copies the source at `path`, byte for byte, as its accepted copy (creating the folder), replacing the
    /// previous copy atomically; the same way a run keeps the copy of what it read (`SourceCapture`, then
    /// `adopt`). On failure the previous copy stays as it was.
    public func accept(sourceAt path: String, index: Int) throws {
        guard let incoming = incomingPath(forSourceAt: path, index: index) else {
            throw IOError(path: directory, operation: "create the folder", reason: "it cannot be created")
        }
        let capture = SourceCapture(path: path, copyPath: incoming)
        do {
            try ByteFileReader(path: path, capture: capture).forEachChunk { _ in }
        } catch {
            _ = capture.finish()
            unlink(incoming)
            throw error
        }
        guard let copy = capture.finish().copyPath else {
            unlink(incoming)
            throw IOError(path: incoming, operation: "write", reason: capture.copyAbandoned ?? "the copy was given up")
        }
        try adopt(copyAt: copy, forSourceAt: path, index: index)
    }
}
