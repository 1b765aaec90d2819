/// The state a publication leaves for the next run: what it published (each file's checksum, size and
/// dates), from which sources (their checksums as read in the pass), the lists of the projects' snapshots
/// and of the history (written by the pass), the feed and the retired identifiers.
enum NextState {
    static func make(date: CalendarDate, configurationFingerprint: String, findings: FindingList, sources: [(SourceConfiguration, SourceCapture.Summary)],
                     export: ExportRun, publishedPath: (OutputFile) -> String, projects: StateListFile.Reference,
                     history: StateListFile.Reference, plan: FeedPlan, previous: PublicationState,
                     retiring: [(id: String, title: String)], deliver: [DeliveryTarget] = []) -> PublicationState {
        var state = PublicationState()
        state.publishedOn = date
        state.kompassVersion = KompassVersion.current
        state.configurationFingerprint = configurationFingerprint
        state.sources = sources.map { source, read in
            .init(path: source.path, format: source.format.rawValue, sha256: read.sha256)
        }
        for (file, written) in export.context.writtenFiles {
            let dates = export.context.dates(of: file)
            state.files[file.rawValue] = .init(sha256: written.sha256, bytes: written.byteCount, issued: dates.issued,
                                               modified: dates.modified, diskTime: DiskTime.of(publishedPath(file))?.time)
        }
        state.findingCounts = .init(findings)
        state.projectsFile = projects
        state.historyFile = history
        state.feed = plan.items
        state.retired = previous.retired + retiring.map { RetiredProject(id: $0.id, title: $0.title, retiredOn: date) }
        // What the delivery targets have pending, recorded with the publication itself: a run killed after the
        // exchange leaves the changes pending, and the next run delivers them.
        let changed = state.files.filter { previous.files[$0.key]?.sha256 != $0.value.sha256 }.keys.sorted()
        let removed = previous.files.keys.filter { state.files[$0] == nil }.sorted()
        state.deliveries = DeliveryRecord.afterPublication(targets: deliver, previous: previous.deliveries, changed: changed, removed: removed)
        return state
    }
}
