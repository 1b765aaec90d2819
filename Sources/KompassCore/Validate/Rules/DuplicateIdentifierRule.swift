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

    public func check(portfolio: Portfolio, context: ValidationContext) -> [Finding] {
        // The position of each identifier's first project (a copy of every project would double the memory).
        var first: [ProjectID: Int] = [:]
        first.reserveCapacity(portfolio.projects.count)
        var findings: [Finding] = []
        for (index, project) in portfolio.projects.enumerated() {
            if let earlierIndex = first[project.id] {
                let earlier = portfolio.projects[earlierIndex]
                findings.append(finding(project, .id,
                    Bilingual(en: "the identifier '\(project.id)' is used by another project too (\(earlier.origins.record))",
                              de: "die Kennung '\(project.id)' hat auch ein anderes Vorhaben (\(earlier.origins.record))"),
                    hint: Bilingual(en: "give each project its own identifier", de: "geben Sie jedem Vorhaben eine eigene Kennung")))
            } else {
                first[project.id] = index
            }
        }
        return findings
    }
}
