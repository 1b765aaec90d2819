/// The register that gives the projects of a page text (which has no titles and no identifiers)
/// their stable identifier and derived German title.
///
/// A `;`-separated UTF-8 CSV with the header `position;before;future;id;title`: the project's position on the
/// page (1-based) when the line was written, the fingerprint of its "Bisher" text and that of its "In Zukunft"
/// text (`ProjectFingerprint.of(text:)`; an empty cell is a text not known, which matches nothing), its
/// identifier and title. The old form `position;fingerprint;id;title`, with one fingerprint of both texts
/// (`ProjectFingerprint.of(before:future:)`), is still read and matched as before.
public struct ProjectRegister: Sendable {
    /// The two forms of the file, told apart by the header.
    public enum Form: Sendable, Equatable {
        /// `position;before;future;id;title`: one fingerprint per text.
        case perText
        /// `position;fingerprint;id;title`: one fingerprint of both texts (the old form).
        case combined

        public var header: [String] {
            switch self {
            case .perText: ["position", "before", "future", "id", "title"]
            case .combined: ["position", "fingerprint", "id", "title"]
            }
        }
    }

    public struct Entry: Sendable, Equatable {
        public var position: Int
        /// The fingerprint of the "Bisher" text; nil when not known (an empty cell) and in the old form.
        public var before: String?
        /// The fingerprint of the "In Zukunft" text; nil when not known (an empty cell) and in the old form.
        public var future: String?
        /// The old form only: the fingerprint of both texts.
        public var combined: String?
        public var id: ProjectID
        public var title: String
        public var location: SourceLocation

        /// An entry of the register's form: one fingerprint per text.
        public init(position: Int, before: String?, future: String?, id: ProjectID, title: String, location: SourceLocation) {
            self.position = position
            self.before = before
            self.future = future
            self.id = id
            self.title = title
            self.location = location
        }

        /// An entry of the old form: one fingerprint of both texts.
        public init(position: Int, combined: String, id: ProjectID, title: String, location: SourceLocation) {
            self.position = position
            self.combined = combined
            self.id = id
            self.title = title
            self.location = location
        }

        /// The line of the register's form for this entry, with the given fingerprints (empty where nil).
        public func line(before: String?, future: String?) -> String {
            "\(position);\(before ?? "");\(future ?? "");\(id);\(Escaping.csv(title))"
        }
    }

    /// The header of the register's form (the old form's header is `Form.combined.header`).
    public static let header = Form.perText.header

    public var path: String
    public var form: Form
    public var entries: [Entry]

    public init(path: String, form: Form = .perText, entries: [Entry]) {
        self.path = path
        self.form = form
        self.entries = entries
    }

    /// Reads the register; problems in it are findings (an error blocks the run like any data error).
    public static func load(path: String) throws(IOError) -> (register: ProjectRegister, findings: [Finding]) {
        let bytes = try ByteFileReader.readAll(path: path)
        var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ";"), file: path, rule: .registerSyntax)
        var rows: [CSVTokenizer.Row] = []
        bytes.withUnsafeBytes { raw in tokenizer.feed(raw) { rows.append($0) } }
        tokenizer.finish { rows.append($0) }
        var findings = tokenizer.problems
        func error(_ rule: RuleID, _ line: Int, _ column: Int?, _ text: Message.Text) {
            findings.append(Finding(ruleID: rule, severity: .error, location: SourceLocation(file: path, line: line, column: column), text))
        }
        func text(_ cell: CSVTokenizer.Cell) -> String? { String(validating: cell.bytes, as: UTF8.self) }
        guard let headerRow = rows.first else {
            error(.registerEmpty, 0, nil, Message.empty)
            return (ProjectRegister(path: path, entries: []), findings)
        }
        let headerNames = headerRow.cells.map { text($0).map { $0.trimmingWhitespace() } ?? "" }
        let forms: [Form] = [.perText, .combined]
        guard let form = forms.first(where: { $0.header == headerNames }) else {
            error(.registerHeader, headerRow.line, 1, Message.header(headerNames))
            return (ProjectRegister(path: path, entries: []), findings)
        }
        let fingerprintCells = form == .perText ? 2 : 1
        var entries: [Entry] = []
        var seenIDs: [ProjectID: Int] = [:]
        rows: for row in rows.dropFirst() {
            guard row.cells.count == form.header.count else {
                error(.registerRowCells, row.line, nil, Message.rowCells(row.cells.count, form: form))
                continue
            }
            let values = row.cells.map { text($0) }
            guard let positionText = values[0], let position = Int(positionText), position >= 1 else {
                error(.registerPosition, row.line, row.cells[0].column, Message.position(values[0] ?? ""))
                continue
            }
            // The old form needs its one fingerprint; the register's form allows an empty cell (a text not known).
            var fingerprints: [String?] = []
            for cell in 1...fingerprintCells {
                let value = values[cell] ?? "\u{FFFD}"
                if value.isEmpty && form == .perText {
                    fingerprints.append(nil)
                    continue
                }
                guard ProjectFingerprint.isWellFormed(value) else {
                    error(.registerFingerprint, row.line, row.cells[cell].column, Message.fingerprint(values[cell] ?? ""))
                    continue rows
                }
                fingerprints.append(value)
            }
            let idCell = fingerprintCells + 1
            guard let idText = values[idCell], let id = ProjectID(idText) else {
                error(.registerID, row.line, row.cells[idCell].column, Message.id(values[idCell] ?? ""))
                continue
            }
            guard let title = values[idCell + 1]?.trimmingWhitespace(), !title.isEmpty else {
                error(.registerTitle, row.line, row.cells[idCell + 1].column, Message.titleEmpty)
                continue
            }
            if let earlier = seenIDs[id] {
                error(.registerIDDuplicate, row.line, row.cells[idCell].column, Message.idDuplicate(id, earlierLine: earlier))
                continue
            }
            seenIDs[id] = row.line
            let location = SourceLocation(file: path, line: row.line)
            switch form {
            case .perText:
                entries.append(Entry(position: position, before: fingerprints[0], future: fingerprints[1], id: id, title: title, location: location))
            case .combined:
                entries.append(Entry(position: position, combined: fingerprints[0] ?? "", id: id, title: title, location: location))
            }
        }
        return (ProjectRegister(path: path, form: form, entries: entries), findings)
    }
}

