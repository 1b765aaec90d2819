import Foundation

/// The single pass over the sources, the heart of a run: each project, as soon as it is read and
/// normalised, goes through the per-project rules, is shown to the rules that compare projects (which keep
/// keys, not projects), is counted into the summary, leaves its snapshot, and is written to every row file
/// (`ProjectRowExporter`) in staging; it is compared with the last publication (`ChangeDetector`), its changes
/// go to the change log (and the history list), its snapshot to the next state's projects list. No project is
/// kept for the whole portfolio: only the first ones the landing page shows, and those the change feeds will
/// announce.
///
/// Each source is read once: its checksum and (for CSV sources) its accepted copy are taken from the very
/// bytes the importer parsed (`SourceCapture`).
struct PortfolioPass {
    /// The row files of this run, each with its open writer in staging; empty when nothing is written.
    var rowFiles: [(exporter: any ProjectRowExporter, writer: ByteFileWriter)] = []
    /// What the row exporters need; also names the reference year of the snapshots.
    var exportContext: ExportContext
    /// The projects of the last publication; none on a first one.
    var previous = PublishedProjects()
    /// How many changed projects to keep whole for the feeds' items.
    var announceLimit = PublicationState.feedLimit
    /// How many changes to keep whole (the rest are counted).
    var keptChanges = RunReport.listedChanges
    /// The next state's lists, written as the pass goes (nil: a pass that leaves no state).
    var snapshotList: StateListWriter?
    var historyList: StateListWriter?
    /// Whether to keep the texts of the projects whose texts changed (`kompass diff` shows them word by word).
    var keepsChangedTexts = false
    /// Identifiers the shrink guard asks about (those named for retirement, those reserved): the projects
    /// of the portfolio that have one are kept in `Outcome.watched`.
    var watchedIDs: Set<String> = []
    /// Where to keep a copy of the CSV source at a configured index (the next accepted copy); nil: no copy.
    var copyPath: (Int, SourceConfiguration) -> String? = { _, _ in nil }
    /// Sees every project too (a conversion that writes another format).
    var each: ((Project) throws -> Void)?

    /// How many projects are prepared at a time, split over the cores in parts of at least `batchPart`: small
    /// enough that a batch's projects and rows weigh a few megabytes, large enough that a thread pays.
    static let batchSize = 1_024
    static let batchPart = 256

    /// One project as a batch prepares it, before it takes its place.
    private struct PreparedProject: Sendable {
        var validation: ValidationPass.Prepared
        var snapshot: ProjectSnapshot
        /// The snapshot's record in the state's projects list, and its hash.
        var line: [UInt8]
        var lineHash: UInt64
        /// Its part of each row file, in the order of `rowFiles`.
        var rows: [[UInt8]]
    }

    /// What the pass found and kept.
    struct Outcome {
        var findings: FindingList
        var summary: PortfolioSummary
        /// The changes since the last publication: the first ones, and how many.
        var changes: ChangeLog
        /// The published projects the portfolio no longer has.
        var removed: [(id: String, title: String)]
        /// The projects whose identifiers are in `watchedIDs`.
        var watched: [(id: String, title: String)]
        /// The projects the feeds may announce (new or changed since the last publication), by identifier.
        var announced: [String: Project]
        /// With `keepsChangedTexts`: the texts ("Bisher", "In Zukunft") of each project whose texts changed.
        var changedTexts: [String: (before: String, future: String)] = [:]
        /// Per configured source, in order: what was read of it.
        var sources: [SourceCapture.Summary]
    }

