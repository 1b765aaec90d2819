public import Foundation

/// The whole job: load the sources, validate, export to staging, check the outputs, publish.
///
/// The publish policy: any finding of severity error (or, under `strict`, any warning) means that
/// nothing is published and the output folder stays exactly as it was.
public struct Pipeline: Sendable {
    public var configuration: Configuration
    public var zone: TimeZone

    public init(configuration: Configuration, zone: TimeZone = Pipeline.cantonZone) {
        self.configuration = configuration
        self.zone = zone
    }

    /// Europe/Zurich: dates in outputs are the canton's.
    public static let cantonZone = TimeZone(identifier: "Europe/Zurich") ?? TimeZone(secondsFromGMT: 3_600)!

    /// The exporters in the order they run: the data files, then what describes them (the CSV metadata
    /// needs the CSV files' dates, the landing page links every file), the catalogue last.
    public static let exporters: [any Exporter] = [
        CSVExporter(), FieldsCSVExporter(), HistoryCSVExporter(), SpreadsheetCSVExporter(), DataPackageExporter(), CSVMetadataExporter(),
        JSONLDContextExporter(), JSONLDExporter(), RSSExporter(), AtomExporter(),
        LandingPageExporter(),
        DCATExporter(), DCATTurtleExporter(), DCATJSONLDExporter(),
    ]

    /// Loads and validates the sources without writing anything, and puts the run before the shrink
    /// guard (against `previous`, or the stored state when none is given). `stage` is told each step as it begins.
    public func check(options: RunOptions, previous: PublicationState?? = nil,
                      stage: (String) -> Void = { _ in }) throws -> (portfolio: Portfolio, findings: FindingList) {
        try check(options: options, previous: previous, stage: stage).checked
    }

    private func check(options: RunOptions, previous: PublicationState??,
                       stage: (String) -> Void) throws -> (checked: (portfolio: Portfolio, findings: FindingList), verdict: ShrinkGuard.Verdict) {
        stage("read, normalise")
        let loaded = try PortfolioLoader(merge: configuration.merge).load(configuration.sources, strictHeaders: options.strict)
        var findings = FindingList(loaded.findings, retainPerGroup: options.findingsRetainedPerGroup)
        stage("compare CSV sources with their accepted copies")
        findings.append(contentsOf: try spreadsheetDamage())
        let context = ValidationContext(referenceDate: options.referenceDate)
        Validator(settings: configuration.validation).validate(loaded.portfolio, context: context, stage: stage) {
            findings.append($0)
        }
        stage("shrink guard")
        let stateStore = PublicationStateStore(directory: configuration.stateDirectory)
        let last = try previous ?? stateStore.load()
        let run = ShrinkGuard.Run(projects: loaded.portfolio.projects.map { ($0.id.rawValue, $0.title) },
                                  files: Set(plannedFiles(referenceDate: options.referenceDate).map(\.rawValue)), retiredOnCommandLine: options.retire,
                                  retiredInSources: Set(configuration.sources.flatMap(\.retired)))
        let verdict = ShrinkGuard(settings: configuration.guardSettings).check(run, against: last, stateFile: stateStore.path)
        findings.append(contentsOf: verdict.findings)
        return ((loaded.portfolio, findings), verdict)
    }

    /// The largest accepted CSV copy kompass keeps and compares (Excel itself stops at 1,048,576 rows; a
    /// bigger file did not come from a spreadsheet, and holding its copy would cost memory at scale).
    public static let acceptedCopyLimit = 64 * 1_024 * 1_024

    /// The CSV sources against the copies accepted at the last publication: what a round trip through
    /// Excel did to them (`excel.*`), one finding per damaged cell.
    private func spreadsheetDamage() throws -> [Finding] {
        let store = AcceptedSourceStore(stateDirectory: configuration.stateDirectory)
        var findings: [Finding] = []
        for (index, source) in configuration.sources.enumerated() where source.format == .csv {
            guard store.hasAccepted(forSourceAt: source.path, index: index) else { continue }
            let accepted = store.acceptedPath(forSourceAt: source.path, index: index)
            guard Pipeline.fileSize(accepted) <= Pipeline.acceptedCopyLimit,
                  Pipeline.fileSize(source.path) <= Pipeline.acceptedCopyLimit,
                  SHA256.hex(ofFileAt: accepted) != SHA256.hex(ofFileAt: source.path) else { continue }
            findings += try SpreadsheetDamageCheck().compare(current: source.path, accepted: accepted, options: source.options,
                                                             idColumn: source.mapping.sourceFields[.id])
        }
        return findings
    }

