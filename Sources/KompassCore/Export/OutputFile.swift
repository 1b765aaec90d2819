/// The files a run publishes, by their stable names: harvesters and readers fetch them by URL,
/// so these names never change.
public enum OutputFile: String, CaseIterable, Sendable {
    case csv = "projects.csv"
    case dataPackage = "datapackage.json"
    case jsonLD = "projects.jsonld"
    case jsonLDContext = "context.jsonld"
    case rss = "changes.rss"
    case catalogue = "catalog.rdf"

    /// The IANA media type a web server should send.
    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .dataPackage: "application/json"
        case .jsonLD, .jsonLDContext: "application/ld+json"
        case .rss: "application/rss+xml"
        case .catalogue: "application/rdf+xml"
        }
    }
}
