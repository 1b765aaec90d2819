/// What the last successful publication published, kept between runs: per file its checksum, size,
/// and the dates harvesters see (first published, last changed). Versioned: a state of a version this
/// binary does not know is an error, never a silent reset.
public struct PublicationState: Sendable, Equatable, Codable {
    public static let currentVersion = 1

    public var version: Int
    public var files: [String: PublishedFile]

    public init(version: Int = PublicationState.currentVersion, files: [String: PublishedFile] = [:]) {
        self.version = version
        self.files = files
    }

    /// One published file.
    public struct PublishedFile: Sendable, Equatable, Codable {
        public var sha256: String
        public var bytes: Int
        public var issued: CalendarDate
        public var modified: CalendarDate

        public init(sha256: String, bytes: Int, issued: CalendarDate, modified: CalendarDate) {
            self.sha256 = sha256
            self.bytes = bytes
            self.issued = issued
            self.modified = modified
        }
    }

    /// The dates of a file written now: unchanged content keeps its dates; changed content is modified
    /// on `date`; a new file is issued and modified on `date`.
    public func dates(of file: OutputFile, written: WrittenFile, on date: CalendarDate) -> FileDates {
        guard let previous = files[file.rawValue] else { return FileDates(issued: date, modified: date) }
        if previous.sha256 == written.sha256 { return FileDates(issued: previous.issued, modified: previous.modified) }
        return FileDates(issued: previous.issued, modified: max(date, previous.modified))
    }
}
