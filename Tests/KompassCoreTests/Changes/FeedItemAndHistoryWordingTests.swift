import Foundation
import Testing
@testable import KompassCore

/// The public feed and the history table say what happened in German: the direction of a progress change,
/// German event codes in the German table.
@Suite struct FeedItemAndHistoryWordingTests {
    static let date = CalendarDate(iso: "2026-12-01")!

    static func context() throws -> ExportContext {
        ExportContext(settings: try ConfigurationLoader().load(path: TestFiles.configPath).publication, referenceDate: date,
                      zone: Pipeline.cantonZone)
    }

    @Test(arguments: [("30%", "40%", "gestiegen"), ("40%", "30%", "gesunken"), ("30%", "30%", "geblieben")])
    func aProgressItemSaysWhichWayItWent(before: String, after: String, word: String) throws {
        let change = ProjectChange(kind: .progress, projectID: "digital-lab", title: "Digital Lab", before: before, after: after)
        let item = FeedItem(change, date: Self.date, context: try Self.context(), project: nil)
        #expect(item.summary == "Der Fortschritt von «Digital Lab» ist von \(before) auf \(after) \(word).")
        #expect(!item.summary.contains("oder"))
    }

    @Test func theHistoryTableWritesGermanEventCodes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = [("added", 30), ("progress", 40), ("status", 40), ("removed", nil)].map { event, progress in
            HistoryRow(date: Self.date, projectID: "p", event: event, progress: progress, status: progress == nil ? nil : "in_umsetzung")
        }
        let reference = try StateListFile.write(kind: "history", in: directory.path, records: rows.map(\.stateFields))
        var context = try Self.context()
        context.history = HistoryList(reference: reference, directory: directory.path)
        let writer = try ByteFileWriter(path: directory.file("history.csv"))
        try HistoryCSVExporter().export(PortfolioSummary(referenceYear: 2026, keeping: 0), context: context, to: writer)
        _ = try writer.finish()
        let lines = try String(contentsOfFile: directory.file("history.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines.dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false)[2] } == ["neu", "fortschritt", "status", "entfernt"])
        #expect(Set(HistoryCSVExporter.eventCodes.keys) == Set(ChangeLog.historyKinds.map(\.rawValue)))
    }
}
