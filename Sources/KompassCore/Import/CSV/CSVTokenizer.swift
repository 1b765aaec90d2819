/// A byte-level RFC 4180 state machine over chunks: quoted cells with `""` escapes and line breaks,
/// LF or CRLF, any one-byte delimiter. It keeps only the row being read, so memory stays flat.
///
/// It yields raw bytes per cell; decoding (UTF-8, Windows-1252) is the caller's choice.
struct CSVTokenizer {
    /// One row as read: where it starts and each cell with its position.
    struct Row {
        var line: Int
        var cells: [Cell]
    }

    struct Cell {
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var wasQuoted: Bool
    }

    private enum State {
        case cellStart, unquoted, quoted, quoteInQuoted, afterCR
    }

    let delimiter: UInt8
    /// The file read and the rule its structural problems are reported under (`csv.syntax` for a source,
    /// `register.syntax` for the register, the self-check's rule for an output read back).
    let file: String
    let rule: RuleID
    private var state = State.cellStart
    private var line = 1
    private var column = 0
    private var cell: [UInt8] = []
    private var cellLine = 1
    private var cellColumn = 1
    private var cellQuoted = false
    private var row: [Cell] = []
    private var rowLine = 1
    private var reportedAfterQuote = false
    private var rowBytes = 0
    /// The line of a row longer than `InputLimits.lineBytes` (over all its cells and lines): its bytes beyond
    /// are dropped, and an importer stops reading.
    private(set) var rowBeyondLimit: Int?
    /// The structural problems (an unclosed quote, text after a closing quote), as findings at their place.
    private(set) var problems: [Finding] = []

    init(delimiter: UInt8, file: String, rule: RuleID = .csvSyntax) {
        self.delimiter = delimiter
        self.file = file
        self.rule = rule
    }

    private mutating func report(_ problem: (message: Bilingual, hint: Bilingual), line: Int, column: Int) {
        problems.append(Finding(ruleID: rule, severity: .error, location: SourceLocation(file: file, line: line, column: column),
                                message: problem.message, hint: problem.hint))
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (Row) throws -> Void) rethrows {
        for byte in chunk {
            try consume(byte, emit)
        }
    }

    private mutating func consume(_ byte: UInt8, _ emit: (Row) throws -> Void) rethrows {
        rowBytes += 1
        if rowBytes > InputLimits.lineBytes {
            if rowBeyondLimit == nil {
                rowBeyondLimit = rowLine
                cell = []
                row = []
            }
            return
        }
        if state == .afterCR {
            state = .cellStart
            // The LF of a CRLF: the line was counted at the CR.
            if byte == 0x0A { return }
        }
        // Columns count characters, as editors do: a UTF-8 continuation byte is part of the character before.
        if byte & 0xC0 != 0x80 { column += 1 }
        switch state {
        case .cellStart:
            cellLine = line
            cellColumn = column
            if byte == 0x22 {
                cellQuoted = true
                state = .quoted
            } else if byte == delimiter {
                endCell()
            } else if byte == 0x0D || byte == 0x0A {
                try endRow(emit, byte: byte)
            } else {
                cell.append(byte)
                state = .unquoted
            }
        case .unquoted:
            if byte == delimiter {
                endCell()
                state = .cellStart
            } else if byte == 0x0D || byte == 0x0A {
                try endRow(emit, byte: byte)
            } else {
                if byte == 0x22 && !reportedAfterQuote {
                    reportedAfterQuote = true
                    report(CSVTokenizer.quoteInUnquotedCell, line: line, column: column)
                }
                cell.append(byte)
            }
        case .quoted:
            if byte == 0x22 {
                state = .quoteInQuoted
            } else {
                cell.append(byte)
                if byte == 0x0A { advanceLine() }
            }
        case .quoteInQuoted:
            if byte == 0x22 {
                cell.append(0x22)
                state = .quoted
            } else if byte == delimiter {
                endCell()
                state = .cellStart
            } else if byte == 0x0D || byte == 0x0A {
                try endRow(emit, byte: byte)
            } else {
                report(CSVTokenizer.textAfterClosingQuote, line: line, column: column)
                cell.append(byte)
                state = .unquoted
            }
        case .afterCR:
            break
        }
    }

    private mutating func advanceLine() {
        line += 1
        column = 0
    }

    private mutating func endCell() {
        row.append(Cell(bytes: cell, line: cellLine, column: cellColumn, wasQuoted: cellQuoted))
        cell.removeAll(keepingCapacity: true)
        cellQuoted = false
        cellLine = line
        cellColumn = column + 1
    }

    private mutating func endRow(_ emit: (Row) throws -> Void, byte: UInt8) rethrows {
        let isBlank = row.isEmpty && cell.isEmpty && !cellQuoted
        if !isBlank {
            endCell()
            try emit(Row(line: rowLine, cells: row))
        }
        row.removeAll(keepingCapacity: true)
        cell.removeAll(keepingCapacity: true)
        cellQuoted = false
        advanceLine()
        // After CR, a following LF belongs to the same line end; `consume` swallows it.
        state = byte == 0x0D ? .afterCR : .cellStart
        rowLine = line
        rowBytes = 0
        reportedAfterQuote = false
    }

    /// Ends the input: emits the last row (a file need not end with a line break) and reports an unclosed quote.
    mutating func finish(_ emit: (Row) throws -> Void) rethrows {
        if state == .quoted {
            report(CSVTokenizer.unclosedQuote, line: cellLine, column: cellColumn)
        }
        if state != .afterCR, !(row.isEmpty && cell.isEmpty && !cellQuoted && state == .cellStart) {
            endCell()
            try emit(Row(line: rowLine, cells: row))
            row.removeAll()
        }
    }
}

// MARK: - Messages

extension CSVTokenizer {
    static let quoteInUnquotedCell = (
        message: Bilingual(en: "a quote inside an unquoted cell", de: "ein Anführungszeichen in einer Zelle ohne Anführungszeichen"),
        hint: Bilingual(en: "quote the whole cell and double the quote inside: \"say \"\"hello\"\"\"",
                        de: "setzen Sie die ganze Zelle in Anführungszeichen und verdoppeln Sie das innere: \"sagt \"\"Hallo\"\"\""))
    static let textAfterClosingQuote = (
        message: Bilingual(en: "text after the closing quote of a cell", de: "Text nach dem schliessenden Anführungszeichen einer Zelle"),
        hint: Bilingual(en: "put the delimiter right after the closing quote, or double the quote if it belongs to the text",
                        de: "setzen Sie das Trennzeichen direkt hinter das schliessende Anführungszeichen, oder verdoppeln Sie dieses, wenn es zum Text gehört"))
    static let unclosedQuote = (
        message: Bilingual(en: "a quoted cell is never closed: the file ends inside it",
                           de: "eine Zelle in Anführungszeichen wird nie geschlossen: die Datei endet darin"),
        hint: Bilingual(en: "close the quote that opens at this position; the file may also be cut off",
                        de: "schliessen Sie das Anführungszeichen, das an dieser Stelle öffnet; die Datei ist womöglich auch abgeschnitten"))
}
