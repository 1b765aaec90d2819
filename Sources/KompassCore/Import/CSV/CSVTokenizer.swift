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

    /// A structural problem: an unclosed quote, text after a closing quote.
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
        var hint: String
        /// The message and hint in German.
        var messageDE: String
        var hintDE: String
    }

    private enum State {
        case cellStart, unquoted, quoted, quoteInQuoted, afterCR
    }

    let delimiter: UInt8
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
    private(set) var problems: [Problem] = []

    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (Row) throws -> Void) rethrows {
        for byte in chunk {
            try consume(byte, emit)
        }
    }

    private mutating func consume(_ byte: UInt8, _ emit: (Row) throws -> Void) rethrows {
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
                    problems.append(Problem(line: line, column: column,
                                            message: "a quote inside an unquoted cell",
                                            hint: "quote the whole cell and double the quote inside: \"say \"\"hello\"\"\"",
                                            messageDE: "ein Anführungszeichen in einer Zelle ohne Anführungszeichen",
                                            hintDE: "setzen Sie die ganze Zelle in Anführungszeichen und verdoppeln Sie das innere: \"sagt \"\"Hallo\"\"\""))
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
                problems.append(Problem(line: line, column: column,
                                        message: "text after the closing quote of a cell",
                                        hint: "put the delimiter right after the closing quote, or double the quote if it belongs to the text",
                                        messageDE: "Text nach dem schliessenden Anführungszeichen einer Zelle",
                                        hintDE: "setzen Sie das Trennzeichen direkt hinter das schliessende Anführungszeichen, oder verdoppeln Sie dieses, wenn es zum Text gehört"))
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
        reportedAfterQuote = false
    }

    /// Ends the input: emits the last row (a file need not end with a line break) and reports an unclosed quote.
    mutating func finish(_ emit: (Row) throws -> Void) rethrows {
        if state == .quoted {
            problems.append(Problem(line: cellLine, column: cellColumn,
                                    message: "a quoted cell is never closed: the file ends inside it",
                                    hint: "close the quote that opens at this position; the file may also be cut off",
                                    messageDE: "eine Zelle in Anführungszeichen wird nie geschlossen: die Datei endet darin",
                                    hintDE: "schliessen Sie das Anführungszeichen, das an dieser Stelle öffnet; die Datei ist womöglich auch abgeschnitten"))
        }
        if state != .afterCR, !(row.isEmpty && cell.isEmpty && !cellQuoted && state == .cellStart) {
            endCell()
            try emit(Row(line: rowLine, cells: row))
            row.removeAll()
        }
    }
}
