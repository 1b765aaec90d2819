import Foundation
import Testing
@testable import KompassCore

/// The state file, written in streamed chunks, reads back as the state that was saved.
@Suite("Publication state store")
struct PublicationStateStoreTests {
    static let date = CalendarDate(iso: "2026-11-30")!

    /// A state with every key filled, lists longer than a chunk, and texts that look like JSON structure.
    static func state(projects: Int) throws -> PublicationState {
        var state = PublicationState()
        state.publishedOn = date
        state.kompassVersion = "9.9.9"
        state.configurationFingerprint = String(repeating: "ab", count: 32)
        state.sources = [.init(path: "/x/p.csv", format: "csv", sha256: "cd")]
        state.files["projects.csv"] = .init(sha256: "ef", bytes: 12, issued: date, modified: date)
        let context = ExportContext(settings: try ConfigurationLoader().load(path: TestFiles.configPath).publication, referenceDate: date, zone: Pipeline.cantonZone)
        for index in 0..<projects {
            let title = "Titel \(index), mit \"Anführung\", {Klammer}, [Liste] und \\\\ Schrägstrich"
            let project = Project(id: ProjectID("p-\(index)")!, title: title, progress: index % 101,
                                  period: ProjectPeriod(startYear: 2020, endYear: index.isMultiple(of: 2) ? nil : 2030),
                                  before: "Bisher }, {", future: "In Zukunft ],[", fieldsOfAction: [.daten, .recht], userGroups: [.wirtschaft],
                                  origins: ProjectOrigins(record: SourceLocation(file: "t", line: index)))
            state.projects.append(ProjectSnapshot(project, referenceYear: 2026))
            state.history.append(HistoryRow(date: date, projectID: project.id.rawValue, event: "added", progress: project.progress,
                                            status: index.isMultiple(of: 3) ? nil : "in_umsetzung"))
            if index < 100 {
                state.feed.append(FeedItem(ProjectChange(kind: .added, projectID: project.id.rawValue, title: title),
                                           date: date, context: context, project: project))
            }
        }
        state.retired = [RetiredProject(id: "alt", title: "Alt, \"zurückgezogen\"", retiredOn: date)]
        return state
    }

    @Test(arguments: [0, 1, 999, 1_000, 2_501])
    func aSavedStateReadsBackTheSame(projects: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = PublicationStateStore(directory: directory.file("state"))
        var state = try Self.state(projects: projects)
        if projects > 0 { state.projects[0].title = "Tab\there, line\nbreak, carriage\rreturn, back\\slash, \\t not a tab" }
        try store.save(state)
        #expect(try store.load() == state)
        // state.json names the two list files with their checksums and sizes; each holds one line per element.
        let bytes = try TestFiles.bytes(atPath: store.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(Set(object.keys) == ["configurationFingerprint", "feed", "files", "history", "kompassVersion", "projects",
                                     "publishedOn", "retired", "sources", "version"])
        #expect(object["version"] as? Int == 2)
        for key in ["projects", "history"] {
            let reference = try #require(object[key] as? [String: Any])
            #expect(reference["count"] as? Int == projects)
            let name = try #require(reference["file"] as? String)
            let lines = try TestFiles.bytes(atPath: directory.file("state/\(name)")).filter { $0 == 0x0A }.count
            #expect(lines == projects)
        }
        // Without its lists, the state is the same but for them.
        let small = try #require(try store.load(lists: false))
        #expect(small.projects.isEmpty && small.history.isEmpty)
        #expect(small.files == state.files && small.feed == state.feed && small.retired == state.retired)
    }

    /// A state as kompass 0.3 wrote it (version 1, the lists inline) is read, and saved again as version 2.
    @Test func aVersionOneStateIsReadAndSavedAsVersionTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = PublicationStateStore(directory: directory.file("state"))
        var state = try Self.state(projects: 3)
        state.version = 1
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        let writer = try ByteFileWriter(path: store.path)
        try PublicationStateStore.write(state, to: writer)
        _ = try writer.finish()
        let loaded = try #require(try store.load())
        #expect(loaded.projects == state.projects && loaded.history == state.history && loaded.version == 1)
        try store.save(loaded)
        let again = try #require(try store.load())
        #expect(again.version == 2 && again.projects == state.projects && again.history == state.history)
    }

    /// A list file that does not hold what state.json says is a damaged state (exit 3), never read as empty.
    @Test func aChangedListFileIsADamagedState() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = PublicationStateStore(directory: directory.file("state"))
        try store.save(try Self.state(projects: 5))
        let names = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasPrefix("projects-") }
        let list = directory.file("state/\(try #require(names.first))")
        var bytes = try TestFiles.bytes(atPath: list)
        bytes[bytes.count / 2] = UInt8(ascii: "X")
        try Data(bytes).write(to: URL(fileURLWithPath: list))
        #expect(throws: StateError.self) { try store.load() }
        #expect(try store.load(lists: false) != nil)
        unlink(list)
        #expect(throws: StateError.self) { try store.load() }
    }

    /// Saving keeps the lists of the state it replaces (a state put back by hand after a killed run still reads)
    /// and removes older ones.
    @Test func savingKeepsThePreviousListsAndNoOlder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = PublicationStateStore(directory: directory.file("state"))
        var states: [PublicationState] = []
        for count in [1, 2, 3] {
            let state = try Self.state(projects: count)
            try store.save(state)
            states.append(state)
        }
        let lists = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasSuffix(".tsv") }
        #expect(lists.count == 4, "the lists of the last two states: \(lists)")
    }
}
