/// The columns of `projects.csv`: lowercase ASCII snake_case names (data.bs.ch), German titles,
/// and what Table Schema and CSVW need to know about each.
public enum CSVColumn: String, CaseIterable, Sendable {
    case id
    case title = "titel"
    case progress = "fortschritt_prozent"
    case startYear = "beginn_jahr"
    case endYear = "ende_jahr"
    case status
    case before = "bisher"
    case future = "in_zukunft"
    case fieldsOfAction = "handlungsfelder"
    case userGroups = "nutzende"

    /// The list separator inside multi-valued cells.
    public static let listSeparator = ","
    public static let delimiter = UInt8(ascii: ";")

    public var title: String {
        switch self {
        case .id: "Kennung"
        case .title: "Titel"
        case .progress: "Fortschritt in Prozent"
        case .startYear: "Beginn (Jahr)"
        case .endYear: "Ende (Jahr)"
        case .status: "Status"
        case .before: "Bisher"
        case .future: "In Zukunft"
        case .fieldsOfAction: "Handlungsfelder"
        case .userGroups: "Nutzende"
        }
    }

    public var description: String {
        switch self {
        case .id: "Stabile Kennung des Vorhabens"
        case .title: "Kurztitel des Vorhabens (abgeleitet, nicht publiziert)"
        case .progress: "Fortschritt des Vorhabens in Prozent (0 bis 100)"
        case .startYear: "Jahr, in dem das Vorhaben beginnt"
        case .endYear: "Jahr, in dem das Vorhaben endet; leer, wenn die Quelle nur ein Jahr nennt"
        case .status: "Status am Stichtag: geplant, in_umsetzung oder abgeschlossen"
        case .before: "Ausgangslage vor dem Vorhaben; Absätze durch Zeilenumbruch getrennt"
        case .future: "Zielbild des Vorhabens; Absätze durch Zeilenumbruch getrennt"
        case .fieldsOfAction: "Handlungsfelder, durch Komma getrennt"
        case .userGroups: "Nutzende, durch Komma getrennt"
        }
    }

    /// The cell for one project.
    func value(of project: Project, referenceYear: Int) -> String {
        switch self {
        case .id: project.id.rawValue
        case .title: project.title
        case .progress: String(project.progress)
        case .startYear: String(project.period.startYear)
        case .endYear: project.period.endYear.map(String.init) ?? ""
        case .status: project.status(referenceYear: referenceYear).code
        case .before: project.before
        case .future: project.future
        case .fieldsOfAction: project.fieldsOfAction.map(\.label.de).joined(separator: CSVColumn.listSeparator)
        case .userGroups: project.userGroups.map(\.label.de).joined(separator: CSVColumn.listSeparator)
        }
    }
}