    /// Keeps a copy of each CSV source of a publication, for the next run's comparison.
    private func acceptSources() throws {
        let store = AcceptedSourceStore(stateDirectory: configuration.stateDirectory)
        for (index, source) in configuration.sources.enumerated()
            where source.format == .csv && Pipeline.fileSize(source.path) <= Pipeline.acceptedCopyLimit {
            try store.accept(sourceAt: source.path, index: index)
        }
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? Int.max
    }

    /// What the state keeps of each project; the texts' fingerprints (SHA-256) on both cores.
    static func snapshots(of portfolio: Portfolio, referenceYear: Int) -> [ProjectSnapshot] {
        ParallelChunks.map(portfolio.projects.count) { range in
            range.map { ProjectSnapshot(portfolio.projects[$0], referenceYear: referenceYear) }
        }
    }

    /// The files a run with this configuration writes.
    public func plannedFiles(referenceDate: CalendarDate) -> [OutputFile] {
        let context = ExportContext(settings: configuration.publication, referenceDate: referenceDate, zone: zone)
        return Pipeline.exporters.filter { $0.isEnabled(in: context) }.map(\.file)
    }

    /// What a run would change: the sources now against the last publication. Reads, writes nothing.
    public func diff(options: RunOptions) throws -> (changes: [ProjectChange], findings: FindingList, firstPublication: Bool) {
        let previous = try PublicationStateStore(directory: configuration.stateDirectory).load()
        let (portfolio, findings) = try check(options: options, previous: .some(previous))
        let snapshots = Pipeline.snapshots(of: portfolio, referenceYear: options.referenceDate.year)
        let changes = ChangeDetector().changes(from: previous?.projects ?? [], to: snapshots)
        return (changes, findings, previous == nil)
    }

    public func run(options: RunOptions) throws -> RunReport {
        var clock = StageClock()
        var options = options
        let outer = options.progress
        options.progress = { stage in outer?(stage) }
        let report = try run(options: options, clock: &clock)
        var timed = report
        timed.stageTimings = clock.finish()
        return timed
    }

