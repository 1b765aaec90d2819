/// Compares the portfolio now with the snapshots of the last publication and names every change:
/// projects added and removed, progress, status, duration, title, texts and classification changed.
/// In the order of the portfolio, removed projects last.
public struct ChangeDetector: Sendable {
    public init() {}

    public func changes(from previous: [ProjectSnapshot], to current: [ProjectSnapshot]) -> [ProjectChange] {
        changes(from: PublishedProjects(previous), to: current)
    }

    public func changes(from before: PublishedProjects, to current: [ProjectSnapshot]) -> [ProjectChange] {
        // Which published projects are still there, by position (a set of identifiers would copy them all).
        var present = [Bool](repeating: false, count: before.snapshots.count)
        var changes: [ProjectChange] = []
        for snapshot in current {
            guard let position = before.position(of: snapshot.id) else {
                changes.append(ProjectChange(kind: .added, projectID: snapshot.id, title: snapshot.title))
                continue
            }
            present[position] = true
            let old = before.snapshots[position]
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
        }
        for (position, old) in before.snapshots.enumerated() where !present[position] && before.position(of: old.id) == position {
            changes.append(ProjectChange(kind: .removed, projectID: old.id, title: old.title))
        }
        return changes
    }
}
