import Testing
@testable import KompassCore

/// A row as plain values: its line, and each cell as text with its position and quoting.
private struct SimpleRow: Equatable, CustomStringConvertible {
    var line: Int
    var cells: [String]
    var description: String { "\(line): \(cells)" }
}

private struct Tokenized {
    var rows: [CSVTokenizer.Row]
    var problems: [Finding]
    var simple: [SimpleRow] {
        rows.map { SimpleRow(line: $0.line, cells: $0.cells.map { String(decoding: $0.bytes, as: UTF8.self) }) }
    }
    var values: [[String]] { simple.map(\.cells) }
}

/// Feeds `input` in chunks of `chunkSize` bytes (all at once when nil).
private func tokenize(_ input: String, delimiter: Character = ";", chunkSize: Int? = nil) -> Tokenized {
    tokenize(bytes: Array(input.utf8), delimiter: delimiter, chunkSize: chunkSize)
}

private func tokenize(bytes: [UInt8], delimiter: Character = ";", chunkSize: Int? = nil) -> Tokenized {
    var tokenizer = CSVTokenizer(delimiter: delimiter.asciiValue!, file: "test.csv")
    var rows: [CSVTokenizer.Row] = []
    bytes.withUnsafeBytes { raw in
        let size = max(1, chunkSize ?? raw.count)
        var start = 0
        while start < raw.count {
            let end = min(start + size, raw.count)
            tokenizer.feed(UnsafeRawBufferPointer(rebasing: raw[start..<end])) { rows.append($0) }
            start = end
        }
    }
    tokenizer.finish { rows.append($0) }
    return Tokenized(rows: rows, problems: tokenizer.problems)
}

@Suite("CSVTokenizer")
struct CSVTokenizerTests {
    @Test func simpleRowsWithLF() {
        let result = tokenize("a;b;c\n1;2;3\n")
        #expect(result.simple == [SimpleRow(line: 1, cells: ["a", "b", "c"]), SimpleRow(line: 2, cells: ["1", "2", "3"])])
        #expect(result.problems.isEmpty)
    }

    @Test func quotedCellWithDoubledQuotes() {
        let result = tokenize("id;title\n1;\"Er sagte \"\"Grüezi\"\"\"\n")
        #expect(result.values == [["id", "title"], ["1", "Er sagte \"Grüezi\""]])
        #expect(result.rows[1].cells[1].wasQuoted)
        #expect(!result.rows[1].cells[0].wasQuoted)
        #expect(result.problems.isEmpty)
    }

    @Test func delimiterInsideQuotes() {
        let result = tokenize("\"a;b\";c\n")
        #expect(result.values == [["a;b", "c"]])
        #expect(result.problems.isEmpty)
    }

    @Test func lineBreaksInsideQuotes() {
        let result = tokenize("1;\"first\nsecond\r\nthird\";x\n")
        #expect(result.values == [["1", "first\nsecond\r\nthird", "x"]])
        #expect(result.problems.isEmpty)
    }

    @Test func emptyQuotedCellAndEmptyCells() {
        let result = tokenize("\"\";;x;\n")
        #expect(result.values == [["", "", "x", ""]])
        #expect(result.rows[0].cells[0].wasQuoted)
    }

    @Test func lfAndCRLFGiveTheSameCells() {
        let lf = tokenize("a;b\n\"x\ny\";z\nlast;row\n")
        let crlf = tokenize("a;b\r\n\"x\ny\";z\r\nlast;row\r\n")
        #expect(lf.values == [["a", "b"], ["x\ny", "z"], ["last", "row"]])
        #expect(crlf.values == lf.values)
    }

    @Test func crlfLineNumbers() {
        // Each CRLF is one line end: the rows start on lines 1, 2, 3 and 4.
        let result = tokenize("a;b\r\nc;d\r\ne;f\r\ng;h\r\n")
        #expect(result.values == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(result.rows.map(\.line) == [1, 2, 3, 4])
        #expect(result.rows.map { $0.cells[1].line } == [1, 2, 3, 4])
        #expect(result.rows.map { $0.cells[1].column } == [3, 3, 3, 3])
    }

