/// How a run is asked to behave (from the command line).
public struct RunOptions: Sendable {
    /// "Today" for date-dependent rules and the dates written into outputs.
    public var referenceDate: CalendarDate
    /// Do everything except publishing.
    public var dryRun: Bool
    /// Warnings count as errors.
    public var strict: Bool
    /// `--retire`: project identifiers (or output file names) whose removal from the publication is intended.
    public var retire: Set<String> = []
    /// `--full`: publish every file anew instead of trusting the stored checksums (dates and the feed
    /// still change only for content that changed).
    public var full = false
    /// How many findings of one rule in one file are kept for the report (the rest are counted).
    public var findingsRetainedPerGroup = FindingList.defaultRetainPerGroup
    /// Told the stage a run is in (reading, validating, writing a file, publishing), for a progress
    /// indicator; the library itself never prints.
    public var progress: (@Sendable (String) -> Void)?

    public init(referenceDate: CalendarDate, dryRun: Bool = false, strict: Bool = false) {
        self.referenceDate = referenceDate
        self.dryRun = dryRun
        self.strict = strict
    }
}
