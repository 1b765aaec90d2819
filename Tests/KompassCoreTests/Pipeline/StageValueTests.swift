import Foundation
import Testing
@testable import KompassCore

/// The named values of a run's stages: the export plan, the feed plan, the export run, the publish decision
/// and the next state, each on its own.
@Suite("Stage values of a run")
struct StageValueTests {
    static let date = CalendarDate(iso: "2026-11-30")!

    static func context(spreadsheetCopy: Bool = false, landingPageLimit: Int? = nil) throws -> ExportContext {
        var settings = try ConfigurationLoader().load(path: TestFiles.configPath).publication
        settings.spreadsheetCopy = spreadsheetCopy
        if let landingPageLimit { settings.landingPageLimit = landingPageLimit }
        return ExportContext(settings: settings, referenceDate: date, zone: Pipeline.cantonZone)
    }

    static func project(_ id: String, progress: Int = 30) -> Project {
        Project(id: ProjectID(id)!, title: "Titel \(id)", progress: progress, period: ProjectPeriod(startYear: 2023, endYear: 2028),
                before: "Bisher \(id).", future: "In Zukunft \(id).", fieldsOfAction: [.daten], userGroups: [.bevoelkerung],
                origins: ProjectOrigins(record: SourceLocation(file: "t", line: 1)))
    }

    // MARK: Export plan

    @Test func theExportPlanWritesEveryFileAfterTheFilesItReads() throws {
        for spreadsheetCopy in [false, true] {
            let plan = ExportPlan(context: try Self.context(spreadsheetCopy: spreadsheetCopy))
            #expect(plan.rows.map(\.file) == (spreadsheetCopy ? [.csv, .fieldsCSV, .spreadsheetCSV, .jsonLD] : [.csv, .fieldsCSV, .jsonLD]))
            let files = plan.files
            #expect(Set(files) == Set(OutputFile.allCases.filter { spreadsheetCopy || $0 != .spreadsheetCSV }))
            #expect(files.count == Set(files).count)
            for exporter in plan.documents {
                for read in exporter.reads where files.contains(read) && read != exporter.file {
                    #expect(files.firstIndex(of: read)! < files.firstIndex(of: exporter.file)!, "\(exporter.file) reads \(read)")
                }
            }
            // The landing page links every file with its size, the catalogue files included (issue 15): it comes last.
            #expect(files.firstIndex(of: .landingPage)! > files.firstIndex(of: .atom)!)
            #expect(files.last == .landingPage)
        }
    }

    /// The order follows the declarations, not the array: reversed exporters give the same plan.
    @Test func theExportPlanDoesNotDependOnTheOrderOfTheExporters() throws {
        let context = try Self.context()
        #expect(ExportPlan(context: context, exporters: ExportPlan.exporters.reversed()).files == ExportPlan(context: context).files)
    }

    // MARK: Feed plan

    @Test func theFeedPlanPutsNewItemsFirst() throws {
        let context = try Self.context()
        let projects = [Self.project("a", progress: 40), Self.project("b")]
        var previous = PublicationState()
        let old = FeedItem(ProjectChange(kind: .added, projectID: "z", title: "Z"), date: CalendarDate(iso: "2026-01-01")!, context: context, project: nil)
        previous.feed = [old]
        let changes = [ProjectChange(kind: .progress, projectID: "a", title: "Titel a", before: "30%", after: "40%"),
                       ProjectChange(kind: .title, projectID: "a", title: "Titel a", before: "A", after: "Titel a"),
                       ProjectChange(kind: .added, projectID: "b", title: "Titel b"),
                       ProjectChange(kind: .removed, projectID: "z", title: "Z")]
        var summary = PortfolioSummary(referenceYear: 2026, keeping: 2000)
        projects.forEach { summary.add($0) }
        let plan = FeedPlan(changes: changes, previous: previous, announced: ["a": projects[0], "b": projects[1]], summary: summary,
                            date: Self.date, context: context)
        #expect(plan.items.count == 5)
        #expect(plan.items.last == old)
        #expect(plan.items[0].summary.contains("30%") && plan.items[2].summary.contains("In Zukunft: In Zukunft b."))
        #expect(plan.landingPageProjectIDs == nil)
        #expect(plan.applied(to: context).feedItems == plan.items)
    }

