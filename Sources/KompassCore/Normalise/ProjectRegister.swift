/// The register that gives the projects of a page text (which has no titles and no identifiers)
/// their stable identifier and derived German title.
///
/// A `;`-separated UTF-8 CSV with the header `position;fingerprint;id;title`: the project's position
/// on the page (1-based), the fingerprint of its texts (`ProjectFingerprint`), its identifier and title.
public struct ProjectRegister: Sendable {
    public struct Entry: Sendable, Equatable {
        public var position: Int
        public var fingerprint: String
        public var id: ProjectID
        public var title: String
        public var location: SourceLocation
    }

    public static let header = ["position", "fingerprint", "id", "title"]

    public var path: String
    public var entries: [Entry]

    public init(path: String, entries: [Entry]) {
        self.path = path
        self.entries = entries
    }

    /// Reads the register; problems in it are findings (an error blocks the run like any data error).
    public static func load(path: String) throws(IOError) -> (register: ProjectRegister, findings: [Finding]) {
        let bytes = try ByteFileReader.readAll(path: path)
        var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ";"))
        var rows: [CSVTokenizer.Row] = []
        bytes.withUnsafeBytes { raw in tokenizer.feed(raw) { rows.append($0) } }
        tokenizer.finish { rows.append($0) }
        var findings = tokenizer.problems.map {
            Finding(ruleID: "register.syntax", severity: .error, location: SourceLocation(file: path, line: $0.line, column: $0.column),
                    message: $0.message, hint: $0.hint)
        }
        func error(_ rule: String, _ line: Int, _ column: Int?, _ message: String, _ hint: String) {
            findings.append(Finding(ruleID: rule, severity: .error,
                                    location: SourceLocation(file: path, line: line, column: column),
                                    message: message, hint: hint))
        }
        func text(_ cell: CSVTokenizer.Cell) -> String? { String(validating: cell.bytes, as: UTF8.self) }
        guard let headerRow = rows.first else {
            error("register.empty", 0, nil, "the register is empty", "start it with the header line " + header.joined(separator: ";"))
            return (ProjectRegister(path: path, entries: []), findings)
        }
        let headerNames = headerRow.cells.map { text($0).map { $0.trimmingWhitespace() } ?? "" }
        guard headerNames == header else {
            error("register.header", headerRow.line, 1, "the header is '\(headerNames.joined(separator: ";"))'",
                  "the first line must be exactly " + header.joined(separator: ";"))
            return (ProjectRegister(path: path, entries: []), findings)
        }
        var entries: [Entry] = []
        var seenIDs: [ProjectID: Int] = [:]
        for row in rows.dropFirst() {
            guard row.cells.count == header.count else {
                error("register.row.cells", row.line, nil, "the line has \(row.cells.count) cells, not \(header.count)",
                      "write position;fingerprint;id;title, and quote a title that holds a ';'")
                continue
            }
            let values = row.cells.map { text($0) }
            guard let positionText = values[0], let position = Int(positionText), position >= 1 else {
                error("register.position", row.line, row.cells[0].column, "the position '\(values[0] ?? "")' is not a whole number from 1",
                      "write the project's place on the page: 1 for the first project")
                continue
            }
            guard let fingerprint = values[1], ProjectFingerprint.isWellFormed(fingerprint) else {
                error("register.fingerprint", row.line, row.cells[1].column, "the fingerprint '\(values[1] ?? "")' is not \(ProjectFingerprint.length) hex digits",
                      "copy the fingerprint that kompass reports for the project")
                continue
            }
            guard let idText = values[2], let id = ProjectID(idText) else {
                error("register.id", row.line, row.cells[2].column, "the identifier '\(values[2] ?? "")' is not well-formed",
                      "use lowercase a-z, 0-9 and single hyphens, e.g. digital-lab")
                continue
            }
            guard let title = values[3]?.trimmingWhitespace(), !title.isEmpty else {
                error("register.title", row.line, row.cells[3].column, "the title is empty", "give every project a short German title")
                continue
            }
            if let earlier = seenIDs[id] {
                error("register.id.duplicate", row.line, row.cells[2].column, "the identifier '\(id)' is already used on line \(earlier)",
                      "every project needs its own identifier; identifiers are never reused")
                continue
            }
            seenIDs[id] = row.line
            entries.append(Entry(position: position, fingerprint: fingerprint, id: id, title: title,
                                 location: SourceLocation(file: path, line: row.line)))
        }
        return (ProjectRegister(path: path, entries: entries), findings)
    }
}