    @Test func crlfProblemLine() {
        // The stray quote is on line 3.
        let result = tokenize("a;b\r\nc;d\r\ne;f\"g\r\n")
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.location?.line == 3)
        #expect(result.problems.first?.location?.column == 4)
    }

    @Test func lastLineWithoutLineBreak() {
        #expect(tokenize("a;b\nc;d").values == [["a", "b"], ["c", "d"]])
        #expect(tokenize("a;b\nc;").values == [["a", "b"], ["c", ""]])
        #expect(tokenize("a;b\n\"c\"").values == [["a", "b"], ["c"]])
        #expect(tokenize("a;b\r\nc;d").values == [["a", "b"], ["c", "d"]])
    }

    @Test func blankLinesAreSkipped() {
        let result = tokenize("\na;b\n\n\r\nc;d\n\n")
        #expect(result.values == [["a", "b"], ["c", "d"]])
        #expect(result.rows.map(\.line) == [2, 5])
        #expect(tokenize("").rows.isEmpty)
        #expect(tokenize("\n\n").rows.isEmpty)
    }

    @Test func unclosedQuoteIsReportedWithItsLine() throws {
        let result = tokenize("a;b\nc;\"never closed\nmore text\n")
        #expect(result.problems.count == 1)
        let problem = try #require(result.problems.first)
        #expect(problem.location == SourceLocation(file: "test.csv", line: 2, column: 3))
        #expect(problem.ruleID == .csvSyntax && problem.severity == .error)
        #expect(problem.message == CSVTokenizer.unclosedQuote.message.en)
        // The row is still delivered: nothing is dropped silently.
        #expect(result.values.last == ["c", "never closed\nmore text\n"])
    }

    @Test func textAfterAClosingQuoteIsReported() {
        let result = tokenize("a;b\n\"quoted\"tail;x\n")
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.location?.line == 2)
        #expect(result.problems.first?.location?.column == 9)
        #expect(result.problems.first?.message == CSVTokenizer.textAfterClosingQuote.message.en)
        #expect(result.values == [["a", "b"], ["quotedtail", "x"]])
    }

    @Test func quoteInsideAnUnquotedCellIsReported() {
        let result = tokenize("ab\"c;d\n")
        #expect(result.problems.map { $0.location?.line } == [1])
        #expect(result.problems.map { $0.location?.column } == [3])
        #expect(result.values == [["ab\"c", "d"]])
    }

    @Test func lineNumbersOfRowsAfterAMultiLineCell() {
        let input = "h1;h2\n1;\"line one\nline two\nline three\"\n2;after\n3;\"x\r\ny\"\n4;end\n"
        let result = tokenize(input)
        #expect(result.simple == [
            SimpleRow(line: 1, cells: ["h1", "h2"]),
            SimpleRow(line: 2, cells: ["1", "line one\nline two\nline three"]),
            SimpleRow(line: 5, cells: ["2", "after"]),
            SimpleRow(line: 6, cells: ["3", "x\r\ny"]),
            SimpleRow(line: 8, cells: ["4", "end"]),
        ])
        #expect(result.rows[2].cells[1].line == 5)
        #expect(result.rows[2].cells[1].column == 3)
    }

    @Test func cellPositions() {
        let result = tokenize("ab;\"cd\";;e\n")
        let cells = result.rows[0].cells
        #expect(cells.map(\.column) == [1, 4, 9, 10])
        #expect(cells.allSatisfy { $0.line == 1 })
    }

    @Test func otherDelimiters() {
        #expect(tokenize("a,b;c\n", delimiter: ",").values == [["a", "b;c"]])
        #expect(tokenize("a\tb\n", delimiter: "\t").values == [["a", "b"]])
    }

    @Test func bytesArePassedThroughUndecoded() {
        // Windows-1252 ä (0xE4) stays a byte: decoding is the caller's choice.
        let result = tokenize(bytes: [0x61, 0xE4, 0x3B, 0x62, 0x0A])
        #expect(result.rows.first?.cells.map(\.bytes) == [[0x61, 0xE4], [0x62]])
    }

    static let tricky = [
        "a;b\n1;2\n",
        "h;\"q\"\"uote\"\r\n\"multi\nline\";x\r\n\r\nlast",
        "\"unclosed;x\ny\n",
        "\"a\"b;c\nd\"e;f\n\n\n",
        "x\r\r\ny\r",
        ";;\n;\n\"\"\n",
        "Grüezi;\"Bâle;Ville\"\r\nZürich;\"\"\"\"\n",
    ]

    @Test(arguments: tricky)
    func feedingByteByByteGivesTheSameRowsAsOneChunk(input: String) {
        let whole = tokenize(input)
        for size in [1, 2, 3, 5] {
            let pieces = tokenize(input, chunkSize: size)
            #expect(pieces.simple == whole.simple, "chunks of \(size)")
            #expect(pieces.problems == whole.problems, "chunks of \(size)")
            #expect(pieces.rows.map { $0.cells.map(\.column) } == whole.rows.map { $0.cells.map(\.column) })
        }
    }

    @Test func roundTripOfEscapedCells() {
        let values = ["plain", "with;delimiter", "with \"quotes\"", "line\nbreak", " leading", "trailing ", "", "crlf\r\ninside", "ä ö ü ß «»"]
        let line = values.map { Escaping.csv($0) }.joined(separator: ";") + "\n"
        let result = tokenize(line + line)
        #expect(result.values == [values, values])
        #expect(result.problems.isEmpty)
    }
}
