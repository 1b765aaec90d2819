/// Reads a CSV source: a header row, then one record per row.
///
/// Streams over chunked reads through the byte-level `CSVTokenizer`, so memory stays flat.
/// The delimiter (`;`, `,` or tab) is detected from the header unless configured, and the encoding
/// (UTF-8 with or without BOM, or Windows-1252) is detected unless configured; both choices are
/// reported. Only the columns the mapping uses are decoded.
///
/// Header names are matched tolerantly but never silently: ignoring surrounding spaces, case and a BOM, and
/// through the mapping's column synonyms. Each tolerance used is a finding (`csv.header.spaces`,
/// `csv.header.case`, `csv.header.synonym`, `csv.header.bom`): info, or error when `request.strictHeaders`.
/// Values are handed on under the mapping's canonical name, so the normaliser finds them.
public struct CSVImporter: RecordImporter {
    public init() {}

    static let candidateDelimiters: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]

    public func read(_ request: ImportRequest, emit: (RawRecord) throws -> Void) throws -> [Finding] {
        let reader = try request.openReader()
        var state = CSVReadState(request: request)
        var tokenizer: CSVTokenizer?
        var pendingStart: [UInt8] = []
        try reader.forEachChunk { chunk in
            if tokenizer == nil && pendingStart.isEmpty { try SourceStart.check(chunk, path: request.path) }
            if tokenizer == nil {
                // Until the header line is complete, collect bytes: the delimiter is detected from it.
                pendingStart.append(contentsOf: chunk)
                guard pendingStart.contains(0x0A) || pendingStart.count > 1 << 20 else { return }
                tokenizer = state.startTokenizer(with: &pendingStart)
                try pendingStart.withUnsafeBytes { raw in try tokenizer!.feed(raw) { try state.consume($0, emit) } }
                pendingStart = []
                return
            }
            try tokenizer!.feed(chunk) { try state.consume($0, emit) }
            if let line = tokenizer!.rowBeyondLimit { throw ReadingStopped.line(request.path, line: line) }
        }
        if tokenizer == nil {
            tokenizer = state.startTokenizer(with: &pendingStart)
            try pendingStart.withUnsafeBytes { raw in try tokenizer!.feed(raw) { try state.consume($0, emit) } }
        }
        try tokenizer!.finish { try state.consume($0, emit) }
        return state.finish(problems: tokenizer!.problems)
    }
}

/// The state of one CSV read: header, decoder, what was reported.
struct CSVReadState {
    let request: ImportRequest
    private var findings: [Finding] = []
    private var decoder: TextDecoder
    private var header: [String]?
    /// The columns read: their index, the canonical name their values are keyed by, and the name the
    /// header gives them (trimmed), which the values' locations carry.
    private var columnsWanted: [(index: Int, name: String, written: String)] = []
    private var records = 0
    private var sawBOM = false
    /// A BOM to report with the header (not when `csv.encoding.bom` already warns about it).
    private var bomToReport = false
    private var delimiter: UInt8 = UInt8(ascii: ";")
    /// The cell whose bytes made detection choose Windows-1252: where a later UTF-8 line shows the file mixes
    /// encodings, this is the error.
    private var windows1252Decided: (line: Int, column: Int, field: String?, byte: String)?

    init(request: ImportRequest) {
        self.request = request
        decoder = TextDecoder(encoding: request.options.encoding)
    }

    private var file: String { request.path }

    private mutating func report(_ rule: RuleID, _ severity: Severity, line: Int, column: Int? = nil, field: String? = nil,
                                 _ text: Message.Text) {
        findings.append(Finding(ruleID: rule, severity: severity,
                                location: SourceLocation(file: file, line: line, column: column, field: field), text))
    }

