import KompassCore

/// The changes of a run as the command line prints them.
struct ChangeList {
    let changes: [ProjectChange]
    let first: Bool

    init(_ changes: [ProjectChange], first: Bool) {
        self.changes = changes
        self.first = first
    }

    /// `3 changes`, `the first publication (34 projects)`.
    var headline: String {
        if first { return "the first publication (\(changes.count) projects)" }
        return changes.count == 1 ? "1 change" : "\(changes.count) changes"
    }

    var lines: [String] { changes.map(\.description) }
}
