import Foundation
import Testing
@testable import KompassCore

/// The single pass on its own: what it keeps, what it writes, what it read.
@Suite("The portfolio pass")
struct PortfolioPassTests {
    static let date = CalendarDate(iso: "2026-11-30")!

    static func context(_ configuration: Configuration, limit: Int? = nil) -> ExportContext {
        var settings = configuration.publication
        if let limit { settings.landingPageLimit = limit }
        return ExportContext(settings: settings, referenceDate: date, zone: Pipeline.cantonZone)
    }

    @Test func thePassKeepsASummarySnapshotsAndTheSourcesChecksums() throws {
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        let pass = PortfolioPass(exportContext: Self.context(configuration, limit: 5))
        let outcome = try pass.run(configuration, options: RunOptions(referenceDate: Self.date)) { _ in }
        let portfolio = try PortfolioLoader().load(configuration.sources).portfolio
        #expect(outcome.summary.projectCount == 34 && outcome.summary.leadingProjects == Array(portfolio.projects.prefix(5)))
        #expect(outcome.summary.yearSpan == portfolio.yearSpan)
        #expect(outcome.snapshots == portfolio.projects.map { ProjectSnapshot($0, referenceYear: 2026) })
        #expect(outcome.findings.count(of: .warning) == 9 && !outcome.findings.hasErrors)
        #expect(outcome.sources.map(\.sha256) == [SHA256.hex(ofFileAt: TestFiles.pageTextPath)])
        // On a first publication every project may be announced, up to the feeds' limit.
        #expect(outcome.announced.count == 34)
    }

    @Test func onlyChangedProjectsAreKeptForTheFeeds() throws {
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        let portfolio = try PortfolioLoader().load(configuration.sources).portfolio
        var snapshots = portfolio.projects.map { ProjectSnapshot($0, referenceYear: 2026) }
        snapshots[3].progress += 1
        snapshots.remove(at: 7)
        var pass = PortfolioPass(exportContext: Self.context(configuration))
        pass.previous = PublishedProjects(snapshots)
        let outcome = try pass.run(configuration, options: RunOptions(referenceDate: Self.date)) { _ in }
        #expect(Set(outcome.announced.keys) == [portfolio.projects[3].id.rawValue, portfolio.projects[7].id.rawValue])
    }

    /// The row files the pass writes, project by project in batches, are the bytes the exporters write for the
    /// whole portfolio at once.
    @Test func theRowFilesAreTheExportersBytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        configuration.publication.spreadsheetCopy = true
        let context = Self.context(configuration)
        let plan = ExportPlan(context: context)
        var rowFiles: [(exporter: any ProjectRowExporter, writer: ByteFileWriter)] = []
        for exporter in plan.rows {
            let writer = try ByteFileWriter(path: directory.file("pass-" + exporter.file.rawValue))
            try exporter.writeStart(context: context, to: writer)
            rowFiles.append((exporter, writer))
        }
        let outcome = try PortfolioPass(rowFiles: rowFiles, exportContext: context)
            .run(configuration, options: RunOptions(referenceDate: Self.date)) { _ in }
        #expect(outcome.summary.projectCount == 34)
        let portfolio = try PortfolioLoader().load(configuration.sources).portfolio
        #expect(plan.rows.count == 4)
        for (exporter, writer) in rowFiles {
            try exporter.writeEnd(context: context, to: writer)
            _ = try writer.finish()
            let whole = try ByteFileWriter(path: directory.file("whole-" + exporter.file.rawValue))
            try exporter.export(portfolio, context: context, to: whole)
            _ = try whole.finish()
            #expect(try TestFiles.bytes(atPath: directory.file("pass-" + exporter.file.rawValue))
                == TestFiles.bytes(atPath: directory.file("whole-" + exporter.file.rawValue)), "\(exporter.file)")
        }
    }
}
