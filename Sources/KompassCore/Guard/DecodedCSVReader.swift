/// Reads a CSV file as decoded rows with every cell kept, through the importer's own machinery: the
/// `CSVReadState` that strips a byte-order mark and detects the delimiter from the header, the byte-level
/// `CSVTokenizer`, and the `TextDecoder` that tells UTF-8 from Windows-1252. It streams in chunks and keeps
/// only the row being read.
///
/// Unlike the importer it decodes every column (the spreadsheet-damage check compares them all) and it
/// reports what the file turned out to be (`Format`) instead of findings about it: the importer reports
/// those itself when it reads the source.
///
/// A file is read as it is, not as the configuration says, because a changed delimiter or encoding is what
/// the damage check looks for: the delimiter is the configured one when the header contains it, otherwise the
/// importer's detection decides; the encoding is always detected (a UTF-8 byte-order mark means UTF-8).
struct DecodedCSVReader {
    /// One cell: its text, or nil when its bytes fit neither encoding (the importer reports those), and where
    /// it starts (the column counts characters, as the importer's positions do).
    struct Cell: Equatable {
        var text: String?
        var line: Int
        var column: Int
    }

    /// One row as read, the header included.
    struct Row: Equatable {
        var line: Int
        var cells: [Cell]
    }

    /// What a file turned out to be once read.
    struct Format: Equatable {
        /// The delimiter, when the header line contains it; nil for a file of one column (or none).
        var delimiter: UInt8?
        /// The encoding, once non-ASCII text (or a byte-order mark) decided it; nil for plain ASCII.
        var encoding: TextEncoding?
    }

    /// Streams the rows of the file at `path` to `body` in file order and returns its format.
    static func read(path: String, configuredDelimiter: UInt8?, _ body: (Row) throws -> Void) throws -> Format {
        let reader = try ByteFileReader(path: path)
        var decoder = TextDecoder(encoding: nil)
        var tokenizer: CSVTokenizer?
        var delimiterInHeader = false
        var pendingStart: [UInt8] = []

        func deliver(_ row: CSVTokenizer.Row) throws {
            var cells: [Cell] = []
            cells.reserveCapacity(row.cells.count)
            for cell in row.cells {
                cells.append(Cell(text: decoder.decode(cell.bytes[...], line: cell.line), line: cell.line, column: cell.column))
            }
            try body(Row(line: row.line, cells: cells))
        }

        func start() throws {
            let started = startTokenizer(with: &pendingStart, configuredDelimiter: configuredDelimiter, path: path)
            if started.sawByteOrderMark { decoder = TextDecoder(encoding: .utf8) }
            delimiterInHeader = started.delimiterInHeader
            tokenizer = started.tokenizer
            try pendingStart.withUnsafeBytes { raw in try tokenizer!.feed(raw, deliver) }
            pendingStart = []
        }

        try reader.forEachChunk { chunk in
            if tokenizer == nil {
                // As the importer does: collect bytes until the header line is complete, then settle the delimiter.
                pendingStart.append(contentsOf: chunk)
                guard pendingStart.contains(0x0A) || pendingStart.count > 1 << 20 else { return }
                try start()
                return
            }
            try tokenizer!.feed(chunk, deliver)
        }
        if tokenizer == nil { try start() }
        try tokenizer!.finish(deliver)
        return Format(delimiter: delimiterInHeader ? tokenizer!.delimiter : nil, encoding: decoder.encoding)
    }

    /// Strips a byte-order mark from `start` and chooses the delimiter, with the importer's own code: a
    /// `CSVReadState` that is told nothing detects the delimiter from the header line exactly as an import does.
    static func startTokenizer(with start: inout [UInt8], configuredDelimiter: UInt8?, path: String)
        -> (tokenizer: CSVTokenizer, sawByteOrderMark: Bool, delimiterInHeader: Bool) {
        var detection = CSVReadState(request: ImportRequest(path: path, fields: []))
        let lengthBefore = start.count
        let detected = detection.startTokenizer(with: &start)
        let sawByteOrderMark = start.count < lengthBefore
        let headerLine = start.prefix { $0 != 0x0A }
        if let configuredDelimiter, headerLine.contains(configuredDelimiter) {
            return (CSVTokenizer(delimiter: configuredDelimiter, file: path), sawByteOrderMark, true)
        }
        return (detected, sawByteOrderMark, headerLine.contains(detected.delimiter))
    }
}
