public import Foundation

/// How a run is asked to behave (from the command line).
public struct RunOptions: Sendable {
    /// "Today" for date-dependent rules and the dates written into outputs.
    public var referenceDate: CalendarDate
    /// When the run runs: the time the change feeds give the changes this run detects. Nil: midnight of
    /// `referenceDate` in the canton's zone (a run reproduced with `--as-of DATE`, and library callers that
    /// give a date only). The command line sets the wall-clock time, or the time of `--as-of DATE-TIME`.
    public var runTime: Date?
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

extension RunOptions {
    /// The time the feeds give this run's new items: `runTime`, or midnight of the reference date in `zone`.
    public func detectionTime(in zone: TimeZone) -> Timestamp {
        runTime.map { Timestamp(date: $0, zone: zone) } ?? Timestamp(startOf: referenceDate, zone: zone)
    }
}
