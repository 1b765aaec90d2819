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
        let state = try Self.state(projects: projects)
        try store.save(state)
        #expect(try store.load() == state)
        // Plain JSON with exactly the state's keys, one list element per line.
        let bytes = try TestFiles.bytes(atPath: store.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(Set(object.keys) == ["configurationFingerprint", "feed", "files", "history", "kompassVersion", "projects",
                                     "publishedOn", "retired", "sources", "version"])
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("    {") && $0.contains("\"textFingerprint\"") }.count == projects)
    }
}
