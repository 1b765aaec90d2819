/// Compares the portfolio with the last publication as the pass reads it, project by project, and names
/// every change: projects added and removed, progress, status, duration, title, texts and classification
/// changed. In the order of the portfolio; the removed projects last, once every project has been read
/// (`removed`). Keeps a flag per published project, nothing per project of the portfolio.
public struct ChangeDetector {
    private let published: PublishedProjects
    /// Which published projects are still there, by position.
    private var present: [Bool]

    public init(published: PublishedProjects) {
        self.published = published
        present = [Bool](repeating: false, count: published.count)
    }

    /// The changes of the project of `snapshot`.
    public mutating func changes(of snapshot: ProjectSnapshot) throws -> [ProjectChange] {
        try changes(of: snapshot, lineHash: PublishedProjects.lineHash(ofLine: snapshot.stateLine))
    }

    /// The same, the hash of the snapshot's state line given (computed with it, on any core).
    mutating func changes(of snapshot: ProjectSnapshot, lineHash: UInt64) throws -> [ProjectChange] {
        switch try published.match(snapshot, lineHash: lineHash) {
        case .new:
            return [ProjectChange(kind: .added, projectID: snapshot.id, title: snapshot.title)]
        case .unchanged(let position):
            present[position] = true
            return []
        case .changed(let position, let old):
            present[position] = true
            var changes: [ProjectChange] = []
            func add(_ kind: ProjectChange.Kind, _ from: String, _ to: String) {
                if from != to { changes.append(ProjectChange(kind: kind, projectID: snapshot.id, title: snapshot.title, before: from, after: to)) }
            }
            add(.progress, "\(old.progress)%", "\(snapshot.progress)%")
            add(.status, old.status, snapshot.status)
            add(.period, old.periodText, snapshot.periodText)
            add(.title, old.title, snapshot.title)
            add(.texts, old.textFingerprint, snapshot.textFingerprint)
            add(.classification, (old.fieldsOfAction + ["|"] + old.userGroups).joined(separator: ","),
                (snapshot.fieldsOfAction + ["|"] + snapshot.userGroups).joined(separator: ","))
            return changes
        }
    }

    /// The published projects the portfolio no longer has, in the order they were published: each removal
    /// with the project's published snapshot. Reads the publication's list once.
    public func removed(_ body: (ProjectChange, ProjectSnapshot) throws -> Void) throws {
        guard present.contains(false) else { return }
        try published.forEach { position, old in
            guard !present[position], published.isFirst(old, at: position) else { return }
            try body(ProjectChange(kind: .removed, projectID: old.id, title: old.title), old)
        }
    }

    /// Every change from `previous` to `current` at once (small portfolios: tests, tools).
    public static func changes(from previous: [ProjectSnapshot], to current: [ProjectSnapshot]) throws -> [ProjectChange] {
        var detector = ChangeDetector(published: try PublishedProjects(previous))
        var changes: [ProjectChange] = []
        for snapshot in current { changes += try detector.changes(of: snapshot) }
        try detector.removed { change, _ in changes.append(change) }
        return changes
    }
}
