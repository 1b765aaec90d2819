import Foundation
import Testing
@testable import KompassCore

/// Our `CSVTokenizer` against Python's `csv` module on generated, mutated and corpus inputs.
///
/// Python reads each input with `csv.reader(io.StringIO(text, newline=''), delimiter=d)` twice: with
/// `strict=True` (its verdict: an error or not) and with `strict=False` (its cells, also after a problem).
/// The text is the bytes decoded as UTF-8 with `surrogateescape`, and the cells go back to bytes the same
/// way, so the comparison is byte for byte whatever the input.
///
/// What is checked, for every input:
///
/// 1. The cells: our rows (each cell's bytes) equal Python's non-strict rows, once Python's empty rows are
///    left out. Documented difference D1: a blank line (a line end right after a line end, or at the start)
///    is no row for us; Python yields `[]` for it. Nothing else gives `[]` in Python, and we never emit a row
///    without cells, so dropping `[]` drops exactly the blank lines. (A line holding only `""` is a row with
///    one empty cell on both sides.)
/// 2. The verdict: Python's strict reader raises an error exactly when our tokenizer reports a problem, once
///    documented difference D2 is taken out: a quote inside an unquoted cell (`a"b`) is a finding for us
///    (`csv.syntax`, "a quote inside an unquoted cell"), while Python takes the quote as text even in strict
///    mode. The cells agree all the same (the quote is part of the cell on both sides).
/// 3. Where Python's strict reader accepts, its rows equal its non-strict rows (a check of the reference).
///
/// Agreements that need no exception, spelled out because they are easy to get wrong:
/// - After a problem our tokenizer goes on (it reports, it does not stop); Python's strict reader stops with
///   an exception, its non-strict reader goes on as we do: text after a closing quote joins the cell
///   (`"a"x` gives `ax`), and at the end of the input an unclosed quoted cell is emitted with what it holds.
/// - A lone CR ends a row on both sides (Python's `StringIO(newline='')` splits lines at CR, LF and CRLF and
///   keeps them), inside quotes it is text on both sides; a final CR or CRLF adds no row.
/// - Other Unicode line separators (VT, FF, U+0085, U+2028) are text on both sides.
@Suite("Differential: CSVTokenizer vs Python csv")
struct DifferentialCSVTests {
    struct Case {
        var bytes: [UInt8]
        var delimiter: UInt8
        var origin: String
    }

    /// What our tokenizer made of one input.
    struct Ours {
        var rows: [[[UInt8]]]
        var problems: [Finding]
        /// The problems that Python's strict mode also raises for (D2 left out).
        var verdictProblems: [Finding] {
            problems.filter { !$0.message.hasPrefix(CSVTokenizer.quoteInUnquotedCell.message.en) }
        }
    }

    static func tokenize(_ bytes: [UInt8], delimiter: UInt8, chunkSize: Int? = nil) -> Ours {
        var tokenizer = CSVTokenizer(delimiter: delimiter, file: "differential.csv")
        var rows: [[[UInt8]]] = []
        bytes.withUnsafeBytes { raw in
            let size = max(1, chunkSize ?? raw.count)
            var start = 0
            while start < raw.count {
                let end = min(start + size, raw.count)
                tokenizer.feed(UnsafeRawBufferPointer(rebasing: raw[start..<end])) { rows.append($0.cells.map(\.bytes)) }
                start = end
            }
        }
        tokenizer.finish { rows.append($0.cells.map(\.bytes)) }
        return Ours(rows: rows, problems: tokenizer.problems)
    }

    // MARK: - Inputs

