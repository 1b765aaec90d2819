/// The projects of one run, in source order, with facts about the portfolio as a whole.
public struct Portfolio: Sendable, Equatable {
    public var projects: [Project]

    public init(projects: [Project]) {
        self.projects = projects
    }

    /// The earliest start year and the latest year any project runs to; nil for an empty portfolio.
    public var yearSpan: ClosedRange<Int>? {
        guard let first = projects.first else { return nil }
        var low = first.period.startYear
        var high = first.period.lastYear
        for project in projects.dropFirst() {
            low = min(low, project.period.startYear)
            high = max(high, project.period.lastYear)
        }
        return low...high
    }
}
