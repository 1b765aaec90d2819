/// `text.formula-like`: a text that a spreadsheet would run as a formula.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
/// LibreOffice (CSV injection). kompass never changes the value: the canonical `projects.csv` keeps it
/// as it is, and only the optional spreadsheet copy (`projects-excel.csv`) neutralises it with a
/// leading `'`. The finding says so, so that the steward knows and can reword the text.
public struct FormulaLikeTextRule: ValidationRule {
    public static let id = RuleID.textFormulaLike
    public static let defaultSeverity = Severity.info
    public static let summary = Bilingual(
        en: "Titles and texts that a spreadsheet would run as a formula (they start with = + - @, a tab or a carriage return) are reported.",
        de: "Titel und Texte, die eine Tabellenkalkulation als Formel ausführen würde (sie beginnen mit = + - @, einem Tabulator oder Wagenrücklauf), werden gemeldet.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        let texts: [(ProjectField, String)] = [(.title, project.title), (.before, project.before), (.future, project.future)]
        return texts.compactMap { field, text in
            // The same test the spreadsheet copy neutralises by.
            guard SpreadsheetCSVExporter.startsLikeFormula(text) else { return nil }
            let start = String(text.prefix(20)).replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r")
            return finding(project, field,
                           Bilingual(en: "the \(field.rawValue) starts like a spreadsheet formula: '\(start)…'; projects.csv keeps it as it is",
                                     de: "das Feld \(field.rawValue) beginnt wie eine Tabellenformel: '\(start)…'; projects.csv behält es unverändert"),
                           hint: Bilingual(en: "spreadsheet users should open projects-excel.csv (publication.spreadsheetCopy), where such cells are neutralised; or reword the start",
                                           de: "wer eine Tabellenkalkulation nutzt, öffnet besser projects-excel.csv (publication.spreadsheetCopy), wo solche Zellen entschärft sind; oder formulieren Sie den Anfang um"))
        }
    }
}