    static let delimiters: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]

    /// Text that is never structure (for any of the three delimiters, the others are plain text too).
    static let plain: [String] = ["a", "b", "Z", "7", " ", "ä", "€", "𝄞", "\u{2028}", "\u{85}", "\u{0B}", "\u{0C}", "'", "x y"]

    /// One generated file: rows of cells of every kind, with each kind of line end and of damage.
    static func generate(_ random: inout SeededGenerator) -> Case {
        let delimiter = random.pick(delimiters)
        let d = String(UnicodeScalar(delimiter))
        let others = delimiters.filter { $0 != delimiter }.map { String(UnicodeScalar($0)) }
        func text(_ random: inout SeededGenerator, quoted: Bool) -> String {
            var pieces = plain + others
            if quoted { pieces += [d, "\"\"", "\r", "\n", "\r\n", "\"\"\"\""] }
            return (0..<random.int(0...5)).map { _ in random.pick(pieces) }.joined()
        }
        var out = ""
        let lineEnds = ["\n", "\n", "\r\n", "\r\n", "\r"]
        let lineEnd = random.pick(lineEnds)
        for _ in 0..<random.int(0...5) {
            if random.chance(0.1) { out += random.pick(lineEnds) }  // a blank line
            let cells = (0..<random.int(1...4)).map { _ -> String in
                switch random.int(0...99) {
                case 0..<12: return ""
                case 12..<50: return text(&random, quoted: false)
                case 50..<90: return "\"" + text(&random, quoted: true) + "\""
                case 90..<93: return "\"" + text(&random, quoted: true)  // unclosed (or closed by a later quote)
                case 93..<96: return "\"" + text(&random, quoted: true) + "\"" + random.pick(["x", " ", "\"x", "ä"])  // text after the closing quote
                case 96..<98: return text(&random, quoted: false) + "\"" + text(&random, quoted: false)  // a quote in an unquoted cell
                default: return text(&random, quoted: false) + "\r" + text(&random, quoted: false)  // a lone CR in an unquoted cell
                }
            }
            out += cells.joined(separator: d)
            out += random.chance(0.85) ? (random.chance(0.8) ? lineEnd : random.pick(lineEnds)) : ""
        }
        if random.chance(0.5), out.hasSuffix("\n") { out.removeLast() }  // no line end at the end of the file
        return Case(bytes: Array(out.utf8), delimiter: delimiter, origin: "generated")
    }

    static let mutationAlphabet: [[UInt8]] = ["\"", ";", ",", "\t", "\r", "\n", "\r\n", "x", "\"\"", "ä"].map { Array($0.utf8) }
        + [[0xC3], [0xFF], [0x00]]

    static func inputs() -> [Case] {
        var random = SeededGenerator(seed: 0xC5_0014)
        var cases = (0..<5000).map { _ in generate(&random) }
        for index in 0..<5000 {
            let base = cases[index]
            cases.append(Case(bytes: mutate(base.bytes, alphabet: mutationAlphabet, using: &random), delimiter: base.delimiter,
                              origin: "mutated"))
        }
        // Hand-picked edges, each with every delimiter.
        let edges = ["", "\n", "\r", "\r\n", "\r\n\r\n", "\n\r", "\"\"", "\"", "a;\"", "\"a\"\"", "\"a\"\r", "x;\"a\"\r",
                     "a;\n", ";", ";;\n;", "\"a\rb\";c", "\"a\" ;b", "a\"b;c", "\u{FEFF}a;b\n", "a\r\rb\r", "\"\"\"\"",
                     "a;b\r\n\n\"c\n", "\"x\"\"", "\"\"x", "a\u{0}b;\"\u{0}\"\n"]
        for edge in edges {
            for delimiter in delimiters {
                let text = edge.replacingOccurrences(of: ";", with: String(UnicodeScalar(delimiter)))
                cases.append(Case(bytes: Array(text.utf8), delimiter: delimiter, origin: "edge"))
            }
        }
        // The repository's CSV files and the fuzz corpus (if present), each with every delimiter.
        var files = ["config/sources/register.csv", "config/sources/samples/portfolio.csv",
                     "config/sources/samples/steward-register.csv"].compactMap { path -> (name: String, bytes: [UInt8])? in
            guard let bytes = try? TestFiles.bytes(atPath: TestFiles.path(path)) else { return nil }
            return (path, bytes)
        }
        files += fuzzCorpus("csv")
        for file in files {
            for delimiter in delimiters {
                cases.append(Case(bytes: file.bytes, delimiter: delimiter, origin: file.name))
            }
        }
        return cases
    }

    // MARK: - The comparison

    @Test(.enabled(if: DifferentialReference.python != nil, Comment(rawValue: DifferentialReference.pythonMissing)))
    func sameCellsAndVerdictsAsPythonCSV() throws {
        let cases = Self.inputs()
        let results = try DifferentialReference.python(mode: "csv", inputs: cases.map {
            ["hex": $0.bytes.hex, "delimiter": String(UnicodeScalar($0.delimiter))]
        })
        var disagreements: [String] = []
        var counts = (bothAccept: 0, bothReject: 0, quoteInUnquoted: 0, blankRows: 0, fromCorpus: 0)
        var chunkRandom = SeededGenerator(seed: 7)
        for (input, result) in zip(cases, results) {
            let ours = Self.tokenize(input.bytes, delimiter: input.delimiter)
            let strict = try #require(result["strict"] as? [String: Any])
            let loose = try #require(result["loose"] as? [String: Any])
            let looseRows = try Self.rows(try #require(loose["rows"] as? [[String]], "non-strict csv failed: \(loose)"))
            let pythonAccepts = strict["ok"] as? Bool == true
            let describe = "\(input.origin) input \(shown(input.bytes)) delimiter \(shown([input.delimiter]))"

            // 1. The cells (D1: Python's [] for a blank line).
            let pythonRows = looseRows.filter { !$0.isEmpty }
            counts.blankRows += looseRows.count - pythonRows.count
            if ours.rows != pythonRows {
                disagreements.append("\(describe): cells differ: ours \(ours.rows.map { $0.map(shown) }), Python \(pythonRows.map { $0.map(shown) })")
            }
            // 2. The verdict (D2: a quote inside an unquoted cell).
            if ours.problems.count != ours.verdictProblems.count { counts.quoteInUnquoted += 1 }
            if pythonAccepts != ours.verdictProblems.isEmpty {
                let python = pythonAccepts ? "accepts" : "raises \(strict["error"] ?? "")"
                disagreements.append("\(describe): verdict differs: ours \(ours.verdictProblems.map(\.message)), Python strict \(python)")
            }
            if pythonAccepts && ours.verdictProblems.isEmpty { counts.bothAccept += 1 }
            if !pythonAccepts && !ours.verdictProblems.isEmpty { counts.bothReject += 1 }
            // 3. The reference: strict and non-strict agree where strict accepts.
            if pythonAccepts {
                let strictRows = try Self.rows(try #require(strict["rows"] as? [[String]]))
                #expect(strictRows == looseRows, "\(describe): Python's strict and non-strict rows differ")
            }
            // Our own: the cells do not depend on where the chunks are cut.
            let chunked = Self.tokenize(input.bytes, delimiter: input.delimiter, chunkSize: chunkRandom.int(1...7))
            #expect(chunked.rows == ours.rows && chunked.problems == ours.problems, "\(describe): chunked differs")
            if input.origin != "generated" && input.origin != "mutated" && input.origin != "edge" { counts.fromCorpus += 1 }
        }
        print("differential csv: \(cases.count) inputs (\(counts.fromCorpus) from files); both accept \(counts.bothAccept), both report a problem \(counts.bothReject); D1 blank lines \(counts.blankRows), D2 quote in unquoted cell \(counts.quoteInUnquoted); disagreements \(disagreements.count)")
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, the first: \(disagreements.prefix(10).joined(separator: "\n"))")
        #expect(counts.bothAccept > 1000 && counts.bothReject > 300, "the generator covers both verdicts")
        #expect(counts.quoteInUnquoted > 50 && counts.blankRows > 100, "the generator reaches the documented differences")
    }

    static func rows(_ hexRows: [[String]]) throws -> [[[UInt8]]] {
        try hexRows.map { row in try row.map { try #require([UInt8](hex: $0)) } }
    }
}
