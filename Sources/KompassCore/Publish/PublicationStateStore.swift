import Foundation

/// Reads and writes `state.json` in the state folder. Writing is atomic (a temporary file renamed into
/// place), so a run killed at any moment leaves the previous state or the new one, never half of one.
public struct PublicationStateStore: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var path: String { (directory as NSString).appendingPathComponent("state.json") }

    /// The state of the last publication (`state.json`; the list files it names are read when a run needs
    /// them: `publishedProjects`, `copyHistory`); nil on a first run (no state file yet).
    public func load() throws -> PublicationState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try ByteFileReader.readAll(path: path, limit: PublicationStateStore.maxBytes)
        let root: JSONValue
        do throws(JSONDocumentError) {
            root = try JSONDocumentReader.read(bytes, maxBytes: PublicationStateStore.maxBytes)
        } catch {
            throw StateError(path: path, problem: .notJSON(error.text), line: error.line, column: error.column)
        }
        guard root.members != nil, let versionValue = root.member("version") else {
            throw StateError(path: path, problem: .noVersion, line: root.line, column: root.column)
        }
        guard let version = versionValue.value.integer else {
            throw StateError(path: path, problem: .versionNotAWholeNumber, line: versionValue.value.line, column: versionValue.value.column)
        }
        guard PublicationState.readableVersions.contains(version) else {
            throw StateError(path: path, problem: .unreadableVersion(version, readable: PublicationState.readableVersions))
        }
        do {
            return try JSONValueDecoder().decode(PublicationState.self, from: root)
        } catch let error as DecodingError {
            let (codingPath, detail) = PublicationStateStore.describe(error)
            let (line, column) = JSONValueDecoder.position(of: codingPath, in: root)
            var key = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            if key.hasPrefix(".") { key.removeFirst() }
            throw StateError(path: path, problem: .damaged(key: key, detail: detail), line: line, column: column)
        }
    }

    /// A state.json of a version-1 state held every project's snapshot and the whole history inline.
    static let maxBytes = 1 << 30

    /// The coding path and the explanation of a decoding error.
    static func describe(_ error: DecodingError) -> (codingPath: [any CodingKey], detail: String) {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            (context.codingPath, context.debugDescription)
        case .keyNotFound(let key, let context):
            (context.codingPath + [key], context.debugDescription)
        @unknown default:
            ([], "\(error)")
        }
    }

    /// The index of the projects `state` published (none: a first publication).
    public func publishedProjects(of state: PublicationState?) throws -> PublishedProjects {
        guard let state else { return PublishedProjects() }
        if let reference = state.projectsFile { return try PublishedProjects(reference: reference, in: directory) }
        return try PublishedProjects(state.legacyProjects)
    }

    /// The history rows of `state`, oldest first.
    public func history(of state: PublicationState) -> HistoryList {
        HistoryList(reference: state.historyFile, directory: directory)
    }

    /// The snapshots `state` published, in order (small publications: tests, tools; a run reads them as
    /// `publishedProjects`).
    public func projects(of state: PublicationState) throws -> [ProjectSnapshot] {
        guard let reference = state.projectsFile else { return state.legacyProjects }
        var projects: [ProjectSnapshot] = []
        try StateListFile.read(reference, in: directory) { fields in
            guard let snapshot = ProjectSnapshot(stateFields: fields) else {
                throw StateListFile.damaged(reference, in: directory, .fields)
            }
            projects.append(snapshot)
        }
        return projects
    }

    /// The history rows `state` published, in order (small publications: tests, tools).
    public func historyRows(of state: PublicationState) throws -> [HistoryRow] {
        state.historyFile == nil ? state.legacyHistory : try history(of: state).rows
    }

    /// Opens the list files of the next state in the state folder: the projects' list, empty, and the
    /// history's, holding `previous`'s rows.
    func openLists(continuing previous: PublicationState?) throws -> (projects: StateListWriter, history: StateListWriter) {
        try createFolder()
        for prefix in ["projects.partial-", "history.partial-"] { AbandonedFiles.remove(in: directory, prefix: prefix) }
        let projects = try StateListWriter(kind: "projects", in: directory)
        let history = try StateListWriter(kind: "history", in: directory)
        if let reference = previous?.historyFile {
            try history.append(copyOf: reference, in: directory)
        } else {
            for row in previous?.legacyHistory ?? [] { try history.append(row.stateFields) }
        }
        return (projects, history)
    }

    private func createFolder() throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw IOError(path: directory, operation: "create the folder", reason: ConfigurationLoader.reason(error))
        }
    }

    /// Saves `state` with `projects` and `history` as its lists (tests, tools; a run writes its lists as it
    /// goes and saves with them).
    public func save(_ state: PublicationState, projects: [ProjectSnapshot], history: [HistoryRow]) throws {
        try createFolder()
        var state = state
        state.projectsFile = try StateListFile.write(kind: "projects", in: directory, records: projects.lazy.map(\.stateFields))
        state.historyFile = try StateListFile.write(kind: "history", in: directory, records: history.lazy.map(\.stateFields))
        try save(state)
    }

    /// Saves `state` as version 2, its list files written already (`openLists`): `state.json`, whose rename
    /// is the moment the state changes. List files that neither the new nor the previous state names are
    /// removed afterwards.
    public func save(_ state: PublicationState) throws {
        try prepare(state).commit()
    }

    /// Writes `state` completely beside `state.json` (a temporary file, synced), so that all a publication has
    /// left to do for its state after the folders are exchanged is one rename (`PreparedState.commit`). What
    /// can fail for lack of room or rights fails here, before anything is published.
    func prepare(_ state: PublicationState) throws -> PreparedState {
        try createFolder()
        AbandonedFiles.remove(in: directory, prefix: "state.json.partial-")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw IOError(path: path, operation: "replace", reason: "it is a folder, not a file",
                          hint: "move the folder \(path) aside: kompass keeps its state in a file of that name")
        }
        let previous = try? load()
        var state = state
        state.version = PublicationState.currentVersion
        if state.projectsFile == nil || state.historyFile == nil {
            state.projectsFile = try state.projectsFile ?? StateListFile.write(kind: "projects", in: directory,
                                                                               records: state.legacyProjects.lazy.map(\.stateFields))
            state.historyFile = try state.historyFile ?? StateListFile.write(kind: "history", in: directory,
                                                                             records: state.legacyHistory.lazy.map(\.stateFields))
        }
        state.legacyProjects = []
        state.legacyHistory = []
        let temporary = path + ".partial-\(getpid())"
        let writer = try ByteFileWriter(path: temporary)
        do {
            try PublicationStateStore.write(state, to: writer)
            _ = try writer.finish()
        } catch {
            unlink(temporary)
            throw error
        }
        let keep = [state.projectsFile, state.historyFile, previous?.projectsFile, previous?.historyFile].compactMap { $0?.file }
        return PreparedState(store: self, temporary: temporary, keep: Set(keep))
    }

    /// A state written beside `state.json`, waiting for its rename.
    struct PreparedState {
        let store: PublicationStateStore
        let temporary: String
        let keep: Set<String>

        /// Makes the prepared state the state: one rename; then removes the list files no state names.
        func commit() throws(IOError) {
            guard rename(temporary, store.path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw IOError(path: store.path, operation: "write", reason: reason)
            }
            StateListFile.removeUnreferenced(in: store.directory, keep: keep)
        }

        /// Removes the prepared state (the publication did not happen).
        func discard() {
            unlink(temporary)
        }
    }
}