    func run(_ configuration: Configuration, options: RunOptions, stage: (String) -> Void) throws -> Outcome {
        let context = ValidationContext(referenceDate: options.referenceDate)
        var validation = ValidationPass(Validator(settings: configuration.validation), context: context,
                                        retainPerGroup: options.findingsRetainedPerGroup)
        var validationFindings = FindingList(retainPerGroup: options.findingsRetainedPerGroup)
        let year = options.referenceDate.year
        var summary = PortfolioSummary(referenceYear: year, keeping: exportContext.settings.landingPageLimit)
        var detector = ChangeDetector(published: previous)
        var changes = ChangeLog(keep: keptChanges, history: historyList, date: options.referenceDate)
        var watched: [(id: String, title: String)] = []
        var announced: [String: Project] = [:]
        var changedTexts: [String: (before: String, future: String)] = [:]
        let captures = configuration.sources.enumerated().map { index, source in
            SourceCapture(path: source.path, copyPath: source.format == .csv ? copyPath(index, source) : nil,
                          copyLimit: Pipeline.acceptedCopyLimit)
        }

        stage("read, normalise, validate, write the rows")
        // What depends on one project alone (its findings, the rules' keys, its snapshot, its rows) is done
        // for a batch at a time on both cores; the batch then takes its place in portfolio order.
        let rows = rowFiles.map(\.exporter)
        let writers = rowFiles.map(\.writer)
        let exportContext = self.exportContext
        let preparer = validation
        var batch: [Project] = []
        batch.reserveCapacity(PortfolioPass.batchSize)
        var position = 0
        func takeBatch() throws {
            let projects = batch
            let prepared = ParallelChunks.map(projects.count, minimumPerChunk: PortfolioPass.batchPart) { range in
                var buffers = rows.map { _ in ByteBuffer(capacity: 1 << 16) }
                return range.map { index in
                    let project = projects[index]
                    var bytes: [[UInt8]] = []
                    for file in rows.indices {
                        rows[file].write(project, context: exportContext, to: &buffers[file])
                        // A copy of exactly the row's bytes (sharing the buffer's storage would make the next row
                        // allocate a whole new buffer: 64 KB per row and file).
                        bytes.append(buffers[file].copiedBytes)
                        buffers[file].removeAll()
                    }
                    let snapshot = ProjectSnapshot(project, referenceYear: year)
                    let line = snapshot.stateLine
                    return PreparedProject(validation: preparer.prepare(project), snapshot: snapshot, line: line,
                                           lineHash: PublishedProjects.lineHash(ofLine: line), rows: bytes)
                }
            }
            for (project, ready) in zip(projects, prepared) {
                validation.add(project, position: position, prepared: ready.validation) { validationFindings.append($0) }
                summary.add(project)
                let found = try detector.changes(of: ready.snapshot, lineHash: ready.lineHash)
                if !found.isEmpty, announced.count < announceLimit, announced[ready.snapshot.id] == nil {
                    announced[ready.snapshot.id] = project
                }
                for change in found { try changes.add(change, now: ready.snapshot) }
                if keepsChangedTexts, found.contains(where: { $0.kind == .texts }) {
                    changedTexts[ready.snapshot.id] = (project.before, project.future)
                }
                try snapshotList?.append(line: ready.line)
                if watchedIDs.contains(ready.snapshot.id) { watched.append((ready.snapshot.id, ready.snapshot.title)) }
                for (writer, bytes) in zip(writers, ready.rows) {
                    try writer.write(bytes)
                }
                try each?(project)
                position += 1
            }
            batch.removeAll(keepingCapacity: true)
        }
        let loaded = try PortfolioLoader(merge: configuration.merge)
            .stream(configuration.sources, strictHeaders: options.strict, captures: captures,
                    retainPerGroup: options.findingsRetainedPerGroup) { project in
                batch.append(project)
                if batch.count == PortfolioPass.batchSize { try takeBatch() }
            }
        try takeBatch()
        let sources = captures.map { $0.finish() }
        stage("find the removed projects")
        var removed: [(id: String, title: String)] = []
        try detector.removed { change, old in
            removed.append((old.id, old.title))
            try changes.add(change, now: nil)
        }

        var findings = loaded.findings
        findings.append(contentsOf: configuration.givenSourceNotes)
        stage("compare CSV sources with their accepted copies")
        findings.append(contentsOf: try spreadsheetDamage(configuration, read: sources))
        findings.append(contentsOf: validationFindings)
        validation.finish(stage: stage) { (list: FindingList) in findings.append(contentsOf: list) }
        return Outcome(findings: findings, summary: summary, changes: changes, removed: removed, watched: watched,
                       announced: announced, changedTexts: changedTexts, sources: sources)
    }

    /// The CSV sources as read in this pass against the copies accepted at the last publication: what a
    /// round trip through Excel did to them (`excel.*`), one finding per damaged cell.
    private func spreadsheetDamage(_ configuration: Configuration, read: [SourceCapture.Summary]) throws -> [Finding] {
        let store = AcceptedSourceStore(stateDirectory: configuration.stateDirectory)
        var findings: [Finding] = []
        for (index, source) in configuration.sources.enumerated() where source.format == .csv {
            guard let copy = read[index].copyPath, store.hasAccepted(forSourceAt: source.path, index: index) else { continue }
            let accepted = store.acceptedPath(forSourceAt: source.path, index: index)
            guard Pipeline.fileSize(accepted) <= Pipeline.acceptedCopyLimit,
                  SHA256.hex(ofFileAt: accepted) != read[index].sha256 else { continue }
            findings += try SpreadsheetDamageCheck().compare(current: copy, accepted: accepted, options: source.options,
                                                             idColumn: source.mapping.sourceFields[.id], shownAs: source.path)
        }
        return findings
    }
}
