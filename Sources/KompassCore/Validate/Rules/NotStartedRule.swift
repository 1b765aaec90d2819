/// `time.not-started`: a project long past its start year has made some progress.
public struct NotStartedRule: ValidationRule {
    public static let id = RuleID.timeNotStarted
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(
        en: "A project is no longer at 0% once `afterYears` (default 1) have passed since its start year.",
        de: "Ein Vorhaben steht nicht mehr bei 0 %, wenn seit dem Startjahr `afterYears` (Standard 1) Jahre vergangen sind.")
    public static let defaultParameters: [String: Double] = ["afterYears": 1]
    public let severity: Severity
    let afterYears: Int

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
        afterYears = Int(parameters.value("afterYears", default: 1))
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        let year = context.referenceDate.year
        guard project.progress == 0, year - project.period.startYear >= afterYears else { return [] }
        return [finding(project, .progress,
                        Bilingual(en: "the project started in \(project.period.startYear) and is still at 0% (reference year \(year))",
                                  de: "das Vorhaben begann \(project.period.startYear) und steht noch bei 0 % (Stichjahr \(year))"),
                        hint: Bilingual(en: "update the progress, or move the start year if the project was postponed",
                                        de: "aktualisieren Sie den Fortschritt, oder verschieben Sie das Startjahr, wenn das Vorhaben verschoben wurde"))]
    }
}