    /// Strips a BOM, settles the delimiter from the header line, and returns the tokenizer.
    mutating func startTokenizer(with start: inout [UInt8]) -> CSVTokenizer {
        if start.starts(with: [0xEF, 0xBB, 0xBF]) {
            start.removeFirst(3)
            sawBOM = true
            if request.options.encoding == .windows1252 {
                report(.csvEncodingBOM, .warning, line: 1, Message.bomButWindows1252)
            } else {
                decoder = TextDecoder(encoding: .utf8)
                bomToReport = true
            }
        }
        if let configured = request.options.csvDelimiter {
            delimiter = configured
        } else {
            let headerLine = start.prefix { $0 != 0x0A }
            let counts = CSVImporter.candidateDelimiters.map { candidate in headerLine.reduce(0) { $0 + ($1 == candidate ? 1 : 0) } }
            let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
            delimiter = CSVImporter.candidateDelimiters[best]
            if counts[best] > 0 {
                report(.csvDelimiterDetected, .info, line: 1, Message.delimiterDetected(delimiter))
            }
        }
        return CSVTokenizer(delimiter: delimiter, file: request.path)
    }

    private mutating func decode(_ cell: CSVTokenizer.Cell, field: String?) -> String? {
        let undecided = decoder.state == .undecided
        if let text = decoder.decode(cell.bytes[...], line: cell.line) {
            if undecided, decoder.encoding == .windows1252 {
                let byte = cell.bytes.first { $0 >= 0x80 } ?? 0
                windows1252Decided = (cell.line, cell.column, field, String(byte, radix: 16, uppercase: true))
            }
            return text
        }
        let byte = cell.bytes.first { $0 >= 0x80 }.map { String($0, radix: 16, uppercase: true) } ?? "?"
        report(.csvEncoding, .error, line: cell.line, column: cell.column, field: field,
               Message.notInEncoding(byte: byte, expected: decoder.encoding))
        return nil
    }

    mutating func consume(_ row: CSVTokenizer.Row, _ emit: (RawRecord) throws -> Void) throws {
        guard let header else {
            readHeader(row)
            return
        }
        if row.cells.count != header.count {
            report(.csvRowCells, .error, line: row.line, Message.rowCells(row.cells.count, header: header.count, delimiter: delimiter))
        }
        var record = RawRecord(location: SourceLocation(file: file, line: row.line))
        for (index, name, written) in columnsWanted where index < row.cells.count {
            let cell = row.cells[index]
            guard let text = decode(cell, field: written) else { continue }
            if text.isEmpty { continue }
            // Keyed by the canonical name (what the mapping and the normaliser know); the location carries the
            // header as the file writes it, because a value's location points into the file: the steward looks
            // for that column there. The one header finding of a tolerance links the two names.
            record.append(RawValue(text, at: SourceLocation(file: file, line: cell.line, column: cell.column, field: written)), to: name)
        }
        records += 1
        try emit(record)
    }

    private mutating func readHeader(_ row: CSVTokenizer.Row) {
        let resolver = CSVHeaderResolver(fields: request.fields, synonyms: request.synonyms)
        var names: [String] = []
        // The canonical name a column is read as (or, for a column the mapping does not read, its name) → the
        // first column that has it.
        var seen: [String: (index: Int, name: String)] = [:]
        for (index, cell) in row.cells.enumerated() {
            let written = decode(cell, field: nil) ?? ""
            let name = written.trimmingWhitespace()
            names.append(name)
            let match = name.isEmpty ? nil : resolver.match(written)
            if index == 0 && bomToReport {
                reportBOM(before: written, match: match, line: row.line, column: cell.column)
            }
            if name.isEmpty {
                report(.csvHeaderEmpty, .error, line: row.line, column: cell.column, Message.headerEmpty(column: index + 1))
                continue
            }
            let key = match?.canonical ?? name
            if let earlier = seen[key] {
                reportDuplicate(earlier: earlier, index: index, name: name, readAs: match?.canonical, line: row.line, column: cell.column)
                continue
            }
            seen[key] = (index, name)
            if let match {
                columnsWanted.append((index, match.canonical, name))
                reportTolerances(match, written: written, index: index, line: row.line, column: cell.column)
            } else {
                report(.sourceFieldUnknown, .info, line: row.line, column: cell.column, field: name, Message.columnNotMapped(name))
            }
        }
        header = names
        let read = Set(columnsWanted.map(\.name))
        for name in request.fields.sorted() where !read.contains(name) {
            let present = names.filter { !$0.isEmpty }
            let synonyms = resolver.synonyms.filter { $0.value == name }.keys.sorted()
            report(.csvHeaderMissing, .error, line: row.line, field: name, Message.headerMissing(name, synonyms: synonyms, present: present))
        }
    }

