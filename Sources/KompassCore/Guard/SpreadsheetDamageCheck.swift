/// Compares a CSV source with the copy of it that was accepted for the last publication, and reports what a
/// round trip through Excel typically does to a file, at the line and column of the new file:
/// - `excel.leading-zero`: an identifier that lost its leading zeros (`0870` → `870`);
/// - `excel.date`: text that became a date (`1-2` → `01.02.2026`);
/// - `excel.scientific`: a value that became scientific notation (`123456789012` → `1.23457E+11`);
/// - `excel.lost-character`: a non-ASCII character that became `?`, `_` or U+FFFD (`Bevölkerung` → `Bev?lkerung`);
/// - `excel.delimiter`, `excel.encoding`: the file as a whole uses another delimiter or encoding (line 1).
///
/// Rows are matched by the identifier column when one is given and both headers have it (an identifier that
/// lost its leading zeros still finds its row), otherwise by position; columns are matched by name (a column
/// name that lost a character still finds its column, and is reported). A value that changed in any other way
/// is an ordinary edit, and no finding. One finding per damaged cell.
///
/// Memory: the current file is streamed; the accepted copy is held as a compact index
/// (`AcceptedSourceIndex`), which is fine for sources of the size kompass reads.
public struct SpreadsheetDamageCheck: Sendable {
    public init() {}

    /// The damage in `current` against `accepted`, file-level findings first, then the cells in file order.
    /// `options` give the configured delimiter, used where a file's header contains it (otherwise it is
    /// detected as the importer detects it); the encoding of each file is always detected. `idColumn` names
    /// the column that identifies a row. `shownAs`: the path findings name when `current` is a copy of the
    /// source taken while it was read (the source as the user named it). Throws only when a file cannot be read.
    public func compare(current: String, accepted: String, options: SourceOptions = SourceOptions(),
                        idColumn: String? = nil, shownAs: String? = nil) throws -> [Finding] {
        let shown = shownAs ?? current
        let earlier = try AcceptedSourceIndex(path: accepted, configuredDelimiter: options.csvDelimiter, idColumnName: idColumn)
        var findings: [Finding] = []
        var columns: [ColumnMatch?]?
        var currentIDColumn: Int?
        var position = 0

        let format = try DecodedCSVReader.read(path: current, configuredDelimiter: options.csvDelimiter) { row in
            guard let matched = columns else {
                let header = Self.matchColumns(of: row, in: earlier)
                columns = header.columns
                for (cell, damage, name) in header.damage {
                    findings.append(damage.finding(at: SourceLocation(file: shown, line: cell.line, column: cell.column, field: name),
                                                   acceptedCopy: accepted))
                }
                if let idColumn, earlier.idColumn != nil {
                    currentIDColumn = header.columns.firstIndex { $0?.name == idColumn }
                }
                return
            }
            defer { position += 1 }
            let acceptedRow: [String?]?
            if let currentIDColumn, earlier.idColumn != nil {
                acceptedRow = currentIDColumn < row.cells.count ? row.cells[currentIDColumn].text.flatMap(earlier.row(withID:)) : nil
            } else {
                acceptedRow = earlier.row(at: position)
            }
            guard let acceptedRow else { return }
            for (index, cell) in row.cells.enumerated() {
                guard index < matched.count, let column = matched[index], column.accepted < acceptedRow.count,
                      let was = acceptedRow[column.accepted], let now = cell.text, was != now,
                      let damage = SpreadsheetDamage.of(accepted: was, current: now) else { continue }
                findings.append(damage.finding(at: SourceLocation(file: shown, line: cell.line, column: cell.column, field: column.name),
                                               acceptedCopy: accepted))
            }
        }

        var fileLevel: [Finding] = []
        let whole = SourceLocation(file: shown, line: 1)
        if let was = earlier.format.delimiter, let now = format.delimiter, was != now {
            fileLevel.append(SpreadsheetDamage.delimiter(accepted: was, current: now).finding(at: whole, acceptedCopy: accepted))
        }
        if let was = earlier.format.encoding, let now = format.encoding, was != now {
            fileLevel.append(SpreadsheetDamage.encoding(accepted: was, current: now).finding(at: whole, acceptedCopy: accepted))
        }
        return fileLevel + findings
    }

    /// A column of the current file matched to one of the accepted copy: its column there, and its name.
    struct ColumnMatch: Equatable {
        var accepted: Int
        var name: String
    }

    /// The accepted column of each current column (nil where none matches), and the header cells whose
    /// name lost a character (matched by that, when exactly one unmatched accepted name fits).
    static func matchColumns(of header: DecodedCSVReader.Row, in earlier: AcceptedSourceIndex)
        -> (columns: [ColumnMatch?], damage: [(DecodedCSVReader.Cell, SpreadsheetDamage, String)]) {
        let names = header.cells.map { ($0.text ?? "").trimmingWhitespace() }
        var columns: [ColumnMatch?] = []
        var taken = Set<Int>()
        var seen = Set<String>()
        for name in names {
            guard !name.isEmpty, !seen.contains(name), let index = earlier.columnByName[name] else {
                columns.append(nil)
                continue
            }
            seen.insert(name)
            columns.append(ColumnMatch(accepted: index, name: name))
            taken.insert(index)
        }
        var damage: [(DecodedCSVReader.Cell, SpreadsheetDamage, String)] = []
        for (position, name) in names.enumerated() where columns[position] == nil && !name.isEmpty {
            let candidates = earlier.columnByName.filter { !taken.contains($0.value) }
                .compactMap { entry in SpreadsheetValueShape.lostCharacters(accepted: entry.key, current: name).map { (entry, $0) } }
            guard candidates.count == 1, let match = candidates.first else { continue }
            let (entry, pairs) = match
            columns[position] = ColumnMatch(accepted: entry.value, name: entry.key)
            taken.insert(entry.value)
            damage.append((header.cells[position],
                           .lostCharacters(accepted: entry.key, current: name,
                                           pairs: pairs.map { SpreadsheetDamage.LostCharacter(lost: $0.lost, replacement: $0.replacement) }),
                           entry.key))
        }
        return (columns, damage)
    }
}