extension PublicationStateStore {
    /// Writes `state` as JSON: the keys of `PublicationState.CodingKeys`, sorted; its short lists (the feed,
    /// the retired projects, the sources) one compact object per line; the long lists by reference to their
    /// files (`StateListFile`).
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
        if !state.deliveries.isEmpty { try value("deliveries", state.deliveries) }
        try list("feed", state.feed)
        try value("files", state.files)
        if let counts = state.findingCounts { try value("findingCounts", counts) }
        if let reference = state.historyFile { try value("history", reference) }
        try value("kompassVersion", state.kompassVersion)
        if let reference = state.projectsFile { try value("projects", reference) }
        if let publishedOn = state.publishedOn { try value("publishedOn", publishedOn) }
        try list("retired", state.retired)
        try list("sources", state.sources)
        try value("version", state.version, last: true)
        try writer.write("}\n")
    }
}

/// A state file that cannot be used: the run stops; nothing is reset silently (exit code 3).
///
/// A state file that is not JSON, or holds a value of the wrong kind, names the line and column of the
/// fault (`state.json:3:17`).
public struct StateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: Problem
    /// The 1-based line of the fault in `path`, when it is known.
    public var line: Int?
    /// The 1-based column (in characters) of the fault in `path`, when it is known.
    public var column: Int?

    public init(path: String, problem: Problem, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.problem = problem
        self.line = line
        self.column = column
    }

    /// What is wrong with the state file.
    public enum Problem: Sendable, Equatable {
        /// Not JSON: the JSON reader's message (in English).
        case notJSON(String)
        /// No object with a "version".
        case noVersion
        case versionNotAWholeNumber
        case unreadableVersion(Int, readable: ClosedRange<Int>)
        /// A value of the wrong kind or a missing key: its key path and the decoder's detail (in English).
        case damaged(key: String, detail: String)
        /// A reference to a file that is not a state list file.
        case notAListFile(String)
        /// A list file the state names does not hold what the state recorded.
        case listDamaged(path: String, ListDamage)
        /// A list file the state names cannot be read: the system's reason.
        case listUnreadable(path: String, reason: String)
    }

    /// How a list file differs from what the state recorded.
    public enum ListDamage: Sendable, Equatable {
        case fields, checksumOrCount
    }

    /// What is wrong, after the path, in English (`is not valid JSON: …`).
    public var message: String { problem.text.en }

    public var description: String { description(in: .en) }

    /// `PATH:LINE:COLUMN message: what moving it aside means`, in `language`.
    public func description(in language: ReportLanguage) -> String {
        let place = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
        let text = problem.text
        return language == .de
            ? "\(path)\(place) \(text.de): verschieben Sie ihn nur, wenn Sie in Kauf nehmen, dass jede Ausgabe als neu gilt "
                + "(Änderungsdaten und Änderungsfeed beginnen von vorn)"
            : "\(path)\(place) \(text.en): move it aside only if you accept that every output counts as new "
                + "(modification dates and the change feed start over)"
    }
}

