/// `time.completed-ahead`: a project at 100 % does not end in a year still ahead.
public struct CompletedAheadRule: ValidationRule {
    public static let id = RuleID.timeCompletedAhead
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(en: "A completed project (100%) does not end in a year still ahead.",
                                          de: "Ein abgeschlossenes Vorhaben (100 %) endet nicht in einem künftigen Jahr.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        let year = context.referenceDate.year
        guard project.progress >= 100, project.period.lastYear > year else { return [] }
        return [finding(project, .progress,
                        Bilingual(en: "the project is at 100% but runs until \(project.period.lastYear), after \(year)",
                                  de: "das Vorhaben steht bei 100 %, läuft aber bis \(project.period.lastYear), nach \(year)"),
                        hint: Bilingual(en: "lower the progress, or bring the end year forward to when it was completed",
                                        de: "senken Sie den Fortschritt, oder setzen Sie das Endjahr auf das Jahr des Abschlusses"))]
    }
}
