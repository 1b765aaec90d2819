/// `id.duplicate`: every project has its own identifier.
public struct DuplicateIdentifierRule: ValidationRule {
    public let id = "id.duplicate"
    public let severity = Severity.error
    public let summary = "No two projects share an identifier."

    public init() {}

    public func check(portfolio: Portfolio, context: ValidationContext) -> [Finding] {
        var first: [ProjectID: Project] = [:]
        var findings: [Finding] = []
        for project in portfolio.projects {
            if let earlier = first[project.id] {
                findings.append(finding(project, .id, "the identifier '\(project.id)' is used by another project too (\(earlier.origins.record))",
                                        hint: "give each project its own identifier"))
            } else {
                first[project.id] = project
            }
        }
        return findings
    }
}
