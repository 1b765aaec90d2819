import Foundation
import KompassCore

/// Prints findings for people (grouped by file, in line order, coloured on a terminal) or as JSON,
/// in English or German.
struct FindingReporter {
    var colour: Bool
    var language: ReportLanguage

    /// Per file a header with its counts, then `path:line:column: severity: message (field) [project] {rule}`
    /// and an indented hint: the form editors and terminals turn into links.
    func text(_ findings: FindingList, minimum: Severity = .info) -> String {
        let shown = findings.sortedByLocation.filter { $0.severity >= minimum }
        var lines: [String] = []
        var currentFile: String?? = .none
        for finding in shown {
            let file = finding.location?.file
            if currentFile != .some(file) {
                currentFile = .some(file)
                let inFile = FindingList(shown.filter { $0.location?.file == file })
                lines.append((file ?? label("(the run as a whole)", "(der Lauf als Ganzes)")) + ": " + counts(inFile))
            }
            let place = finding.location.map { "\($0): " } ?? ""
            let field = finding.location?.field.map { " (\($0))" } ?? ""
            let project = finding.projectID.map { " [\($0)]" } ?? ""
            lines.append("\(place)\(paint(finding.severity)): \(finding.message(in: language))\(field)\(project) {\(finding.ruleID)}")
            if let hint = finding.hint(in: language) { lines.append("    \(label("hint", "Vorschlag")): \(hint)") }
        }
        return lines.joined(separator: "\n")
    }

    private func label(_ english: String, _ german: String) -> String {
        language == .de ? german : english
    }

    private func word(_ severity: Severity, _ count: Int) -> String {
        switch (severity, language) {
        case (.error, .en): count == 1 ? "error" : "errors"
        case (.warning, .en): count == 1 ? "warning" : "warnings"
        case (.info, .en): count == 1 ? "info" : "infos"
        case (.error, .de): "Fehler"
        case (.warning, .de): count == 1 ? "Warnung" : "Warnungen"
        case (.info, .de): count == 1 ? "Hinweis" : "Hinweise"
        }
    }

    /// `1 error, 2 warnings, 0 infos`.
    func counts(_ findings: FindingList) -> String {
        [Severity.error, .warning, .info].map { severity in
            let n = findings.count(of: severity)
            return "\(n) \(word(severity, n))"
        }.joined(separator: ", ")
    }

    /// `34 projects: 1 error, 2 warnings, 0 infos`.
    func summary(_ findings: FindingList, projects: Int) -> String {
        let noun = language == .de ? "Vorhaben" : (projects == 1 ? "project" : "projects")
        return "\(projects) \(noun): \(counts(findings))"
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
            "project": \(optional(finding.projectID)), "message": \(q(finding.message(in: language))), \
            "hint": \(optional(finding.hint(in: language)))}
            """
        }
        return """
        {
          "language": \(q(language.rawValue)),
          "projects": \(projects),
          "summary": {"error": \(findings.count(of: .error)), "warning": \(findings.count(of: .warning)), "info": \(findings.count(of: .info))},
          "findings": [
        \(items.joined(separator: ",\n"))
          ]
        }
        """
    }

    private func paint(_ severity: Severity) -> String {
        let name = word(severity, 1)
        guard colour else { return name }
        switch severity {
        case .error: return "\u{1B}[1;31m\(name)\u{1B}[0m"
        case .warning: return "\u{1B}[1;33m\(name)\u{1B}[0m"
        case .info: return "\u{1B}[36m\(name)\u{1B}[0m"
        }
    }
}
