import Testing
@testable import KompassCore

/// What one import gave: the records in order and the findings.
private struct Imported {
    var records: [RawRecord]
    var findings: [Finding]

    func findings(_ rule: RuleID) -> [Finding] { findings.filter { $0.ruleID == rule } }
    var rules: [RuleID] { findings.map(\.ruleID) }

    /// The texts of a field in each record.
    func texts(_ field: String) -> [[String]] { records.map { $0[field].map(\.text) } }
}

private let defaultFields: Set<String> = ["id", "titel", "fortschritt", "felder"]

private func importJSON(_ text: String, lines: Bool = false, fields: Set<String> = defaultFields,
                        recordsKey: String? = nil, name: String? = nil) throws -> Imported {
    try importJSON(bytes: Array(text.utf8), lines: lines, fields: fields, recordsKey: recordsKey, name: name)
}

private func importJSON(bytes: [UInt8], lines: Bool = false, fields: Set<String> = defaultFields,
                        recordsKey: String? = nil, name: String? = nil) throws -> Imported {
    let folder = try TemporaryDirectory("kompass-json")
    defer { folder.remove() }
    let path = try folder.write(name ?? (lines ? "projects.jsonl" : "projects.json"), bytes: bytes)
    var records: [RawRecord] = []
    let request = ImportRequest(path: path, fields: fields, options: SourceOptions(jsonRecordsKey: recordsKey))
    let findings = try JSONImporter(lines: lines).read(request) { records.append($0) }
    // Every location names the file.
    for finding in findings { #expect(finding.location?.file == path) }
    return Imported(records: records, findings: findings)
}

@Suite("JSON importer")
struct JSONImporterTests {
    @Test func readsAnArrayOfRecords() throws {
        let json = """
        [
          {"id": "kp-01", "titel": "Digitale Verwaltung", "fortschritt": 30, "felder": ["Prozesse", "Daten"]},
          {"id": "kp-02", "titel": "E-Umzug", "fortschritt": 0.75, "felder": []}
        ]
        """
        let result = try importJSON(json)
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.records.count == 2)
        #expect(result.texts("id") == [["kp-01"], ["kp-02"]])
        #expect(result.texts("fortschritt") == [["30"], ["0.75"]])
        #expect(result.texts("felder") == [["Prozesse", "Daten"], []])
        let first = result.records[0]
        #expect(first.location.line == 2)
        #expect(first.location.column == 3)
        #expect(first.location.field == nil)
        #expect(first.fieldOrder == ["id", "titel", "fortschritt", "felder"])
        let title = try #require(first["titel"].first)
        #expect(title.location.line == 2)
        #expect(title.location.column == 28)
        #expect(title.location.field == "titel")
        #expect(first["felder"].map(\.location.column) == [81, 93])
    }

    @Test func scalarsBecomeTextAndNullIsAbsent() throws {
        let json = #"[{"id": "a", "titel": null, "fortschritt": -1.5E+3, "felder": [true, false, 7, null, "x"]}]"#
        let result = try importJSON(json)
        #expect(result.findings.isEmpty)
        let record = try #require(result.records.first)
        #expect(record["titel"].isEmpty)
        #expect(!record.fieldOrder.contains("titel"))
        #expect(record["fortschritt"].map(\.text) == ["-1.5E+3"])
        #expect(record["felder"].map(\.text) == ["true", "false", "7", "x"])
    }

    @Test func decodesEscapesAndUmlauts() throws {
        let json = "[{\"id\": \"ä\", \"titel\": \"Grüße aus \\\"Basel\\\" \\u00fc\\uD83D\\uDE00\\n2\", \"felder\": [\"Bevölkerung\", \"Öffentlichkeit\"]}]"
        let result = try importJSON(json)
        #expect(result.findings.isEmpty)
        #expect(result.texts("titel") == [["Grüße aus \"Basel\" ü😀\n2"]])
        #expect(result.texts("felder") == [["Bevölkerung", "Öffentlichkeit"]])
        // Columns count characters: [{"id": "ä", "titel": … — the umlaut is one column.
        #expect(result.records[0]["titel"].first?.location.column == 23)
        let felder = result.records[0]["felder"]
        #expect(felder.map(\.location.column) == [79, 94])
    }

    @Test func readsTheArrayUnderTheRecordsKey() throws {
        let json = """
        {
          "meta": {"exported": "2026-11-30", "by": ["a", {"b": 1}]},
          "projects": [
            {"id": "a"},
            {"id": "b"}
          ],
          "count": 2
        }
        """
        let result = try importJSON(json, recordsKey: "projects")
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.texts("id") == [["a"], ["b"]])
        #expect(result.records.map(\.location.line) == [4, 5])
        #expect(result.records[1]["id"].first?.location == SourceLocation(file: result.records[1].location.file,
                                                                           line: 5, column: 12, field: "id"))
    }

    @Test func anObjectWithoutAConfiguredKeyNamesItsKeys() throws {
        let json = #"{"projects": [{"id": "a"}], "meta": {"v": 1}}"#
        let result = try importJSON(json)
        #expect(result.records.isEmpty)
        let finding = try #require(result.findings(.jsonRecordsMissing).first)
        #expect(finding.severity == .error)
        #expect(finding.message == "the top level is an object with the keys 'projects', 'meta', not an array of records")
        #expect(finding.hint == "set jsonRecordsKey to \"projects\", the key whose value is an array")
        #expect(finding.location?.line == 1)
        #expect(result.rules == [.jsonRecordsMissing, .jsonNoRecords])
    }

    @Test func aMissingRecordsKeyNamesTheKeysFound() throws {
        let json = "{\n  \"items\": [{\"id\": \"a\"}],\n  \"meta\": null\n}"
        let result = try importJSON(json, recordsKey: "projects")
        #expect(result.records.isEmpty)
        let finding = try #require(result.findings(.jsonRecordsMissing).first)
        #expect(finding.message == "the top-level object has no key 'projects' (jsonRecordsKey); its keys are 'items', 'meta'")
        #expect(finding.hint == "set jsonRecordsKey to \"items\", the key whose value is an array")
        #expect(result.findings(.jsonNoRecords).count == 1)
    }

    @Test func theRecordsKeyMustHoldAnArray() throws {
        let result = try importJSON(#"{"projects": {"id": "a"}}"#, recordsKey: "projects")
        let finding = try #require(result.findings(.jsonRecordsMissing).first)
        #expect(finding.message == "the value of 'projects' is an object, not an array of records")
        #expect(result.records.isEmpty)
    }

    @Test func anArrayWhenAKeyIsConfiguredIsAFinding() throws {
        let result = try importJSON(#"[{"id": "a"}]"#, recordsKey: "projects")
        #expect(result.records.isEmpty)
        #expect(result.findings(.jsonRecordsMissing).first?.message.contains("the top level is an array") == true)
    }

    @Test func aScalarAtTheTopLevelIsAFinding() throws {
        let result = try importJSON("\"projects\"")
        #expect(result.findings(.jsonRecordsMissing).first?.message == "the top level is a string, not an array of records")
    }

    @Test func readsJSONLinesAndGoesOnAfterABadLine() throws {
        let jsonl = """
        {"id": "a", "titel": "Eins"}

        {"id": "b", "titel": "Zwei",}
        {"id": "c", "titel": "Drei"}
        {"id": "d", "titel": "Vier"
        {"id": "e", "titel": "Fünf"}

        """
        let result = try importJSON(jsonl, lines: true)
        #expect(result.texts("id") == [["a"], ["c"], ["e"]])
        #expect(result.records.map(\.location.line) == [1, 4, 6])
        let syntax = result.findings(.jsonSyntax)
        #expect(syntax.map { $0.location?.line } == [3, 5])
        #expect(syntax[0].location?.column == 29)
        #expect(syntax[0].message == "expected a key in double quotes after ',', found '}'")
        #expect(syntax[0].hint?.contains("this line was skipped") == true)
        #expect(syntax[1].message.contains("the line ends inside the object opened at line 5, column 1"))
        #expect(result.findings.count == 2)
    }

    @Test func jsonLinesRecordsMustBeObjects() throws {
        let result = try importJSON("{\"id\": \"a\"}\n[1, 2]\n\"x\"\n{\"id\": \"b\"}\n", lines: true)
        #expect(result.texts("id") == [["a"], ["b"]])
        let types = result.findings(.jsonRecordType)
        #expect(types.map { $0.location?.line } == [2, 3])
        #expect(types[0].message == "the line holds an array, not a record object")
    }

    @Test func nonObjectRecordsInAnArrayAreSkippedWithAFinding() throws {
        let result = try importJSON(#"[{"id": "a"}, "b", [{"id": "c"}], {"id": "d"}]"#)
        #expect(result.texts("id") == [["a"], ["d"]])
        let types = result.findings(.jsonRecordType)
        #expect(types.map(\.message) == ["record 2 of the array is a string, not an object",
                                         "record 3 of the array is an array, not an object"])
        #expect(types.map { $0.location?.column } == [15, 20])
    }

    @Test func unknownKeysAreReportedOnceWithTheirFirstLine() throws {
        let json = """
        [
          {"id": "a", "extra": {"deep": [1, 2, {"x": "y"}]}},
          {"id": "b", "extra": 1, "note": "n"},
          {"note": "m", "id": "c"}
        ]
        """
        let result = try importJSON(json)
        #expect(result.texts("id") == [["a"], ["b"], ["c"]])
        let unknown = result.findings(.sourceFieldUnknown)
        #expect(unknown.map(\.location?.field) == ["extra", "note"])
        #expect(unknown.map { $0.location?.line } == [2, 3])
        #expect(unknown.map { $0.location?.column } == [15, 27])
        #expect(unknown.allSatisfy { $0.severity == .info })
        #expect(unknown[0].message == "the field 'extra' is not used by the mapping")
        #expect(result.findings.count == 2)
        // Keys inside skipped values are not fields and are not reported.
        #expect(!result.findings.contains { $0.location?.field == "deep" || $0.location?.field == "x" })
    }

    @Test func nestedValuesAreSkippedWithAFinding() throws {
        let json = """
        [{"id": "a", "titel": {"de": "Titel"}, "felder": ["Daten", ["Prozesse"], {"x": 1}, "Kultur"], "fortschritt": 5}]
        """
        let result = try importJSON(json)
        let record = try #require(result.records.first)
        #expect(record["titel"].isEmpty)
        #expect(record["felder"].map(\.text) == ["Daten", "Kultur"])
        #expect(record["fortschritt"].map(\.text) == ["5"])
        let types = result.findings(.jsonValueType)
        #expect(types.count == 3)
        #expect(types.allSatisfy { $0.severity == .error })
        #expect(types[0].message.hasPrefix("the value of 'titel' is an object"))
        #expect(types[0].location == SourceLocation(file: record.location.file, line: 1, column: 23, field: "titel"))
        #expect(types[1].message.hasPrefix("an element of 'felder' is an array"))
        #expect(types[2].message.hasPrefix("an element of 'felder' is an object"))
    }

    @Test func aDuplicateKeyIsAFindingAndTheFirstValueIsKept() throws {
        let json = """
        [
          {"id": "a", "titel": "Erster", "titel": "Zweiter", "x": 1, "x": 2},
          {"id": "b", "titel": "Eigener"}
        ]
        """
        let result = try importJSON(json)
        #expect(result.texts("titel") == [["Erster"], ["Eigener"]])
        let duplicates = result.findings(.jsonKeyDuplicate)
        #expect(duplicates.map(\.location?.field) == ["titel", "x"])
        #expect(duplicates[0].location?.column == 34)
        #expect(duplicates[0].message == "the key 'titel' appears a second time in the record that starts at line 2, column 3")
    }

    @Test func anEmptyFileHasNoRecords() throws {
        let result = try importJSON("")
        #expect(result.rules == [.jsonNoRecords])
        let finding = result.findings[0]
        #expect(finding.severity == .error)
        #expect(finding.message == "the file is empty")
        #expect(finding.location?.line == 0)
        #expect(try importJSON("", lines: true).findings.map(\.message) == ["the file is empty"])
        #expect(try importJSON("\n \n", lines: true).findings.map(\.message) == ["the file has only blank lines"])
        #expect(try importJSON("  \n").findings.map(\.ruleID) == [.jsonNoRecords])
    }

    @Test func anEmptyArrayHasNoRecords() throws {
        #expect(try importJSON("[]").findings.map(\.message) == ["the array of records is empty"])
        #expect(try importJSON(#"{"projects": []}"#, recordsKey: "projects").findings.map(\.message)
            == ["the array of records under 'projects' is empty"])
    }

    @Test func aSyntaxErrorStopsADocumentButKeepsTheRecordsBefore() throws {
        let json = """
        [
          {"id": "a"},
          {"id": "b"},
          {"id": "c" "titel": "x"},
          {"id": "d"}
        ]
        """
        let result = try importJSON(json)
        #expect(result.texts("id") == [["a"], ["b"]])
        let syntax = try #require(result.findings(.jsonSyntax).first)
        #expect(syntax.location?.line == 4)
        #expect(syntax.location?.column == 14)
        #expect(syntax.message == "expected ',' or '}' after the member, found '\"'; reading stopped here")
        #expect(syntax.hint == "a ',' is missing between two members; nothing after this point was read (the 2 records before it were read)")
        #expect(result.findings.count == 1)
    }

    @Test func aDocumentCutOffSaysWhereTheOpenValueStarted() throws {
        let result = try importJSON("[\n  {\"id\": \"a\"},\n  {\"id\": \"b\", \"titel\": \"T")
        #expect(result.texts("id") == [["a"]])
        let syntax = try #require(result.findings(.jsonSyntax).first)
        #expect(syntax.message.contains("the file ends inside the string that starts at line 3, column 24"))
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        var bytes = Array("[\n  {\"id\": \"a\", \"titel\": \"Gr".utf8)
        bytes.append(0xFC)  // ü in Windows-1252
        bytes += Array("n\"},\n  {\"id\": \"b\"}\n]".utf8)
        let result = try importJSON(bytes: bytes)
        #expect(result.records.isEmpty)
        let encoding = try #require(result.findings(.jsonEncoding).first)
        #expect(encoding.severity == .error)
        #expect(encoding.location?.line == 2)
        #expect(encoding.location?.column == 27)
        #expect(encoding.message.contains("0xFC is not UTF-8"))
        #expect(result.rules == [.jsonEncoding, .jsonNoRecords])
    }

    @Test func invalidUTF8InJSONLinesSkipsOnlyItsLine() throws {
        var bytes = Array("{\"id\": \"a\"}\n{\"id\": \"".utf8)
        bytes += [0xE4, 0x62]
        bytes += Array("\"}\n{\"id\": \"c\"}\n".utf8)
        let result = try importJSON(bytes: bytes, lines: true)
        #expect(result.texts("id") == [["a"], ["c"]])
        #expect(result.findings(.jsonEncoding).map { $0.location?.line } == [2])
    }

    @Test func onlyTheRequestedFieldsAreRead() throws {
        let result = try importJSON(#"[{"id": "a", "titel": "T", "x": "y"}]"#, fields: ["titel"])
        #expect(result.records.first?.fieldOrder == ["titel"])
        #expect(Set(result.findings(.sourceFieldUnknown).compactMap(\.location?.field)) == ["id", "x"])
    }

    @Test func manyFieldsAreMatchedToo() throws {
        let fields = Set((0..<40).map { "f\($0)" })
        let result = try importJSON(#"[{"f0": "a", "f39": "b", "f40": "c"}]"#, fields: fields)
        #expect(result.records.first?.fieldOrder == ["f0", "f39"])
        #expect(result.findings(.sourceFieldUnknown).map(\.location?.field) == ["f40"])
    }

    @Test func aLargeFileReadAcrossManyChunksGivesEveryRecord() throws {
        // About 1.3 MB: records cross the 64 KiB chunk boundaries at every kind of token.
        var text = "{\"projects\": [\n"
        for index in 0..<6000 {
            if index > 0 { text += ",\n" }
            text += "  {\"id\": \"p-\(index)\", \"titel\": \"Vorhaben \(index) für Zürich 😀 \\u00e4\", "
                + "\"fortschritt\": \(index % 101).5e0, \"felder\": [\"Daten\", \"Prozesse\"], \"meta\": {\"n\": [\(index)]}}"
        }
        text += "\n]}\n"
        let result = try importJSON(text, recordsKey: "projects")
        #expect(result.records.count == 6000)
        #expect(result.findings.map(\.ruleID) == [.sourceFieldUnknown])
        for (index, record) in result.records.enumerated() {
            guard record["id"].first?.text == "p-\(index)",
                  record["titel"].first?.text == "Vorhaben \(index) für Zürich 😀 ä",
                  record["fortschritt"].first?.text == "\(index % 101).5e0",
                  record["felder"].map(\.text) == ["Daten", "Prozesse"],
                  record.location.line == index + 2
            else {
                Issue.record("record \(index) differs: \(record)")
                break
            }
        }
    }

    @Test func errorsOfTheConsumerPropagate() throws {
        struct Stop: Error {}
        let folder = try TemporaryDirectory("kompass-json")
        defer { folder.remove() }
        let path = try folder.write("p.json", text: #"[{"id": "a"}, {"id": "b"}]"#)
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try JSONImporter().read(ImportRequest(path: path, fields: ["id"])) { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }

    @Test func aMissingFileIsAnOperationalError() {
        #expect(throws: IOError.self) {
            _ = try JSONImporter().read(ImportRequest(path: "/nonexistent/kompass/p.json", fields: ["id"])) { _ in }
        }
    }
}
