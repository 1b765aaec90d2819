/// `title.duplicate`: no two projects share a title (case and spacing aside).
public struct DuplicateTitleRule: ValidationRule {
    public static let id = "title.duplicate"
    public static let checksPortfolio = true
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(en: "No two projects share a title (case and spacing aside).",
                                          de: "Keine zwei Vorhaben haben denselben Titel (Gross-/Kleinschreibung und Leerzeichen ausgenommen).")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(portfolio: Portfolio, context: ValidationContext) -> [Finding] {
        // The identifier of each normalised title's first project.
        var first: [String: ProjectID] = [:]
        first.reserveCapacity(portfolio.projects.count)
        var findings: [Finding] = []
        for project in portfolio.projects {
            let key = project.title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let earlier = first[key] {
                findings.append(finding(project, .title,
                    Bilingual(en: "the title '\(project.title)' is also the title of '\(earlier)'",
                              de: "der Titel '\(project.title)' ist auch der Titel von '\(earlier)'"),
                    hint: Bilingual(en: "give each project a title of its own, so that people can tell them apart",
                                    de: "geben Sie jedem Vorhaben einen eigenen Titel, damit man sie unterscheiden kann")))
            } else {
                first[key] = project.id
            }
        }
        return findings
    }
}