    /// The severity of a tolerated header: info, or error in a strict run.
    private var toleranceSeverity: Severity { request.strictHeaders ? .error : .info }

    /// One finding per tolerance a header cell needed: spaces around it, and either another case or a synonym
    /// (a synonym in another case is one synonym finding that says so).
    private mutating func reportTolerances(_ match: CSVHeaderMatch, written: String, index: Int, line: Int, column: Int) {
        let name = written.trimmingWhitespace()
        let number = index + 1
        let canonical = match.canonical
        let strict = request.strictHeaders
        if match.spaces {
            report(.csvHeaderSpaces, toleranceSeverity, line: line, column: column, field: name,
                   Message.headerSpaces(column: number, written: written, canonical: canonical, strict: strict))
        }
        if let synonym = match.synonym {
            report(.csvHeaderSynonym, toleranceSeverity, line: line, column: column, field: name,
                   Message.headerSynonym(column: number, written: written, synonym: synonym, canonical: canonical,
                                         caseDiffers: match.caseDiffers, strict: strict))
        } else if match.caseDiffers {
            report(.csvHeaderCase, toleranceSeverity, line: line, column: column, field: name,
                   Message.headerCase(column: number, written: written, canonical: canonical, strict: strict))
        }
    }

    /// The BOM at the start of the file: dropped before the first header name, and reported once.
    private mutating func reportBOM(before written: String, match: CSVHeaderMatch?, line: Int, column: Int) {
        let name = written.trimmingWhitespace()
        report(.csvHeaderBOM, toleranceSeverity, line: line, column: column, field: name.isEmpty ? nil : name,
               Message.bomDropped(before: written, readAs: match?.canonical, strict: request.strictHeaders))
    }

    /// Two columns with the same name, or two that are read as the same field.
    private mutating func reportDuplicate(earlier: (index: Int, name: String), index: Int, name: String, readAs canonical: String?,
                                          line: Int, column: Int) {
        report(.csvHeaderDuplicate, .error, line: line, column: column, field: name,
               Message.headerDuplicate(earlier: (earlier.index + 1, earlier.name), later: (index + 1, name), readAs: canonical))
    }

    mutating func finish(problems: [Finding]) -> [Finding] {
        findings += problems
        if header == nil {
            report(.csvNoRecords, .error, line: 0, Message.empty)
        } else if records == 0 {
            report(.csvNoRecords, .error, line: 1, Message.headerOnly)
        }
        if case .decided(let encoding, true, let line) = decoder.state, encoding == .windows1252 {
            report(.csvEncodingDetected, .info, line: line, Message.readAsWindows1252)
        }
        if let mixed = decoder.mixed, let cell = windows1252Decided {
            report(.csvEncoding, .error, line: cell.line, column: cell.column, field: cell.field,
                   Message.strayByte(cell.byte, utf8Line: mixed.utf8Line))
        }
        return findings
    }
}

// MARK: - Messages

extension CSVReadState {
    /// How a delimiter is named in messages: tab, or the character in quotes.
    static func name(of delimiter: UInt8, german: Bool = false) -> String {
        switch delimiter {
        case UInt8(ascii: "\t"): german ? "Tabulator" : "tab"
        default: "'\(String(UnicodeScalar(delimiter)))'"
        }
    }

