/// The declared type of each column of `projects.csv`, as the Table Schema in `datapackage.json`
/// declares it: a harvester or a validator that finds a value of the wrong type rejects the row.
struct CSVValueCheck {
    /// What is wrong with `text` as a value of `column`, or nil.
    static func check(_ text: String, in column: CSVColumn) -> Bilingual? {
        switch column {
        case .id:
            return ProjectID.isWellFormed(text) ? nil : Bilingual(en: "not an identifier", de: "keine Kennung")
        case .title, .before, .future:
            return text.isEmpty ? Bilingual(en: "empty", de: "leer") : nil
        case .progress:
            guard let value = Int(text), (0...100).contains(value), String(value) == text else {
                return Bilingual(en: "not a whole number from 0 to 100", de: "keine ganze Zahl von 0 bis 100")
            }
            return nil
        case .startYear:
            return ValueParsers.year(text) == nil ? Bilingual(en: "not a four-digit year", de: "kein vierstelliges Jahr") : nil
        case .endYear:
            return text.isEmpty || ValueParsers.year(text) != nil
                ? nil : Bilingual(en: "not a four-digit year", de: "kein vierstelliges Jahr")
        case .status:
            return ProjectStatus.allCases.contains { $0.code == text }
                ? nil : Bilingual(en: "not a status code", de: "kein Statuscode")
        case .fieldsOfAction:
            return list(text, FieldOfAction.self)
        case .userGroups:
            return list(text, UserGroup.self)
        }
    }

    private static func list<V: Vocabulary>(_ text: String, _ vocabulary: V.Type) -> Bilingual? {
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: Character(CSVColumn.listSeparator), omittingEmptySubsequences: false)
        return parts.allSatisfy({ V(germanLabel: String($0)) != nil })
            ? nil : Bilingual(en: "not a list of \(V.schemeLabel.en!.lowercased())", de: "keine Liste von \(V.schemeLabel.de)")
    }
}
