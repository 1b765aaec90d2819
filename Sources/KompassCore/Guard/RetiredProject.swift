/// A project that left the portfolio because a run named its removal (`--retire`, or a source's
/// `retired` list). The publication state keeps it for good: its identifier stays reserved, so that it is
/// never given to another project (a harvester or a bookmark that knew it must never land on a stranger).
public struct RetiredProject: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// The reference date of the run that retired it.
    public var retiredOn: CalendarDate

    public init(id: String, title: String, retiredOn: CalendarDate) {
        self.id = id
        self.title = title
        self.retiredOn = retiredOn
    }
}
