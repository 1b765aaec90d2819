/// The most common run of all, the scheduled one in which nothing changed, decided before anything is read
/// but the inputs' checksums: the sources hash to what the state recorded, the configuration (with its
/// mapping, register and schema files), the kompass version and the reference year are those of the last
/// publication, and every published file still has the size and modification time it was published with.
/// Then the outputs would be the same bytes: the run stops, touches nothing, and reports the publication's
/// finding counts again.
///
/// Not taken when the run asks for more than a publication (`--full`, `--retire`), when the state does not
/// record what the shortcut needs (a state of an older kompass), or under `--strict` with warnings on record.
public struct UnchangedShortcut: Sendable {
    public var previous: PublicationState
    public var configuration: Configuration
    public var configurationFingerprint: String

    public init(previous: PublicationState, configuration: Configuration, configurationFingerprint: String) {
        self.previous = previous
        self.configuration = configuration
        self.configurationFingerprint = configurationFingerprint
    }

    /// Why the shortcut cannot be taken, or nil when it can.
    public func obstacle(options: RunOptions, plannedFiles: [OutputFile], publishedPath: (OutputFile) -> String) -> String? {
        if options.full { return "--full" }
        if !options.retire.isEmpty { return "--retire" }
        guard let counts = previous.findingCounts else { return "the state records no finding counts" }
        if options.strict && counts.warnings > 0 { return "--strict with warnings on record" }
        if previous.kompassVersion != KompassVersion.current { return "another kompass version" }
        if previous.configurationFingerprint != configurationFingerprint { return "the configuration changed" }
        if previous.publishedOn?.year != options.referenceDate.year { return "another reference year" }
        if Set(previous.files.keys) != Set(plannedFiles.map(\.rawValue)) { return "other files are planned" }
        for file in plannedFiles {
            guard let published = previous.files[file.rawValue], published.diskTime != nil,
                  DiskTime.matches(publishedPath(file), published) else { return "\(file.rawValue) is not as published" }
        }
        guard previous.sources.count == configuration.sources.count else { return "other sources" }
        for (recorded, source) in zip(previous.sources, configuration.sources) {
            guard recorded.path == source.path, recorded.format == source.format.rawValue else { return "other sources" }
            guard SHA256.hex(ofFileAt: source.path) == recorded.sha256 else { return "\(source.path) changed" }
        }
        return nil
    }

    /// The findings of the publication, counted only (no source was read to list them).
    public var recordedFindings: FindingList {
        FindingList(counted: previous.findingCounts.map { [.error: $0.errors, .warning: $0.warnings, .info: $0.infos] } ?? [:])
    }
}
