/// The projects of the last publication, as its state keeps them, indexed once by identifier for the whole
/// run: the pass asks which projects changed, the change detection pairs them. One index, not a copy of the
/// snapshots per question.
public struct PublishedProjects: Sendable {
    public let snapshots: [ProjectSnapshot]
    /// The position of each identifier's first snapshot.
    private let positions: [String: Int]

    public init(_ snapshots: [ProjectSnapshot]) {
        self.snapshots = snapshots
        var positions: [String: Int] = [:]
        positions.reserveCapacity(snapshots.count)
        for (position, snapshot) in snapshots.enumerated() where positions[snapshot.id] == nil {
            positions[snapshot.id] = position
        }
        self.positions = positions
    }

    /// The position of the project published under `id`, if any.
    public func position(of id: String) -> Int? { positions[id] }

    public subscript(id: String) -> ProjectSnapshot? { positions[id].map { snapshots[$0] } }
}
