import Foundation
import Testing
@testable import KompassCore

/// The state file and its list files read back as the state that was saved.
@Suite("Publication state store")
struct PublicationStateStoreTests {
    static let date = CalendarDate(iso: "2026-11-30")!

    /// A state with every key filled, lists longer than a chunk, and texts that look like JSON structure.
    static func state(projects: Int) throws -> (state: PublicationState, projects: [ProjectSnapshot], history: [HistoryRow]) {
        var state = PublicationState()
        var snapshots: [ProjectSnapshot] = []
        var history: [HistoryRow] = []
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
            snapshots.append(ProjectSnapshot(project, referenceYear: 2026))
            history.append(HistoryRow(date: date, projectID: project.id.rawValue, event: "added", progress: project.progress,
                                            status: index.isMultiple(of: 3) ? nil : "in_umsetzung"))
            if index < 100 {
                state.feed.append(FeedItem(ProjectChange(kind: .added, projectID: project.id.rawValue, title: title),
                                           date: date, context: context, project: project))
            }
        }
        state.retired = [RetiredProject(id: "alt", title: "Alt, \"zurückgezogen\"", retiredOn: date)]
        return (state, snapshots, history)
    }

    @Test(arguments: [0, 1, 999, 1_000, 2_501])
    func aSavedStateReadsBackTheSame(projects: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = PublicationStateStore(directory: directory.file("state"))
        var (state, snapshots, history) = try Self.state(projects: projects)
        if projects > 0 { snapshots[0].title = "Tab\there, line\nbreak, carriage\rreturn, back\\slash, \\t not a tab" }
        try store.save(state, projects: snapshots, history: history)
        let loaded = try #require(try store.load())
        #expect(try store.projects(of: loaded) == snapshots)
        #expect(try store.historyRows(of: loaded) == history)
        #expect(loaded.projectCount == projects && loaded.historyCount == projects)
        #expect(loaded.files == state.files && loaded.feed == state.feed && loaded.retired == state.retired && loaded.sources == state.sources)
        #expect(loaded.publishedOn == state.publishedOn && loaded.kompassVersion == state.kompassVersion)
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
        // The run's index of the published projects finds each one by its identifier and knows it unchanged.
        let index = try store.publishedProjects(of: loaded)
        for snapshot in snapshots.prefix(50) {
            guard case .unchanged = try index.match(snapshot, lineHash: PublishedProjects.lineHash(ofLine: snapshot.stateLine)) else {
                Issue.record("\(snapshot.id) is not found unchanged")
                continue
            }
        }
    }

    /// A state as kompass 0.3 wrote it (version 1, the lists inline) is read, and saved again as version 2.
    @Test func aVersionOneStateIsReadAndSavedAsVersionTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = PublicationStateStore(directory: directory.file("state"))
        let (state, snapshots, history) = try Self.state(projects: 3)
        /// The keys of a version-1 state, its lists inline.
        struct VersionOne: Encodable {
            var version = 1
            var publishedOn: CalendarDate?
            var kompassVersion: String
            var configurationFingerprint: String
            var sources: [PublicationState.SourceRecord]
            var files: [String: PublicationState.PublishedFile]
            var projects: [ProjectSnapshot]
            var feed: [FeedItem]
            var history: [HistoryRow]
            var retired: [RetiredProject]
        }
        let old = VersionOne(publishedOn: state.publishedOn, kompassVersion: "0.3.0", configurationFingerprint: state.configurationFingerprint,
                             sources: state.sources, files: state.files, projects: snapshots, feed: state.feed, history: history,
                             retired: state.retired)
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        try JSONEncoder().encode(old).write(to: URL(fileURLWithPath: store.path))
        let loaded = try #require(try store.load())
        #expect(try store.projects(of: loaded) == snapshots)
        #expect(try store.historyRows(of: loaded) == history && loaded.version == 1)
        #expect(loaded.projectCount == 3 && loaded.historyCount == 3 && loaded.feed == state.feed)
        // A run indexes its projects and continues its history like those of a version-2 state.
        let index = try store.publishedProjects(of: loaded)
        #expect(index.count == 3)
        let lists = try store.openLists(continuing: loaded)
        lists.projects.discard()
        var next = loaded
        next.historyFile = try lists.history.commit()
        next.legacyHistory = []
        #expect(try store.historyRows(of: next) == history)
        try store.save(loaded)
        let again = try #require(try store.load())
        #expect(try store.projects(of: again) == snapshots)
        #expect(try store.historyRows(of: again) == history && again.version == 2)
    }

    /// A list file that does not hold what state.json says is a damaged state (exit 3), never read as empty.
    @Test func aChangedListFileIsADamagedState() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = PublicationStateStore(directory: directory.file("state"))
        let (state, snapshots, history) = try Self.state(projects: 5)
        try store.save(state, projects: snapshots, history: history)
        let names = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasPrefix("projects-") }
        let list = directory.file("state/\(try #require(names.first))")
        var bytes = try TestFiles.bytes(atPath: list)
        bytes[bytes.count / 2] = UInt8(ascii: "X")
        try Data(bytes).write(to: URL(fileURLWithPath: list))
        let loaded = try #require(try store.load())
        #expect(throws: StateError.self) { try store.publishedProjects(of: loaded) }
        unlink(list)
        #expect(throws: StateError.self) { try store.publishedProjects(of: loaded) }
        // The history the same: a run cannot continue it.
        let historyList = directory.file("state/\(try #require(loaded.historyFile?.file))")
        try Data("2026-11-30\tp-0\tadded\t0\t\n".utf8).write(to: URL(fileURLWithPath: historyList))
        #expect(throws: StateError.self) { try store.openLists(continuing: loaded) }
    }

    /// Saving keeps the lists of the state it replaces (a state put back by hand after a killed run still reads)
    /// and removes older ones.
    @Test func savingKeepsThePreviousListsAndNoOlder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = PublicationStateStore(directory: directory.file("state"))
        var states: [PublicationState] = []
        for count in [1, 2, 3] {
            let (state, snapshots, history) = try Self.state(projects: count)
            try store.save(state, projects: snapshots, history: history)
            states.append(state)
        }
        let lists = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasSuffix(".tsv") }
        #expect(lists.count == 4, "the lists of the last two states: \(lists)")
    }
}
