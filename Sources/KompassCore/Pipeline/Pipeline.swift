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
        CSVExporter(), FieldsCSVExporter(), SpreadsheetCSVExporter(), DataPackageExporter(), CSVMetadataExporter(),
        JSONLDContextExporter(), JSONLDExporter(), RSSExporter(), AtomExporter(),
        LandingPageExporter(),
        DCATExporter(),
    ]

    /// Loads and validates the sources without writing anything.
    public func check(options: RunOptions) throws -> (portfolio: Portfolio, findings: FindingList) {
        let loaded = try PortfolioLoader(merge: configuration.merge).load(configuration.sources)
        var findings = FindingList(loaded.findings)
        var context = ValidationContext(referenceDate: options.referenceDate)
        let published = PublishedPortfolio(outputDirectory: configuration.outputDirectory)
        if let identifiers = published.projectIDs() {
            context.previouslyPublished = identifiers
            context.previouslyPublishedSource = published.csvPath
        }
        findings.append(contentsOf: Validator(settings: configuration.validation).validate(loaded.portfolio, context: context))
        return (loaded.portfolio, findings)
    }

    public func run(options: RunOptions) throws -> RunReport {
        let (portfolio, initialFindings) = try check(options: options)
        var findings = initialFindings
        let output = configuration.outputDirectory
        func refused() -> RunReport {
            RunReport(outcome: .refused, findings: findings, projectCount: portfolio.projects.count, files: [],
                      outputDirectory: output)
        }
        if blocks(findings, options) { return refused() }

        let stateStore = PublicationStateStore(directory: configuration.stateDirectory)
        let previousState = try stateStore.load() ?? PublicationState()
        let publisher = try Publisher(outputDirectory: output)
        defer { publisher.discardStaging() }
        var context = ExportContext(settings: configuration.publication, referenceDate: options.referenceDate, zone: zone)
        var files: [WrittenFile] = []
        for exporter in Pipeline.exporters where exporter.isEnabled(in: context) {
            let writer = try ByteFileWriter(path: publisher.stagingPath(for: exporter.file))
            try exporter.export(portfolio, context: context, to: writer)
            let written = try writer.finish()
            context.writtenFiles[exporter.file] = written
            context.fileDates[exporter.file] = previousState.dates(of: exporter.file, written: written, on: options.referenceDate)
            files.append(written)
        }
        let written = files.compactMap { OutputFile(rawValue: ($0.path as NSString).lastPathComponent) }
        findings.append(contentsOf: SelfCheck(projectCount: portfolio.projects.count).check(staged: publisher, files: written))
        if blocks(findings, options) { return refused() }
        if options.dryRun {
            return RunReport(outcome: .dryRun, findings: findings, projectCount: portfolio.projects.count, files: files,
                             outputDirectory: output)
        }
        let published = try publisher.publish(files)
        var state = PublicationState()
        for (file, written) in context.writtenFiles {
            let dates = context.dates(of: file)
            state.files[file.rawValue] = .init(sha256: written.sha256, bytes: written.byteCount, issued: dates.issued,
                                               modified: dates.modified)
        }
        try stateStore.save(state)
        return RunReport(outcome: .published, findings: findings, projectCount: portfolio.projects.count,
                         files: published, outputDirectory: output)
    }

    private func blocks(_ findings: FindingList, _ options: RunOptions) -> Bool {
        findings.hasErrors || (options.strict && findings.count(of: .warning) > 0)
    }
}
