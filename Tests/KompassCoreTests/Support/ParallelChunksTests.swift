import Testing
@testable import KompassCore

/// Work split over the cores gives what one pass from start to end gives, in the same order.
@Suite("Parallel chunks")
struct ParallelChunksTests {
    @Test(arguments: [0, 1, 2_047, 2_048, 4_096, 10_001])
    func rangesCoverEverythingOnceInOrder(count: Int) {
        let ranges = ParallelChunks.ranges(count)
        #expect(ranges.flatMap { Array($0) } == Array(0..<count))
        #expect(ranges.count <= max(1, count / ParallelChunks.minimumPerChunk))
        #expect(ParallelChunks.map(count) { range in range.map { $0 * 3 } } == (0..<count).map { $0 * 3 })
    }

    /// The validation pass gives exactly the findings of the rules applied one by one: every per-project
    /// finding in portfolio order, then each comparing rule's.
    @Test func validationPassEqualsTheRulesOneByOne() {
        let portfolio = Portfolio(projects: Array(SyntheticPortfolio(count: 6_000, seed: 7)))
        let context = ValidationContext(referenceDate: CalendarDate(iso: "2026-11-30")!)
        let validator = Validator()
        var sequential: [Finding] = []
        for project in portfolio.projects {
            for rule in validator.rules { sequential += rule.check(project, context: context) }
        }
        for rule in validator.rules where type(of: rule).checksPortfolio {
            sequential += rule.check(portfolio: portfolio, context: context)
        }
        let parallel = validator.validate(portfolio, context: context)
        #expect(parallel.count > 1_000, "the synthetic portfolio has findings to compare")
        #expect(parallel == sequential)
        // And the near-duplicate rule alone equals an index filled one text at a time.
        var index = SimilarityIndex(expectedCount: portfolio.projects.count)
        for (position, project) in portfolio.projects.enumerated() { index.add(id: position, text: project.before + "\n" + project.future) }
        let pairs = index.pairs(threshold: 0.8)
        let duplicates = DuplicateTextRule().check(portfolio: portfolio, context: context)
        #expect(duplicates.count == pairs.count)
        #expect(duplicates.map(\.projectID) == pairs.map { portfolio.projects[$0.second].id.rawValue })
    }
}
