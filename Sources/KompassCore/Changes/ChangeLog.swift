/// The changes of a run as the pass finds them, in order: each counted, the first `keep` kept whole (the
/// feeds' items, the report), and each change of a project's presence, progress or status written straight to
/// the new history list (`history`), so that no list of changes grows with the portfolio.
struct ChangeLog {
    /// The changes that make a history row.
    static let historyKinds: Set<ProjectChange.Kind> = [.added, .removed, .progress, .status]

    /// The first `keep` changes.
    private(set) var first: [ProjectChange] = []
    /// How many changes there are.
    private(set) var count = 0
    /// How many changes of each kind.
    private(set) var counts: [ProjectChange.Kind: Int] = [:]
    let keep: Int
    /// Where the history rows go (nil: a run that writes no state).
    let history: StateListWriter?
    /// The date of the history rows.
    let date: CalendarDate

    init(keep: Int, history: StateListWriter?, date: CalendarDate) {
        self.keep = keep
        self.history = history
        self.date = date
    }

    /// Takes `change` of the project that now has `snapshot` (nil: removed).
    mutating func add(_ change: ProjectChange, now snapshot: ProjectSnapshot?) throws(IOError) {
        count += 1
        counts[change.kind, default: 0] += 1
        if first.count < keep { first.append(change) }
        if let history, ChangeLog.historyKinds.contains(change.kind) {
            try history.append(HistoryRow(date: date, projectID: change.projectID, event: change.kind.rawValue,
                                          progress: snapshot?.progress, status: snapshot?.status).stateFields)
        }
    }
}
