/// The files a run publishes, by their stable names: harvesters and readers fetch them by URL,
/// so these names never change.
public enum OutputFile: String, CaseIterable, Sendable, Codable {
    /// The portfolio, one row per project.
    case csv = "projects.csv"
    /// The long table: one row per project and field of action.
    case fieldsCSV = "project-fields.csv"
    /// The history: one row per project per published change of progress or status.
    case historyCSV = "history.csv"
    /// An optional copy of `projects.csv` for spreadsheet users (BOM, formula-like cells neutralised).
    case spreadsheetCSV = "projects-excel.csv"
    /// Frictionless Data Package describing the CSV files.
    case dataPackage = "datapackage.json"
    /// CSVW metadata describing the CSV files.
    case csvMetadata = "csv-metadata.json"
    case jsonLD = "projects.jsonld"
    case jsonLDContext = "context.jsonld"
    /// kompass's own terms of `projects.jsonld` (RDFS, labels in de/fr/it/en): Turtle and JSON-LD of the same graph.
    case vocabularyTurtle = "vocabulary.ttl"
    case vocabularyJSONLD = "vocabulary.jsonld"
    case rss = "changes.rss"
    case atom = "changes.atom"
    /// The landing page people read (`dcat:landingPage`).
    case landingPage = "index.html"
    /// The DCAT-AP CH catalogue: RDF/XML (what opendata.swiss harvests), Turtle and JSON-LD of the same graph.
    case catalogue = "catalog.rdf"
    case catalogueTurtle = "catalog.ttl"
    case catalogueJSONLD = "catalog.jsonld"

    /// The IANA media type a web server should send.
    public var contentType: String {
        switch self {
        case .csv, .fieldsCSV, .historyCSV, .spreadsheetCSV: "text/csv; charset=utf-8"
        case .dataPackage, .csvMetadata: "application/json"
        case .jsonLD, .jsonLDContext, .vocabularyJSONLD, .catalogueJSONLD: "application/ld+json"
        case .rss: "application/rss+xml"
        case .atom: "application/atom+xml"
        case .landingPage: "text/html; charset=utf-8"
        case .catalogue: "application/rdf+xml"
        case .catalogueTurtle, .vocabularyTurtle: "text/turtle; charset=utf-8"
        }
    }
}
