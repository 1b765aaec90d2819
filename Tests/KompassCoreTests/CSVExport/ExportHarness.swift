import Foundation
import Testing
@testable import KompassCore

/// Runs single exporters into temporary folders, on the real portfolio or on hand-made projects,
/// without going through the pipeline's registration.
enum ExportHarness {
    static let referenceDate = CalendarDate(iso: "2026-11-30")!

    /// The real configuration (config/kompass.json) and its portfolio, loaded and validated.
    static func realPortfolio() throws -> (portfolio: Portfolio, context: ExportContext) {
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        let (portfolio, findings) = try Pipeline(configuration: configuration).collect(options: RunOptions(referenceDate: referenceDate))
        try #require(!findings.hasErrors)
        try #require(portfolio.projects.count == 34)
        return (portfolio, context(configuration.publication))
    }

    static func context(_ settings: PublicationSettings) -> ExportContext {
        ExportContext(settings: settings, referenceDate: referenceDate, zone: Pipeline.cantonZone)
    }

    /// The real publication settings.
    static func settings() throws -> PublicationSettings {
        try ConfigurationLoader().load(path: TestFiles.configPath).publication
    }

    /// Exports with `exporter` into `directory` and returns the file's path and bytes.
    @discardableResult
    static func export(_ exporter: some Exporter, _ portfolio: Portfolio, context: ExportContext,
                       into directory: TemporaryDirectory) throws -> (path: String, bytes: [UInt8]) {
        let path = directory.file(exporter.file.rawValue)
        let writer = try ByteFileWriter(path: path)
        var context = context
        if context.feedItems.isEmpty {
            // As on a first publication: every project is new.
            context.feedItems = portfolio.projects.map { project in
                FeedItem(ProjectChange(kind: .added, projectID: project.id.rawValue, title: project.title),
                         date: context.referenceDate, context: context, project: project)
            }
        }
        try exporter.export(portfolio, context: context, to: writer)
        let written = try writer.finish()
        let bytes = try TestFiles.bytes(atPath: path)
        #expect(written.byteCount == bytes.count)
        return (path, bytes)
    }

    /// A project with the given texts and title; everything else plain.
    static func project(_ id: String, title: String = "Titel", before: String = "Bisher.", future: String = "In Zukunft.",
                        fields: [FieldOfAction] = [.prozesse], groups: [UserGroup] = [.mitarbeitende],
                        progress: Int = 30, period: ProjectPeriod = ProjectPeriod(startYear: 2023, endYear: 2028)) -> Project {
        Project(id: ProjectID(id)!, title: title, progress: progress, period: period, before: before, future: future,
                fieldsOfAction: fields, userGroups: groups,
                origins: ProjectOrigins(record: SourceLocation(file: "test", line: 1)))
    }

    /// The rows of a `;`-separated CSV (header included) read with kompass's tokenizer; no problems allowed.
    static func rows(_ bytes: [UInt8]) -> [[String]] {
        var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ";"), file: "test.csv")
        var rows: [[String]] = []
        bytes.withUnsafeBytes { raw in
            tokenizer.feed(raw) { row in rows.append(row.cells.map { String(decoding: $0.bytes, as: UTF8.self) }) }
        }
        tokenizer.finish { row in rows.append(row.cells.map { String(decoding: $0.bytes, as: UTF8.self) }) }
        #expect(tokenizer.problems.isEmpty, "\(tokenizer.problems.map(\.message))")
        return rows
    }

    /// A JSON file parsed with Foundation.
    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }
}
