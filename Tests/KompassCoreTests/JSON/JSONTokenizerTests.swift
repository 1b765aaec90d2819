import Testing
@testable import KompassCore

/// A token as plain values: kind, text (keys, strings, numbers), line and column.
private struct Tok: Equatable, CustomStringConvertible {
    var kind: JSONTokenizer.Token.Kind
    var text: String
    var line: Int
    var column: Int

    init(_ kind: JSONTokenizer.Token.Kind, _ text: String, _ line: Int, _ column: Int) {
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
    }

    init(_ kind: JSONTokenizer.Token.Kind, _ line: Int, _ column: Int) {
        self.init(kind, "", line, column)
    }

    var description: String { "\(kind) '\(text)' \(line):\(column)" }
}

/// Tokens and errors in the order they came.
private enum Item: Equatable, CustomStringConvertible {
    case token(Tok)
    case error(JSONSyntaxError)

    var description: String {
        switch self {
        case .token(let token): "\(token)"
        case .error(let error): "error \(error.line):\(error.column) \(error.message)"
        }
    }
}

private struct Run {
    var items: [Item]
    var tokens: [Tok] { items.compactMap { if case .token(let token) = $0 { token } else { nil } } }
    var errors: [JSONSyntaxError] { items.compactMap { if case .error(let error) = $0 { error } else { nil } } }
}

/// Feeds `bytes` split at `splits` (byte positions), draining after each chunk, then finishes.
private func tokenize(bytes: [UInt8], mode: JSONTokenizer.Mode = .document, splits: [Int] = [],
                      decodesText: Bool = true, decodesValues: Bool = true) -> Run {
    var tokenizer = JSONTokenizer(mode: mode)
    tokenizer.decodesText = decodesText
    tokenizer.decodesValues = decodesValues
    var items: [Item] = []
    func drain(_ tokenizer: inout JSONTokenizer, finished: Bool) {
        while true {
            do {
                switch try tokenizer.next() {
                case .token(let token):
                    let text = [.key, .string, .number].contains(token.kind) ? tokenizer.text : ""
                    items.append(.token(Tok(token.kind, text, token.line, token.column)))
                case .needsInput:
                    // After the last chunk nothing more can come: the tokenizer must decide.
                    #expect(!finished, "needsInput after finish")
                    return
                case .end:
                    return
                }
            } catch {
                items.append(.error(error))
            }
        }
    }
    var start = 0
    for split in splits.sorted() + [bytes.count] where split >= start {
        tokenizer.feed(Array(bytes[start..<split]))
        drain(&tokenizer, finished: false)
        start = split
    }
    tokenizer.finish()
    drain(&tokenizer, finished: true)
    return Run(items: items)
}

private func tokenize(_ text: String, mode: JSONTokenizer.Mode = .document, splits: [Int] = []) -> Run {
    tokenize(bytes: Array(text.utf8), mode: mode, splits: splits)
}

/// The decoded text of a document that is a single string.
private func decodedString(_ json: String) throws -> String {
    let run = tokenize(json)
    #expect(run.errors.isEmpty, "\(run.errors)")
    let token = try #require(run.tokens.first)
    #expect(token.kind == .string)
    return token.text
}

private func firstError(_ json: String, mode: JSONTokenizer.Mode = .document) throws -> JSONSyntaxError {
    try #require(tokenize(json, mode: mode).errors.first, "no error for \(json)")
}

