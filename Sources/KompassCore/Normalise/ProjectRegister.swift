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
            Finding(ruleID: .registerSyntax, severity: .error, location: SourceLocation(file: path, line: $0.line, column: $0.column),
                    message: Bilingual(en: $0.message, de: $0.messageDE), hint: Bilingual(en: $0.hint, de: $0.hintDE))
        }
        func error(_ rule: RuleID, _ line: Int, _ column: Int?, _ message: Bilingual, _ hint: Bilingual) {
            findings.append(Finding(ruleID: rule, severity: .error,
                                    location: SourceLocation(file: path, line: line, column: column),
                                    message: message, hint: hint))
        }
        func text(_ cell: CSVTokenizer.Cell) -> String? { String(validating: cell.bytes, as: UTF8.self) }
        guard let headerRow = rows.first else {
            error(.registerEmpty, 0, nil, Bilingual(en: "the register is empty", de: "das Register ist leer"),
                  Bilingual(en: "start it with the header line " + header.joined(separator: ";"),
                            de: "beginnen Sie es mit der Kopfzeile " + header.joined(separator: ";")))
            return (ProjectRegister(path: path, entries: []), findings)
        }
        let headerNames = headerRow.cells.map { text($0).map { $0.trimmingWhitespace() } ?? "" }
        guard headerNames == header else {
            error(.registerHeader, headerRow.line, 1,
                  Bilingual(en: "the header is '\(headerNames.joined(separator: ";"))'",
                            de: "die Kopfzeile lautet '\(headerNames.joined(separator: ";"))'"),
                  Bilingual(en: "the first line must be exactly " + header.joined(separator: ";"),
                            de: "die erste Zeile muss genau " + header.joined(separator: ";") + " lauten"))
            return (ProjectRegister(path: path, entries: []), findings)
        }
        var entries: [Entry] = []
        var seenIDs: [ProjectID: Int] = [:]
        for row in rows.dropFirst() {
            guard row.cells.count == header.count else {
                error(.registerRowCells, row.line, nil,
                      Bilingual(en: "the line has \(row.cells.count) cells, not \(header.count)",
                                de: "die Zeile hat \(row.cells.count) Zellen statt \(header.count)"),
                      Bilingual(en: "write position;fingerprint;id;title, and quote a title that holds a ';'",
                                de: "schreiben Sie position;fingerprint;id;title, und setzen Sie einen Titel mit ';' in Anführungszeichen"))
                continue
            }
            let values = row.cells.map { text($0) }
            guard let positionText = values[0], let position = Int(positionText), position >= 1 else {
                error(.registerPosition, row.line, row.cells[0].column,
                      Bilingual(en: "the position '\(values[0] ?? "")' is not a whole number from 1",
                                de: "die Position '\(values[0] ?? "")' ist keine ganze Zahl ab 1"),
                      Bilingual(en: "write the project's place on the page: 1 for the first project",
                                de: "schreiben Sie die Stelle des Vorhabens auf der Seite: 1 für das erste Vorhaben"))
                continue
            }
            guard let fingerprint = values[1], ProjectFingerprint.isWellFormed(fingerprint) else {
                error(.registerFingerprint, row.line, row.cells[1].column,
                      Bilingual(en: "the fingerprint '\(values[1] ?? "")' is not \(ProjectFingerprint.length) hex digits",
                                de: "der Fingerabdruck '\(values[1] ?? "")' besteht nicht aus \(ProjectFingerprint.length) Hex-Ziffern"),
                      Bilingual(en: "copy the fingerprint that kompass reports for the project",
                                de: "kopieren Sie den Fingerabdruck, den kompass für das Vorhaben meldet"))
                continue
            }
            guard let idText = values[2], let id = ProjectID(idText) else {
                error(.registerID, row.line, row.cells[2].column,
                      Bilingual(en: "the identifier '\(values[2] ?? "")' is not well-formed",
                                de: "die Kennung '\(values[2] ?? "")' ist nicht gültig gebildet"),
                      Bilingual(en: "use lowercase a-z, 0-9 and single hyphens, e.g. digital-lab",
                                de: "verwenden Sie Kleinbuchstaben a-z, Ziffern 0-9 und einzelne Bindestriche, z. B. digital-lab"))
                continue
            }
            guard let title = values[3]?.trimmingWhitespace(), !title.isEmpty else {
                error(.registerTitle, row.line, row.cells[3].column,
                      Bilingual(en: "the title is empty", de: "der Titel ist leer"),
                      Bilingual(en: "give every project a short German title", de: "geben Sie jedem Vorhaben einen kurzen deutschen Titel"))
                continue
            }
            if let earlier = seenIDs[id] {
                error(.registerIDDuplicate, row.line, row.cells[2].column,
                      Bilingual(en: "the identifier '\(id)' is already used on line \(earlier)",
                                de: "die Kennung '\(id)' ist schon auf Zeile \(earlier) vergeben"),
                      Bilingual(en: "every project needs its own identifier; identifiers are never reused",
                                de: "jedes Vorhaben braucht eine eigene Kennung; Kennungen werden nie wiederverwendet"))
                continue
            }
            seenIDs[id] = row.line
            entries.append(Entry(position: position, fingerprint: fingerprint, id: id, title: title,
                                 location: SourceLocation(file: path, line: row.line)))
        }
        return (ProjectRegister(path: path, entries: entries), findings)
    }
}
