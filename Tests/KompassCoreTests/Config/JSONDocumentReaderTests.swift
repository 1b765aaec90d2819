import Testing
@testable import KompassCore

/// The strict reader of configuration, mapping and state files: every refusal names its line and column.
@Suite("JSON document reader")
struct JSONDocumentReaderTests {
    static func read(_ text: String, maxBytes: Int = JSONDocumentReader.defaultMaxBytes,
                     maxDepth: Int = JSONDocumentReader.defaultMaxDepth) throws -> JSONValue {
        try JSONDocumentReader.read(Array(text.utf8), maxBytes: maxBytes, maxDepth: maxDepth)
    }

    static func error(_ bytes: [UInt8], maxBytes: Int = JSONDocumentReader.defaultMaxBytes,
                      maxDepth: Int = JSONDocumentReader.defaultMaxDepth, commentHint: String? = nil,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> JSONDocumentError? {
        do {
            let value = try JSONDocumentReader.read(bytes, maxBytes: maxBytes, maxDepth: maxDepth, commentHint: commentHint)
            Issue.record("expected an error, read \(value)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    static func error(_ text: String, maxDepth: Int = JSONDocumentReader.defaultMaxDepth, commentHint: String? = nil,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> JSONDocumentError? {
        error(Array(text.utf8), maxDepth: maxDepth, commentHint: commentHint, sourceLocation: sourceLocation)
    }

    // MARK: - What it reads

    @Test func aValueKeepsItsMembersInOrderWithTheirPlaces() throws {
        let value = try Self.read("""
            {
              "zeta": [1, -2.5e3, true, null],
              "alpha": {"ä": "x\\u00e4\\ud83d\\ude00\\n"}
            }
            """)
        let members = try #require(value.members)
        #expect(members.map(\.key) == ["zeta", "alpha"])
        #expect((members[0].line, members[0].column) == (2, 3))
        #expect((members[1].line, members[1].column) == (3, 3))
        let list = try #require(members[0].value.elements)
        #expect(list.map(\.content) == [.number("1"), .number("-2.5e3"), .bool(true), .null])
        #expect(list[1].number == -2500 && list[0].integer == 1 && list[1].integer == -2500)
        #expect((list[1].line, list[1].column) == (2, 15))
        let inner = try #require(members[1].value.member("ä"))
        #expect(inner.value.string == "xä😀\n")
        // The column counts characters: the value after "ä" starts at column 18 (byte 19 of its line).
        #expect((inner.value.line, inner.value.column) == (3, 18))
    }

    @Test func aByteOrderMarkAndEveryKindOfTopLevelValueAreRead() throws {
        #expect(try JSONDocumentReader.read([0xEF, 0xBB, 0xBF] + Array("{}".utf8)).members == [])
        #expect(try Self.read(" \"text\" ").string == "text")
        #expect(try Self.read("0").integer == 0)
        #expect(try Self.read("[]").elements == [])
    }

    // MARK: - Commas

    @Test func aMissingCommaNamesLineColumnAndTheKeyBefore() throws {
        let error = try #require(Self.error("""
            {
              "version": 1,
              "output": "out"
              "state": "state"
            }
            """))
        #expect(error.kind == .syntax)
        #expect((error.line, error.column) == (4, 3))
        #expect(error.message == #"expected ',' or '}' after the value of "output", found '"'"#)
        #expect(error.hint == "a ',' is missing between two members")
    }

    @Test func aMissingCommaInAnArray() throws {
        let error = try #require(Self.error("[\n  1\n  2\n]"))
        #expect((error.line, error.column) == (3, 3))
        #expect(error.message == "expected ',' or ']' after the element, found '2'")
    }

    @Test func aTrailingCommaInAnObjectIsReportedAtTheComma() throws {
        let error = try #require(Self.error("""
            {
              "publication": {
                "licence": "cc-by",
              }
            }
            """))
        #expect(error.kind == .syntax)
        #expect((error.line, error.column) == (3, 23))
        #expect(error.message == #"a ',' after the last member of "publication", before the '}' at line 4, column 3"#)
        #expect(error.hint == "remove the comma after the last member: JSON allows none")
    }

    @Test func aTrailingCommaInAnArrayIsReportedAtTheComma() throws {
        let error = try #require(Self.error(#"{"themes": ["GOVE", "ECON",]}"#))
        #expect((error.line, error.column) == (1, 27))
        #expect(error.message == #"a ',' after the last element of "themes", before the ']' at line 1, column 28"#)
        #expect(error.hint == "remove the comma after the last element: JSON allows none")
        let top = try #require(Self.error("[1,\n]"))
        #expect((top.line, top.column) == (1, 3))
        #expect(top.message == "a ',' after the last element, before the ']' at line 2, column 1")
    }

    @Test func aCommaWithNothingBeforeItIsNoTrailingComma() throws {
        let error = try #require(Self.error("[1,,2]"))
        #expect((error.line, error.column) == (1, 4))
        #expect(error.message == "expected a value after ',', found ','")
    }

    // MARK: - Comments and duplicate keys

    @Test(arguments: [("//", "{\n  // the version\n  \"version\": 1\n}"), ("/*", "{\n  /* the version */\n  \"version\": 1\n}")])
    func aCommentIsAnError(marker: String, text: String) throws {
        let error = try #require(Self.error(text, commentHint: "notes go elsewhere"))
        #expect(error.kind == .syntax)
        #expect((error.line, error.column) == (2, 3))
        #expect(error.message == "expected a key in double quotes or '}', found the comment '\(marker)'")
        #expect(error.hint == "notes go elsewhere")
        #expect(Self.error("[1] // end")?.hint == "JSON has no comments; remove it")
    }

    @Test func aDuplicateKeyNamesBothPlaces() throws {
        let error = try #require(Self.error("""
            {
              "output": "a",
              "nested": {"output": "inner is fine"},
              "output": "b"
            }
            """))
        #expect(error.kind == .duplicateKey)
        #expect((error.line, error.column) == (4, 3))
        #expect(error.message == #"the key "output" appears twice in one object: at line 2, column 3 and at line 4, column 3"#)
        #expect(error.hint != nil)
    }

    // MARK: - Strings

    @Test func anUnterminatedString() throws {
        let error = try #require(Self.error("{\"output\": \"out\n}"))
        #expect((error.line, error.column) == (1, 16))
        #expect(error.message.contains("control character"), "\(error)")
        let atTheEnd = try #require(Self.error("{\"output\": \"out"))
        #expect((atTheEnd.line, atTheEnd.column) == (1, 16))
        #expect(atTheEnd.message.contains("the file ends inside the string that starts at line 1, column 12"), "\(atTheEnd)")
    }

    @Test(arguments: [(#"["a\x"]"#, 4, "the escape '\\' followed by 'x' is not JSON"),
                      (#"["a\u12G4"]"#, 4, "the escape \\u is followed by 'G4' instead of four hex digits"),
                      (#"["\uDC00"]"#, 3, "the escape \\uDC00 is a lone low surrogate"),
                      (#"["\uD800x"]"#, 3, "the escape \\uD800 is a lone high surrogate")])
    func anInvalidEscape(text: String, column: Int, message: String) throws {
        let error = try #require(Self.error(text))
        #expect(error.kind == .syntax)
        #expect((error.line, error.column) == (1, column))
        #expect(error.message == message)
    }

    @Test func textMustBeUTF8() throws {
        let latin1: [UInt8] = Array("{\n  \"name\": \"Z".utf8) + [0xFC] + Array("rich\"\n}".utf8)
        let error = try #require(Self.error(latin1))
        #expect(error.kind == .encoding)
        #expect((error.line, error.column) == (2, 13))
        #expect(error.message.hasPrefix("byte 0xFC is not UTF-8"))
        // An overlong encoding of '/' is not UTF-8 either.
        #expect(Self.error([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D])?.kind == .encoding)
    }

    // MARK: - Numbers

    @Test func numbersAsRFC8259WritesThem() throws {
        let value = try Self.read("[-0, -12, 0.5, 1e6, 1E+2, 2.5e-3, 12345678901234567890]")
        let numbers = try #require(value.elements).map(\.number)
        #expect(numbers == [-0.0, -12, 0.5, 1e6, 100, 0.0025, 12345678901234567890])
    }

    @Test(arguments: [("[012]", 3, "a number cannot start with 0 followed by more digits: '01'"),
                      ("[-]", 3, "expected a digit after '-' in the number '-', found ']'"),
                      ("[1.]", 4, "expected a digit after the decimal point in the number '1.', found ']'"),
                      ("[1e]", 4, "expected a digit in the exponent in the number '1e', found ']'"),
                      ("[+1]", 2, "expected a value or ']', found '+'"),
                      ("[.5]", 2, "expected a value or ']', found '.'"),
                      ("[NaN]", 2, "expected a value or ']', found 'NaN'")])
    func badNumbers(text: String, column: Int, message: String) throws {
        let error = try #require(Self.error(text))
        #expect((error.line, error.column) == (1, column), "\(error)")
        #expect(error.message == message)
    }

    // MARK: - Limits and the document as a whole

    @Test func nestingDeeperThanTheLimitIsRefused() throws {
        let limit = JSONDocumentReader.defaultMaxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(try Self.read(deepest).elements?.count == 1)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        let error = try #require(Self.error(tooDeep))
        #expect((error.line, error.column) == (1, limit + 1))
        #expect(error.message == "the values are nested deeper than \(limit) levels")
        // A hostile nesting far deeper than the limit costs no stack: it is refused at the limit.
        #expect(Self.error(String(repeating: "{\"a\":", count: 100_000))?.column == 5 * limit + 1)
    }

    @Test func aFileLargerThanTheLimitIsRefused() throws {
        let error = try #require(Self.error(Array("[1, 2, 3]".utf8), maxBytes: 8))
        #expect(error.kind == .tooLarge)
        #expect(error.message == "the file is larger than 8 bytes")
    }

    @Test func emptyAndSecondValues() throws {
        #expect(Self.error("")?.kind == .noValue)
        #expect(Self.error("  \n ")?.kind == .noValue)
        let second = try #require(Self.error("{}\n{}"))
        #expect((second.line, second.column) == (2, 1))
        #expect(second.message == "expected the end of the file after the top-level value, found '{'")
        let cut = try #require(Self.error("{\"a\": [1,"))
        #expect(cut.message.hasPrefix("the file ends inside the array opened at line 1, column 7"))
    }

    @Test func singleQuotesAndBareWords() throws {
        #expect(Self.error("{'a': 1}")?.hint == "JSON strings and keys are written in double quotes")
        #expect(Self.error("{a: 1}")?.hint == "write the key in double quotes: \"a\"")
        #expect(Self.error("[True]")?.hint == "JSON writes true, false and null in lower case")
    }
}
