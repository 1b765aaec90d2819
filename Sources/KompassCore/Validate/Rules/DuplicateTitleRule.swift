/// `title.duplicate`: no two projects share a title (case and spacing aside).
public struct DuplicateTitleRule: ValidationRule {
    public static let id = RuleID.titleDuplicate
    public static let checksPortfolio = true
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(en: "No two projects share a title (case and spacing aside).",
                                          de: "Keine zwei Vorhaben haben denselben Titel (Gross-/Kleinschreibung und Leerzeichen ausgenommen).")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func portfolioCheck(context: ValidationContext) -> (any PortfolioCheck)? { Check(rule: self) }

    /// The position of each normalised title's first project, keyed by the normalised title's digest (16 bytes,
    /// not the string); the project's identifier is read back from `ComparedProjects`.
    struct Check: PortfolioCheck {
        let rule: DuplicateTitleRule
        var first: [StringDigest: UInt32] = [:]

        func key(for project: Project) -> (any Sendable)? { DuplicateTitleRule.key(project.title) }

        mutating func add(_ project: Project, position: Int, key: (any Sendable)?, earlier: ComparedProjects) -> [Finding] {
            let digest = key as? StringDigest ?? DuplicateTitleRule.key(project.title)
            guard let kept = first[digest] else {
                first[digest] = UInt32(position)
                return []
            }
            let earlier = earlier.identifier(at: Int(kept))
            return [rule.finding(project, .title,
                Bilingual(en: "the title '\(project.title)' is also the title of '\(earlier)'",
                          de: "der Titel '\(project.title)' ist auch der Titel von '\(earlier)'"),
                hint: Bilingual(en: "give each project a title of its own, so that people can tell them apart",
                                de: "geben Sie jedem Vorhaben einen eigenen Titel, damit man sie unterscheiden kann"))]
        }
    }

    /// What two titles that count as the same share: the digest of the title lowercased, with its runs of
    /// white space made one space and none at either end.
    static func key(_ title: String) -> StringDigest {
        StringDigest(title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }
}
