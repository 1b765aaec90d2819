import Foundation
import KompassCore

/// Prints findings for people (grouped by file, in line order, coloured on a terminal) or as JSON.
struct FindingReporter {
    var colour: Bool

    /// `path:line:column: error: message [rule]` then an indented hint: the form editors link.
    func text(_ findings: FindingList, minimum: Severity = .info) -> String {
        var lines: [String] = []
        for finding in findings.sortedByLocation where finding.severity >= minimum {
            let place = finding.location.map { "\($0): " } ?? ""
            let field = finding.location?.field.map { " (\($0))" } ?? ""
            let project = finding.projectID.map { " [\($0)]" } ?? ""
            lines.append("\(place)\(paint(finding.severity)): \(finding.message)\(field)\(project) {\(finding.ruleID)}")
            if let hint = finding.hint { lines.append("    hint: \(hint)") }
        }
        return lines.joined(separator: "\n")
    }

    /// `34 projects: 1 error, 2 warnings, 0 infos`.
    func summary(_ findings: FindingList, projects: Int) -> String {
        func count(_ severity: Severity, _ word: String) -> String {
            let n = findings.count(of: severity)
            return "\(n) \(word)\(n == 1 ? "" : "s")"
        }
        return "\(projects) project\(projects == 1 ? "" : "s"): \(count(.error, "error")), \(count(.warning, "warning")), \(count(.info, "info"))"
    }

    /// The JSON report (schemas/report.schema.json).
    func json(_ findings: FindingList, projects: Int) -> String {
        let q = Escaping.json
        func optional(_ value: String?) -> String { value.map(q) ?? "null" }
        func optional(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        let items = findings.sortedByLocation.map { finding in
            """
                {"rule": \(q(finding.ruleID)), "severity": \(q(finding.severity.rawValue)), \
            "file": \(optional(finding.location?.file)), "line": \(optional(finding.location.map(\.line))), \
            "column": \(optional(finding.location?.column)), "field": \(optional(finding.location?.field ?? finding.field?.rawValue)), \
            "project": \(optional(finding.projectID)), "message": \(q(finding.message)), "hint": \(optional(finding.hint))}
            """
        }
        return """
        {
          "projects": \(projects),
          "summary": {"error": \(findings.count(of: .error)), "warning": \(findings.count(of: .warning)), "info": \(findings.count(of: .info))},
          "findings": [
        \(items.joined(separator: ",\n"))
          ]
        }
        """
    }

    private func paint(_ severity: Severity) -> String {
        guard colour else { return severity.rawValue }
        switch severity {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
        case .info: return "\u{1B}[36minfo\u{1B}[0m"
        }
    }
}