    /// The CSV importer's messages, apart from the logic that finds the problems: each a message and a hint, in
    /// English and German.
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual)

        static let bomButWindows1252: Text = (
            Bilingual(en: "the file starts with a UTF-8 byte-order mark, but the configuration says Windows-1252",
                      de: "die Datei beginnt mit einer UTF-8-Byte-Order-Mark, die Konfiguration sagt aber Windows-1252"),
            Bilingual(en: "remove \"encoding\" from the source's configuration to let kompass read it as UTF-8",
                      de: "entfernen Sie \"encoding\" aus der Konfiguration der Quelle, damit kompass sie als UTF-8 liest"))

        static func delimiterDetected(_ delimiter: UInt8) -> Text {
            (Bilingual(en: "the delimiter \(CSVReadState.name(of: delimiter)) was detected from the header",
                       de: "das Trennzeichen \(CSVReadState.name(of: delimiter, german: true)) wurde aus der Kopfzeile erkannt"),
             Bilingual(en: "set \"delimiter\" in the source's csv settings to fix it",
                       de: "setzen Sie \"delimiter\" in den CSV-Einstellungen der Quelle, um es festzulegen"))
        }

        /// `expected`: the encoding the file is read in; nil while it is not yet decided.
        static func notInEncoding(byte: String, expected encoding: TextEncoding?) -> Text {
            let expected = encoding.map { $0 == .utf8 ? "UTF-8" : "Windows-1252" } ?? "UTF-8 or Windows-1252"
            let expectedDE = encoding.map { $0 == .utf8 ? "UTF-8" : "Windows-1252" } ?? "UTF-8 oder Windows-1252"
            return (Bilingual(en: "bytes (0x\(byte)…) that are not \(expected) in this cell",
                              de: "Bytes (0x\(byte)…) in dieser Zelle, die nicht \(expectedDE) sind"),
                    encoding == .utf8
                        ? Bilingual(en: "the file mixes encodings: save it again as UTF-8",
                                    de: "die Datei mischt Zeichenkodierungen: speichern Sie sie erneut als UTF-8")
                        : Bilingual(en: "save the file as UTF-8 (or set \"encoding\" in the source's csv settings)",
                                    de: "speichern Sie die Datei als UTF-8 (oder setzen Sie \"encoding\" in den CSV-Einstellungen der Quelle)"))
        }

        static func rowCells(_ cells: Int, header: Int, delimiter: UInt8) -> Text {
            (Bilingual(en: "the row has \(cells) cells, the header \(header)",
                       de: "die Zeile hat \(cells) Zellen, die Kopfzeile \(header)"),
             cells > header
                 ? Bilingual(en: "quote cells that contain the delimiter \(CSVReadState.name(of: delimiter)); the extra cells were not read",
                             de: "setzen Sie Zellen, die das Trennzeichen \(CSVReadState.name(of: delimiter, german: true)) enthalten, in Anführungszeichen; "
                                 + "die überzähligen Zellen wurden nicht gelesen")
                 : Bilingual(en: "add the missing cells (empty cells are written as nothing between two delimiters)",
                             de: "ergänzen Sie die fehlenden Zellen (eine leere Zelle ist nichts zwischen zwei Trennzeichen)"))
        }

        static func headerEmpty(column: Int) -> Text {
            (Bilingual(en: "column \(column) of the header has no name",
                       de: "Spalte \(column) der Kopfzeile hat keinen Namen"),
             Bilingual(en: "give every column a name", de: "geben Sie jeder Spalte einen Namen"))
        }

        static func columnNotMapped(_ name: String) -> Text {
            (Bilingual(en: "the column '\(ShownText.value(name))' is not used by the mapping",
                       de: "die Spalte '\(ShownText.value(name))' wird vom Mapping nicht verwendet"),
             Bilingual(en: "map it in the source's mapping if it should be read",
                       de: "nehmen Sie sie ins Mapping der Quelle auf, wenn sie gelesen werden soll"))
        }

        /// `synonyms`: the mapping's other names of the column; `present`: the header's (non-empty) names.
        static func headerMissing(_ name: String, synonyms: [String], present: [String]) -> Text {
            let synonyms = synonyms.map { "'\($0)'" }.joined(separator: ", ")
            let present = present.joined(separator: ", ")
            return (Bilingual(en: "the column '\(ShownText.value(name))' that the mapping reads is missing from the header"
                                  + (synonyms.isEmpty ? "" : " (and so are its synonyms \(synonyms))"),
                              de: "die Spalte '\(ShownText.value(name))', die das Mapping liest, fehlt in der Kopfzeile"
                                  + (synonyms.isEmpty ? "" : " (ebenso ihre Synonyme \(synonyms))")),
                    Bilingual(en: "the header has: " + present, de: "die Kopfzeile hat: " + present))
        }

        /// What to do about a tolerated header name.
        static func renameHint(_ canonical: String, strict: Bool) -> Bilingual {
            strict
                ? Bilingual(en: "the run is strict; rename the column to '\(ShownText.value(canonical))'",
                            de: "der Lauf ist strikt; benennen Sie die Spalte in '\(ShownText.value(canonical))' um")
                : Bilingual(en: "nothing to do; rename the column to '\(ShownText.value(canonical))' to match the mapping exactly (a strict run requires it)",
                            de: "nichts zu tun; benennen Sie die Spalte in '\(ShownText.value(canonical))' um, damit sie genau dem Mapping entspricht "
                                + "(ein strikter Lauf verlangt das)")
        }

        static func headerSpaces(column number: Int, written: String, canonical: String, strict: Bool) -> Text {
            (Bilingual(en: "the header of column \(number), '\(ShownText.value(written))', has spaces around the name; it was read as '\(ShownText.value(canonical))'",
                       de: "der Kopf der Spalte \(number), '\(ShownText.value(written))', hat Leerzeichen um den Namen; "
                           + "die Spalte wurde als '\(ShownText.value(canonical))' gelesen"),
             renameHint(canonical, strict: strict))
        }

        static func headerSynonym(column number: Int, written: String, synonym: String, canonical: String, caseDiffers: Bool,
                                  strict: Bool) -> Text {
            (caseDiffers
                ? Bilingual(en: "the header of column \(number), '\(ShownText.value(written))', is the mapping's synonym '\(ShownText.value(synonym))' of '\(ShownText.value(canonical))' "
                                + "in another case; it was read as '\(ShownText.value(canonical))'",
                            de: "der Kopf der Spalte \(number), '\(ShownText.value(written))', ist das Synonym '\(ShownText.value(synonym))' für '\(ShownText.value(canonical))' aus dem Mapping "
                                + "in anderer Gross-/Kleinschreibung; die Spalte wurde als '\(ShownText.value(canonical))' gelesen")
                : Bilingual(en: "the header of column \(number), '\(ShownText.value(written))', is the mapping's synonym of '\(ShownText.value(canonical))'; "
                                + "it was read as '\(ShownText.value(canonical))'",
                            de: "der Kopf der Spalte \(number), '\(ShownText.value(written))', ist ein Synonym für '\(ShownText.value(canonical))' aus dem Mapping; "
                                + "die Spalte wurde als '\(ShownText.value(canonical))' gelesen"),
             renameHint(canonical, strict: strict))
        }

        static func headerCase(column number: Int, written: String, canonical: String, strict: Bool) -> Text {
            (Bilingual(en: "the header of column \(number), '\(ShownText.value(written))', differs from the mapping's '\(ShownText.value(canonical))' only in case; "
                           + "it was read as '\(ShownText.value(canonical))'",
                       de: "der Kopf der Spalte \(number), '\(ShownText.value(written))', unterscheidet sich von '\(ShownText.value(canonical))' im Mapping nur in "
                           + "Gross-/Kleinschreibung; die Spalte wurde als '\(ShownText.value(canonical))' gelesen"),
             renameHint(canonical, strict: strict))
        }

        /// `written`: the first header cell as written after the BOM; `canonical`: the name it was read as, if any.
        static func bomDropped(before written: String, readAs canonical: String?, strict: Bool) -> Text {
            let message: Bilingual
            if written.trimmingWhitespace().isEmpty {
                message = Bilingual(en: "the file starts with a UTF-8 byte-order mark; it was dropped",
                                    de: "die Datei beginnt mit einer UTF-8-Byte-Order-Mark; sie wurde entfernt")
            } else if let canonical {
                message = Bilingual(en: "the file starts with a UTF-8 byte-order mark before the header of column 1, '\(ShownText.value(written))'; "
                                        + "it is not part of the name: the column was read as '\(ShownText.value(canonical))'",
                                    de: "die Datei beginnt mit einer UTF-8-Byte-Order-Mark vor dem Kopf der Spalte 1, '\(ShownText.value(written))'; "
                                        + "sie gehört nicht zum Namen: die Spalte wurde als '\(ShownText.value(canonical))' gelesen")
            } else {
                message = Bilingual(en: "the file starts with a UTF-8 byte-order mark before the header of column 1, '\(ShownText.value(written))'; "
                                        + "it is not part of the name",
                                    de: "die Datei beginnt mit einer UTF-8-Byte-Order-Mark vor dem Kopf der Spalte 1, '\(ShownText.value(written))'; "
                                        + "sie gehört nicht zum Namen")
            }
            return (message,
                    strict
                        ? Bilingual(en: "the run is strict; save the file as UTF-8 without a byte-order mark",
                                    de: "der Lauf ist strikt; speichern Sie die Datei als UTF-8 ohne Byte-Order-Mark")
                        : Bilingual(en: "nothing to do; save the file as UTF-8 without a byte-order mark to avoid it (a strict run requires it)",
                                    de: "nichts zu tun; speichern Sie die Datei als UTF-8 ohne Byte-Order-Mark, um das zu vermeiden "
                                        + "(ein strikter Lauf verlangt das)"))
        }

        /// Two columns (1-based numbers) with the same name, or read as the same field `canonical`.
        static func headerDuplicate(earlier: (column: Int, name: String), later: (column: Int, name: String), readAs canonical: String?) -> Text {
            let message: Bilingual
            if earlier.name == later.name {
                message = Bilingual(en: "the column name '\(ShownText.value(later.name))' appears twice (columns \(earlier.column) and \(later.column))",
                                    de: "der Spaltenname '\(ShownText.value(later.name))' kommt zweimal vor (Spalten \(earlier.column) und \(later.column))")
            } else {
                let readAs = canonical ?? later.name
                message = Bilingual(en: "the columns '\(ShownText.value(earlier.name))' (column \(earlier.column)) and '\(ShownText.value(later.name))' (column \(later.column)) "
                                        + "are both read as '\(ShownText.value(readAs))'",
                                    de: "die Spalten '\(ShownText.value(earlier.name))' (Spalte \(earlier.column)) und '\(ShownText.value(later.name))' (Spalte \(later.column)) "
                                        + "werden beide als '\(ShownText.value(readAs))' gelesen")
            }
            return (message,
                    Bilingual(en: "give every column its own name; kompass does not guess which one is meant",
                              de: "geben Sie jeder Spalte einen eigenen Namen; kompass rät nicht, welche gemeint ist"))
        }

        static let empty: Text = (
            Bilingual(en: "the file is empty", de: "die Datei ist leer"),
            Bilingual(en: "an empty source is never read as \"0 projects\": is this the right file?",
                      de: "eine leere Quelle wird nie als «0 Vorhaben» gelesen: ist das die richtige Datei?"))

        static let headerOnly: Text = (
            Bilingual(en: "the file has a header but no rows", de: "die Datei hat eine Kopfzeile, aber keine Zeilen"),
            Bilingual(en: "an empty source is never read as \"0 projects\": is the export complete?",
                      de: "eine leere Quelle wird nie als «0 Vorhaben» gelesen: ist der Export vollständig?"))

        /// A byte that is not UTF-8 in a file whose other text is UTF-8 (line `utf8Line` shows it).
        static func strayByte(_ byte: String, utf8Line: Int) -> Text {
            (Bilingual(en: "byte 0x\(byte) in this cell is not UTF-8, while line \(utf8Line) and the rest of the file are UTF-8: "
                           + "the file mixes encodings (this cell was read as Windows-1252)",
                       de: "das Byte 0x\(byte) in dieser Zelle ist kein UTF-8, während Zeile \(utf8Line) und der Rest der Datei UTF-8 sind: "
                           + "die Datei mischt Zeichenkodierungen (diese Zelle wurde als Windows-1252 gelesen)"),
             Bilingual(en: "correct the character in this cell (it was typed or pasted in another encoding) and save the file as UTF-8",
                       de: "korrigieren Sie das Zeichen in dieser Zelle (es wurde in einer anderen Kodierung eingegeben oder eingefügt) "
                           + "und speichern Sie die Datei als UTF-8"))
        }

        static let readAsWindows1252: Text = (
            Bilingual(en: "read as Windows-1252 (the first non-ASCII text, on this line, is not UTF-8)",
                      de: "als Windows-1252 gelesen (der erste Text ausserhalb von ASCII, auf dieser Zeile, ist kein UTF-8)"),
            Bilingual(en: "set \"encoding\": \"windows-1252\" in the source's csv settings to confirm it, or save the file as UTF-8",
                      de: "setzen Sie \"encoding\": \"windows-1252\" in den CSV-Einstellungen der Quelle, um das zu bestätigen, "
                          + "oder speichern Sie die Datei als UTF-8"))
    }
}
