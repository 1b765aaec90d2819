/// A loaded, checked configuration: where the sources are, where outputs go, how they are published.
/// Paths are resolved against the configuration file's folder.
public struct Configuration: Sendable {
    /// The newest configuration version this binary reads.
    public static let highestSupportedVersion = 1

    public var version: Int
    /// The path the configuration was read from.
    public var path: String
    public var sources: [SourceConfiguration]
    /// The folder outputs are published to.
    public var outputDirectory: String
    public var publication: PublicationSettings

    public init(version: Int, path: String, sources: [SourceConfiguration], outputDirectory: String,
                publication: PublicationSettings) {
        self.version = version
        self.path = path
        self.sources = sources
        self.outputDirectory = outputDirectory
        self.publication = publication
    }
}

/// One input of the run.
public struct SourceConfiguration: Sendable, Equatable {
    public var path: String
    public var format: SourceFormat
    /// For page text: the register that gives each project its identifier and title.
    public var register: String?

    public init(path: String, format: SourceFormat, register: String? = nil) {
        self.path = path
        self.format = format
        self.register = register
    }
}
