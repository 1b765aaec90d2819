/// What was published about one project, kept in the publication state to find what changed.
public struct ProjectSnapshot: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var progress: Int
    public var startYear: Int
    public var endYear: Int?
    public var status: String
    /// SHA-256 (16 hex digits) of the texts "Bisher" and "In Zukunft".
    public var textFingerprint: String
    /// The fields of action and user groups, as codes.
    public var fieldsOfAction: [String]
    public var userGroups: [String]

    public init(_ project: Project, referenceYear: Int) {
        id = project.id.rawValue
        title = project.title
        progress = project.progress
        startYear = project.period.startYear
        endYear = project.period.endYear
        status = project.status(referenceYear: referenceYear).code
        textFingerprint = ProjectFingerprint.of(before: project.before, future: project.future)
        fieldsOfAction = project.fieldsOfAction.map(\.code)
        userGroups = project.userGroups.map(\.code)
    }

    public init(id: String, title: String, progress: Int, startYear: Int, endYear: Int?, status: String, textFingerprint: String,
                fieldsOfAction: [String], userGroups: [String]) {
        self.id = id
        self.title = title
        self.progress = progress
        self.startYear = startYear
        self.endYear = endYear
        self.status = status
        self.textFingerprint = textFingerprint
        self.fieldsOfAction = fieldsOfAction
        self.userGroups = userGroups
    }

    var periodText: String { endYear.map { "\(startYear)–\($0)" } ?? "\(startYear)" }
}
