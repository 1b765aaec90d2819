/// A history row as a record of the state's history list (`StateListFile`): date, identifier, event,
/// progress and status (empty: none).
extension HistoryRow {
    var stateFields: [String] {
        [date.iso, projectID, event, progress.map(String.init) ?? "", status ?? ""]
    }

    /// The row a record holds; nil when it is not one.
    init?(stateFields fields: [Substring]) {
        guard fields.count == 5, let date = CalendarDate(iso: String(fields[0])) else { return nil }
        let progress: Int?
        if fields[3].isEmpty { progress = nil } else if let value = Int(fields[3]) { progress = value } else { return nil }
        self.init(date: date, projectID: String(fields[1]), event: String(fields[2]), progress: progress,
                  status: fields[4].isEmpty ? nil : String(fields[4]))
    }
}
