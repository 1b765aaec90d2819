/// `id.duplicate`: every project has its own identifier.
public struct DuplicateIdentifierRule: ValidationRule {
    public static let id = "id.duplicate"
    public static let checksPortfolio = true
    public static let defaultSeverity = Severity.error
    public static let summary = Bilingual(en: "No two projects share an identifier.",
                                          de: "Keine zwei Vorhaben haben dieselbe Kennung.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func portfolioCheck(context: ValidationContext) -> (any PortfolioCheck)? { Check(rule: self) }

    /// Where each identifier's first project starts (its record), nothing else of it.
    struct Check: PortfolioCheck {
        let rule: DuplicateIdentifierRule
        var first: [ProjectID: LocationTable.Entry] = [:]
        var locations = LocationTable()

        mutating func add(_ project: Project, position: Int, key: (any Sendable)?) -> [Finding] {
            guard let kept = first[project.id] else {
                first[project.id] = locations.keep(project.origins.record)
                return []
            }
            let earlier = locations.location(kept)
            return [rule.finding(project, .id,
                Bilingual(en: "the identifier '\(project.id)' is used by another project too (\(earlier))",
                          de: "die Kennung '\(project.id)' hat auch ein anderes Vorhaben (\(earlier))"),
                hint: Bilingual(en: "give each project its own identifier", de: "geben Sie jedem Vorhaben eine eigene Kennung"))]
        }
    }
}
