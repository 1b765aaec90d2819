/// Everything specific to a deployment: base URL, organisation, publisher, contact, licence, dataset texts.
public struct PublicationSettings: Sendable, Equatable {
    /// Where the output folder is served, without a trailing slash, e.g. `https://data.example.org/kompass`.
    public var baseURL: String
    /// The opendata.swiss organisation slug, e.g. `kanton-basel-stadt`.
    public var organisationSlug: String
    /// The dataset's own identifier; the catalogue writes `<datasetID>@<organisationSlug>`.
    public var datasetID: String
    /// The date the dataset was first published (`dct:issued`).
    public var issued: CalendarDate
    public var publisher: Publisher
    public var contact: Contact
    public var licence: Licence
    public var title: LocalizedText
    public var description: LocalizedText
    public var keywords: [Language: [String]]
    /// EU data-theme codes, e.g. `GOVE`.
    public var themes: [String]
    /// EU frequency code, e.g. `IRREG`.
    public var frequency: String
    /// The page people read (`dcat:landingPage`); defaults to the base URL.
    public var landingPage: String
    /// The namespace of kompass's own terms and concept schemes in JSON-LD.
    public var vocabularyBase: String
    /// The place the data is about, as the landing page's schema.org markup names it (`spatialCoverage`);
    /// nil: the publisher's German name (`place`).
    public var spatialCoverage: String?
    /// Whether to publish `projects-excel.csv`, a copy of the CSV for spreadsheet users (UTF-8 BOM,
    /// formula-like cells neutralised). The canonical `projects.csv` keeps every value as it is.
    public var spreadsheetCopy: Bool = false
    /// At most this many projects are shown one by one on the landing page; a larger portfolio is
    /// summarised there and read in full from the data files (a page of 100,000 projects helps nobody
    /// and weighs hundreds of megabytes).
    public var landingPageLimit: Int = PublicationSettings.defaultLandingPageLimit
    public static let defaultLandingPageLimit = 2_000
    /// Where a successful publication is delivered to after the exchange (`deliver`): the changed files, by
    /// rsync over SSH or by a command. Empty: the publication stays in the output folder.
    public var deliver: [DeliveryTarget] = []

    public struct Publisher: Sendable, Equatable {
        public var uri: String
        public var name: LocalizedText
    }

    public struct Contact: Sendable, Equatable {
        public var name: String
        public var email: String
    }

    /// The four terms-of-use of opendata.swiss.
    public enum Licence: String, Sendable, CaseIterable {
        case open = "terms_open"
        case by = "terms_by"
        case ask = "terms_ask"
        case byAsk = "terms_by_ask"

        public var uri: String { "http://dcat-ap.ch/vocabulary/licenses/\(rawValue)" }
    }

    /// The place the data is about: `spatialCoverage`, or the publisher's German name.
    public var place: String { spatialCoverage ?? publisher.name.de }

    /// The absolute URL of a published file.
    public func url(of fileName: String) -> String { "\(baseURL)/\(fileName)" }
}
