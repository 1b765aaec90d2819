/// A snapshot as a record of the state's projects list (`StateListFile`): identifier, title, progress,
/// start year, end year (empty: none), status, the texts' fingerprint, the fields of action and the user
/// groups (codes separated by commas). Equal snapshots have equal lines, so a line's hash stands for the
/// snapshot when the change detection compares (`PublishedProjects`).
extension ProjectSnapshot {
    var stateFields: [String] {
        [id, title, String(progress), String(startYear), endYear.map(String.init) ?? "", status, textFingerprint,
         fieldsOfAction.joined(separator: ","), userGroups.joined(separator: ",")]
    }

    /// The record's line, its line feed included.
    var stateLine: [UInt8] {
        var line: [UInt8] = []
        StateListFile.appendLine(stateFields, to: &line)
        return line
    }

    /// The snapshot a record holds; nil when it is not one (a field missing or not of its kind).
    init?(stateFields fields: [Substring]) {
        guard fields.count == 9, let progress = Int(fields[2]), let start = Int(fields[3]) else { return nil }
        let end: Int?
        if fields[4].isEmpty { end = nil } else if let year = Int(fields[4]) { end = year } else { return nil }
        func list(_ field: Substring) -> [String] { field.isEmpty ? [] : field.split(separator: ",").map(String.init) }
        self.init(id: String(fields[0]), title: String(fields[1]), progress: progress, startYear: start, endYear: end,
                  status: String(fields[5]), textFingerprint: String(fields[6]), fieldsOfAction: list(fields[7]),
                  userGroups: list(fields[8]))
    }
}
