/// Reads a CSV source: a header row, then one record per row.
///
/// Streams over chunked reads through the byte-level `CSVTokenizer`, so memory stays flat.
/// The delimiter (`;`, `,` or tab) is detected from the header unless configured, and the encoding
/// (UTF-8 with or without BOM, or Windows-1252) is detected unless configured; both choices are
/// reported. Only the columns the mapping uses are decoded.
public struct CSVImporter: RecordImporter {
    public init() {}

    static let candidateDelimiters: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]

    public func read(_ request: ImportRequest, emit: (RawRecord) throws -> Void) throws -> [Finding] {
        let reader = try ByteFileReader(path: request.path)
        var state = CSVReadState(request: request)
        var tokenizer: CSVTokenizer?
        var pendingStart: [UInt8] = []
        try reader.forEachChunk { chunk in
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
    private var columnsWanted: [(index: Int, name: String)] = []
    private var records = 0
    private var sawBOM = false
    private var delimiter: UInt8 = UInt8(ascii: ";")

    init(request: ImportRequest) {
        self.request = request
        decoder = TextDecoder(encoding: request.options.encoding)
    }

    private var file: String { request.path }

    private mutating func report(_ rule: String, _ severity: Severity, line: Int, column: Int? = nil, field: String? = nil,
                                 _ message: Bilingual, hint: Bilingual? = nil) {
        findings.append(Finding(ruleID: rule, severity: severity,
                                location: SourceLocation(file: file, line: line, column: column, field: field),
                                message: message, hint: hint))
    }

    /// Strips a BOM, settles the delimiter from the header line, and returns the tokenizer.
    mutating func startTokenizer(with start: inout [UInt8]) -> CSVTokenizer {
        if start.starts(with: [0xEF, 0xBB, 0xBF]) {
            start.removeFirst(3)
            sawBOM = true
            if request.options.encoding == .windows1252 {
                report("csv.encoding.bom", .warning, line: 1,
                       Bilingual(en: "the file starts with a UTF-8 byte-order mark, but the configuration says Windows-1252",
                                 de: "die Datei beginnt mit einer UTF-8-Byte-Order-Mark, die Konfiguration sagt aber Windows-1252"),
                       hint: Bilingual(en: "remove \"encoding\" from the source's configuration to let kompass read it as UTF-8",
                                       de: "entfernen Sie \"encoding\" aus der Konfiguration der Quelle, damit kompass sie als UTF-8 liest"))
            } else {
                decoder = TextDecoder(encoding: .utf8)
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
                report("csv.delimiter.detected", .info, line: 1,
                       Bilingual(en: "the delimiter \(CSVReadState.name(of: delimiter)) was detected from the header",
                                 de: "das Trennzeichen \(CSVReadState.name(of: delimiter, german: true)) wurde aus der Kopfzeile erkannt"),
                       hint: Bilingual(en: "set \"delimiter\" in the source's csv settings to fix it",
                                       de: "setzen Sie \"delimiter\" in den CSV-Einstellungen der Quelle, um es festzulegen"))
            }
        }
        return CSVTokenizer(delimiter: delimiter)
    }

    static func name(of delimiter: UInt8, german: Bool = false) -> String {
        switch delimiter {
        case UInt8(ascii: "\t"): german ? "Tabulator" : "tab"
        default: "'\(String(UnicodeScalar(delimiter)))'"
        }
    }

    private mutating func decode(_ cell: CSVTokenizer.Cell, field: String?) -> String? {
        if let text = decoder.decode(cell.bytes[...], line: cell.line) { return text }
        let column = cell.column
        let byte = cell.bytes.first { $0 >= 0x80 }.map { String($0, radix: 16, uppercase: true) } ?? "?"
        let expected = decoder.encoding.map { $0 == .utf8 ? "UTF-8" : "Windows-1252" } ?? "UTF-8 or Windows-1252"
        let expectedDE = decoder.encoding.map { $0 == .utf8 ? "UTF-8" : "Windows-1252" } ?? "UTF-8 oder Windows-1252"
        report("csv.encoding", .error, line: cell.line, column: column, field: field,
               Bilingual(en: "bytes (0x\(byte)…) that are not \(expected) in this cell",
                         de: "Bytes (0x\(byte)…) in dieser Zelle, die nicht \(expectedDE) sind"),
               hint: decoder.encoding == .utf8
                   ? Bilingual(en: "the file mixes encodings: save it again as UTF-8",
                               de: "die Datei mischt Zeichenkodierungen: speichern Sie sie erneut als UTF-8")
                   : Bilingual(en: "save the file as UTF-8 (or set \"encoding\" in the source's csv settings)",
                               de: "speichern Sie die Datei als UTF-8 (oder setzen Sie \"encoding\" in den CSV-Einstellungen der Quelle)"))
        return nil
    }

    mutating func consume(_ row: CSVTokenizer.Row, _ emit: (RawRecord) throws -> Void) throws {
        guard let header else {
            readHeader(row)
            return
        }
        if row.cells.count != header.count {
            report("csv.row.cells", .error, line: row.line,
                   Bilingual(en: "the row has \(row.cells.count) cells, the header \(header.count)",
                             de: "die Zeile hat \(row.cells.count) Zellen, die Kopfzeile \(header.count)"),
                   hint: row.cells.count > header.count
                       ? Bilingual(en: "quote cells that contain the delimiter \(CSVReadState.name(of: delimiter)); the extra cells were not read",
                                   de: "setzen Sie Zellen, die das Trennzeichen \(CSVReadState.name(of: delimiter, german: true)) enthalten, in Anführungszeichen; "
                                       + "die überzähligen Zellen wurden nicht gelesen")
                       : Bilingual(en: "add the missing cells (empty cells are written as nothing between two delimiters)",
                                   de: "ergänzen Sie die fehlenden Zellen (eine leere Zelle ist nichts zwischen zwei Trennzeichen)"))
        }
        var record = RawRecord(location: SourceLocation(file: file, line: row.line))
        for (index, name) in columnsWanted where index < row.cells.count {
            let cell = row.cells[index]
            guard let text = decode(cell, field: name) else { continue }
            if text.isEmpty { continue }
            record.append(RawValue(text, at: SourceLocation(file: file, line: cell.line, column: cell.column, field: name)), to: name)
        }
        records += 1
        try emit(record)
    }

    private mutating func readHeader(_ row: CSVTokenizer.Row) {
        var names: [String] = []
        var seen: [String: Int] = [:]
        for (index, cell) in row.cells.enumerated() {
            let name = (decode(cell, field: nil) ?? "").trimmingWhitespace()
            names.append(name)
            if name.isEmpty {
                report("csv.header.empty", .error, line: row.line, column: cell.column,
                       Bilingual(en: "column \(index + 1) of the header has no name",
                                 de: "Spalte \(index + 1) der Kopfzeile hat keinen Namen"),
                       hint: Bilingual(en: "give every column a name", de: "geben Sie jeder Spalte einen Namen"))
            } else if let earlier = seen[name] {
                report("csv.header.duplicate", .error, line: row.line, column: cell.column, field: name,
                       Bilingual(en: "the column name '\(name)' appears twice (columns \(earlier + 1) and \(index + 1))",
                                 de: "der Spaltenname '\(name)' kommt zweimal vor (Spalten \(earlier + 1) und \(index + 1))"),
                       hint: Bilingual(en: "give every column its own name; kompass does not guess which one is meant",
                                       de: "geben Sie jeder Spalte einen eigenen Namen; kompass rät nicht, welche gemeint ist"))
            } else {
                seen[name] = index
            }
        }
        header = names
        for (name, index) in seen.sorted(by: { $0.value < $1.value }) {
            if request.fields.contains(name) {
                columnsWanted.append((index, name))
            } else {
                report("source.field.unknown", .info, line: row.line, column: row.cells[index].column, field: name,
                       Bilingual(en: "the column '\(name)' is not used by the mapping",
                                 de: "die Spalte '\(name)' wird vom Mapping nicht verwendet"),
                       hint: Bilingual(en: "map it in the source's mapping if it should be read",
                                       de: "nehmen Sie sie ins Mapping der Quelle auf, wenn sie gelesen werden soll"))
            }
        }
        for name in request.fields.sorted() where seen[name] == nil {
            let present = names.filter { !$0.isEmpty }.joined(separator: ", ")
            report("csv.header.missing", .error, line: row.line, field: name,
                   Bilingual(en: "the column '\(name)' that the mapping reads is missing from the header",
                             de: "die Spalte '\(name)', die das Mapping liest, fehlt in der Kopfzeile"),
                   hint: Bilingual(en: "the header has: " + present, de: "die Kopfzeile hat: " + present))
        }
    }

    mutating func finish(problems: [CSVTokenizer.Problem]) -> [Finding] {
        for problem in problems {
            report("csv.syntax", .error, line: problem.line, column: problem.column,
                   Bilingual(en: problem.message, de: problem.messageDE),
                   hint: Bilingual(en: problem.hint, de: problem.hintDE))
        }
        if header == nil {
            report("csv.no-records", .error, line: 0, Bilingual(en: "the file is empty", de: "die Datei ist leer"),
                   hint: Bilingual(en: "an empty source is never read as \"0 projects\": is this the right file?",
                                   de: "eine leere Quelle wird nie als «0 Vorhaben» gelesen: ist das die richtige Datei?"))
        } else if records == 0 {
            report("csv.no-records", .error, line: 1,
                   Bilingual(en: "the file has a header but no rows", de: "die Datei hat eine Kopfzeile, aber keine Zeilen"),
                   hint: Bilingual(en: "an empty source is never read as \"0 projects\": is the export complete?",
                                   de: "eine leere Quelle wird nie als «0 Vorhaben» gelesen: ist der Export vollständig?"))
        }
        if case .decided(let encoding, true, let line) = decoder.state, encoding == .windows1252 {
            report("csv.encoding.detected", .info, line: line,
                   Bilingual(en: "read as Windows-1252 (the first non-ASCII text, on this line, is not UTF-8)",
                             de: "als Windows-1252 gelesen (der erste Text ausserhalb von ASCII, auf dieser Zeile, ist kein UTF-8)"),
                   hint: Bilingual(en: "set \"encoding\": \"windows-1252\" in the source's csv settings to confirm it, or save the file as UTF-8",
                                   de: "setzen Sie \"encoding\": \"windows-1252\" in den CSV-Einstellungen der Quelle, um das zu bestätigen, "
                                       + "oder speichern Sie die Datei als UTF-8"))
        }
        return findings
    }
}