// MARK: - Messages

extension StateError.Problem {
    /// The words after the path: English, and German (after "der Publikationszustand PATH").
    var text: Bilingual {
        switch self {
        case .notJSON(let detail):
            Bilingual(en: "is not valid JSON: \(detail)", de: "ist kein gültiges JSON: \(detail)")
        case .noVersion:
            Bilingual(en: "is not a kompass state file (it holds no object with a \"version\")",
                      de: "ist keine Zustandsdatei von kompass (sie enthält kein Objekt mit \"version\")")
        case .versionNotAWholeNumber:
            Bilingual(en: "is not a kompass state file (its \"version\" is not a whole number)",
                      de: "ist keine Zustandsdatei von kompass (ihre \"version\" ist keine ganze Zahl)")
        case .unreadableVersion(let version, let readable):
            Bilingual(en: "has version \(version); this kompass reads versions \(readable.lowerBound) to \(readable.upperBound)",
                      de: "hat die Version \(version); dieser kompass liest die Versionen \(readable.lowerBound) bis \(readable.upperBound)")
        case .damaged(let key, let detail):
            Bilingual(en: "is damaged (" + (key.isEmpty ? "" : "\(key): ") + detail + ")",
                      de: "ist beschädigt (" + (key.isEmpty ? "" : "\(key): ") + detail + ")")
        case .notAListFile(let name):
            Bilingual(en: "names '\(name)', which is not a state list file", de: "nennt '\(name)', das keine Listendatei des Zustands ist")
        case .listDamaged(let path, let damage):
            switch damage {
            case .fields:
                Bilingual(en: "names \(path), which is damaged (a line does not have the expected fields)",
                          de: "nennt \(path), das beschädigt ist (eine Zeile hat nicht die erwarteten Felder)")
            case .checksumOrCount:
                Bilingual(en: "names \(path), which is damaged (its checksum or its number of lines is not the one recorded)",
                          de: "nennt \(path), das beschädigt ist (seine Prüfsumme oder seine Zeilenzahl ist nicht die vermerkte)")
            }
        case .listUnreadable(let path, let reason):
            Bilingual(en: "names \(path), which cannot be read (\(reason))", de: "nennt \(path), das nicht gelesen werden kann (\(reason))")
        }
    }
}
