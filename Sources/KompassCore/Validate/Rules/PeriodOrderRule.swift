/// `period.order`: a project does not end before it starts.
public struct PeriodOrderRule: ValidationRule {
    public let id = "period.order"
    public let severity = Severity.error
    public let summary = "The start year is not after the end year."

    public init() {}

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        guard let end = project.period.endYear, end < project.period.startYear else { return [] }
        return [finding(project, .period, "the duration \(project.period.displayText) ends before it starts",
                        hint: "write the start year first: \(end)–\(project.period.startYear)?")]
    }
}
