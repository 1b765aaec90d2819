/// `id.duplicate`: every project has its own identifier.
public struct DuplicateIdentifierRule: ValidationRule {
    public static let id = RuleID.idDuplicate
    public static let checksPortfolio = true
    public static let defaultSeverity = Severity.error
    public static let summary = Bilingual(en: "No two projects share an identifier.",
                                          de: "Keine zwei Vorhaben haben dieselbe Kennung.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func portfolioCheck(context: ValidationContext) -> (any PortfolioCheck)? { Check(rule: self) }

    /// The position of each identifier's first project, keyed by the identifier's digest (16 bytes, not the
    /// string); the identifier and its record's location are read back from `ComparedProjects`.
    struct Check: PortfolioCheck {
        let rule: DuplicateIdentifierRule
        var first: [StringDigest: UInt32] = [:]

        func key(for project: Project) -> (any Sendable)? { StringDigest(project.id.rawValue) }

        mutating func add(_ project: Project, position: Int, key: (any Sendable)?, earlier: ComparedProjects) -> [Finding] {
            let digest = key as? StringDigest ?? StringDigest(project.id.rawValue)
            guard let kept = first[digest] else {
                first[digest] = UInt32(position)
                return []
            }
            // Different identifiers with equal digests (a chance of 10⁻²⁷ at a million) must not raise an error.
            guard earlier.hasIdentifier(project.id, at: Int(kept)) else { return [] }
            let firstRecord = earlier.recordLocation(at: Int(kept))
            return [rule.finding(project, .id,
                Bilingual(en: "the identifier '\(project.id)' is used by another project too (\(firstRecord))",
                          de: "die Kennung '\(project.id)' hat auch ein anderes Vorhaben (\(firstRecord))"),
                hint: Bilingual(en: "give each project its own identifier", de: "geben Sie jedem Vorhaben eine eigene Kennung"))]
        }
    }
}
