import Foundation

/// Reads and writes `state.json` in the state folder. Writing is atomic (a temporary file renamed into
/// place), so a run killed at any moment leaves the previous state or the new one, never half of one.
public struct PublicationStateStore: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var path: String { (directory as NSString).appendingPathComponent("state.json") }

    /// The state of the last publication; nil on a first run (no state file yet). `lists: false` reads
    /// `state.json` alone, without the projects' snapshots and the history (left empty): what the unchanged
    /// shortcut needs, at any portfolio size.
    public func load(lists: Bool = true) throws -> PublicationState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try ByteFileReader.readAll(path: path)
        let version: Int
        do {
            struct VersionOnly: Decodable { var version: Int }
            version = try JSONDecoder().decode(VersionOnly.self, from: Data(bytes)).version
        } catch {
            throw StateError(path: path, message: "is not a kompass state file (\(ConfigurationLoader.reason(error)))")
        }
        guard PublicationState.readableVersions.contains(version) else {
            throw StateError(path: path, message: "has version \(version); this kompass reads versions "
                + "\(PublicationState.readableVersions.lowerBound) to \(PublicationState.readableVersions.upperBound)")
        }
        var state: PublicationState
        do {
            state = try JSONDecoder().decode(PublicationState.self, from: Data(bytes))
        } catch {
            throw StateError(path: path, message: "is damaged (\(ConfigurationLoader.reason(error)))")
        }
        if lists { try readLists(into: &state) }
        return state
    }

    /// Reads the list files a version-2 state names into `state`.
    func readLists(into state: inout PublicationState) throws {
        if let reference = state.projectsFile {
            var projects: [ProjectSnapshot] = []
            projects.reserveCapacity(reference.count)
            try StateListFile.read(reference, in: directory) { fields in
                projects.append(try snapshot(fields, in: reference))
            }
            state.projects = projects
        }
        if let reference = state.historyFile {
            var history: [HistoryRow] = []
            history.reserveCapacity(reference.count)
            try StateListFile.read(reference, in: directory) { fields in
                history.append(try historyRow(fields, in: reference))
            }
            state.history = history
        }
    }

    private func damaged(_ reference: StateListFile.Reference) -> StateError {
        StateError(path: path, message: "names \((directory as NSString).appendingPathComponent(reference.file)), which is damaged "
                       + "(a line does not have the expected fields)")
    }

    private func snapshot(_ fields: [Substring], in reference: StateListFile.Reference) throws -> ProjectSnapshot {
        guard fields.count == 9, let progress = Int(fields[2]), let start = Int(fields[3]) else { throw damaged(reference) }
        let end: Int?
        if fields[4].isEmpty { end = nil } else if let year = Int(fields[4]) { end = year } else { throw damaged(reference) }
        func list(_ field: Substring) -> [String] { field.isEmpty ? [] : field.split(separator: ",").map(String.init) }
        guard let snapshot = ProjectSnapshot(id: String(fields[0]), title: String(fields[1]), progress: progress, startYear: start,
                                             endYear: end, status: String(fields[5]), textFingerprint: String(fields[6]),
                                             fieldsOfAction: list(fields[7]), userGroups: list(fields[8])) else { throw damaged(reference) }
        return snapshot
    }

    private func historyRow(_ fields: [Substring], in reference: StateListFile.Reference) throws -> HistoryRow {
        guard fields.count == 5, let date = CalendarDate(iso: String(fields[0])) else { throw damaged(reference) }
        let progress: Int?
        if fields[3].isEmpty { progress = nil } else if let value = Int(fields[3]) { progress = value } else { throw damaged(reference) }
        return HistoryRow(date: date, projectID: String(fields[1]), event: String(fields[2]), progress: progress,
                          status: fields[4].isEmpty ? nil : String(fields[4]))
    }

    /// Saves `state` as version 2: first its list files, then `state.json`, whose rename is the moment the
    /// state changes. List files that neither the new nor the previous state names are removed afterwards.
    public func save(_ state: PublicationState) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw IOError(path: directory, operation: "create the folder", reason: ConfigurationLoader.reason(error))
        }
        for prefix in ["state.json.partial-", "projects.partial-", "history.partial-"] {
            AbandonedFiles.remove(in: directory, prefix: prefix)
        }
        let previous = try? load(lists: false)
        var state = state
        state.version = PublicationState.currentVersion
        state.projectsFile = try StateListFile.write(kind: "projects", in: directory, count: state.projects.count) { emit in
            for snapshot in state.projects {
                try emit([snapshot.id, snapshot.title, String(snapshot.progress), String(snapshot.startYear),
                          snapshot.endYear.map(String.init) ?? "", snapshot.status, snapshot.textFingerprint,
                          snapshot.fieldsOfAction.joined(separator: ","), snapshot.userGroups.joined(separator: ",")])
            }
        }
        state.historyFile = try StateListFile.write(kind: "history", in: directory, count: state.history.count) { emit in
            for row in state.history {
                try emit([row.date.iso, row.projectID, row.event, row.progress.map(String.init) ?? "", row.status ?? ""])
            }
        }
        let temporary = path + ".partial-\(getpid())"
        let writer = try ByteFileWriter(path: temporary)
        try PublicationStateStore.write(state, to: writer)
        _ = try writer.finish()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw IOError(path: path, operation: "write", reason: reason)
        }
        let keep = [state.projectsFile, state.historyFile, previous?.projectsFile, previous?.historyFile].compactMap { $0?.file }
        StateListFile.removeUnreferenced(in: directory, keep: Set(keep))
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
        if let reference = state.historyFile { try value("history", reference) } else { try list("history", state.history) }
        try value("kompassVersion", state.kompassVersion)
        if let reference = state.projectsFile { try value("projects", reference) } else { try list("projects", state.projects) }
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
