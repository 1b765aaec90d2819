/// What the last successful publication published, kept between runs: per file its checksum, size and
/// the dates harvesters see; per project its published values; the feed's items and the history rows;
/// and what produced it (kompass version, configuration fingerprint, sources). Versioned: a state of a
/// version this binary does not know is an error, never a silent reset.
public struct PublicationState: Sendable, Equatable, Codable {
    public static let currentVersion = 1

    public var version: Int
    /// The reference date of the publication.
    public var publishedOn: CalendarDate?
    public var kompassVersion: String
    /// SHA-256 of the configuration file, so that a changed mapping is seen.
    public var configurationFingerprint: String
    public var sources: [SourceRecord]
    public var files: [String: PublishedFile]
    public var projects: [ProjectSnapshot]
    /// The feed's items, newest first, at most `feedLimit`.
    public var feed: [FeedItem]
    public var history: [HistoryRow]
    /// Projects retired by name, oldest first: their identifiers stay reserved.
    public var retired: [RetiredProject]

    /// How many items the feeds keep.
    public static let feedLimit = 100

    public init(version: Int = PublicationState.currentVersion, files: [String: PublishedFile] = [:]) {
        self.version = version
        self.files = files
        publishedOn = nil
        kompassVersion = ""
        configurationFingerprint = ""
        sources = []
        projects = []
        feed = []
        history = []
        retired = []
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

    /// A source read for the publication.
    public struct SourceRecord: Sendable, Equatable, Codable {
        public var path: String
        public var format: String
        public var sha256: String
    }

    /// The dates of a file written now: unchanged content keeps its dates; changed content is modified
    /// on `date`; a new file is issued and modified on `date`.
    public func dates(of file: OutputFile, written: WrittenFile, on date: CalendarDate) -> FileDates {
        guard let previous = files[file.rawValue] else { return FileDates(issued: date, modified: date) }
        if previous.sha256 == written.sha256 { return FileDates(issued: previous.issued, modified: previous.modified) }
        return FileDates(issued: previous.issued, modified: max(date, previous.modified))
    }

    enum CodingKeys: String, CodingKey {
        case version, publishedOn, kompassVersion, configurationFingerprint, sources, files, projects, feed, history, retired
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        publishedOn = try container.decodeIfPresent(CalendarDate.self, forKey: .publishedOn)
        kompassVersion = try container.decodeIfPresent(String.self, forKey: .kompassVersion) ?? ""
        configurationFingerprint = try container.decodeIfPresent(String.self, forKey: .configurationFingerprint) ?? ""
        sources = try container.decodeIfPresent([SourceRecord].self, forKey: .sources) ?? []
        files = try container.decode([String: PublishedFile].self, forKey: .files)
        projects = try container.decodeIfPresent([ProjectSnapshot].self, forKey: .projects) ?? []
        feed = try container.decodeIfPresent([FeedItem].self, forKey: .feed) ?? []
        history = try container.decodeIfPresent([HistoryRow].self, forKey: .history) ?? []
        retired = try container.decodeIfPresent([RetiredProject].self, forKey: .retired) ?? []
    }
}
