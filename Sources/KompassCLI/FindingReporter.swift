import Foundation
import KompassCore

/// Prints findings for people (grouped by file, in line order, coloured on a terminal) or as JSON,
/// in English or German.
struct FindingReporter {
    var colour: Bool
    var language: ReportLanguage
    /// How many places a grouped entry lists (`--examples`).
    var examples = FindingReporter.defaultExamples
    /// At most this many entries; 0 means no cap (`--max-findings`).
    var maxEntries = FindingReporter.defaultMaxEntries

    static let defaultExamples = 5
    static let defaultMaxEntries = 200

    /// The entries shown: at or above `minimum`, grouped, and capped. When capping, errors are kept
    /// before warnings and warnings before infos; the kept entries stay in location order.
    /// With `folded`, an entry that follows from another listed entry is moved under it (`consequences`).
    func entries(_ findings: FindingList, minimum: Severity, folded: Bool = true) -> (shown: [FindingGroup], total: Int) {
        let flat = findings.entries(examples: examples, minimum: minimum)
        let all = folded ? FindingGroup.folded(flat) : flat
        guard maxEntries > 0, all.count > maxEntries else { return (all, all.count) }
        let kept = all.enumerated().sorted { a, b in
            a.element.first.severity != b.element.first.severity
                ? a.element.first.severity > b.element.first.severity : a.offset < b.offset
        }.prefix(maxEntries).map(\.offset).sorted()
        return (kept.map { all[$0] }, all.count)
    }

    /// The first line of a capped report, or nil.
    func cappedLine(shown: Int, total: Int) -> String? {
        guard shown < total else { return nil }
        return language == .de
            ? "Bericht gekürzt: \(shown) von \(total) Einträgen (Fehler zuerst); --max-findings 0 zeigt alle"
            : "report capped: \(shown) of \(total) entries shown (errors first); --max-findings 0 shows all"
    }

    /// Per file a header with its counts, then `path:line:column: severity: message (field) [project] {rule}`
    /// and an indented hint: the form editors and terminals turn into links. A group of one rule says
    /// how many findings it stands for and lists its first places.
    func text(_ findings: FindingList, minimum: Severity = .info) -> String {
        let (shown, total) = entries(findings, minimum: minimum)
        var lines: [String] = []
        if let capped = cappedLine(shown: shown.count, total: total) { lines.append(capped) }
        var currentFile: String?? = .none
        let sourceLines = SourceExcerpt.lines(at: shown.compactMap(\.first.location))
        for entry in shown {
            let finding = entry.first
            let file = finding.location?.file
            if currentFile != .some(file) {
                currentFile = .some(file)
                lines.append((file ?? label("(the run as a whole)", "(der Lauf als Ganzes)")) + ": " + counts(findings, inFile: file, minimum: minimum))
            }
            let place = finding.location.map { "\($0): " } ?? ""
            // A field's name and a project's identifier come from the input: shown safely and bounded.
            let field = finding.location?.field.map { " (\(ShownText.value($0)))" } ?? ""
            let project = finding.projectID.map { " [\(ShownText.value($0))]" } ?? ""
            let times = entry.isGroup ? "\(entry.count)× " : ""
            lines.append("\(place)\(paint(finding.severity)): \(times)\(finding.message(in: language))\(field)\(project) {\(finding.ruleID)}")
            if let excerpt = excerpt(of: finding, in: sourceLines) {
                // The line itself, and a caret under the column: where the mistake stands.
                let number = String(excerpt.line)
                lines.append("    \(number) | \(excerpt.text)")
                if let column = excerpt.column {
                    lines.append("    \(String(repeating: " ", count: number.count)) | \(String(repeating: " ", count: column - 1))^")
                }
            }
            if entry.isGroup {
                let places = entry.examples.dropFirst().map(placeText)
                let more = entry.count - entry.examples.count
                let also = places.isEmpty ? "" : label("also at ", "auch bei ") + places.joined(separator: ", ")
                let rest = more > 0 ? label("\(more) more", "\(more) weitere") : ""
                lines.append("    " + [also, rest].filter { !$0.isEmpty }.joined(separator: label(" and ", " und ")))
            }
            if let hint = finding.hint(in: language) { lines.append("    \(label("hint", "Vorschlag")): \(hint)") }
            lines += consequenceLines(of: entry)
        }
        return lines.joined(separator: "\n")
    }

