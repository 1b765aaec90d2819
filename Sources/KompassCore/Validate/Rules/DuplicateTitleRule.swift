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

    public func portfolioCheck(context: ValidationContext) -> (any PortfolioCheck)? { Check(rule: self) }

    /// The identifier of each normalised title's first project.
    struct Check: PortfolioCheck {
        let rule: DuplicateTitleRule
        var first: [String: ProjectID] = [:]

        mutating func add(_ project: Project, position: Int, key: (any Sendable)?) -> [Finding] {
            let key = project.title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard let earlier = first[key] else {
                first[key] = project.id
                return []
            }
            return [rule.finding(project, .title,
                Bilingual(en: "the title '\(project.title)' is also the title of '\(earlier)'",
                          de: "der Titel '\(project.title)' ist auch der Titel von '\(earlier)'"),
                hint: Bilingual(en: "give each project a title of its own, so that people can tell them apart",
                                de: "geben Sie jedem Vorhaben einen eigenen Titel, damit man sie unterscheiden kann"))]
        }
    }
}
