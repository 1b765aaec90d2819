import Foundation

/// What one delivery is given: the published folder, its files, what is pending for the target, and the run's time.
struct DeliveryWork {
    /// The published output folder (after the exchange).
    var outputDirectory: String
    /// The names of every file of the publication, sorted.
    var files: [String]
    var record: DeliveryRecord
    /// The run's time, UTC, ISO 8601 (`2026-12-05T02:15:00Z`).
    var runTime: String
    /// The run's time as a release's name on a server (`20261205T021500Z`), with the process id after it.
    var releaseID: String
    /// The environment kompass runs in (secrets may come from it).
    var environment: [String: String]

    /// The files to deliver: every file on a first delivery, else those changed or added since the last one.
    var changedFiles: [String] {
        record.everything ? files : record.pending.filter { files.contains($0) }
    }

    /// The outcome of an attempt on `target`, before it is known how it went.
    func outcome(of target: DeliveryTarget) -> DeliveryOutcome {
        DeliveryOutcome(target: target.name, destination: target.destination, everything: record.everything,
                        pending: changedFiles, removed: record.everything ? [] : record.removed, transferred: 0)
    }

    /// Runs `child` as one step of `target`'s delivery: its argv recorded in `outcome`; a failure to start, a
    /// timeout or an exit status other than 0 as a `DeliveryFailure` with `hint`.
    /// `shownAs` is the argv messages show, when the real one holds a script too long to read there.
    func run(_ child: ChildProcess, shownAs: [String]? = nil, step: String, hint: String, masking secrets: [String] = [],
             recordingIn outcome: inout DeliveryOutcome) throws(DeliveryFailure) -> ChildProcess.Result {
        let shown = ShellWords.shown(shownAs ?? child.argv)
        outcome.commands.append(shown)
        let result: ChildProcess.Result
        do {
            result = try child.run()
        } catch {
            throw DeliveryFailure(step: step, command: shown, reason: error.reason, hint: hint)
        }
        guard result.succeeded else {
            let reason = result.timedOut ? "took longer than \(child.timeoutSeconds) s and was stopped"
                : result.signalled ? "was ended by signal \(result.status)" : "exited with status \(result.status)"
            throw DeliveryFailure(step: step, command: shown, reason: reason,
                                  detail: DeliveryWork.shownOutput(result.standardError, masking: secrets), hint: hint)
        }
        return result
    }

    /// What a program printed, as a report shows it: secrets masked, controls escaped, bounded, trimmed.
    static func shownOutput(_ text: String, masking secrets: [String]) -> String {
        var text = text
        for secret in secrets where !secret.isEmpty {
            text = text.replacingOccurrences(of: secret, with: "[secret]")
        }
        return ShownText.message(text.trimmingCharacters(in: .whitespacesAndNewlines), limit: 4_000)
    }
}
