/// A project on its way through normalisation: every value that could be read, none invented.
/// Becomes a `Project` once all required values are present.
public struct DraftProject: Sendable, Equatable {
    public var id: ProjectID?
    public var title: String?
    public var progress: Int?
    public var period: ProjectPeriod?
    public var before: String?
    public var future: String?
    /// Nil when the source does not give the field (an empty list is a value).
    public var fieldsOfAction: [FieldOfAction]?
    public var userGroups: [UserGroup]?
    public var origins: ProjectOrigins

    public init(origins: ProjectOrigins) {
        self.origins = origins
    }

    /// The project, or nil while a required value is missing (that has been reported already).
    public var project: Project? {
        guard let id, let title, let progress, let period, let before, let future, let fieldsOfAction, let userGroups
        else { return nil }
        return Project(id: id, title: title, progress: progress, period: period, before: before, future: future,
                       fieldsOfAction: fieldsOfAction, userGroups: userGroups, origins: origins)
    }
}
