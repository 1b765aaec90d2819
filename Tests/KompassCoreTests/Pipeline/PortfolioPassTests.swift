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

    @Test func thePassKeepsASummaryWritesTheStateListsAndTakesTheSourcesChecksums() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        var pass = PortfolioPass(exportContext: Self.context(configuration, limit: 5))
        pass.snapshotList = try StateListWriter(kind: "projects", in: directory.path)
        pass.historyList = try StateListWriter(kind: "history", in: directory.path)
        let outcome = try pass.run(configuration, options: RunOptions(referenceDate: Self.date)) { _ in }
        let portfolio = try PortfolioLoader().load(configuration.sources).portfolio
        #expect(outcome.summary.projectCount == 34 && outcome.summary.leadingProjects == Array(portfolio.projects.prefix(5)))
        #expect(outcome.summary.yearSpan == portfolio.yearSpan)
        // The next state's lists: a snapshot per project, and a history row per project (all added).
        var state = PublicationState()
        state.projectsFile = try #require(try pass.snapshotList?.commit())
        state.historyFile = try #require(try pass.historyList?.commit())
        let store = PublicationStateStore(directory: directory.path)
        #expect(try store.projects(of: state) == portfolio.projects.map { ProjectSnapshot($0, referenceYear: 2026) })
        let history = try store.historyRows(of: state)
        #expect(history.map(\.projectID) == portfolio.projects.map(\.id.rawValue) && history.allSatisfy { $0.event == "added" })
        #expect(history.first?.progress == portfolio.projects.first?.progress)
        #expect(outcome.changes.count == 34 && outcome.changes.first.allSatisfy { $0.kind == .added } && outcome.removed.isEmpty)
        #expect(outcome.findings.count(of: .warning) == 10 && !outcome.findings.hasErrors)
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
        var gone = snapshots[0]
        gone.id = "gone"
        snapshots.append(gone)
        var pass = PortfolioPass(exportContext: Self.context(configuration))
        pass.previous = try PublishedProjects(snapshots)
        pass.keptChanges = 2
        let outcome = try pass.run(configuration, options: RunOptions(referenceDate: Self.date)) { _ in }
        #expect(Set(outcome.announced.keys) == [portfolio.projects[3].id.rawValue, portfolio.projects[7].id.rawValue])
        // The changes in portfolio order, the removed project last; two kept whole, three counted.
        #expect(outcome.changes.first.map(\.kind) == [.progress, .added] && outcome.changes.count == 3)
        #expect(outcome.changes.counts == [.progress: 1, .added: 1, .removed: 1])
        #expect(outcome.removed.map(\.id) == ["gone"] && outcome.removed.map(\.title) == [gone.title])
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
