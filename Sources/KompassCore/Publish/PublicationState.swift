/// What the last successful publication published, kept between runs: per file its checksum, size and
/// the dates harvesters see; the feed's items; what produced it (kompass version, configuration fingerprint,
/// sources); and the list files that hold per project its published values and the history rows
/// (`StateListFile`: read as a stream when a run needs them, never into this value). Versioned: a state of a
/// version this binary does not know is an error, never a silent reset.
public struct PublicationState: Sendable, Equatable, Decodable {
    /// 2: the projects' snapshots and the history in list files of their own (`StateListFile`); 1: inline.
    public static let currentVersion = 2
    /// The versions this kompass reads (a version-1 state is read as it is and written as version 2).
    public static let readableVersions = 1...2

    public var version: Int
    /// The reference date of the publication.
    public var publishedOn: CalendarDate?
    public var kompassVersion: String
    /// SHA-256 of the configuration file, so that a changed mapping is seen.
    public var configurationFingerprint: String
    public var sources: [SourceRecord]
    public var files: [String: PublishedFile]
    /// The feed's items, newest first, at most `feedLimit`.
    public var feed: [FeedItem]
    /// Projects retired by name, oldest first: their identifiers stay reserved.
    public var retired: [RetiredProject]
    /// How many findings of each severity the publication had (an unchanged run reports them again without
    /// reading the sources); nil in states written before kompass recorded them.
    public var findingCounts: FindingCounts?
    /// Per delivery target (`publication.deliver`, by name): what is still to be delivered and how the last attempt
    /// failed (`DeliveryRecord`). Empty without targets.
    public var deliveries: [String: DeliveryRecord] = [:]
    /// The list files that hold the projects' snapshots and the history rows (in the state's folder).
    var projectsFile: StateListFile.Reference?
    var historyFile: StateListFile.Reference?
    /// A version-1 state held its snapshots and history inline: as read, until the store writes them to list
    /// files (`PublicationStateStore.writeLegacyLists`).
    var legacyProjects: [ProjectSnapshot] = []
    var legacyHistory: [HistoryRow] = []

    /// How many projects the publication had.
    public var projectCount: Int { projectsFile?.count ?? legacyProjects.count }
    /// How many history rows it had.
    public var historyCount: Int { historyFile?.count ?? legacyHistory.count }

    public static func == (lhs: PublicationState, rhs: PublicationState) -> Bool {
        lhs.version == rhs.version && lhs.publishedOn == rhs.publishedOn && lhs.kompassVersion == rhs.kompassVersion
            && lhs.configurationFingerprint == rhs.configurationFingerprint && lhs.sources == rhs.sources && lhs.files == rhs.files
            && lhs.projectsFile == rhs.projectsFile && lhs.historyFile == rhs.historyFile && lhs.legacyProjects == rhs.legacyProjects
            && lhs.feed == rhs.feed && lhs.legacyHistory == rhs.legacyHistory && lhs.retired == rhs.retired
            && lhs.findingCounts == rhs.findingCounts && lhs.deliveries == rhs.deliveries
    }

    /// How many items the feeds keep.
    public static let feedLimit = 100

    public init(version: Int = PublicationState.currentVersion, files: [String: PublishedFile] = [:]) {
        self.version = version
        self.files = files
        publishedOn = nil
        kompassVersion = ""
        configurationFingerprint = ""
        sources = []
        feed = []
        retired = []
        findingCounts = nil
    }

    /// The findings of a publication, counted by severity.
    public struct FindingCounts: Sendable, Equatable, Codable {
        public var errors: Int
        public var warnings: Int
        public var infos: Int

        public init(_ findings: FindingList) {
            errors = findings.count(of: .error)
            warnings = findings.count(of: .warning)
            infos = findings.count(of: .info)
        }
    }

    /// One published file.
    public struct PublishedFile: Sendable, Equatable, Codable {
        public var sha256: String
        public var bytes: Int
        public var issued: CalendarDate
        public var modified: CalendarDate
        /// The file's modification time on disk right after it was published (`seconds.nanoseconds`): a file
        /// with this time and size is the one published, without reading it. Nil in older states.
        public var diskTime: String?

        public init(sha256: String, bytes: Int, issued: CalendarDate, modified: CalendarDate, diskTime: String? = nil) {
            self.sha256 = sha256
            self.bytes = bytes
            self.issued = issued
            self.modified = modified
            self.diskTime = diskTime
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
        case findingCounts, deliveries
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        publishedOn = try container.decodeIfPresent(CalendarDate.self, forKey: .publishedOn)
        kompassVersion = try container.decodeIfPresent(String.self, forKey: .kompassVersion) ?? ""
        configurationFingerprint = try container.decodeIfPresent(String.self, forKey: .configurationFingerprint) ?? ""
        sources = try container.decodeIfPresent([SourceRecord].self, forKey: .sources) ?? []
        files = try container.decode([String: PublishedFile].self, forKey: .files)
        if version >= 2 {
            projectsFile = try container.decodeIfPresent(StateListFile.Reference.self, forKey: .projects)
            historyFile = try container.decodeIfPresent(StateListFile.Reference.self, forKey: .history)
        } else {
            legacyProjects = try container.decodeIfPresent([ProjectSnapshot].self, forKey: .projects) ?? []
            legacyHistory = try container.decodeIfPresent([HistoryRow].self, forKey: .history) ?? []
        }
        feed = try container.decodeIfPresent([FeedItem].self, forKey: .feed) ?? []
        retired = try container.decodeIfPresent([RetiredProject].self, forKey: .retired) ?? []
        findingCounts = try container.decodeIfPresent(FindingCounts.self, forKey: .findingCounts)
        deliveries = try container.decodeIfPresent([String: DeliveryRecord].self, forKey: .deliveries) ?? [:]
    }
}
