/// The columns of `project-fields.csv`, the long table of the fields of action: one row per project
/// and field of action, so that the fields can be filtered, counted and joined without splitting a
/// list. Names are lowercase ASCII snake_case (data.bs.ch), titles German.
public enum FieldsCSVColumn: String, CaseIterable, Sendable {
    /// The project's identifier, as in `projects.csv` (the foreign key).
    case id
    /// The field's German label, as `projects.csv` lists it (`Prozesse`).
    case fieldLabel = "handlungsfeld"
    /// The field's stable code (`prozesse`), as in the concept IRIs of `projects.jsonld`.
    case fieldCode = "handlungsfeld_code"

    public var title: String {
        switch self {
        case .id: "Kennung"
        case .fieldLabel: "Handlungsfeld"
        case .fieldCode: "Handlungsfeld (Code)"
        }
    }

    public var description: String {
        switch self {
        case .id: "Kennung des Vorhabens (Spalte id in projects.csv)"
        case .fieldLabel: "Handlungsfeld des Vorhabens"
        case .fieldCode: "Stabiler Code des Handlungsfelds"
        }
    }

    /// The cell for one project and one of its fields of action.
    func value(of project: Project, field: FieldOfAction) -> String {
        switch self {
        case .id: project.id.rawValue
        case .fieldLabel: field.label.de
        case .fieldCode: field.code
        }
    }

    /// The column as Table Schema and CSVW describe it.
    var tabularField: TabularField {
        switch self {
        case .id:
            TabularField(name: rawValue, title: title, description: description, kind: .identifier, required: true)
        case .fieldLabel:
            TabularField(name: rawValue, title: title, description: description,
                         kind: .oneOf(FieldOfAction.allCases.map(\.label.de)), required: true)
        case .fieldCode:
            TabularField(name: rawValue, title: title, description: description,
                         kind: .oneOf(FieldOfAction.allCases.map(\.code)), required: true)
        }
    }

    /// The primary key of the long table.
    static let primaryKey: [FieldsCSVColumn] = [.id, .fieldCode]
}
