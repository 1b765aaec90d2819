/// A digitalisation project (Vorhaben) of the portfolio, after normalisation.
public struct Project: Sendable, Equatable {
    public var id: ProjectID
    /// A short German title. The public page has none: the default register supplies derived titles.
    public var title: String
    /// Progress in percent, 0–100.
    public var progress: Int
    public var period: ProjectPeriod
    /// "Bisher": the situation before. Paragraphs are separated by a single line break.
    public var before: String
    /// "In Zukunft": the target state. Paragraphs are separated by a single line break.
    public var future: String
    /// In the order the source lists them.
    public var fieldsOfAction: [FieldOfAction]
    /// In the order the source lists them.
    public var userGroups: [UserGroup]
    /// Where each value came from.
    public var origins: ProjectOrigins

    public init(id: ProjectID, title: String, progress: Int, period: ProjectPeriod, before: String, future: String,
                fieldsOfAction: [FieldOfAction], userGroups: [UserGroup], origins: ProjectOrigins) {
        self.id = id
        self.title = title
        self.progress = progress
        self.period = period
        self.before = before
        self.future = future
        self.fieldsOfAction = fieldsOfAction
        self.userGroups = userGroups
        self.origins = origins
    }

    /// The status as of a reference year (see `ProjectStatus`).
    public func status(referenceYear: Int) -> ProjectStatus {
        ProjectStatus(progress: progress, period: period, referenceYear: referenceYear)
    }

    /// Whether the project is behind its schedule as of a reference year: its last year has passed
    /// and its progress is below 100 %. Not a status of its own (the status stays as `status` says):
    /// the landing page marks such a project as delayed, and the rule `time.overdue` reports it.
    public func isDelayed(referenceYear: Int) -> Bool {
        progress < 100 && period.lastYear < referenceYear
    }

    /// Equality of content: two projects are equal when their values are, wherever they came from.
    public static func == (lhs: Project, rhs: Project) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.progress == rhs.progress && lhs.period == rhs.period
            && lhs.before == rhs.before && lhs.future == rhs.future && lhs.fieldsOfAction == rhs.fieldsOfAction
            && lhs.userGroups == rhs.userGroups
    }
}
