/// The columns of `history.csv`: one row per project per published change. The event codes are German, as
/// the table is (`neu`, `entfernt`, `fortschritt`, `status`); Table Schema and CSVW list them with their meaning.
public enum HistoryCSVColumn: String, CaseIterable, Sendable {
    case date = "datum"
    case id
    case event = "ereignis"
    case progress = "fortschritt_prozent"
    case status

    public var title: String {
        switch self {
        case .date: "Datum"
        case .id: "Kennung"
        case .event: "Ereignis"
        case .progress: "Fortschritt (%)"
        case .status: "Status"
        }
    }

    public var description: String {
        switch self {
        case .date: "Tag der Publikation, die die Änderung festgestellt hat"
        case .id: "Kennung des Vorhabens (wie in projects.csv; ein entferntes Vorhaben steht dort nicht mehr)"
        case .event: "neu: das Vorhaben kam hinzu; entfernt: es wurde zurückgezogen; fortschritt: sein Fortschritt änderte sich; "
            + "status: sein Status änderte sich"
        case .progress: "Fortschritt nach der Änderung; leer bei entfernt"
        case .status: "Status nach der Änderung (geplant, in_umsetzung, abgeschlossen); leer bei entfernt"
        }
    }

    /// The column as Table Schema and CSVW describe it.
    var tabularField: TabularField {
        let kind: TabularField.Kind
        var required = true
        switch self {
        case .date: kind = .date
        case .id: kind = .identifier
        case .event: kind = .oneOf(HistoryCSVExporter.eventCodes.values.sorted())
        case .progress: kind = .percent; required = false
        case .status: kind = .oneOf(ProjectStatus.allCases.map(\.code)); required = false
        }
        return TabularField(name: rawValue, title: title, description: description, kind: kind, required: required)
    }
}
