/// `progress.range`: progress lies between 0 and 100 percent.
public struct ProgressRangeRule: ValidationRule {
    public static let id = RuleID.progressRange
    public static let defaultSeverity = Severity.error
    public static let summary = Bilingual(en: "Progress lies between 0 and 100 percent.",
                                          de: "Der Fortschritt liegt zwischen 0 und 100 Prozent.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        guard !(0...100).contains(project.progress) else { return [] }
        return [finding(project, .progress,
                        Bilingual(en: "progress \(project.progress)% lies outside 0–100%",
                                  de: "der Fortschritt \(project.progress) % liegt ausserhalb von 0–100 %"),
                        hint: Bilingual(en: "write the share of the project that is done, from 0% to 100%",
                                        de: "geben Sie den erledigten Anteil des Vorhabens an, von 0 % bis 100 %"))]
    }
}
