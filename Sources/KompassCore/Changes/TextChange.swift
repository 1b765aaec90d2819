/// How a project's texts changed since the last publication, word by word: what `kompass diff` shows instead of
/// the texts' two fingerprints. The published texts are read from the published `projects.csv` (the state
/// keeps only their fingerprint).
public struct TextChange: Sendable, Equatable {
    /// "Bisher".
    public var before: WordDiff
    /// "In Zukunft".
    public var future: WordDiff

    /// The published texts of the projects `ids` names, from the `projects.csv` at `path`: by identifier, those
    /// found. A file that cannot be read gives none.
    static func publishedTexts(csvAt path: String, ids: Set<String>) -> [String: (before: String, future: String)] {
        guard !ids.isEmpty else { return [:] }
        var columns: (id: Int, before: Int, future: Int)?
        var found: [String: (before: String, future: String)] = [:]
        _ = try? DecodedCSVReader.read(path: path, configuredDelimiter: UInt8(ascii: ";")) { row in
            let cells = row.cells.map { $0.text ?? "" }
            guard let known = columns else {
                if let id = cells.firstIndex(of: CSVColumn.id.rawValue), let before = cells.firstIndex(of: CSVColumn.before.rawValue),
                   let future = cells.firstIndex(of: CSVColumn.future.rawValue) {
                    columns = (id, before, future)
                }
                return
            }
            guard cells.count > max(known.id, known.before, known.future), ids.contains(cells[known.id]) else { return }
            found[cells[known.id]] = (cells[known.before], cells[known.future])
        }
        return found
    }
}
