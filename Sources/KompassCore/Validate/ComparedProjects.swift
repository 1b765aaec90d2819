/// What the findings of the comparing rules name of each project, kept once for all of them: by position in
/// the portfolio, the project's identifier and title, where its record starts and where its "Bisher" and
/// "In Zukunft" texts start.
///
/// The validation pass keeps it and hands it to the comparing rules (`PortfolioCheck`), which then keep
/// only positions and keys of their own. Per project it takes the identifier's and the title's UTF-8 bytes plus
/// 4 bytes each for where they end (no string is kept: strings of more than 15 bytes would each allocate)
/// and 3 × 16 bytes of locations (`LocationTable`), about 100 bytes for a typical identifier and title.
public struct ComparedProjects: Sendable {
    /// The identifiers' UTF-8 bytes one after another (identifiers are ASCII), and where each one ends.
    private var identifierBytes: [UInt8] = []
    private var identifierEnds: [UInt32] = []
    /// The titles' UTF-8 bytes one after another, and where each one ends.
    private var titleBytes: [UInt8] = []
    private var titleEnds: [UInt32] = []
    private var records: [LocationTable.Entry] = []
    private var befores: [LocationTable.Entry] = []
    private var futures: [LocationTable.Entry] = []
    private var locations = LocationTable()

    public init() {}

    /// How many projects are kept; the next one takes this position.
    public var count: Int { identifierEnds.count }

    /// Keeps what the findings name of `project`, at position `count`.
    public mutating func append(_ project: Project) {
        identifierBytes.append(contentsOf: project.id.rawValue.utf8)
        precondition(identifierBytes.count <= Int(UInt32.max), "ComparedProjects: more than 4 GB of identifiers")
        identifierEnds.append(UInt32(identifierBytes.count))
        titleBytes.append(contentsOf: project.title.utf8)
        precondition(titleBytes.count <= Int(UInt32.max), "ComparedProjects: more than 4 GB of titles")
        titleEnds.append(UInt32(titleBytes.count))
        records.append(locations.keep(project.origins.record))
        befores.append(locations.keep(project.origins[.before]))
        futures.append(locations.keep(project.origins[.future]))
    }

    /// The identifier of the project at `position`.
    public func identifier(at position: Int) -> ProjectID {
        ProjectID(String(decoding: identifierBytes[identifierRange(position)], as: UTF8.self))!
    }

    /// Whether the project at `position` has the identifier `id` (without making a string).
    public func hasIdentifier(_ id: ProjectID, at position: Int) -> Bool {
        identifierBytes[identifierRange(position)].elementsEqual(id.rawValue.utf8)
    }

    /// The title of the project at `position`.
    public func title(at position: Int) -> String {
        let start = position == 0 ? 0 : Int(titleEnds[position - 1])
        return String(decoding: titleBytes[start..<Int(titleEnds[position])], as: UTF8.self)
    }

    /// Where the record of the project at `position` starts.
    public func recordLocation(at position: Int) -> SourceLocation {
        locations.location(records[position])
    }

    /// Where the "Bisher" text of the project at `position` starts.
    public func beforeLocation(at position: Int) -> SourceLocation {
        locations.location(befores[position])
    }

    /// Where the "In Zukunft" text of the project at `position` starts.
    public func futureLocation(at position: Int) -> SourceLocation {
        locations.location(futures[position])
    }

    private func identifierRange(_ position: Int) -> Range<Int> {
        (position == 0 ? 0 : Int(identifierEnds[position - 1]))..<Int(identifierEnds[position])
    }
}
