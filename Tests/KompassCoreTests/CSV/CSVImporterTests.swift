import Testing
@testable import KompassCore

/// What one CSV import gave: the records in order and the findings.
private struct CSVImport {
    var path: String
    var records: [RawRecord]
    var findings: [Finding]

    func findings(_ rule: RuleID) -> [Finding] { findings.filter { $0.ruleID == rule } }
    var rules: [RuleID] { findings.map(\.ruleID) }
    var errors: [Finding] { findings.filter { $0.severity == .error } }

    /// The texts of a field, one list per record.
    func texts(_ field: String) -> [[String]] { records.map { $0[field].map(\.text) } }

    /// Every text of every record, for checks that must hold for all values.
    var allTexts: [String] { records.flatMap { record in record.values.values.flatMap { $0.map(\.text) } } }
}

/// Writes `bytes` as a CSV file into a fresh folder and reads it with the CSV importer.
private func importCSV(_ bytes: [UInt8], fields: Set<String>, options: SourceOptions = SourceOptions(),
                       name: String = "projects.csv") throws -> CSVImport {
    let folder = try TemporaryDirectory("kompass-csv")
    defer { folder.remove() }
    let path = try folder.write(name, bytes: bytes)
    var records: [RawRecord] = []
    let findings = try CSVImporter().read(ImportRequest(path: path, fields: fields, options: options)) { records.append($0) }
    // Every finding names the file it is about.
    for finding in findings { #expect(finding.location?.file == path, "\(finding)") }
    return CSVImport(path: path, records: records, findings: findings)
}

/// UTF-8 bytes of a text (the Swift literal), for building files piece by piece.
private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Windows-1252 bytes of a text whose characters are all in Latin-1 (ä ö ü are one byte each).
private func windows1252(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
        precondition(scalar.value < 0x100, "not Latin-1: \(scalar)")
        return UInt8(scalar.value)
    }
}

@Suite("CSV importer")
struct CSVImporterTests {
    // MARK: - Encodings

    @Test func windows1252WithCRLFAndAMultiLineCell() throws {
        // Excel's "CSV (Trennzeichen-getrennt)": Windows-1252, `;`, CRLF, no BOM. The first row holds a quoted
        // cell over two lines (lines 2 and 3); the first non-ASCII text is on line 4.
        let text = "ID;Titel;Nutzende;Bisher\r\n"
            + "kp-01;Plan;Mitarbeitende;\"Zeile eins\r\nZeile zwei\"\r\n"
            + "kp-02;Anträge online;Bevölkerung;\"Sätze\"\r\n"
            + "kp-03;Gebühren;Wirtschaft;Ende\r\n"
        let bytes = windows1252(text)
        #expect(bytes.contains(0xF6) && bytes.contains(0xE4), "ö and ä are written as single bytes")
        let result = try importCSV(bytes, fields: ["ID", "Titel", "Nutzende", "Bisher"])

        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.records.count == 3)
        #expect(result.texts("ID") == [["kp-01"], ["kp-02"], ["kp-03"]])
        #expect(result.texts("Titel") == [["Plan"], ["Anträge online"], ["Gebühren"]])
        #expect(result.texts("Nutzende") == [["Mitarbeitende"], ["Bevölkerung"], ["Wirtschaft"]])
        #expect(result.texts("Bisher").dropFirst().map { $0 } == [["Sätze"], ["Ende"]])

        // The multi-line cell keeps both of its lines, and nothing of the next row.
        let multiLine = try #require(result.records.first?["Bisher"].first)
        #expect(multiLine.text.split(whereSeparator: \.isNewline) == ["Zeile eins", "Zeile zwei"])
        #expect(multiLine.location.line == 2)
        #expect(multiLine.location.column == 26)

        // Line numbers after the multi-line cell count its second line.
        #expect(result.records.map(\.location.line) == [2, 4, 5])
        let title = try #require(result.records[1]["Titel"].first)
        #expect(title.location.line == 4)
        #expect(title.location.column == 7)
        #expect(title.location.field == "Titel")

