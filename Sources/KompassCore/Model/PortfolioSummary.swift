/// What the files written after the pass need of the portfolio, kept while the pass reads it: how many
/// projects, their span of years, how many are in each status and how many are delayed, and the first
/// projects (as many as the landing page shows one by one). Its size is bounded by that number, not by
/// the portfolio's.
public struct PortfolioSummary: Sendable, Equatable {
    public private(set) var projectCount = 0
    /// The earliest start year and the latest year any project runs to; nil for an empty portfolio.
    public private(set) var yearSpan: ClosedRange<Int>?
    public private(set) var statusCounts: [ProjectStatus: Int] = [:]
    /// How many projects are delayed as of the reference year (see `Project.isDelayed(referenceYear:)`).
    public private(set) var delayedCount = 0
    /// The first `keepLimit` projects, in portfolio order.
    public private(set) var leadingProjects: [Project] = []
    public let referenceYear: Int
    public let keepLimit: Int

    public init(referenceYear: Int, keeping limit: Int) {
        self.referenceYear = referenceYear
        keepLimit = max(0, limit)
    }

    /// The summary of projects at hand.
    public init(_ portfolio: Portfolio, referenceYear: Int, keeping limit: Int) {
        self.init(referenceYear: referenceYear, keeping: limit)
        for project in portfolio.projects { add(project) }
    }

    public mutating func add(_ project: Project) {
        projectCount += 1
        // A period that ends before it starts is an error (`period.order`), but the project still counts: its years
        // widen the span whichever way round they stand.
        let low = min(project.period.startYear, project.period.lastYear)
        let high = max(project.period.startYear, project.period.lastYear)
        yearSpan = yearSpan.map { min($0.lowerBound, low)...max($0.upperBound, high) } ?? low...high
        statusCounts[project.status(referenceYear: referenceYear), default: 0] += 1
        if project.isDelayed(referenceYear: referenceYear) { delayedCount += 1 }
        if leadingProjects.count < keepLimit { leadingProjects.append(project) }
    }

    /// Whether every project is among `leadingProjects`.
    public var keepsEveryProject: Bool { leadingProjects.count == projectCount }
}
