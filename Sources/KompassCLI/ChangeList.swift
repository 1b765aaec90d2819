import KompassCore

/// The changes of a run as the command line prints them: the headline counts every change; the lines are
/// those the report kept (`RunReport.listedChanges`), and a last line says how many more there are.
struct ChangeList {
    let changes: [ProjectChange]
    let count: Int
    let first: Bool

    init(_ changes: [ProjectChange], count: Int? = nil, first: Bool) {
        self.changes = changes
        self.count = count ?? changes.count
        self.first = first
    }

    init(_ report: RunReport) {
        self.init(report.changes, count: report.changeCount, first: report.firstPublication)
    }

    /// `3 changes`, `the first publication (34 projects)`.
    var headline: String {
        if first { return "the first publication (\(count) projects)" }
        return count == 1 ? "1 change" : "\(count) changes"
    }

    var lines: [String] {
        let more = count - changes.count
        return changes.map(\.description) + (more > 0 ? ["… and \(more) more (kompass diff lists every change)"] : [])
    }
}