        // The choice of encoding is reported once, at the line of the first non-ASCII text.
        let detected = result.findings(.csvEncodingDetected)
        #expect(detected.count == 1)
        #expect(detected.first?.severity == .info)
        #expect(detected.first?.location?.line == 4)
        #expect(detected.first?.message.contains("Windows-1252") == true)
        #expect(!result.allTexts.contains { $0.unicodeScalars.contains("\u{FFFD}") })
    }

    @Test func configuredWindows1252ReadsWithoutDetectionFinding() throws {
        let bytes = windows1252("ID;Titel\nkp-01;Gebühren für Bevölkerung\n")
        let result = try importCSV(bytes, fields: ["ID", "Titel"], options: SourceOptions(encoding: .windows1252))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.texts("Titel") == [["Gebühren für Bevölkerung"]])
        #expect(result.findings(.csvEncodingDetected).isEmpty, "a configured encoding is not a detection")
    }

    @Test func utf8WithBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + utf8("ID;Titel\nkp-01;Bevölkerung für Zürich\n")
        let result = try importCSV(bytes, fields: ["ID", "Titel"])
        #expect(result.errors.isEmpty, "\(result.errors)")
        // The BOM is not part of the first column's name: "ID" is found and read.
        #expect(result.findings(.csvHeaderMissing).isEmpty)
        #expect(result.findings(.sourceFieldUnknown).isEmpty, "\(result.findings(.sourceFieldUnknown))")
        #expect(result.texts("ID") == [["kp-01"]])
        #expect(result.texts("Titel") == [["Bevölkerung für Zürich"]])
        #expect(result.records.first?["ID"].first?.location.column == 1)
        #expect(result.findings(.csvEncodingDetected).isEmpty, "UTF-8 is not reported as Windows-1252")
        #expect(!result.allTexts.contains { $0.unicodeScalars.contains("\u{FEFF}") })
    }

    @Test func utf8WithoutBOMIsReadAsUTF8() throws {
        let result = try importCSV(utf8("ID;Titel\nkp-01;Bevölkerung\nkp-02;Gebühren\n"), fields: ["ID", "Titel"])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.texts("Titel") == [["Bevölkerung"], ["Gebühren"]])
        #expect(result.findings(.csvEncodingDetected).isEmpty)
    }

    @Test func unassignedWindows1252ByteInAUTF8FileIsAnErrorWithLineAndColumn() throws {
        // UTF-8 with umlauts, then 0x81: not UTF-8 (a lone continuation byte) and unassigned in Windows-1252.
        let bytes = utf8("ID;Titel\nkp-01;Bevölkerung\nkp-02;Ge") + [0x81] + utf8("bühr\nkp-03;Daten\n")
        let result = try importCSV(bytes, fields: ["ID", "Titel"])
        let errors = result.findings(.csvEncoding)
        #expect(errors.count == 1, "\(result.findings)")
        let error = try #require(errors.first)
        #expect(error.severity == .error)
        #expect(error.location?.line == 3)
        let column = try #require(error.location?.column)
        #expect(column == 7 || column == 9, "the cell's or the byte's column, got \(column)")
        #expect(error.message.contains("81"), "names the byte: \(error.message)")
        // The bad cell is not read at all: no guess, no replacement character; the other rows are read.
        #expect(result.texts("Titel") == [["Bevölkerung"], [], ["Daten"]])
        #expect(!result.allTexts.contains { $0.unicodeScalars.contains("\u{FFFD}") })
    }

    @Test func byteThatFitsNeitherEncodingBeforeAnyDecisionIsAnError() throws {
        // The first non-ASCII byte is 0x81: neither UTF-8 nor Windows-1252.
        let bytes = utf8("ID;Titel\nkp-01;Ge") + [0x81] + utf8("hr\n")
        let result = try importCSV(bytes, fields: ["ID", "Titel"])
        let error = try #require(result.findings(.csvEncoding).first)
        #expect(error.severity == .error)
        #expect(error.location?.line == 2)
        #expect(error.location?.column != nil)
        #expect(error.message.contains("UTF-8") && error.message.contains("Windows-1252"), "\(error.message)")
        #expect(result.texts("Titel") == [[]])
        #expect(result.findings(.csvEncodingDetected).isEmpty, "nothing was decided")
    }

    @Test func strayWindows1252ByteInALaterRowOfAUTF8FileMixesEncodings() throws {
        // Valid UTF-8 umlauts on line 2, a lone 0xE4 (Windows-1252 "ä") on line 3.
        let bytes = utf8("ID;Titel\nkp-01;Bevölkerung\nkp-02;Antr") + [0xE4] + utf8("ge\n")
        let result = try importCSV(bytes, fields: ["ID", "Titel"])
        let errors = result.findings(.csvEncoding)
        #expect(errors.count == 1, "\(result.findings)")
        let error = try #require(errors.first)
        #expect(error.severity == .error)
        #expect(error.location?.line == 3)
        #expect(error.location?.column != nil)
        #expect((error.message + " " + (error.hint ?? "")).contains("mixes encodings"), "\(error)")
        #expect(result.texts("Titel") == [["Bevölkerung"], []])
        #expect(!result.allTexts.contains { $0.unicodeScalars.contains("\u{FFFD}") })
        #expect(result.findings(.csvEncodingDetected).isEmpty, "the file was read as UTF-8")
    }

    @Test func strayWindows1252ByteAfterUTF8UmlautsInTheSameCellMixesEncodings() throws {
        // "Bevölkerung" in UTF-8 (C3 B6), then a lone 0xE4 in the same cell. The first non-ASCII text of the
        // file is valid UTF-8, so the file is UTF-8 and the 0xE4 breaks it: an error, not a reading of the
        // whole cell as Windows-1252 ("BevÃ¶lkerung Anträge").
        let bytes = utf8("ID;Titel\nkp-01;Bevölkerung Antr") + [0xE4] + utf8("ge\nkp-02;Gebühren\n")
        let result = try importCSV(bytes, fields: ["ID", "Titel"])
        let errors = result.findings(.csvEncoding)
        #expect(errors.count == 1, "\(result.findings)")
        #expect(errors.first?.location?.line == 2)
        #expect((errors.first.map { $0.message + " " + ($0.hint ?? "") } ?? "").contains("mixes encodings"))
        #expect(!result.allTexts.contains { $0.contains("Ã") }, "UTF-8 read as Windows-1252: \(result.allTexts)")
        #expect(!result.allTexts.contains { $0.unicodeScalars.contains("\u{FFFD}") })
        #expect(result.texts("Titel").last == ["Gebühren"])
    }

    // MARK: - Delimiters

    @Test(arguments: [(";", "';'"), (",", "','"), ("\t", "tab")])
    func delimiterIsDetectedFromTheHeader(delimiter: String, name: String) throws {
        let text = ["ID", "Titel", "Fortschritt"].joined(separator: delimiter) + "\n"
            + ["kp-01", "Digitales Amt", "30%"].joined(separator: delimiter) + "\n"
            + ["kp-02", "E-Umzug", "75%"].joined(separator: delimiter) + "\n"
        let result = try importCSV(utf8(text), fields: ["ID", "Titel", "Fortschritt"])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.texts("Titel") == [["Digitales Amt"], ["E-Umzug"]])
        #expect(result.texts("Fortschritt") == [["30%"], ["75%"]])
        let detected = result.findings(.csvDelimiterDetected)
        #expect(detected.count == 1)
        #expect(detected.first?.severity == .info)
        #expect(detected.first?.location?.line == 1)
        #expect(detected.first?.message.contains(name) == true, "\(detected)")
    }

    @Test func configuredDelimiterOverridesDetection() throws {
        // The header has more `;` than `,`, so detection would pick `;`; the configuration says `,`.
        let text = "ID,Titel (de;fr;it)\nkp-01,Plan;Plan;Piano\nkp-02,Amt;Office;Ufficio\n"
        let result = try importCSV(utf8(text), fields: ["ID", "Titel (de;fr;it)"],
                                   options: SourceOptions(csvDelimiter: UInt8(ascii: ",")))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.texts("ID") == [["kp-01"], ["kp-02"]])
        #expect(result.texts("Titel (de;fr;it)") == [["Plan;Plan;Piano"], ["Amt;Office;Ufficio"]])
        #expect(result.findings(.csvDelimiterDetected).isEmpty, "a configured delimiter is not a detection")
    }

    // MARK: - Structure

    @Test func raggedRowsAreErrorsAndExtraCellsAreNotRead() throws {
        let text = "ID;Titel;Nutzende\n"
            + "kp-01;Eins;Mitarbeitende;extra;mehr\n"   // line 2: too many
            + "kp-02;Zwei\n"                              // line 3: too few
            + "kp-03;Drei;Wirtschaft\n"                   // line 4: fine
        let result = try importCSV(utf8(text), fields: ["ID", "Titel", "Nutzende"])
        let ragged = result.findings(.csvRowCells)
        #expect(ragged.map(\.location?.line) == [2, 3])
        #expect(ragged.allSatisfy { $0.severity == .error })
        #expect(ragged.first?.message.contains("5") == true && ragged.first?.message.contains("3") == true)
        #expect(result.records.count == 3)
        #expect(result.texts("Nutzende") == [["Mitarbeitende"], [], ["Wirtschaft"]])
        #expect(!result.allTexts.contains("extra") && !result.allTexts.contains("mehr"))
        #expect(result.records.allSatisfy { Set($0.fieldOrder).isSubset(of: ["ID", "Titel", "Nutzende"]) })
    }

    @Test func unclosedQuoteAtTheEndNamesTheLineWhereItOpens() throws {
        let text = "ID;Titel;Bisher\nkp-01;Eins;ok\nkp-02;Zwei;\"offen\nweiter\nund weiter\n"
        let result = try importCSV(utf8(text), fields: ["ID", "Titel", "Bisher"])
        let syntax = result.findings(.csvSyntax)
        #expect(syntax.count == 1, "\(result.findings)")
        #expect(syntax.first?.severity == .error)
        #expect(syntax.first?.location?.line == 3)
        #expect(syntax.first?.location?.column == 12)
        #expect(result.texts("ID").first == ["kp-01"])
    }

    @Test func duplicateHeaderNameIsAnError() throws {
        let result = try importCSV(utf8("ID;Titel;ID\nkp-01;Eins;kp-99\n"), fields: ["ID", "Titel"])
        let duplicate = result.findings(.csvHeaderDuplicate)
        #expect(duplicate.count == 1)
        #expect(duplicate.first?.severity == .error)
        #expect(duplicate.first?.location?.line == 1)
        #expect(duplicate.first?.location?.column == 10)
        #expect(duplicate.first?.location?.field == "ID")
        #expect(duplicate.first?.message.contains("ID") == true)
    }

    @Test func emptyHeaderCellIsAnError() throws {
        let result = try importCSV(utf8("ID;;Titel\nkp-01;x;Eins\n"), fields: ["ID", "Titel"])
        let empty = result.findings(.csvHeaderEmpty)
        #expect(empty.count == 1, "\(result.findings)")
        #expect(empty.first?.severity == .error)
        #expect(empty.first?.location?.line == 1)
        #expect(empty.first?.location?.column == 4)
        #expect(result.texts("Titel") == [["Eins"]])
    }

    @Test func mappedColumnMissingFromTheHeaderIsNamedOnce() throws {
        var text = "ID;Titel\n"
        for index in 1...25 { text += "kp-\(index);Titel \(index)\n" }
        let result = try importCSV(utf8(text), fields: ["ID", "Titel", "Fortschritt"])
        let missing = result.findings(.csvHeaderMissing)
        #expect(missing.count == 1, "named once, not per row: \(missing.count)")
        #expect(missing.first?.severity == .error)
        #expect(missing.first?.location?.line == 1)
        #expect(missing.first?.location?.field == "Fortschritt")
        #expect(missing.first?.message.contains("Fortschritt") == true)
        #expect(result.records.count == 25)
    }

    @Test func unknownColumnIsReportedOnceHoweverManyRows() throws {
        var text = "ID;Titel;Intern;Notiz\n"
        for index in 1...200 { text += "kp-\(index);Titel \(index);geheim \(index);n\n" }
        let result = try importCSV(utf8(text), fields: ["ID", "Titel"])
        let unknown = result.findings(.sourceFieldUnknown)
        #expect(unknown.count == 2, "once per column: \(unknown.count)")
        #expect(unknown.allSatisfy { $0.severity == .info })
        #expect(unknown.compactMap(\.location?.field) == ["Intern", "Notiz"])
        #expect(unknown.allSatisfy { $0.location?.line == 1 })
        #expect(result.errors.isEmpty)
        #expect(result.records.count == 200)
    }

    @Test(arguments: [
        ("empty", [UInt8]()),
        ("header only", Array("ID;Titel\n".utf8)),
        ("header only, CRLF", Array("ID;Titel\r\n".utf8)),
        ("header only, no line end", Array("ID;Titel".utf8)),
        ("header and blank lines", Array("ID;Titel\n\n\n".utf8)),
    ])
    func noRecordsIsAnError(label: String, bytes: [UInt8]) throws {
        let result = try importCSV(bytes, fields: ["ID", "Titel"])
        #expect(result.records.isEmpty, "\(label)")
        let noRecords = result.findings(.csvNoRecords)
        #expect(noRecords.count == 1, "\(label): \(result.findings)")
        #expect(noRecords.first?.severity == .error)
    }

    // MARK: - Values

    @Test func leadingZeroIdentifierStaysText() throws {
        let result = try importCSV(utf8("ID;Nummer\n0870;007\n"), fields: ["ID", "Nummer"])
        #expect(result.errors.isEmpty)
        #expect(result.texts("ID") == [["0870"]])
        #expect(result.texts("Nummer") == [["007"]])
    }

    @Test func onlyMappedColumnsAppearInRecords() throws {
        let text = "A;ID;B;Titel;C\n1;kp-01;2;Eins;3\n4;kp-02;5;Zwei;6\n"
        let result = try importCSV(utf8(text), fields: ["ID", "Titel"])
        #expect(result.records.count == 2)
        for record in result.records {
            #expect(Set(record.values.keys) == ["ID", "Titel"])
            #expect(record.fieldOrder == ["ID", "Titel"])
        }
        #expect(result.texts("ID") == [["kp-01"], ["kp-02"]])
        #expect(Set(result.allTexts) == ["kp-01", "Eins", "kp-02", "Zwei"])
    }

    @Test func twentyThousandRowsAreStreamedRecordByRecord() throws {
        // Every 1000th row has a quoted cell over two lines, so line numbers must follow across chunk boundaries.
        var bytes = utf8("ID;Titel;Bisher;Intern\n")
        bytes.reserveCapacity(1 << 20)
        for index in 0..<20_000 {
            let before = index % 1000 == 0 ? "\"Teil eins\nTeil zwei\"" : "Vorher \(index)"
            bytes += utf8("p-\(index);Vorhaben \(index) für Zürich;\(before);x\n")
        }
        let folder = try TemporaryDirectory("kompass-csv-large")
        defer { folder.remove() }
        let path = try folder.write("large.csv", bytes: bytes)
        var count = 0
        var lastLine = 0
        var lastID = ""
        var outOfOrder = 0
        let findings = try CSVImporter().read(ImportRequest(path: path, fields: ["ID", "Titel", "Bisher"])) { record in
            // Only the current record is seen; nothing is kept here either.
            if record.location.line <= lastLine { outOfOrder += 1 }
            count += 1
            lastLine = record.location.line
            lastID = record["ID"].first?.text ?? ""
        }
        #expect(count == 20_000)
        #expect(outOfOrder == 0)
        #expect(lastID == "p-19999")
        #expect(lastLine == 2 + 19_999 + 20)
        #expect(findings.allSatisfy { $0.severity != .error }, "\(findings.filter { $0.severity == .error }.prefix(3))")
        #expect(findings.filter { $0.ruleID == .sourceFieldUnknown }.count == 1)
    }
}
