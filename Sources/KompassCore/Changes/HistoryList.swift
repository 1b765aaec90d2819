/// The rows of the history dataset, oldest first, as the state's history list file holds them: read row by
/// row when `history.csv` is written, never held. `none` before a run has written its list.
public struct HistoryList: Sendable, Equatable {
    let reference: StateListFile.Reference?
    let directory: String
    /// Where the file is before the run commits it (nil: where its reference names it, in `directory`).
    let path: String?

    /// No rows.
    public static let none = HistoryList(reference: nil, directory: "")

    init(reference: StateListFile.Reference?, directory: String, path: String? = nil) {
        self.reference = reference
        self.directory = directory
        self.path = path
    }

    /// How many rows there are.
    public var count: Int { reference?.count ?? 0 }

    /// Each row in order.
    public func forEach(_ body: (HistoryRow) throws -> Void) throws {
        guard let reference else { return }
        try StateListFile.read(reference, in: directory, at: path) { fields in
            guard let row = HistoryRow(stateFields: fields) else {
                throw StateListFile.damaged(reference, in: directory, .fields)
            }
            try body(row)
        }
    }

    /// Every row (small histories: tests, tools).
    public var rows: [HistoryRow] {
        get throws {
            var rows: [HistoryRow] = []
            try forEach { rows.append($0) }
            return rows
        }
    }
}
