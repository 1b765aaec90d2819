/// What a run did: its findings, and what it published.
public struct RunReport: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Every output was written and published.
        case published
        /// Everything was checked and written to staging, then discarded as asked (`--dry-run`).
        case dryRun
        /// Errors in the data (or the self-check, or warnings under `--strict`): nothing was published.
        case refused
        /// The sources hold what was published last time: no file was touched.
        case unchanged
    }

    public var outcome: Outcome
    public var findings: FindingList
    public var projectCount: Int
    /// The published (or, in a dry run, the staged) files.
    public var files: [WrittenFile]
    public var outputDirectory: String
    /// What changed since the last publication (on a first publication: every project, added): the first
    /// `listedChanges` of them (`kompass diff` lists every one).
    public var changes: [ProjectChange] = []
    /// How many changes there are.
    public var changeCount = 0
    /// How many of `files` hold what the last publication published under their names (they keep their dates).
    public var unchangedFileCount = 0
    /// Whether there was no earlier publication.
    public var firstPublication: Bool = false
    /// How long each stage took, in the order they ran (for `--verbose` and the benchmarks).
    public var stageTimings: [StageTiming] = []
    /// Whether the run stopped after hashing its inputs (`UnchangedShortcut`): nothing else was read, and the
    /// findings are the publication's, counted only.
    public var shortcut = false
    /// The deliveries the run attempted after publishing (`publication.deliver`), in the order of the targets;
    /// empty when nothing was pending.
    public var deliveries: [DeliveryOutcome] = []

    /// Whether a delivery failed: the publication is in place locally, the next run retries (exit code 6).
    public var deliveryFailed: Bool { deliveries.contains { !$0.succeeded } }

    /// How many changes a report keeps whole: the feeds need 100; people read a few hundred at most.
    public static let listedChanges = 1_000

    public init(outcome: Outcome, findings: FindingList, projectCount: Int, files: [WrittenFile], outputDirectory: String,
                changes: [ProjectChange] = [], changeCount: Int? = nil, firstPublication: Bool = false) {
        self.outcome = outcome
        self.findings = findings
        self.projectCount = projectCount
        self.files = files
        self.outputDirectory = outputDirectory
        self.changes = changes
        self.changeCount = changeCount ?? changes.count
        self.firstPublication = firstPublication
    }
}

/// The wall time of one stage of a run.
public struct StageTiming: Sendable, Equatable {
    public var stage: String
    public var seconds: Double
}
