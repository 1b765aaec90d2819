/// The projects of one run, in source order, with facts about the portfolio as a whole.
public struct Portfolio: Sendable, Equatable {
    public var projects: [Project]

    public init(projects: [Project]) {
        self.projects = projects
    }

    /// The earliest start year and the latest year any project runs to; nil for an empty portfolio.
    public var yearSpan: ClosedRange<Int>? {
        guard let first = projects.first else { return nil }
        var low = min(first.period.startYear, first.period.lastYear)
        var high = max(first.period.startYear, first.period.lastYear)
        for project in projects.dropFirst() {
            // A period that ends before it starts (an error, `period.order`) widens the span either way round.
            low = min(low, project.period.startYear, project.period.lastYear)
            high = max(high, project.period.startYear, project.period.lastYear)
        }
        return low...high
    }
}
