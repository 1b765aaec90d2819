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
        AbandonedFiles.remove(in: directory, prefix: "state.json.partial-")
        let temporary = path + ".partial-\(getpid())"
        let writer = try ByteFileWriter(path: temporary)
        try PublicationStateStore.write(state, to: writer)
        _ = try writer.finish()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw IOError(path: path, operation: "write", reason: reason)
        }
    }
}

extension PublicationStateStore {
    /// Writes `state` as JSON, streaming its long lists (a snapshot and a history row per project: at a
    /// million projects, encoding the whole state at once would hold it in memory several times over).
    /// The keys are those of `PublicationState.CodingKeys`, sorted; the lists hold one compact object
    /// per line, encoded a thousand at a time.
    static func write(_ state: PublicationState, to writer: ByteFileWriter) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func value(_ key: String, _ encoded: some Encodable, last: Bool = false) throws {
            try writer.write("  \"\(key)\": ")
            try writer.write(Array(try encoder.encode(encoded)))
            try writer.write(last ? "\n" : ",\n")
        }
        func list<Element: Encodable>(_ key: String, _ elements: [Element]) throws {
            try writer.write("  \"\(key)\": [")
            var start = 0
            while start < elements.count {
                let end = min(start + 1_000, elements.count)
                // `[a,b,c]` of the chunk, written as `a,\n b,\n c`, one element per line.
                var bytes = Array(try encoder.encode(Array(elements[start..<end])))
                bytes.removeFirst()
                bytes.removeLast()
                var line: [UInt8] = [0x0A, 0x20, 0x20, 0x20, 0x20]
                line.reserveCapacity(bytes.count + bytes.count / 64)
                var depth = 0, inString = false, escaped = false
                for byte in bytes {
                    line.append(byte)
                    if inString {
                        if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                        continue
                    }
                    switch byte {
                    case 0x22: inString = true
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D: depth -= 1
                    case 0x2C where depth == 0: line += [0x0A, 0x20, 0x20, 0x20, 0x20]
                    default: break
                    }
                }
                try writer.write(line)
                start = end
                if start < elements.count { try writer.write(",") }
            }
            try writer.write(elements.isEmpty ? "],\n" : "\n  ],\n")
        }
        try writer.write("{\n")
        try value("configurationFingerprint", state.configurationFingerprint)
        try list("feed", state.feed)
        try value("files", state.files)
        if let counts = state.findingCounts { try value("findingCounts", counts) }
        try list("history", state.history)
        try value("kompassVersion", state.kompassVersion)
        try list("projects", state.projects)
        if let publishedOn = state.publishedOn { try value("publishedOn", publishedOn) }
        try list("retired", state.retired)
        try list("sources", state.sources)
        try value("version", state.version, last: true)
        try writer.write("}\n")
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
