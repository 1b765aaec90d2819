import Foundation
import KompassCore

/// `--log-format json`: one JSON object per line on standard error, for schedulers and log
/// collectors: `time`, `level`, `event` and the event's fields.
struct JSONLog {
    static func line(level: String, event: String, fields: [(String, String)]) -> String {
        let q = Escaping.json
        let time = ISO8601DateFormatter().string(from: Date())
        let rest = fields.map { "\(q($0.0)): \($0.1)" }
        return "{" + (["\"time\": \(q(time))", "\"level\": \(q(level))", "\"event\": \(q(event))"] + rest).joined(separator: ", ") + "}"
    }

    /// One entry of the report: a finding, or a group with its `count` (then `file`/`line`/`column`
    /// are its first place).
    static func finding(_ entry: FindingGroup, language: ReportLanguage) -> String {
        let q = Escaping.json
        let finding = entry.first
        var fields: [(String, String)] = [("rule", q(finding.ruleID.rawValue)), ("count", String(entry.count))]
        if let location = finding.location {
            fields.append(("file", q(location.file)))
            fields.append(("line", String(location.line)))
            if let column = location.column { fields.append(("column", String(column))) }
        }
        if let project = finding.projectID { fields.append(("project", q(project))) }
        fields.append(("message", q(finding.message(in: language))))
        if let hint = finding.hint(in: language) { fields.append(("hint", q(hint))) }
        if let cause = finding.causedBy {
            // The finding this one follows from: its rule and place.
            var place = [("rule", q(cause.ruleID.rawValue))]
            if let location = cause.location {
                place += [("file", q(location.file)), ("line", String(location.line))]
                if let column = location.column { place.append(("column", String(column))) }
            }
            fields.append(("causedBy", "{" + place.map { "\(q($0.0)): \($0.1)" }.joined(separator: ", ") + "}"))
        }
        return line(level: finding.severity.rawValue, event: "finding", fields: fields)
    }

    /// One delivery (`publication.deliver`): the target, what was pending, and how it went.
    static func delivery(_ outcome: DeliveryOutcome) -> String {
        let q = Escaping.json
        var fields = [("target", q(outcome.target)), ("destination", q(outcome.destination)),
                      ("outcome", q(outcome.succeeded ? "delivered" : "failed")), ("complete", outcome.everything ? "true" : "false"),
                      ("files", String(outcome.pending.count)), ("removed", String(outcome.removed.count)),
                      ("transferred", String(outcome.transferred))]
        if let failure = outcome.failure {
            fields += [("step", q(failure.step)), ("reason", q(failure.reason)), ("detail", q(failure.detail)), ("hint", q(failure.hint))]
            if let command = failure.command { fields.append(("command", q(command))) }
        }
        return line(level: outcome.succeeded ? "info" : "error", event: "delivery", fields: fields)
    }

    static func summary(_ report: RunReport) -> String {
        let q = Escaping.json
        let outcome: String = switch report.outcome {
        case .published: "published"
        case .unchanged: "unchanged"
        case .dryRun: "dry-run"
        case .refused: "refused"
        }
        var fields = [
            ("outcome", q(outcome)), ("output", q(report.outputDirectory)), ("projects", String(report.projectCount)),
            ("files", String(report.files.count)), ("changes", String(report.changeCount)),
            ("errors", String(report.findings.count(of: .error))), ("warnings", String(report.findings.count(of: .warning))),
        ]
        // An unchanged run that stopped after hashing its inputs: its counts are those of the last publication.
        if report.shortcut { fields.append(("shortcut", "true")) }
        return line(level: report.outcome == .refused ? "error" : "info", event: "run.finished", fields: fields)
    }
}
