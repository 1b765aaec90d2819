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

    public init(settings: PublicationSettings, referenceDate: CalendarDate, zone: TimeZone) {
        self.settings = settings
        self.referenceDate = referenceDate
        self.zone = zone
    }

    /// The start of the reference date in the canton's zone.
    public var referenceTimestamp: Timestamp { Timestamp(startOf: referenceDate, zone: zone) }

    /// The stable IRI of a project.
    public func projectIRI(_ id: ProjectID) -> String { "\(settings.baseURL)/project/\(id)" }

    /// The stable IRI of a term of a closed vocabulary.
    public func conceptIRI<V: Vocabulary>(_ term: V) -> String { "\(schemeIRI(V.self))/\(term.code)" }

    public func schemeIRI<V: Vocabulary>(_ vocabulary: V.Type) -> String { settings.vocabularyBase + V.schemeCode }
}
