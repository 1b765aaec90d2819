public import Foundation

/// Delivers a publication to every target that has something pending, one after the other, after the exchange.
///
/// A target is pending when its record says so (a publication added files to it, or the last attempt failed),
/// or when the state has no record for it (never delivered to: the complete set). A target with nothing pending
/// is not contacted. Each attempt's outcome becomes the target's next record: emptied when it succeeded,
/// kept with the failure when it did not.
public struct DeliveryRun: Sendable {
    public var targets: [DeliveryTarget]
    /// The published folder.
    public var outputDirectory: String
    /// The names of the publication's files.
    public var files: [String]
    public var time: Date
    public var environment: [String: String]

    public init(targets: [DeliveryTarget], outputDirectory: String, files: [String], time: Date = Date(),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.targets = targets
        self.outputDirectory = outputDirectory
        self.files = files.sorted()
        self.time = time
        self.environment = environment
    }

    /// Whether any target has something to deliver, given the state's `records`.
    public func hasPending(_ records: [String: DeliveryRecord]) -> Bool {
        targets.contains { DeliveryRecord.current(for: $0, in: records).isPending }
    }

    /// Delivers what is pending: the outcome of each attempt, and the records to keep (for every configured target).
    public func deliver(_ records: [String: DeliveryRecord]) -> (outcomes: [DeliveryOutcome], records: [String: DeliveryRecord]) {
        var outcomes: [DeliveryOutcome] = []
        var next: [String: DeliveryRecord] = [:]
        let runTime = DeliveryRun.isoTime(time)
        for target in targets {
            let record = DeliveryRecord.current(for: target, in: records)
            guard record.isPending else {
                next[target.name] = record
                continue
            }
            let work = DeliveryWork(outputDirectory: outputDirectory, files: files, record: record, runTime: runTime,
                                    releaseID: DeliveryRun.releaseID(time), environment: environment)
            let started = Date()
            var outcome = switch target.kind {
            case .rsync(let remote): RsyncDelivery(target: target, remote: remote).deliver(work)
            case .command(let command): CommandDelivery(target: target, command: command).deliver(work)
            }
            outcome.seconds = Date().timeIntervalSince(started)
            next[target.name] = outcome.failure.map { record.failed(at: runTime, message: $0.summary) } ?? record.delivered(at: runTime)
            outcomes.append(outcome)
        }
        return (outcomes, next)
    }

    /// `2026-12-05T02:15:00Z`.
    static func isoTime(_ time: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: time)
    }

    /// `20261205T021500Z-4711`: sorts by time; the process id keeps two runs in one second apart.
    static func releaseID(_ time: Date) -> String {
        let digits = isoTime(time).filter { $0 != "-" && $0 != ":" }
        return "\(digits)-\(getpid())"
    }
}
