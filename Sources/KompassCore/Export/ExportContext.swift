public import Foundation

/// What every exporter needs besides the projects: the deployment's settings and the run's dates.
public struct ExportContext: Sendable {
    public var settings: PublicationSettings
    /// The reference date of the run (`--as-of`, default today): dates in outputs derive from it,
    /// so the same input and reference date give byte-identical files.
    public var referenceDate: CalendarDate
    /// The canton's time zone, Europe/Zurich.
    public var zone: TimeZone
    /// Files written earlier in this run, for the catalogue's sizes and checksums.
    public var writtenFiles: [OutputFile: WrittenFile] = [:]
    /// When each file written earlier in this run was first published and last changed (from the
    /// publication state: a file whose content did not change keeps its dates).
    public var fileDates: [OutputFile: FileDates] = [:]
    /// The items of the change feeds, newest first (the state's earlier items and this run's new ones).
    public var feedItems: [FeedItem] = []
    /// The rows of the history dataset, oldest first (the list the run wrote for its next state).
    public var history: HistoryList = .none
    /// The projects the landing page shows one by one, when it cannot show all of them (more than
    /// `settings.landingPageLimit`); nil when it shows every project. Feed items link to a project's
    /// anchor only when the page has it.
    public var landingPageProjectIDs: Set<String>?

    public init(settings: PublicationSettings, referenceDate: CalendarDate, zone: TimeZone) {
        self.settings = settings
        self.referenceDate = referenceDate
        self.zone = zone
    }

    /// The dates of `file`: from the publication state, or the reference date for a new file.
    public func dates(of file: OutputFile) -> FileDates {
        fileDates[file] ?? FileDates(issued: referenceDate, modified: referenceDate)
    }

    /// The start of the reference date in the canton's zone.
    public var referenceTimestamp: Timestamp { Timestamp(startOf: referenceDate, zone: zone) }

    /// The stable IRI of a project.
    public func projectIRI(_ id: ProjectID) -> String { "\(settings.baseURL)/project/\(id)" }

    /// The stable IRI of a term of a closed vocabulary.
    public func conceptIRI<V: Vocabulary>(_ term: V) -> String { "\(schemeIRI(V.self))/\(term.code)" }

    public func schemeIRI<V: Vocabulary>(_ vocabulary: V.Type) -> String { settings.vocabularyBase + V.schemeCode }
}

/// When a published file first appeared and when its content last changed.
public struct FileDates: Sendable, Equatable, Codable {
    public var issued: CalendarDate
    public var modified: CalendarDate

    public init(issued: CalendarDate, modified: CalendarDate) {
        self.issued = issued
        self.modified = modified
    }
}
