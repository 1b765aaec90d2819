import Foundation

/// Delivers the publication by running a program (argv, no shell) with what changed in its environment:
///
/// - `KOMPASS_OUTPUT`: the published folder;
/// - `KOMPASS_CHANGED_FILES`: the names of the files changed or added since the last delivery to the target,
///   one per line (every file on a first delivery);
/// - `KOMPASS_REMOVED_FILES`: the names of the files removed since then, one per line;
/// - `KOMPASS_COMPLETE`: `1` when the complete set is delivered (a first delivery), else `0`;
/// - `KOMPASS_RUN_TIME`: the run's time (UTC, ISO 8601); `KOMPASS_TARGET`: the target's name;
///
/// besides kompass's own environment, the target's `environment` and the variables read from the files
/// `environmentFromFiles` names (their values never appear in messages: what the program prints is masked).
/// Exit status 0 is a delivery; anything else, a failure the next run retries.
struct CommandDelivery {
    var target: DeliveryTarget
    var command: CommandInvocation

    /// The most bytes a secret's file may hold.
    static let secretFileLimit = 64 * 1_024

    func deliver(_ work: DeliveryWork) -> DeliveryOutcome {
        var outcome = work.outcome(of: target)
        do throws(DeliveryFailure) {
            var environment = work.environment
            for (name, value) in command.environment { environment[name] = value }
            var secrets: [String] = []
            for (name, path) in command.environmentFromFiles.sorted(by: { $0.key < $1.key }) {
                let value = try CommandDelivery.secret(name, from: path, target: target.name)
                environment[name] = value
                secrets.append(value)
            }
            environment["KOMPASS_OUTPUT"] = work.outputDirectory
            environment["KOMPASS_CHANGED_FILES"] = work.changedFiles.joined(separator: "\n")
            environment["KOMPASS_REMOVED_FILES"] = outcome.removed.joined(separator: "\n")
            environment["KOMPASS_COMPLETE"] = work.record.everything ? "1" : "0"
            environment["KOMPASS_RUN_TIME"] = work.runTime
            environment["KOMPASS_TARGET"] = target.name
            let child = ChildProcess(argv: command.argv, environment: environment, workingDirectory: command.workingDirectory,
                                     timeoutSeconds: target.timeoutSeconds)
            _ = try work.run(child, step: "run the command of the target '\(target.name)'",
                             hint: "the local publication is in place; fix what the command reports (or the program itself), "
                                 + "the next run runs it again with the same files",
                             masking: secrets, recordingIn: &outcome)
            outcome.transferred = work.changedFiles.count
        } catch {
            outcome.failure = error
        }
        return outcome
    }

    /// The value of the variable `name`: the contents of the file at `path`, without the line break that ends it.
    static func secret(_ name: String, from path: String, target: String) throws(DeliveryFailure) -> String {
        let bytes: [UInt8]
        do {
            bytes = try ByteFileReader.readAll(path: path, limit: secretFileLimit)
        } catch {
            throw DeliveryFailure(step: "read \(name) from \(path)", reason: error.reason,
                                  hint: "check environmentFromFiles of the target '\(target)': the file must exist and be readable "
                                      + "by the user running kompass (and by no one else)")
        }
        var text = String(decoding: bytes, as: UTF8.self)
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
        return text
    }
}
