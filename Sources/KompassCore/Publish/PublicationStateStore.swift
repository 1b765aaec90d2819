import Foundation

/// Reads and writes `state.json` in the state folder. Writing is atomic (a temporary file renamed into
/// place), so a run killed at any moment leaves the previous state or the new one, never half of one.
public struct PublicationStateStore: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var path: String { (directory as NSString).appendingPathComponent("state.json") }

    /// The state of the last publication; nil on a first run (no state file yet).
    public func load() throws -> PublicationState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try ByteFileReader.readAll(path: path)
        let version: Int
        do {
            struct VersionOnly: Decodable { var version: Int }
            version = try JSONDecoder().decode(VersionOnly.self, from: Data(bytes)).version
        } catch {
            throw StateError(path: path, message: "is not a kompass state file (\(ConfigurationLoader.reason(error)))")
        }
        guard version == PublicationState.currentVersion else {
            throw StateError(path: path, message: "has version \(version); this kompass reads version \(PublicationState.currentVersion)")
        }
        do {
            return try JSONDecoder().decode(PublicationState.self, from: Data(bytes))
        } catch {
            throw StateError(path: path, message: "is damaged (\(ConfigurationLoader.reason(error)))")
        }
    }

    public func save(_ state: PublicationState) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw IOError(path: directory, operation: "create the folder", reason: ConfigurationLoader.reason(error))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(state)
        AbandonedFiles.remove(in: directory, prefix: "state.json.partial-")
        let temporary = path + ".partial-\(getpid())"
        let writer = try ByteFileWriter(path: temporary)
        try writer.write(Array(data) + [0x0A])
        _ = try writer.finish()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw IOError(path: path, operation: "write", reason: reason)
        }
    }
}

/// A state file that cannot be used: the run stops; nothing is reset silently (exit code 3).
public struct StateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String {
        "\(path) \(message): move it aside only if you accept that every output counts as new (modification dates and the change feed start over)"
    }
}