// MARK: - Messages

extension ProjectRegister {
    /// The register's messages, apart from the logic that reads it: each a message and a hint, in English and German.
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual)

        static let empty: Text = (
            Bilingual(en: "the register is empty", de: "das Register ist leer"),
            Bilingual(en: "start it with the header line " + ProjectRegister.header.joined(separator: ";"),
                      de: "beginnen Sie es mit der Kopfzeile " + ProjectRegister.header.joined(separator: ";")))

        /// `names`: the header's cells as written.
        static func header(_ names: [String]) -> Text {
            let old = Form.combined.header.joined(separator: ";")
            return (Bilingual(en: "the header is '\(names.joined(separator: ";"))'",
                              de: "die Kopfzeile lautet '\(names.joined(separator: ";"))'"),
                    Bilingual(en: "the first line must be exactly " + ProjectRegister.header.joined(separator: ";") + " (the old form \(old) is still read)",
                              de: "die erste Zeile muss genau " + ProjectRegister.header.joined(separator: ";") + " lauten (die alte Form \(old) wird noch gelesen)"))
        }

        static func rowCells(_ cells: Int, form: Form) -> Text {
            let columns = form.header.joined(separator: ";")
            return (Bilingual(en: "the line has \(cells) cells, not \(form.header.count)",
                              de: "die Zeile hat \(cells) Zellen statt \(form.header.count)"),
                    Bilingual(en: "write \(columns), and quote a title that holds a ';'",
                              de: "schreiben Sie \(columns), und setzen Sie einen Titel mit ';' in Anführungszeichen"))
        }

        static func position(_ text: String) -> Text {
            (Bilingual(en: "the position '\(text)' is not a whole number from 1",
                       de: "die Position '\(text)' ist keine ganze Zahl ab 1"),
             Bilingual(en: "write the project's place on the page: 1 for the first project",
                       de: "schreiben Sie die Stelle des Vorhabens auf der Seite: 1 für das erste Vorhaben"))
        }

        static func fingerprint(_ text: String) -> Text {
            (Bilingual(en: "the fingerprint '\(text)' is not \(ProjectFingerprint.length) hex digits",
                       de: "der Fingerabdruck '\(text)' besteht nicht aus \(ProjectFingerprint.length) Hex-Ziffern"),
             Bilingual(en: "copy the fingerprint that kompass reports for the project",
                       de: "kopieren Sie den Fingerabdruck, den kompass für das Vorhaben meldet"))
        }

        static func id(_ text: String) -> Text {
            (Bilingual(en: "the identifier '\(text)' is not well-formed",
                       de: "die Kennung '\(text)' ist nicht gültig gebildet"),
             Bilingual(en: "use lowercase a-z, 0-9 and single hyphens, e.g. digital-lab",
                       de: "verwenden Sie Kleinbuchstaben a-z, Ziffern 0-9 und einzelne Bindestriche, z. B. digital-lab"))
        }

        static let titleEmpty: Text = (
            Bilingual(en: "the title is empty", de: "der Titel ist leer"),
            Bilingual(en: "give every project a short German title", de: "geben Sie jedem Vorhaben einen kurzen deutschen Titel"))

        static func idDuplicate(_ id: ProjectID, earlierLine earlier: Int) -> Text {
            (Bilingual(en: "the identifier '\(id)' is already used on line \(earlier)",
                       de: "die Kennung '\(id)' ist schon auf Zeile \(earlier) vergeben"),
             Bilingual(en: "every project needs its own identifier; identifiers are never reused",
                       de: "jedes Vorhaben braucht eine eigene Kennung; Kennungen werden nie wiederverwendet"))
        }
    }
}
