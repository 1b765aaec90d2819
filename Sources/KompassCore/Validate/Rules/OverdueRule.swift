/// `time.overdue`: a project whose end year has passed is completed.
public struct OverdueRule: ValidationRule {
    public static let id = RuleID.timeOverdue
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(en: "A project whose end year has passed is at 100%.",
                                          de: "Ein Vorhaben, dessen Endjahr vorbei ist, steht bei 100 %.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        let year = context.referenceDate.year
        guard project.isDelayed(referenceYear: year) else { return [] }
        return [finding(project, .period,
                        Bilingual(en: "the project ended in \(project.period.lastYear) but is at \(project.progress)% (reference year \(year))",
                                  de: "das Vorhaben endete \(project.period.lastYear), steht aber bei \(project.progress) % (Stichjahr \(year))"),
                        hint: Bilingual(en: "update the progress, or extend the duration if the project goes on",
                                        de: "aktualisieren Sie den Fortschritt, oder verlängern Sie die Dauer, wenn das Vorhaben weiterläuft"))]
    }
}
