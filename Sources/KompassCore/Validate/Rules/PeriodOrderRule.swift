/// `period.order`: a project does not end before it starts.
public struct PeriodOrderRule: ValidationRule {
    public static let id = RuleID.periodOrder
    public static let defaultSeverity = Severity.error
    public static let summary = Bilingual(en: "The start year is not after the end year.",
                                          de: "Das Startjahr liegt nicht nach dem Endjahr.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        guard let end = project.period.endYear, end < project.period.startYear else { return [] }
        return [finding(project, .period,
                        Bilingual(en: "the duration \(project.period.displayText) ends before it starts",
                                  de: "die Dauer \(project.period.displayText) endet, bevor sie beginnt"),
                        hint: Bilingual(en: "write the start year first: \(end)–\(project.period.startYear)?",
                                        de: "schreiben Sie das Startjahr zuerst: \(end)–\(project.period.startYear)?"))]
    }
}
