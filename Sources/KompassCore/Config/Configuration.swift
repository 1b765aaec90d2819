/// A loaded, checked configuration: where the sources are, where outputs go, how they are published.
/// Paths are resolved against the configuration file's folder.
public struct Configuration: Sendable {
    /// The newest configuration version this binary reads.
    public static let highestSupportedVersion = 1

    public var version: Int
    /// The path the configuration was read from.
    public var path: String
    public var sources: [SourceConfiguration]
    /// The folder outputs are published to, as the user named it.
    public var outputDirectory: String {
        didSet {
            publishedDirectory = FolderLinks.resolved(outputDirectory)
            if !stateDirectoryConfigured { stateDirectory = Configuration.defaultStateDirectory(for: publishedDirectory) }
        }
    }
    /// The real folder the outputs are exchanged into: `outputDirectory` with its symbolic links followed. A
    /// link named as the output folder keeps pointing at the folder it names, which gets the new set; the state
    /// and the shrink guard follow that folder, whichever link leads to it.
    public private(set) var publishedDirectory: String
    /// The folder the publication state is kept in (`state` in the configuration); by default
    /// `<output>-kompass-state` beside the (real) output folder, never inside it (a web server serves the output folder).
    public var stateDirectory: String
    private var stateDirectoryConfigured: Bool
    /// Whether the state folder is the one beside the output folder (no `state` in the configuration).
    public var stateFolderIsBesideOutput: Bool { !stateDirectoryConfigured }
    public var publication: PublicationSettings
    /// The configuration file the publication settings come from, when `publication` names one
    /// (`"publication": "other.json"`); nil when they stand in this file.
    public var publicationFile: String?
    /// How several sources are merged into one portfolio.
    public var merge: MergeSettings
    /// Rule id → how the configuration tunes that rule of the validation catalogue.
    public var validation: [RuleID: RuleSettings]
    /// How the shrink guard is tuned (`guard`).
    public var guardSettings = GuardSettings()
    /// What replacing the configured sources with files given on the command line chose (`replaceSources`):
    /// findings of the run like any other.
    public var givenSourceNotes: [Finding] = []

    public init(version: Int, path: String, sources: [SourceConfiguration], outputDirectory: String,
                publication: PublicationSettings, merge: MergeSettings = MergeSettings(),
                validation: [RuleID: RuleSettings] = [:]) {
        self.version = version
        self.path = path
        self.sources = sources
        self.outputDirectory = outputDirectory
        publishedDirectory = FolderLinks.resolved(outputDirectory)
        self.stateDirectory = Configuration.defaultStateDirectory(for: publishedDirectory)
        self.stateDirectoryConfigured = false
        self.publication = publication
        self.merge = merge
        self.validation = validation
    }
}

extension Configuration {
    /// `<name>-kompass-state` beside the output folder `<name>`: `config/../output` → `config/../output-kompass-state`.
    /// Named after the output folder, so that two output folders in one place never share a state.
    public static func defaultStateDirectory(for output: String) -> String {
        var trimmed = output
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + "-kompass-state"
    }

    /// Sets the state folder explicitly (from the configuration's `state` key).
    public mutating func setStateDirectory(_ path: String) {
        stateDirectory = path
        stateDirectoryConfigured = true
    }
}

/// One input of the run.
public struct SourceConfiguration: Sendable, Equatable {
    /// The source's name in findings and in the merge's precedence lists; defaults to the file's name.
    public var name: String
    public var path: String
    public var format: SourceFormat
    /// For page text: the register that gives each project its identifier and title.
    public var register: String?
    /// Which source field feeds which domain field; the page text's is built in.
    public var mapping: FieldMapping
    public var options: SourceOptions
    /// Projects this source says have ended (`retired`): their removal from the publication is intended.
    public var retired: [String] = []
    /// The mapping's own file, when the configuration names one (part of the configuration's fingerprint).
    public var mappingFile: String?

    public init(name: String? = nil, path: String, format: SourceFormat, register: String? = nil,
                mapping: FieldMapping? = nil, options: SourceOptions? = nil) {
        self.name = name ?? (path.split(separator: "/").last.map(String.init) ?? path)
        self.path = path
        self.format = format
        self.register = register
        self.mapping = mapping ?? format.canonicalMapping
        self.options = options ?? format.canonicalOptions
    }
}

/// How several sources become one portfolio: projects are matched by identifier, and each field is
/// taken from the first source in its precedence list that has a value.
public struct MergeSettings: Sendable, Equatable {
    /// What a project that appears in only some of the sources is.
    public enum PartialProjects: String, Sendable, Equatable, CaseIterable {
        /// Accepted silently: the sources cover different projects.
        case allow
        /// Accepted, with a warning that names the sources missing it.
        case warning
        /// An error: every project must appear in every source.
        case error
    }

    /// Field → source names, highest precedence first. Fields not named follow the order of the sources.
    public var precedence: [ProjectField: [String]]
    public var partialProjects: PartialProjects

    public init(precedence: [ProjectField: [String]] = [:], partialProjects: PartialProjects = .error) {
        self.precedence = precedence
        self.partialProjects = partialProjects
    }
}