    private func run(options: RunOptions, clock: inout StageClock) throws -> RunReport {
        clock.start("lock, read the state")
        let stateStore = PublicationStateStore(directory: configuration.stateDirectory)
        // One run at a time: the lock is taken before anything is read or written.
        let lock = try RunLock(directory: configuration.stateDirectory)
        defer { withExtendedLifetime(lock) {} }
        let previous = try stateStore.load()
        let previousState = previous ?? PublicationState()

        options.progress?("reading and validating the sources")
        let ((portfolio, initialFindings), verdict) = try check(options: options, previous: .some(previous)) { clock.start($0) }
        clock.start("compare with the last publication")
        var findings = initialFindings
        let output = configuration.outputDirectory
        func report(_ outcome: RunReport.Outcome, files: [WrittenFile] = [], changes: [ProjectChange] = []) -> RunReport {
            RunReport(outcome: outcome, findings: findings, projectCount: portfolio.projects.count, files: files,
                      outputDirectory: output, changes: changes, firstPublication: previous == nil)
        }
        if blocks(findings, options) { return report(.refused) }

        let year = options.referenceDate.year
        let snapshots = Pipeline.snapshots(of: portfolio, referenceYear: year)
        let changes = ChangeDetector().changes(from: previousState.projects, to: snapshots)
        var context = ExportContext(settings: configuration.publication, referenceDate: options.referenceDate, zone: zone)
        if portfolio.projects.count > configuration.publication.landingPageLimit {
            context.landingPageProjectIDs = Set(portfolio.projects.prefix(configuration.publication.landingPageLimit).map(\.id.rawValue))
        }
        // Only the projects the feeds announce (at most `feedLimit`): a map of every project would copy them all.
        let announced = Set(changes.prefix(PublicationState.feedLimit).map(\.projectID))
        var projectsByID: [String: Project] = [:]
        for project in portfolio.projects where announced.contains(project.id.rawValue) && projectsByID[project.id.rawValue] == nil {
            projectsByID[project.id.rawValue] = project
        }
        // The feeds keep the newest items only: build items for as many changes as they can hold.
        let newItems = changes.prefix(PublicationState.feedLimit).map {
            FeedItem($0, date: options.referenceDate, context: context, project: projectsByID[$0.projectID])
        }
        let newGuids = Set(newItems.map(\.guid))
        context.feedItems = Array((newItems + previousState.feed.filter { !newGuids.contains($0.guid) })
            .prefix(PublicationState.feedLimit))
        let snapshotsByID = Dictionary(snapshots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        context.history = previousState.history + changes.compactMap { change in
            guard [.added, .removed, .progress, .status].contains(change.kind) else { return nil }
            let snapshot = snapshotsByID[change.projectID]
            return HistoryRow(date: options.referenceDate, projectID: change.projectID, event: change.kind.rawValue,
                              progress: snapshot?.progress, status: snapshot?.status)
        }

        let publisher = try Publisher(outputDirectory: output)
        defer { publisher.discardStaging() }
        var files: [WrittenFile] = []
        let enabled = Pipeline.exporters.filter { $0.isEnabled(in: context) }
        // The data files first, at the same time (they read nothing of each other); then, in order, the
        // files that describe them (the CSV metadata, the landing page, the catalogue).
        let independent = enabled.filter { !$0.describesOtherFiles }
        options.progress?("writing the data files")
        clock.start("write the data files (\(independent.count), concurrently)")
        let independentFiles = try ConcurrentExport.run(independent, portfolio: portfolio, context: context,
                                                        path: publisher.stagingPath(for:))
        for (exporter, written) in zip(independent, independentFiles) {
            context.writtenFiles[exporter.file] = written
            context.fileDates[exporter.file] = previousState.dates(of: exporter.file, written: written, on: options.referenceDate)
            files.append(written)
        }
        for exporter in enabled where exporter.describesOtherFiles {
            options.progress?("writing \(exporter.file.rawValue)")
            clock.start("write \(exporter.file.rawValue)")
            let writer = try ByteFileWriter(path: publisher.stagingPath(for: exporter.file))
            try exporter.export(portfolio, context: context, to: writer)
            let written = try writer.finish()
            context.writtenFiles[exporter.file] = written
            context.fileDates[exporter.file] = previousState.dates(of: exporter.file, written: written, on: options.referenceDate)
            files.append(written)
        }
        let written = files.compactMap { OutputFile(rawValue: ($0.path as NSString).lastPathComponent) }
        options.progress?("checking the outputs")
        clock.start("self-check")
        findings.append(contentsOf: SelfCheck(projectCount: portfolio.projects.count).check(staged: publisher, files: written))
        if blocks(findings, options) { return report(.refused, changes: changes) }

        // A full run, a new kompass version or a changed configuration trusts no stored checksum:
        // every file is published anew (its dates still change only where its content did).
        let full = options.full || previous.map {
            $0.kompassVersion != KompassVersion.current || $0.configurationFingerprint != configurationFingerprint()
        } ?? false
        let unchanged = !full && previous != nil && changes.isEmpty
            && Set(previousState.files.keys) == Set(written.map(\.rawValue))
            && context.writtenFiles.allSatisfy { file, new in
                // The files on disk, not only the state: a run killed after publishing and before saving
                // its state leaves a state that no longer describes the published files.
                previousState.files[file.rawValue]?.sha256 == new.sha256
                    && SHA256.hex(ofFileAt: publisher.publishedPath(for: file)) == new.sha256
            }
        if unchanged { return report(.unchanged, changes: changes) }
        if options.dryRun { return report(.dryRun, files: files, changes: changes) }

        options.progress?("publishing")
        clock.start("publish")
        if !full { publisher.reuseUnchanged(context.writtenFiles, published: previousState.files) }
        let published = try publisher.publish(files)
        var state = PublicationState()
        state.publishedOn = options.referenceDate
        state.kompassVersion = KompassVersion.current
        state.configurationFingerprint = configurationFingerprint()
        state.sources = configuration.sources.map { source in
            .init(path: source.path, format: source.format.rawValue,
                  sha256: SHA256.hex(ofFileAt: source.path) ?? "")
        }
        for (file, written) in context.writtenFiles {
            let dates = context.dates(of: file)
            state.files[file.rawValue] = .init(sha256: written.sha256, bytes: written.byteCount, issued: dates.issued,
                                               modified: dates.modified)
        }
        state.projects = snapshots
        state.feed = context.feedItems
        state.history = context.history
        state.retired = previousState.retired + verdict.retiring.map {
            RetiredProject(id: $0.id, title: $0.title, retiredOn: options.referenceDate)
        }
        try stateStore.save(state)
        try acceptSources()
        return report(.published, files: published, changes: changes)
    }

    /// SHA-256 over the configuration file and the mapping files it names: a changed mapping or
    /// setting makes the next run publish anew.
    public func configurationFingerprint() -> String {
        let files = [configuration.path] + configuration.sources.compactMap(\.mappingFile)
        let bytes = files.flatMap { (try? ByteFileReader.readAll(path: $0)) ?? [] }
        return SHA256.hex(of: bytes)
    }

    private func blocks(_ findings: FindingList, _ options: RunOptions) -> Bool {
        findings.hasErrors || (options.strict && findings.count(of: .warning) > 0)
    }
}
