/// The accepted copy of a CSV source, held in memory for the spreadsheet-damage check: its header, the text
/// of every cell of every row, and an index from identifier to row.
///
/// Memory grows with the size of the accepted copy (its cell texts once, plus one dictionary entry per
/// identifier). That is acceptable because sources are small (a portfolio has tens to a few thousand
/// projects); the current file, which is compared against it, is streamed.
struct AcceptedSourceIndex {
    /// The column names, trimmed as the importer trims them.
    let header: [String]
    /// The column of each name; the first one where a name appears twice, as the importer reads it.
    let columnByName: [String: Int]
    /// The data rows in file order: each cell's text, nil where its bytes fit no encoding.
    let rows: [[String?]]
    let format: DecodedCSVReader.Format
    /// The column that identifies a row, when the check was given one and the header has it.
    let idColumn: Int?
    /// Identifier to row; the first row where an identifier appears twice.
    private let rowByID: [String: Int]
    /// Identifier without its leading zeros (`0870` as `870`) to row, so that a row whose identifier Excel
    /// stripped still finds its accepted row; nil where two identifiers strip to the same.
    private let rowByStrippedID: [String: Int?]

    init(path: String, configuredDelimiter: UInt8?, idColumnName: String?) throws {
        var header: [String]?
        var rows: [[String?]] = []
        format = try DecodedCSVReader.read(path: path, configuredDelimiter: configuredDelimiter) { row in
            if header == nil {
                header = row.cells.map { ($0.text ?? "").trimmingWhitespace() }
            } else {
                rows.append(row.cells.map(\.text))
            }
        }
        let names = header ?? []
        let columnByName = Self.columns(of: names)
        let idColumn = idColumnName.flatMap { columnByName[$0] }
        self.header = names
        self.rows = rows
        self.columnByName = columnByName
        self.idColumn = idColumn

        var rowByID: [String: Int] = [:]
        var rowByStrippedID: [String: Int?] = [:]
        if let idColumn {
            for (index, row) in rows.enumerated() {
                guard idColumn < row.count, let id = row[idColumn]?.trimmingWhitespace(), !id.isEmpty else { continue }
                if rowByID[id] == nil { rowByID[id] = index }
                if let stripped = SpreadsheetValueShape.withoutLeadingZeros(id) {
                    // A second identifier that strips to the same makes the match ambiguous: no match.
                    rowByStrippedID[stripped] = rowByStrippedID[stripped] == nil ? .some(index) : .some(.none)
                }
            }
        }
        self.rowByID = rowByID
        self.rowByStrippedID = rowByStrippedID
    }

    /// Column name to column, the first occurrence winning; empty names are left out.
    static func columns(of header: [String]) -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where !name.isEmpty && columns[name] == nil {
            columns[name] = index
        }
        return columns
    }

    /// The accepted row with the identifier `id`, or else the one whose identifier lost its leading zeros to `id`.
    func row(withID id: String) -> [String?]? {
        let id = id.trimmingWhitespace()
        if let index = rowByID[id] { return rows[index] }
        if let found = rowByStrippedID[id], let index = found { return rows[index] }
        return nil
    }

    /// The accepted row at `position` (0 for the first data row).
    func row(at position: Int) -> [String?]? {
        position < rows.count ? rows[position] : nil
    }
}
