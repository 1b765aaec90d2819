/// `period.plausible`: the years lie within a window around the reference date.
public struct PeriodPlausibleRule: ValidationRule {
    public static let id = RuleID.periodPlausible
    public static let defaultSeverity = Severity.error
    public static let summary = Bilingual(
        en: "Start and end years lie within a window around the reference year (default: 30 years back, 15 ahead).",
        de: "Start- und Endjahr liegen in einem Fenster um das Stichjahr (Standard: 30 Jahre zurück, 15 voraus).")
    public static let defaultParameters: [String: Double] = ["yearsBack": 30, "yearsAhead": 15]
    public let severity: Severity
    let yearsBack: Int
    let yearsAhead: Int

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
        yearsBack = Int(parameters.value("yearsBack", default: 30))
        yearsAhead = Int(parameters.value("yearsAhead", default: 15))
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        let window = (context.referenceDate.year - yearsBack)...(context.referenceDate.year + yearsAhead)
        let years = [project.period.startYear] + (project.period.endYear.map { [$0] } ?? [])
        guard let outside = years.first(where: { !window.contains($0) }) else { return [] }
        return [finding(project, .period,
                        Bilingual(en: "the year \(outside) lies outside \(window.lowerBound)–\(window.upperBound)",
                                  de: "das Jahr \(outside) liegt ausserhalb von \(window.lowerBound)–\(window.upperBound)"),
                        hint: Bilingual(en: "check for a typo in the duration \(project.period.displayText)",
                                        de: "prüfen Sie die Dauer \(project.period.displayText) auf einen Tippfehler"))]
    }
}