@Suite("JSON tokenizer")
struct JSONTokenizerTests {
    @Test func tokensOfASmallDocumentWithPositions() {
        let json = """
        [
          {"id": "a1", "n": -12.5e3, "ok": true, "no": false, "x": null},
          []
        ]
        """
        let run = tokenize(json)
        #expect(run.errors.isEmpty)
        #expect(run.tokens == [
            Tok(.beginArray, 1, 1),
            Tok(.beginObject, 2, 3),
            Tok(.key, "id", 2, 4), Tok(.string, "a1", 2, 10),
            Tok(.key, "n", 2, 16), Tok(.number, "-12.5e3", 2, 21),
            Tok(.key, "ok", 2, 30), Tok(.true, 2, 36),
            Tok(.key, "no", 2, 42), Tok(.false, 2, 48),
            Tok(.key, "x", 2, 55), Tok(.null, 2, 60),
            Tok(.endObject, 2, 64),
            Tok(.beginArray, 3, 3), Tok(.endArray, 3, 4),
            Tok(.endArray, 4, 1),
        ])
    }

    @Test func scalarsAtTheTopLevel() {
        #expect(tokenize("  42 ").tokens == [Tok(.number, "42", 1, 3)])
        #expect(tokenize("\"x\"").tokens == [Tok(.string, "x", 1, 1)])
        #expect(tokenize("null").tokens == [Tok(.null, 1, 1)])
        #expect(tokenize("true\n").tokens == [Tok(.true, 1, 1)])
        #expect(tokenize("0").tokens == [Tok(.number, "0", 1, 1)])
    }

    // MARK: Strings

    @Test func everyEscapeIsDecoded() throws {
        #expect(try decodedString(#""\" \\ \/ \b \f \n \r \t""#) == "\" \\ / \u{08} \u{0C} \n \r \t")
        #expect(try decodedString(#""\u00e4\u00C4\u0041\u0000\u20AC""#) == "äÄA\u{0}€")
        #expect(try decodedString(#""a\uD83D\uDE00b""#) == "a😀b")
        #expect(try decodedString(#""\uDBFF\uDFFF""#) == "\u{10FFFF}")
        #expect(try decodedString(#""""#) == "")
        #expect(try decodedString("\"Grüße 😀 ü\"") == "Grüße 😀 ü")
    }

    @Test(arguments: [
        #"["\uD800"]"#, #"["\uDBFF x"]"#, #"["\uD83D\u0041"]"#, #"["\uD83D\n"]"#, #"["\uDC00"]"#,
        #"["\uDE00\uD83D"]"#, #""\uD800"#,
    ])
    func loneSurrogatesAreErrors(_ json: String) throws {
        let error = try firstError(json)
        #expect(error.kind == .syntax)
        #expect(error.message.contains("surrogate"), "\(error.message)")
    }

    @Test func badEscapesSayWhatIsAllowed() throws {
        let error = try firstError(#"{"a": "x\q"}"#)
        #expect((error.line, error.column) == (1, 9))
        #expect(error.message.contains("'q'"))
        #expect(error.hint?.contains("\\uXXXX") == true)

        let hex = try firstError(#"["\u12G4"]"#)
        #expect(hex.message.contains("four hex digits"))
        #expect((hex.line, hex.column) == (1, 3))
    }

    @Test func controlCharactersInStringsAreErrors() throws {
        let error = try firstError("[\"a\tb\"]")
        #expect((error.line, error.column) == (1, 4))
        #expect(error.message.contains("U+0009"))

        let lineBreak = try firstError("{\"title\": \"Digital\nBasel\"}")
        #expect((lineBreak.line, lineBreak.column) == (1, 19))
        #expect(lineBreak.message.contains("line break"))
    }

    @Test func unterminatedStringNamesWhereItStarts() throws {
        let error = try firstError("[\n  \"open")
        #expect(error.message.contains("string that starts at line 2, column 3"), "\(error.message)")
        #expect(error.message.contains("closing '\"'"))
    }

    @Test func columnsCountCharactersNotBytes() {
        let run = tokenize("{\"Straße\": \"Zürich 😀\", \"k\": 1}\n  [\"ä\", 2]")
        // {"Straße": "Zürich 😀", "k": 1}: 23 characters (37 bytes) before "k".
        #expect(run.tokens.first { $0.text == "k" }?.column == 24)
        #expect(run.tokens.first { $0.text == "1" }?.column == 29)
        #expect(run.errors.first?.line == 2)
        #expect(run.errors.first?.column == 3)  // the second top-level value
    }

    // MARK: Invalid UTF-8

    @Test func invalidUTF8InAStringIsAnEncodingError() throws {
        var bytes = Array("[\n  \"Gr".utf8)
        bytes.append(0xFC)  // ü in Latin-1
        bytes += Array("n\"\n]".utf8)
        let error = try #require(tokenize(bytes: bytes).errors.first)
        #expect(error.kind == .encoding)
        #expect((error.line, error.column) == (2, 6))
        #expect(error.message.contains("0xFC"))
    }

    @Test(arguments: [
        [0xC3] as [UInt8], [0xC3, 0x28], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0xFF],
    ])
    func malformedSequencesAreRejected(_ sequence: [UInt8]) throws {
        let bytes = Array("[\"a".utf8) + sequence + Array("\"]".utf8)
        let error = try #require(tokenize(bytes: bytes).errors.first)
        #expect(error.kind == .encoding)
        #expect(error.column == 4)
    }

    @Test func invalidUTF8OutsideAStringIsAnEncodingError() throws {
        let error = try #require(tokenize(bytes: [0x5B, 0xE4, 0x5D]).errors.first)
        #expect(error.kind == .encoding)
        #expect(error.column == 2)
    }

    // MARK: Numbers

    @Test(arguments: ["0", "-0", "7", "-12", "3.25", "-0.5", "1e10", "1E+2", "2.5e-3", "0e0", "10.0E-00",
                      "123456789012345678901234567890"])
    func validNumbersKeepTheirLiteral(_ literal: String) {
        let run = tokenize("[\(literal)]")
        #expect(run.errors.isEmpty, "\(run.errors)")
        #expect(run.tokens[1] == Tok(.number, literal, 1, 2))
        #expect(tokenize(literal).tokens == [Tok(.number, literal, 1, 1)])
    }

    @Test(arguments: [
        ("[01]", "0 followed by more digits"), ("[-01]", "0 followed by more digits"),
        ("[1.]", "after the decimal point"), ("1.", "after the decimal point"), ("[1.e5]", "after the decimal point"),
        ("[-]", "after '-'"), ("-", "after '-'"), ("[-a]", "after '-'"),
        ("[1e]", "in the exponent"), ("1e", "in the exponent"), ("[1e+]", "in the exponent"), ("[2E-x]", "in the exponent"),
        ("[.5]", "expected a value"), ("[+1]", "expected a value"), ("[1x]", "expected ',' or ']'"),
        ("[0x10]", "expected ',' or ']'"), ("[NaN]", "expected a value"), ("[-Infinity]", "after '-'"),
    ])
    func invalidNumbersAreErrors(_ json: String, _ expected: String) throws {
        let error = try firstError(json)
        #expect(error.kind == .syntax)
        #expect(error.message.contains(expected), "\(json): \(error.message)")
    }

    @Test func numberErrorsQuoteTheNumberAndPointAtTheProblem() throws {
        let leadingZero = try firstError("[01]")
        #expect(leadingZero.message.contains("'01'"))
        let dot = try firstError("{\"p\": 1.}")
        #expect(dot.message.contains("'1.'"))
        #expect(dot.message.contains("found '}'"))
        #expect((dot.line, dot.column) == (1, 9))
        let infinity = try firstError("[-Infinity]")
        #expect(infinity.hint?.contains("Infinity") == true)
    }

    // MARK: Literals and structure

    @Test func literalsMustBeWholeWords() throws {
        #expect(try firstError("[tru]").message.contains("found 'tru'"))
        #expect(try firstError("[trueish]").message.contains("found 'trueish'"))
        #expect(try firstError("[nul").message.contains("found 'nul'"))
        #expect(try firstError("[True]").hint?.contains("lower case") == true)
        #expect(try firstError("[None]").hint?.contains("lower case") == true)
    }

    @Test func structuralErrorsSayWhatWasExpected() throws {
        let colon = try firstError(#"{"a" 1}"#)
        #expect(colon.message == "expected ':' after the key, found '1'")
        #expect((colon.line, colon.column) == (1, 6))

        let comma = try firstError("{\"a\": 1\n \"b\": 2}")
        #expect(comma.message == "expected ',' or '}' after the member, found '\"'")
        #expect(comma.hint == "a ',' is missing between two members")
        #expect((comma.line, comma.column) == (2, 2))

        let trailing = try firstError("[1, 2,]")
        #expect(trailing.message == "expected a value after ',', found ']'")
        #expect(trailing.hint?.contains("no comma after the last element") == true)

        let trailingKey = try firstError(#"{"a": 1,}"#)
        #expect(trailingKey.message.contains("expected a key in double quotes after ','"))

        let unquoted = try firstError("{title: 1}")
        #expect(unquoted.message == "expected a key in double quotes or '}', found 'title'")
        #expect(unquoted.hint == "write the key in double quotes: \"title\"")

        let single = try firstError("['a']")
        #expect(single.hint?.contains("double quotes") == true)

        let mismatched = try firstError("[1}")
        #expect(mismatched.message == "expected ',' or ']' after the element, found '}'")
        #expect(mismatched.hint?.contains("opened at line 1, column 1") == true)

        let comment = try firstError("[1, // two\n 2]")
        #expect(comment.hint == "JSON has no comments")
    }

    @Test func aDocumentEndingInsideAValueNamesWhereItOpened() throws {
        let error = try firstError("[\n  {\"a\": [1,\n  2")
        #expect(error.message == "the file ends inside the array opened at line 2, column 9; expected ',' or ']' after the element")
        #expect((error.line, error.column) == (3, 4))
        #expect(try firstError("{\"a\":").message.contains("expected a value after ':'"))
    }

    @Test func onlyOneTopLevelValue() throws {
        let error = try firstError("{\"a\": 1}\n{\"a\": 2}")
        #expect(error.message == "expected the end of the file after the top-level value, found '{'")
        #expect(error.hint?.contains("JSON Lines") == true)
        #expect((error.line, error.column) == (2, 1))
    }

    @Test func aDocumentStopsAtTheFirstError() {
        let run = tokenize("[1, x, 2, y]")
        #expect(run.tokens == [Tok(.beginArray, 1, 1), Tok(.number, "1", 1, 2)])
        #expect(run.errors.count == 1)
    }

    @Test func emptyInputHasNoValue() throws {
        for input in ["", "   \n\t\r\n"] {
            let error = try firstError(input)
            #expect(error.kind == .noValue)
        }
        #expect(try firstError("").message == "the file is empty")
    }

    @Test func aByteOrderMarkIsSkipped() {
        let run = tokenize(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8), splits: [1, 2])
        #expect(run.errors.isEmpty)
        #expect(run.tokens == [Tok(.beginArray, 1, 1), Tok(.number, "1", 1, 2), Tok(.endArray, 1, 3)])
    }

    @Test func nestingUpToTheLimitIsAccepted() {
        let deep = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let run = tokenize(deep)
        #expect(run.errors.isEmpty)
        #expect(run.tokens.count == 128)
    }

    @Test func nestingBeyondTheLimitIsAnError() throws {
        let tooDeep = String(repeating: "{\"a\":", count: 64) + "[1]" + String(repeating: "}", count: 64)
        let error = try firstError(tooDeep)
        #expect(error.message == "the values are nested deeper than 64 levels")
        #expect(error.column == 64 * 5 + 1)
        // Very deep input does not exhaust anything: the error comes at level 65.
        let run = tokenize(String(repeating: "[", count: 100_000))
        #expect(run.errors.count == 1)
        #expect(run.tokens.count == 64)
    }

    @Test func decodingCanBeSwitchedOffButInputIsStillChecked() {
        let run = tokenize(bytes: Array(#"{"name": "Zürich\n", "n": 12}"#.utf8), decodesText: false)
        #expect(run.errors.isEmpty)
        #expect(run.tokens.map(\.text) == ["", "", "", "", "12", ""])
        let bad = tokenize(bytes: Array(#"["\uD800"]"#.utf8), decodesText: false)
        #expect(bad.errors.count == 1)
    }

    /// Keys alone can be decoded (the JSON-LD key check after the context), at any chunk boundary; values are
    /// still checked.
    @Test(arguments: [[], [3], [9], [12, 13], Array(1..<30)])
    func keysCanBeDecodedWithoutTheValues(splits: [Int]) {
        let run = tokenize(bytes: Array(#"{"name": "Zürich\n", "n": 12, "ü": ["x"]}"#.utf8), splits: splits, decodesValues: false)
        #expect(run.errors.isEmpty)
        #expect(run.tokens.map(\.text) == ["", "name", "", "n", "12", "ü", "", "", "", ""])
        let badBytes = Array(#"{"k": "\uD800"}"#.utf8)
        let bad = tokenize(bytes: badBytes, splits: splits.filter { $0 < badBytes.count }, decodesValues: false)
        #expect(bad.errors.count == 1)
    }

    // MARK: Chunk boundaries

    /// A document with every kind of token, escapes, multi-byte characters and a BOM.
    private static let sample: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("""
    {"records": [
      {"id": "a-1", "title": "Grüße aus Zürich 😀", "p": -0.25e+2, "on": true, "off": false, "x": null},
      {"esc": "\\"q\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00FC \\uD83D\\uDE00", "list": ["ä", 1, 0, 10.5, []], "deep": {"a": {"b": [true]}}}
    ], "n": 12345678901234567890, "e": ""}

    """.utf8)

    @Test func feedingInAnyTwoChunksGivesTheSameTokens() {
        let whole = tokenize(bytes: Self.sample)
        #expect(whole.errors.isEmpty, "\(whole.errors)")
        #expect(whole.tokens.count == 46)
        for split in 0...Self.sample.count {
            let run = tokenize(bytes: Self.sample, splits: [split])
            #expect(run.items == whole.items, "split at \(split)")
            if run.items != whole.items { break }
        }
    }

    @Test func feedingByteByByteGivesTheSameTokens() {
        let whole = tokenize(bytes: Self.sample)
        let run = tokenize(bytes: Self.sample, splits: Array(0...Self.sample.count))
        #expect(run.items == whole.items)
    }

    @Test(arguments: [
        "[1, 2.5e, 3]", "[\"a\\uD83D\"]", "{\"a\": tru}", "[\"abc", "[01]", "{\"ä\": \"ö\" \"x\"}", "[-", "[1.5e+",
    ])
    func errorsAreTheSameAtEveryChunkBoundary(_ json: String) {
        let bytes = Array(json.utf8)
        let whole = tokenize(bytes: bytes)
        #expect(whole.errors.count == 1, "\(json)")
        for split in 0...bytes.count {
            let run = tokenize(bytes: bytes, splits: [split])
            #expect(run.items == whole.items, "\(json) split at \(split)")
        }
        #expect(tokenize(bytes: bytes, splits: Array(0...bytes.count)).items == whole.items)
    }

    @Test func invalidUTF8IsFoundAtEveryChunkBoundary() {
        let bytes = Array("[\"Gr".utf8) + [0xE4, 0x80] + Array("n\"]".utf8)  // E4 80 then 'n': cut sequence
        let whole = tokenize(bytes: bytes)
        #expect(whole.errors.first?.kind == .encoding)
        for split in 0...bytes.count {
            #expect(tokenize(bytes: bytes, splits: [split]).items == whole.items, "split at \(split)")
        }
    }

    // MARK: JSON Lines

    @Test func jsonLinesReadsOneValuePerLineAndAllowsBlankLines() {
        let run = tokenize("{\"a\": 1}\n\n  \r\n[2]\r\n\"s\"\n", mode: .lines)
        #expect(run.errors.isEmpty)
        #expect(run.tokens == [
            Tok(.beginObject, 1, 1), Tok(.key, "a", 1, 2), Tok(.number, "1", 1, 7), Tok(.endObject, 1, 8),
            Tok(.beginArray, 4, 1), Tok(.number, "2", 4, 2), Tok(.endArray, 4, 3),
            Tok(.string, "s", 5, 1),
        ])
    }

    @Test func jsonLinesGoesOnAfterAnError() {
        let run = tokenize("{\"a\": 1}\n{\"a\": x, \"b\": [}\n{\"a\": 3}\n{\"a\": \"unterminated\n{\"a\": 5}", mode: .lines)
        #expect(run.errors.map(\.line) == [2, 4])
        #expect(run.tokens.filter { $0.kind == .number }.map(\.text) == ["1", "3", "5"])
        #expect(run.tokens.filter { $0.kind == .number }.map(\.line) == [1, 3, 5])
    }

    @Test func jsonLinesRejectsALineBreakInsideAValue() throws {
        let run = tokenize("{\"a\": 1,\n\"b\": 2}\n{\"a\": 3}", mode: .lines)
        let first = try #require(run.errors.first)
        #expect(first.message == "the line ends inside the object opened at line 1, column 1; expected a key in double quotes after ','")
        #expect((first.line, first.column) == (1, 9))
        #expect(first.hint?.contains("one line") == true)
        // The second line ("b": 2}) is an error of its own; the third is read.
        #expect(run.tokens.contains(Tok(.number, "3", 3, 7)))
    }

    @Test func jsonLinesRejectsTwoValuesOnOneLine() throws {
        let error = try firstError("{\"a\": 1} {\"a\": 2}", mode: .lines)
        #expect(error.message == "expected the end of the line after the value, found '{'")
        #expect(error.hint == "write each record on its own line")
    }

    @Test func jsonLinesAtTheEndOfTheFile() {
        #expect(tokenize("", mode: .lines).items.isEmpty)
        #expect(tokenize("\n\n", mode: .lines).items.isEmpty)
        #expect(tokenize("[1]", mode: .lines).errors.isEmpty)
        let cut = tokenize("[1]\n[2", mode: .lines)
        #expect(cut.errors.count == 1)
        #expect(cut.errors.first?.line == 2)
    }

    @Test func jsonLinesAtEveryChunkBoundary() {
        let bytes = Array("{\"a\": \"ü\"}\n{\"a\": x}\n\n[1.5, \"\\u00e4\"]\n{\"b\"\n1\n".utf8)
        let whole = tokenize(bytes: bytes, mode: .lines)
        #expect(whole.errors.count == 2)
        for split in 0...bytes.count {
            #expect(tokenize(bytes: bytes, mode: .lines, splits: [split]).items == whole.items, "split at \(split)")
        }
    }

    // MARK: - Bounded input (issue 14)

    /// A JSON Lines line longer than the limit ends the tokenization with one `.tooLong` error at its line,
    /// instead of growing: the input may be a device or a file without line breaks.
    @Test func aLineLongerThanTheLimitIsRefused() {
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        var tokenizer = JSONTokenizer(mode: .lines)
        tokenizer.feed(Array("{\"id\": \"p1\"}\n{\"id\": \"".utf8))
        var error: JSONSyntaxError?
        var fed = 0
        feeding: while fed < 2 * InputLimits.lineBytes {
            tokenizer.feed(chunk)
            fed += chunk.count
            while true {
                do {
                    guard case .token = try tokenizer.next() else { break }
                } catch let caught {
                    error = caught
                    break feeding
                }
            }
        }
        #expect(error?.kind == .tooLong)
        #expect(error?.line == 2)
        #expect(fed <= InputLimits.lineBytes + chunk.count)
    }

    /// After a document's first error, what is fed is dropped: the tokenizer ends and keeps nothing.
    @Test func aDocumentKeepsNothingAfterItsError() throws {
        var tokenizer = JSONTokenizer(mode: .document)
        tokenizer.feed([0, 0, 0])
        #expect(throws: JSONSyntaxError.self) { _ = try tokenizer.next() }
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        for _ in 0..<64 { tokenizer.feed(zeros) }
        #expect(try tokenizer.next() == .end)
        tokenizer.finish()
        #expect(try tokenizer.next() == .end)
    }
}
