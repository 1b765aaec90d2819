/// What the findings of the comparing rules name of each project, kept once for all of them: by position in
/// the portfolio, the project's identifier, where its record starts and where its "Bisher" text starts.
///
/// The validation pass keeps it and hands it to the comparing rules (`PortfolioCheck`), which then keep
/// only positions and fixed-size keys of their own. Per project it takes the identifier's UTF-8 bytes plus
/// 4 bytes for where they end (no string is kept: identifiers of more than 15 bytes would each allocate)
/// and 2 × 16 bytes of locations (`LocationTable`), about 50 bytes for a typical identifier.
public struct ComparedProjects: Sendable {
    /// The identifiers' UTF-8 bytes one after another (identifiers are ASCII), and where each one ends.
    private var identifierBytes: [UInt8] = []
    private var identifierEnds: [UInt32] = []
    private var records: [LocationTable.Entry] = []
    private var befores: [LocationTable.Entry] = []
    private var locations = LocationTable()

    public init() {}

    /// How many projects are kept; the next one takes this position.
    public var count: Int { identifierEnds.count }

    /// Keeps what the findings name of `project`, at position `count`.
    public mutating func append(_ project: Project) {
        identifierBytes.append(contentsOf: project.id.rawValue.utf8)
        precondition(identifierBytes.count <= Int(UInt32.max), "ComparedProjects: more than 4 GB of identifiers")
        identifierEnds.append(UInt32(identifierBytes.count))
        records.append(locations.keep(project.origins.record))
        befores.append(locations.keep(project.origins[.before]))
    }

    /// The identifier of the project at `position`.
    public func identifier(at position: Int) -> ProjectID {
        ProjectID(String(decoding: identifierBytes[identifierRange(position)], as: UTF8.self))!
    }

    /// Whether the project at `position` has the identifier `id` (without making a string).
    public func hasIdentifier(_ id: ProjectID, at position: Int) -> Bool {
        identifierBytes[identifierRange(position)].elementsEqual(id.rawValue.utf8)
    }

    /// Where the record of the project at `position` starts.
    public func recordLocation(at position: Int) -> SourceLocation {
        locations.location(records[position])
    }

    /// Where the "Bisher" text of the project at `position` starts.
    public func beforeLocation(at position: Int) -> SourceLocation {
        locations.location(befores[position])
    }

    private func identifierRange(_ position: Int) -> Range<Int> {
        (position == 0 ? 0 : Int(identifierEnds[position - 1]))..<Int(identifierEnds[position])
    }
}
