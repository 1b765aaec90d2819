/// `portfolio.vanished`: a project that was published last time is still in the sources.
public struct VanishedProjectRule: ValidationRule {
    public static let id = "portfolio.vanished"
    public static let checksPortfolio = true
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(
        en: "Every project of the last published portfolio is still in the sources (harvesters delete what disappears).",
        de: "Jedes Vorhaben des zuletzt publizierten Portfolios ist noch in den Quellen (Harvester löschen, was verschwindet).")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(portfolio: Portfolio, context: ValidationContext) -> [Finding] {
        guard let previous = context.previouslyPublished else { return [] }
        let current = Set(portfolio.projects.map(\.id))
        let source = context.previouslyPublishedSource ?? "the last publication"
        return previous.filter { !current.contains($0) }.map { id in
            Finding(ruleID: Self.id, severity: severity, location: SourceLocation(file: source, line: 0), field: .id,
                    projectID: id.rawValue,
                    message: Bilingual(en: "the project '\(id)' was published last time and is missing from the sources now",
                                       de: "das Vorhaben '\(id)' wurde zuletzt publiziert und fehlt jetzt in den Quellen"),
                    hint: Bilingual(en: "if it ended or was dropped, that is fine; if not, the export may be incomplete",
                                    de: "wenn es beendet oder gestrichen wurde, ist das richtig; sonst ist der Export womöglich unvollständig"))
        }
    }
}
