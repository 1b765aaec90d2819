/// What rules may consult besides the projects.
public struct ValidationContext: Sendable {
    /// "Today" for every rule that depends on the date (`--as-of`).
    public var referenceDate: CalendarDate
    /// The identifiers of the last published portfolio, when there is one (for `portfolio.vanished`).
    public var previouslyPublished: [ProjectID]?
    /// Where the last published portfolio was read from, for messages.
    public var previouslyPublishedSource: String?

    public init(referenceDate: CalendarDate, previouslyPublished: [ProjectID]? = nil, previouslyPublishedSource: String? = nil) {
        self.referenceDate = referenceDate
        self.previouslyPublished = previouslyPublished
        self.previouslyPublishedSource = previouslyPublishedSource
    }
}
