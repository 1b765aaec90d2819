/// `text.blank`: the title and the two texts are not empty or white space only.
public struct BlankTextRule: ValidationRule {
    public static let id = RuleID.textBlank
    public static let defaultSeverity = Severity.error
    public static let summary = Bilingual(en: "Title, \"Bisher\" and \"In Zukunft\" are not blank.",
                                          de: "Titel, «Bisher» und «In Zukunft» sind nicht leer.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        let texts: [(ProjectField, String, String, String)] = [
            (.title, project.title, "title", "Titel"),
            (.before, project.before, "\"Bisher\"", "«Bisher»"),
            (.future, project.future, "\"In Zukunft\"", "«In Zukunft»"),
        ]
        return texts.compactMap { field, text, english, german in
            guard text.allSatisfy({ $0.isWhitespace }) else { return nil }
            return finding(project, field, Bilingual(en: "the \(english) is blank", de: "\(german) ist leer"),
                           hint: Bilingual(en: "write the \(english) of the project", de: "ergänzen Sie \(german) des Vorhabens"))
        }
    }
}
