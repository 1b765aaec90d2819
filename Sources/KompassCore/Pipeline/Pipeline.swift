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

    /// Reads and validates the sources in one pass without writing anything, and puts the run before the
    /// shrink guard (against `previous`, or the stored state when none is given). `stage` is told each step
    /// as it begins; `each` sees every project as the pass takes it (nothing is kept otherwise).
    public func check(options: RunOptions, previous: PublicationState?? = nil, stage: (String) -> Void = { _ in },
                      each: ((Project) throws -> Void)? = nil) throws -> (projectCount: Int, findings: FindingList) {
        var pass = PortfolioPass(exportContext: exportContext(options.referenceDate))
        pass.each = each
        pass.copyPath = temporaryCopyPath
        pass.keptChanges = 0
        let (outcome, _) = try checked(pass, options: options, previous: previous, stage: stage)
        outcome.sources.compactMap(\.copyPath).forEach { unlink($0) }
        return (outcome.summary.projectCount, outcome.findings)
    }

    /// `check`, collecting the projects (a conversion, tests: small portfolios).
    public func collect(options: RunOptions, previous: PublicationState?? = nil) throws -> (portfolio: Portfolio, findings: FindingList) {
        var projects: [Project] = []
        let (_, findings) = try check(options: options, previous: previous, each: { projects.append($0) })
        return (Portfolio(projects: projects), findings)
    }

    /// The pass against the last publication (`previous`, or the stored state when none is given), then the
    /// shrink guard: the findings of both, and the guard's verdict.
    private func checked(_ pass: PortfolioPass, options: RunOptions, previous: PublicationState??,
                         stage: (String) -> Void) throws -> (PortfolioPass.Outcome, ShrinkGuard.Verdict) {
        let stateStore = PublicationStateStore(directory: configuration.stateDirectory)
        let last = try previous ?? stateStore.load()
        var pass = pass
        pass.previous = try stateStore.publishedProjects(of: last)
        let retiredInSources = Set(configuration.sources.flatMap(\.retired))
        pass.watchedIDs = options.retire.union(retiredInSources).union((last?.retired ?? []).map(\.id))
        var outcome = try pass.run(configuration, options: options, stage: stage)
        stage("shrink guard")
        var run = ShrinkGuard.Run(projects: outcome.watched, vanished: outcome.removed,
                                  files: Set(plannedFiles(referenceDate: options.referenceDate).map(\.rawValue)),
                                  retiredOnCommandLine: options.retire, retiredInSources: retiredInSources)
        run.sourcesHaveErrors = outcome.findings.hasErrors
        run.causes = ProjectCauses(outcome.findings)
        let verdict = ShrinkGuard(settings: configuration.guardSettings).check(run, against: last, stateFile: stateStore.path)
        outcome.findings.append(contentsOf: verdict.findings)
        return (outcome, verdict)
    }

    /// The largest accepted CSV copy kompass keeps and compares (Excel itself stops at 1,048,576 rows; a
    /// bigger file did not come from a spreadsheet, and holding its copy would cost memory at scale).
    public static let acceptedCopyLimit = 64 * 1_024 * 1_024

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? Int.max
    }

    /// Where a check that publishes nothing keeps the copy of a CSV source it compares with the accepted one.
    private func temporaryCopyPath(_ index: Int, _ source: SourceConfiguration) -> String? {
        guard AcceptedSourceStore(stateDirectory: configuration.stateDirectory).hasAccepted(forSourceAt: source.path, index: index) else {
            return nil
        }
        return (NSTemporaryDirectory() as NSString).appendingPathComponent("kompass-source-\(getpid())-\(index)")
    }

    private func exportContext(_ date: CalendarDate) -> ExportContext {
        ExportContext(settings: configuration.publication, referenceDate: date, zone: zone)
    }

    /// The files a run with this configuration writes.
    public func plannedFiles(referenceDate: CalendarDate) -> [OutputFile] {
        ExportPlan(context: exportContext(referenceDate)).files
    }

    /// What a run would change: the sources now against the last publication, every change, and for each project
    /// whose texts changed, the change word by word (against the published `projects.csv`, where it can be read).
    /// Reads, writes nothing.
    public func diff(options: RunOptions) throws -> (changes: [ProjectChange], texts: [String: TextChange], findings: FindingList,
                                                     firstPublication: Bool) {
        let previous = try PublicationStateStore(directory: configuration.stateDirectory).load()
        var pass = PortfolioPass(exportContext: exportContext(options.referenceDate))
        pass.copyPath = temporaryCopyPath
        pass.keptChanges = .max
        pass.keepsChangedTexts = true
        let (outcome, _) = try checked(pass, options: options, previous: .some(previous), stage: { _ in })
        outcome.sources.compactMap(\.copyPath).forEach { unlink($0) }
        let published = TextChange.publishedTexts(csvAt: (configuration.publishedDirectory as NSString).appendingPathComponent(OutputFile.csv.rawValue),
                                                  ids: Set(outcome.changedTexts.keys))
        var texts: [String: TextChange] = [:]
        for (id, now) in outcome.changedTexts {
            guard let then = published[id] else { continue }
            texts[id] = TextChange(before: WordDiff(from: then.before, to: now.before), future: WordDiff(from: then.future, to: now.future))
        }
        return (outcome.changes.first, texts, outcome.findings, previous == nil)
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

    /// The stages of a run: the lock and the state; the pass (read, normalise, validate, write the rows);
    /// the shrink guard; the changes and the feed plan; the documents; the self-check; the decision; the
    /// publication and the next state.
    private func run(options: RunOptions, clock: inout StageClock) throws -> RunReport {
        clock.start("lock, read the state")
        try Publisher.checkParentExists(of: configuration.publishedDirectory)
        let stateStore = PublicationStateStore(directory: configuration.stateDirectory)
        // One run at a time: the lock is taken before anything is read or written.
        let lock = try RunLock(directory: configuration.stateDirectory,
                               outputDirectory: configuration.stateFolderIsBesideOutput ? configuration.outputDirectory : nil)
        defer { withExtendedLifetime(lock) {} }
        // state.json alone: the unchanged shortcut needs nothing more, at any portfolio size; the pass reads
        // the published projects' list as an index, and the history list as it copies it.
        let previous = try stateStore.load()
        var report = try publish(options: options, previous: previous, stateStore: stateStore, clock: &clock)
        // Delivery comes after the exchange, under the same lock, and never on a dry run: what a publication (this
        // one, or an earlier one whose delivery failed or was cut off) left pending.
        if !options.dryRun, report.outcome == .published || report.outcome == .unchanged, !configuration.publication.deliver.isEmpty {
            clock.start("deliver")
            report.deliveries = try deliverPending(stateStore: stateStore, progress: options.progress)
        }
        return report
    }

    /// The stages after the lock: the unchanged shortcut, or the pass, the documents, the self-check, the decision,
    /// the publication and the next state.
    private func publish(options: RunOptions, previous: PublicationState?, stateStore: PublicationStateStore,
                         clock: inout StageClock) throws -> RunReport {
        let output = configuration.publishedDirectory
        let fingerprint = configurationFingerprint()

        clock.start("hash the inputs")
        if let previous {
            let shortcut = UnchangedShortcut(previous: previous, configuration: configuration, configurationFingerprint: fingerprint)
            let planned = plannedFiles(referenceDate: options.referenceDate)
            if shortcut.obstacle(options: options, plannedFiles: planned, publishedPath: { (output as NSString).appendingPathComponent($0.rawValue) }) == nil {
                var report = RunReport(outcome: .unchanged, findings: shortcut.recordedFindings, projectCount: previous.projectCount,
                                       files: [], outputDirectory: output, firstPublication: false)
                report.shortcut = true
                Publisher.removeAbandonedStaging(besides: output)
                return report
            }
        }
        let previousState = previous ?? PublicationState()

        clock.start("open the staging folder and the row files")
        let publisher = try Publisher(outputDirectory: output)
        defer { publisher.discardStaging() }
        let context = exportContext(options.referenceDate)
        let plan = ExportPlan(context: context)
        var rowFiles: [(exporter: any ProjectRowExporter, writer: ByteFileWriter)] = []
        // Some long files are checked as they are written, on a thread of their own (SelfCheck.checkedAsWritten).
        var writtenChecks: [OutputFile: WrittenBytesCheck] = [:]
        for exporter in plan.rows {
            let writer = try ByteFileWriter(path: publisher.stagingPath(for: exporter.file), capacity: 1 << 18)
            if SelfCheck.checkedAsWritten.contains(exporter.file), let checks = SelfCheck.streamingChecks(for: exporter.file) {
                let check = WrittenBytesCheck(checks, label: exporter.file.rawValue)
                check.attach(to: writer)
                writtenChecks[exporter.file] = check
            }
            try exporter.writeStart(context: context, to: writer)
            rowFiles.append((exporter, writer))
        }
        let accepted = AcceptedSourceStore(stateDirectory: configuration.stateDirectory)
        clock.start("open the state's lists, copy the history")
        let lists = try stateStore.openLists(continuing: previous)
        defer { lists.projects.discard(); lists.history.discard() }
        var pass = PortfolioPass(rowFiles: rowFiles, exportContext: context)
        pass.snapshotList = lists.projects
        pass.historyList = lists.history
        pass.copyPath = { index, source in accepted.incomingPath(forSourceAt: source.path, index: index) }
        options.progress?("reading and validating the sources")
        clock.start("index the last publication's projects")
        let (outcome, verdict) = try checked(pass, options: options, previous: .some(previous)) { clock.start($0) }
        // The copies of the sources become the accepted ones only when they are published.
        defer { for read in outcome.sources { if let copy = read.copyPath { unlink(copy) } } }
        var findings = outcome.findings
        let projectCount = outcome.summary.projectCount
        var export = ExportRun(context: context, previous: previousState)
        for (exporter, writer) in rowFiles {
            try exporter.writeEnd(context: context, to: writer)
            export.record(exporter.file, try writer.finish())
        }

        clock.start("compare with the last publication")
        func report(_ outcome: RunReport.Outcome, files: [WrittenFile] = [], changes: ChangeLog? = nil) -> RunReport {
            var report = RunReport(outcome: outcome, findings: findings, projectCount: projectCount, files: files, outputDirectory: output,
                                   changes: changes?.first ?? [], changeCount: changes?.count ?? 0, firstPublication: previous == nil)
            report.unchangedFileCount = files.isEmpty ? 0 : export.context.writtenFiles.filter { file, written in
                previousState.files[file.rawValue]?.sha256 == written.sha256
            }.count
            return report
        }
        if blocks(findings, options) { return report(.refused) }

        let changes = outcome.changes
        let history = HistoryList(reference: try lists.history.close(), directory: configuration.stateDirectory,
                                  path: lists.history.temporaryPath)
        let feedPlan = FeedPlan(changes: changes.first, previous: previousState, announced: outcome.announced, summary: outcome.summary,
                                date: options.referenceDate, detected: options.detectionTime(in: zone), context: context)
        export.apply(feedPlan)
        export.apply(history)
        options.progress?("writing the documents")
        try export.write(plan.documents, summary: outcome.summary, path: publisher.stagingPath(for:)) { stage in
            options.progress?(stage)
            clock.start(stage)
        }

        options.progress?("checking the outputs")
        clock.start("self-check")
        for file in export.outputFiles {
            findings.append(contentsOf: writtenChecks[file]?.finish(projectCount: projectCount) ?? [])
        }
        findings.append(contentsOf: SelfCheck(projectCount: projectCount).check(staged: publisher, files: export.outputFiles,
                                                                                checkedWhileWritten: Set(writtenChecks.keys)))

        let full = PublishDecision.needsFullPublication(asked: options.full, previous: previous, configurationFingerprint: fingerprint)
        let sameAsPublished = previous != nil && changes.count == 0
            && Set(previousState.files.keys) == Set(export.outputFiles.map(\.rawValue))
            && export.context.writtenFiles.allSatisfy { file, new in
                // The files on disk, not only the state: a run killed after publishing and before saving
                // its state leaves a state that no longer describes the published files.
                guard let published = previousState.files[file.rawValue] else { return false }
                return published.sha256 == new.sha256 && DiskTime.matches(publisher.publishedPath(for: file), published)
            }
        let decision = PublishDecision.decide(blocked: blocks(findings, options), full: full,
                                              sameAsPublished: !full && sameAsPublished, dryRun: options.dryRun)
        switch decision {
        case .refused: return report(.refused, changes: changes)
        case .unchanged: return report(.unchanged, changes: changes)
        case .dryRun: return report(.dryRun, files: export.files, changes: changes)
        case .full, .publish: break
        }

        options.progress?("publishing")
        clock.start("publish")
        if decision == .publish { publisher.reuseUnchanged(export.context.writtenFiles, published: previousState.files) }
        // The next state is written completely before the exchange (the staged files are the inodes that will be
        // published, with their times): after it, only renames are left, and a failure of one of them is reported
        // as what it is, a publication whose state was not recorded. A failure before the exchange leaves the state
        // folder as it was: the list files this run gave their content names are removed again.
        let publication: Publisher.Publication
        do {
            let state = NextState.make(date: options.referenceDate, configurationFingerprint: fingerprint, findings: findings,
                                       sources: Array(zip(configuration.sources, outcome.sources)), export: export,
                                       publishedPath: publisher.stagingPath(for:), projects: try lists.projects.commit(),
                                       history: try lists.history.commit(), plan: feedPlan, previous: previousState,
                                       retiring: verdict.retiring, deliver: configuration.publication.deliver)
            let preparedState = try stateStore.prepare(state)
            do {
                publication = try publisher.publish(export.files)
            } catch {
                preparedState.discard()
                throw error
            }
            do throws(IOError) {
                try preparedState.commit()
            } catch {
                throw PublishedWithoutState(outputDirectory: output, stateDirectory: configuration.stateDirectory, part: .state,
                                            cause: error)
            }
        } catch let error where !(error is PublishedWithoutState) {
            let kept = [previous?.projectsFile, previous?.historyFile].compactMap { $0?.file }
            StateListFile.removeUnreferenced(in: configuration.stateDirectory, keep: Set(kept))
            throw error
        }
        do {
            try acceptSources(outcome.sources)
        } catch let error as IOError {
            throw PublishedWithoutState(outputDirectory: output, stateDirectory: configuration.stateDirectory, part: .acceptedSource,
                                        cause: error)
        }
        if let unsynced = publication.unsynced {
            throw PublishedWithoutState(outputDirectory: output, stateDirectory: configuration.stateDirectory, part: .notOnDisk,
                                        cause: unsynced)
        }
        let published = publication.files
        return report(.published, files: published, changes: changes)
    }

    /// Delivers what the state records as pending to the configured targets, and records the outcome in the state:
    /// nothing (no target contacted, the state untouched) when nothing is pending.
    private func deliverPending(stateStore: PublicationStateStore, progress: ((String) -> Void)?) throws -> [DeliveryOutcome] {
        guard var state = try stateStore.load() else { return [] }
        let run = DeliveryRun(targets: configuration.publication.deliver, outputDirectory: configuration.publishedDirectory,
                              files: Array(state.files.keys))
        guard run.hasPending(state.deliveries) else { return [] }
        progress?("delivering")
        let (outcomes, records) = run.deliver(state.deliveries)
        state.deliveries = records
        try stateStore.save(state)
        return outcomes
    }

    /// Keeps the copy of each CSV source taken while the pass read it, for the next run's comparison.
    private func acceptSources(_ read: [SourceCapture.Summary]) throws {
        let store = AcceptedSourceStore(stateDirectory: configuration.stateDirectory)
        for (index, source) in configuration.sources.enumerated() where source.format == .csv {
            guard let copy = read[index].copyPath else { continue }
            try store.adopt(copyAt: copy, forSourceAt: source.path, index: index)
        }
    }

    /// SHA-256 over the configuration file and the files it names besides the sources (the shared publication
    /// settings, mappings, registers, XML schemas): a changed mapping, register or setting makes the next run
    /// publish anew.
    public func configurationFingerprint() -> String {
        let bytes = configurationFiles.flatMap { (try? ByteFileReader.readAll(path: $0)) ?? [] }
        return SHA256.hex(of: bytes)
    }

    /// The files the configuration fingerprint covers, in its order: the configuration file, the file its
    /// publication settings come from (when it names one), then per source its mapping, register and XML schema.
    public var configurationFiles: [String] {
        [configuration.path] + [configuration.publicationFile].compactMap { $0 } + configuration.sources.flatMap { source in
            [source.mappingFile, source.register, source.options.xmlSchemaPath].compactMap { $0 }
        }
    }

    private func blocks(_ findings: FindingList, _ options: RunOptions) -> Bool {
        findings.hasErrors || (options.strict && findings.count(of: .warning) > 0)
    }
}