    /// What follows from `entry`: "2 more errors follow from this:", then each consequence, indented.
    private func consequenceLines(of entry: FindingGroup) -> [String] {
        guard !entry.consequences.isEmpty else { return [] }
        let counts = [Severity.error, .warning, .info].compactMap { severity -> String? in
            let n = entry.consequenceCount(of: severity)
            return n == 0 ? nil : "\(n) \(word(severity, n))"
        }.joined(separator: label(" and ", " und "))
        let total = entry.consequences.reduce(0) { $0 + $1.count }
        var lines = [label("    \(counts.replacingOccurrences(of: " ", with: " more ", options: [], range: counts.range(of: " "))) \(total == 1 ? "follows" : "follow") from this:",
                           "    daraus \(total == 1 ? "folgt" : "folgen") \(counts):")]
        for consequence in entry.consequences {
            let finding = consequence.first
            let place = finding.location.map { "\($0): " } ?? ""
            let project = finding.projectID.map { " [\(ShownText.value($0))]" } ?? ""
            let times = consequence.isGroup ? "\(consequence.count)× " : ""
            lines.append("      \(place)\(paint(finding.severity)): \(times)\(finding.message(in: language))\(project) {\(finding.ruleID)}")
            if let hint = finding.hint(in: language) { lines.append("        \(label("hint", "Vorschlag")): \(hint)") }
        }
        return lines
    }

    /// The excerpt of the line `finding` points at, when its source could be read.
    func excerpt(of finding: Finding, in sourceLines: [String: [Int: String]]) -> SourceExcerpt? {
        guard let location = finding.location, let text = sourceLines[location.file]?[location.line] else { return nil }
        return SourceExcerpt(line: location.line, fullLine: text, column: location.column)
    }

    /// `line:column [project]` of a further place of a group.
    private func placeText(_ finding: Finding) -> String {
        let place = finding.location.map { location in location.column.map { "\(location.line):\($0)" } ?? "\(location.line)" } ?? "?"
        return place + (finding.projectID.map { " [\(ShownText.value($0))]" } ?? "")
    }

    /// The counts of one file's findings (all of them, not only those listed).
    private func counts(_ findings: FindingList, inFile file: String?, minimum: Severity) -> String {
        var perSeverity: [Severity: Int] = [:]
        var seen: Set<FindingList.GroupKey> = []
        for finding in findings.all where finding.location?.file == file && finding.severity >= minimum {
            let key = FindingList.GroupKey(finding)
            if seen.insert(key).inserted { perSeverity[finding.severity, default: 0] += findings.groupCount(of: finding) }
        }
        return [Severity.error, .warning, .info].map { severity in
            let n = perSeverity[severity, default: 0]
            return "\(n) \(word(severity, n))"
        }.joined(separator: ", ")
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

    /// The JSON report (schemas/report.schema.json): one object per entry; a group carries its
    /// `count` and, in `locations`, the places it lists (the first is the entry's own).
    func json(_ findings: FindingList, projects: Int) -> String {
        let q = Escaping.json
        func optional(_ value: String?) -> String { value.map(q) ?? "null" }
        func optional(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        func place(_ finding: Finding) -> String {
            "{\"file\": \(optional(finding.location?.file)), \"line\": \(optional(finding.location.map(\.line))), "
                + "\"column\": \(optional(finding.location?.column)), \"field\": \(optional(finding.location?.field ?? finding.field?.rawValue)), "
                + "\"project\": \(optional(finding.projectID))}"
        }
        let (shown, total) = entries(findings, minimum: .info, folded: false)
        let sourceLines = SourceExcerpt.lines(at: shown.compactMap(\.first.location))
        func causeJSON(_ finding: Finding) -> String {
            guard let cause = finding.causedBy else { return "null" }
            return "{\"rule\": \(q(cause.ruleID.rawValue)), \"file\": \(optional(cause.location?.file)), "
                + "\"line\": \(optional(cause.location.map(\.line))), \"column\": \(optional(cause.location?.column))}"
        }
        func excerptJSON(_ finding: Finding) -> String {
            guard let excerpt = excerpt(of: finding, in: sourceLines) else { return "null" }
            return "{\"line\": \(excerpt.line), \"text\": \(q(excerpt.text)), \"column\": \(optional(excerpt.column))}"
        }
        let items = shown.map { entry in
            let finding = entry.first
            return """
                {"rule": \(q(finding.ruleID.rawValue)), "severity": \(q(finding.severity.rawValue)), \
            "file": \(optional(finding.location?.file)), "line": \(optional(finding.location.map(\.line))), \
            "column": \(optional(finding.location?.column)), "field": \(optional(finding.location?.field ?? finding.field?.rawValue)), \
            "project": \(optional(finding.projectID)), "message": \(q(finding.message(in: language))), \
            "hint": \(optional(finding.hint(in: language))), "count": \(entry.count), \
            "locations": [\(entry.examples.map(place).joined(separator: ", "))], "excerpt": \(excerptJSON(finding)), \
            "causedBy": \(causeJSON(finding))}
            """
        }
        let capped = shown.count < total ? "{\"shown\": \(shown.count), \"total\": \(total)}" : "null"
        return """
        {
          "capped": \(capped),
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
