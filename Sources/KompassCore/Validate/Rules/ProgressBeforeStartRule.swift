/// `time.progress-before-start`: a project that starts in a later year has made no progress yet.
public struct ProgressBeforeStartRule: ValidationRule {
    public static let id = RuleID.timeProgressBeforeStart
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(en: "A project that starts in a later year shows no progress yet.",
                                          de: "Ein Vorhaben, das erst in einem späteren Jahr beginnt, zeigt noch keinen Fortschritt.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        let year = context.referenceDate.year
        guard project.progress > 0, project.period.startYear > year else { return [] }
        return [finding(project, .progress,
                        Bilingual(en: "the project starts in \(project.period.startYear) but is already at \(project.progress)% (reference year \(year))",
                                  de: "das Vorhaben beginnt \(project.period.startYear), steht aber schon bei \(project.progress) % (Stichjahr \(year))"),
                        hint: Bilingual(en: "bring the start year forward, or set the progress to 0%",
                                        de: "setzen Sie das Startjahr früher, oder den Fortschritt auf 0 %"))]
    }
}