    @Test func theFeedPlanKeepsAtMostTheFeedLimitAndNamesTheProjectsOnALimitedPage() throws {
        let context = try Self.context(landingPageLimit: 3)
        let projects = (1...150).map { Self.project("p\($0)") }
        var summary = PortfolioSummary(referenceYear: 2026, keeping: 3)
        projects.forEach { summary.add($0) }
        let changes = projects.map { ProjectChange(kind: .added, projectID: $0.id.rawValue, title: $0.title) }
        let plan = FeedPlan(changes: changes, previous: PublicationState(), announced: [:], summary: summary,
                            date: Self.date, context: context)
        #expect(plan.items.count == PublicationState.feedLimit)
        #expect(plan.landingPageProjectIDs == ["p1", "p2", "p3"])
        // Items of projects the page does not show link to the page itself.
        #expect(plan.items[0].link.hasSuffix("#p1") && !plan.items[3].link.contains("#"))
    }

    // MARK: Change log

    @Test func theChangeLogKeepsTheFirstChangesCountsAllAndWritesHistoryRows() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = PublicationStateStore(directory: directory.path)
        var previous = PublicationState()
        previous.legacyHistory = [HistoryRow(date: CalendarDate(iso: "2026-01-01")!, projectID: "z", event: "added", progress: 5, status: "in_umsetzung")]
        let lists = try store.openLists(continuing: previous)
        var log = ChangeLog(keep: 2, history: lists.history, date: Self.date)
        let a = ProjectSnapshot(Self.project("a", progress: 40), referenceYear: 2026)
        let b = ProjectSnapshot(Self.project("b"), referenceYear: 2026)
        try log.add(ProjectChange(kind: .progress, projectID: "a", title: "Titel a", before: "30%", after: "40%"), now: a)
        try log.add(ProjectChange(kind: .title, projectID: "a", title: "Titel a", before: "A", after: "Titel a"), now: a)
        try log.add(ProjectChange(kind: .added, projectID: "b", title: "Titel b"), now: b)
        try log.add(ProjectChange(kind: .removed, projectID: "z", title: "Z"), now: nil)
        #expect(log.first.map(\.kind) == [.progress, .title] && log.count == 4)
        #expect(log.counts == [.progress: 1, .title: 1, .added: 1, .removed: 1])
        var state = PublicationState()
        state.historyFile = try lists.history.commit()
        let rows = try store.historyRows(of: state)
        // The last publication's rows, then a row per change of progress or status, per added and per removed
        // project: the title change has none.
        #expect(rows.map(\.event) == ["added", "progress", "added", "removed"])
        #expect(rows[1].progress == 40 && rows[1].status == "in_umsetzung" && rows[1].date == Self.date)
        #expect(rows[3].progress == nil && rows[3].status == nil)
        // Nothing is left in the state folder but the committed list (the projects' list was discarded).
        lists.projects.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [state.historyFile!.file])
    }

    // MARK: Export run

    @Test func theExportRunKeepsTheDatesOfUnchangedFiles() throws {
        let earlier = CalendarDate(iso: "2026-01-01")!
        var previous = PublicationState()
        previous.files["projects.csv"] = .init(sha256: "aa", bytes: 1, issued: earlier, modified: earlier)
        previous.files["projects.jsonld"] = .init(sha256: "bb", bytes: 1, issued: earlier, modified: earlier)
        var run = ExportRun(context: try Self.context(), previous: previous)
        run.record(.csv, WrittenFile(path: "/s/projects.csv", byteCount: 1, sha256: "aa"))
        run.record(.jsonLD, WrittenFile(path: "/s/projects.jsonld", byteCount: 2, sha256: "cc"))
        run.record(.rss, WrittenFile(path: "/s/changes.rss", byteCount: 3, sha256: "dd"))
        #expect(run.context.dates(of: .csv) == FileDates(issued: earlier, modified: earlier))
        #expect(run.context.dates(of: .jsonLD) == FileDates(issued: earlier, modified: Self.date))
        #expect(run.context.dates(of: .rss) == FileDates(issued: Self.date, modified: Self.date))
        #expect(run.outputFiles == [.csv, .jsonLD, .rss])
    }

    // MARK: Publish decision

    @Test(arguments: [
        (true, false, true, false, PublishDecision.refused),
        (true, true, false, true, .refused),
        (false, false, true, true, .unchanged),
        (false, true, true, false, .full),
        (false, false, false, true, .dryRun),
        (false, true, false, true, .dryRun),
        (false, false, false, false, .publish),
    ])
    func thePublishDecision(blocked: Bool, full: Bool, same: Bool, dryRun: Bool, expected: PublishDecision) {
        #expect(PublishDecision.decide(blocked: blocked, full: full, sameAsPublished: same, dryRun: dryRun) == expected)
    }

    @Test func aFullPublicationIsNeededForAnotherVersionOrConfiguration() {
        var state = PublicationState()
        state.kompassVersion = KompassVersion.current
        state.configurationFingerprint = "abc"
        #expect(!PublishDecision.needsFullPublication(asked: false, previous: state, configurationFingerprint: "abc"))
        #expect(PublishDecision.needsFullPublication(asked: true, previous: state, configurationFingerprint: "abc"))
        #expect(PublishDecision.needsFullPublication(asked: false, previous: state, configurationFingerprint: "abd"))
        #expect(PublishDecision.needsFullPublication(asked: false, previous: state, configurationFingerprint: "abc", version: "0.0.1"))
        #expect(!PublishDecision.needsFullPublication(asked: false, previous: nil, configurationFingerprint: "abc"))
    }

    // MARK: Next state

    @Test func theNextStateRecordsWhatWasReadWrittenAndRetired() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let published = directory.file("projects.csv")
        try Data("id\n".utf8).write(to: URL(fileURLWithPath: published))
        var run = ExportRun(context: try Self.context(), previous: PublicationState())
        run.record(.csv, WrittenFile(path: "/staging/projects.csv", byteCount: 3, sha256: "ee"))
        var previous = PublicationState()
        previous.retired = [RetiredProject(id: "old", title: "Alt", retiredOn: CalendarDate(iso: "2025-01-01")!)]
        let source = SourceConfiguration(path: "p.csv", format: .csv)
        let read = SourceCapture.Summary(path: "p.csv", byteCount: 3, sha256: "ff", copyPath: nil)
        var findings = FindingList()
        findings.append(Finding(ruleID: .textBlank, severity: .warning, location: nil, message: "x"))
        let plan = FeedPlan(changes: [], previous: PublicationState(), announced: [:], summary: PortfolioSummary(referenceYear: 2026, keeping: 1),
                            date: Self.date, context: try Self.context())
        let projects = StateListFile.Reference(file: "projects-0.tsv", sha256: "11", count: 1)
        let history = StateListFile.Reference(file: "history-0.tsv", sha256: "22", count: 3)
        let state = NextState.make(date: Self.date, configurationFingerprint: "cf", findings: findings, sources: [(source, read)],
                                   export: run, publishedPath: { _ in published }, projects: projects, history: history, plan: plan,
                                   previous: previous, retiring: [(id: "b", title: "Titel b")])
        #expect(state.sources == [.init(path: "p.csv", format: "csv", sha256: "ff")])
        #expect(state.files["projects.csv"]?.sha256 == "ee" && state.files["projects.csv"]?.diskTime == DiskTime.of(published)?.time)
        #expect(state.findingCounts == PublicationState.FindingCounts(findings))
        #expect(state.retired.map(\.id) == ["old", "b"] && state.retired[1].retiredOn == Self.date)
        #expect(state.projectsFile == projects && state.historyFile == history && state.projectCount == 1 && state.historyCount == 3)
        #expect(state.kompassVersion == KompassVersion.current && state.publishedOn == Self.date)
    }
}
