/// A row of the history dataset (`history.csv`): a project's progress and status on the day a change
/// of them (or of its presence) was published.
public struct HistoryRow: Sendable, Equatable, Codable {
    public var date: CalendarDate
    public var projectID: String
    /// `added`, `progress`, `status` or `removed`.
    public var event: String
    public var progress: Int?
    public var status: String?

    public init(date: CalendarDate, projectID: String, event: String, progress: Int?, status: String?) {
        self.date = date
        self.projectID = projectID
        self.event = event
        self.progress = progress
        self.status = status
    }
}
