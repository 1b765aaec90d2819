import Testing
@testable import KompassCore

/// Windows-1252 bytes of a text whose characters are all in Latin-1 (ä ö ü are one byte each).
private func windows1252(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
        precondition(scalar.value < 0x100, "not Latin-1: \(scalar)")
        return UInt8(scalar.value)
    }
}

/// A finding in one line: rule, position and the column name, e.g. `excel.date@2:32[code]`.
private func summary(_ finding: Finding) -> String {
    let location = finding.location
    return "\(finding.ruleID)@\(location?.line ?? -1):\(location?.column.map(String.init) ?? "-")[\(location?.field ?? "")]"
}

/// Writes both files into a fresh folder and compares them.
private func compare(accepted: [UInt8], current: [UInt8], options: SourceOptions = SourceOptions(),
                     idColumn: String? = nil) throws -> (findings: [Finding], current: String, accepted: String) {
    let folder = try TemporaryDirectory("kompass-excel")
    defer { folder.remove() }
    let acceptedPath = try folder.write("accepted/1-projects.csv", bytes: accepted)
    let currentPath = try folder.write("projects.csv", bytes: current)
    let findings = try SpreadsheetDamageCheck().compare(current: currentPath, accepted: acceptedPath, options: options, idColumn: idColumn)
    for finding in findings { #expect(finding.location?.file == currentPath, "\(finding)") }
    return (findings, currentPath, acceptedPath)
}

private func compare(accepted: String, current: String, idColumn: String? = nil) throws -> [Finding] {
    try compare(accepted: Array(accepted.utf8), current: Array(current.utf8), idColumn: idColumn).findings
}

/// The rule that a changed cell breaks, or nil for an ordinary edit.
private func rule(_ accepted: String, _ current: String) -> RuleID? {
    SpreadsheetDamage.of(accepted: accepted, current: current)?.ruleID
}

@Suite("Spreadsheet damage")
struct SpreadsheetDamageTests {
    /// The accepted copy: UTF-8, `;`, LF.
    static let accepted = """
        id;titel;nutzende;code
        0870;Anträge online;Bevölkerung;1-2
        0871;Straße Nord;Wirtschaft;87E1
        0872;Gebühren;Verwaltung;A-17
        0873;Plan;Mitarbeitende;X1

        """

    /// The same file after Excel: Windows-1252, `,`, CRLF; identifiers without their zeros, `ö` and `ß` lost,
    /// a code read as a date and one as a number. Row 5 also has an ordinary edit (`Plan` → `Plan B`).
    static let damaged = windows1252("id,titel,nutzende,code\r\n"
        + "870,Anträge online,Bev?lkerung,01.02.2026\r\n"
        + "871,Stra_e Nord,Wirtschaft,8.7E+02\r\n"
        + "872,Gebühren,Verwaltung,A-17\r\n"
        + "873,Plan B,Mitarbeitende,X1\r\n")

    static let expectedDamage = [
        "excel.delimiter@1:-[]",
        "excel.encoding@1:-[]",
        "excel.leading-zero@2:1[id]",
        "excel.lost-character@2:20[nutzende]",
        "excel.date@2:32[code]",
        "excel.leading-zero@3:1[id]",
        "excel.lost-character@3:5[titel]",
        "excel.scientific@3:28[code]",
        "excel.leading-zero@4:1[id]",
        "excel.leading-zero@5:1[id]",
    ]

    // MARK: - A whole Excel-damaged copy

    @Test func everyDamageOfAnExcelCopyIsOneFindingAtItsCell() throws {
        let result = try compare(accepted: Array(Self.accepted.utf8), current: Self.damaged, idColumn: "id")
        #expect(result.findings.map(summary) == Self.expectedDamage)
        #expect(result.findings.map(\.severity) == [.info, .info] + Array(repeating: .error, count: 8))
    }

    @Test func matchingByPositionFindsTheSameDamage() throws {
        let result = try compare(accepted: Array(Self.accepted.utf8), current: Self.damaged)
        #expect(result.findings.map(summary) == Self.expectedDamage)
    }

    @Test func aConfiguredDelimiterThatTheNewHeaderLacksDoesNotHideTheDamage() throws {
        let result = try compare(accepted: Array(Self.accepted.utf8), current: Self.damaged,
                                 options: SourceOptions(csvDelimiter: UInt8(ascii: ";")), idColumn: "id")
        #expect(result.findings.map(summary) == Self.expectedDamage)
    }

    @Test func messagesAndHintsNameWhatHappenedTheCauseAndTheAcceptedCopy() throws {
        let result = try compare(accepted: Array(Self.accepted.utf8), current: Self.damaged, idColumn: "id")
        let byRule = Dictionary(grouping: result.findings, by: \.ruleID)
        let lost = try #require(byRule[.excelLostCharacter]?.first)
        #expect(lost.message == "'Bevölkerung' became 'Bev?lkerung' ('ö' → '?')")
        #expect(lost.messageDE == "aus «Bevölkerung» wurde «Bev?lkerung» («ö» → «?»)")
        #expect(byRule[.excelLostCharacter]?.last?.message == "'Straße Nord' became 'Stra_e Nord' ('ß' → '_')")
        #expect(byRule[.excelLeadingZero]?.first?.message == "'0870' lost its leading zero: it is now '870'")
        #expect(byRule[.excelLeadingZero]?.first?.messageDE == "«0870» hat die führende Null verloren: jetzt steht «870»")
        #expect(byRule[.excelDate]?.first?.message == "'1-2' became the date '01.02.2026'")
        #expect(byRule[.excelScientific]?.first?.message == "'87E1' became '8.7E+02' in scientific notation")
        #expect(byRule[.excelDelimiter]?.first?.message == "the delimiter is now ','; the accepted copy used ';'")
        #expect(byRule[.excelEncoding]?.first?.message == "the file is now Windows-1252; the accepted copy was UTF-8")
        for finding in result.findings {
            let hint = try #require(finding.hint)
            let hintDE = try #require(finding.hintDE)
            #expect(hint.hasPrefix("saved by Excel as "), "\(hint)")
            #expect(hintDE.hasPrefix("gespeichert von Excel als "), "\(hintDE)")
            #expect(finding.messageDE != nil && finding.messageDE != finding.message)
            #expect(!hintDE.contains("ß") && !(finding.messageDE ?? "").contains("ß") || finding.ruleID == .excelLostCharacter)
        }
        for finding in result.findings where finding.severity == .error {
            #expect(finding.hint?.contains(result.accepted) == true, "\(finding.hint ?? "")")
            #expect(finding.hintDE?.contains(result.accepted) == true)
        }
        #expect(byRule[.excelEncoding]?.first?.hint?.contains("'CSV (Comma delimited)' instead of 'CSV UTF-8") == true)
        #expect(byRule[.excelDelimiter]?.first?.hint?.contains("list separator of the machine's region") == true)
        #expect(byRule[.excelDate]?.first?.hint?.contains("format the column as Text") == true)
    }

    // MARK: - What is not damage

    @Test func identicalFilesGiveNoFindings() throws {
        #expect(try compare(accepted: Self.accepted, current: Self.accepted, idColumn: "id").isEmpty)
        #expect(try compare(accepted: Self.accepted, current: Self.accepted).isEmpty)
        let damaged = try compare(accepted: Self.damaged, current: Self.damaged, idColumn: "id")
        #expect(damaged.findings.isEmpty)
    }

    @Test func ordinaryEditsGiveNoFindings() throws {
        let edited = """
            id;titel;nutzende;code
            0870;Anträge per App;Bevoelkerung;1-3
            0871;Strasse Nord;Wirtschaft, Verwaltung;88E1
            0872;Gebühren;Verwaltung;05.06.2026
            0873;Plan?;Mitarbeitende;X1

            """
        #expect(try compare(accepted: Self.accepted, current: edited, idColumn: "id").map(summary) == [])
    }

    @Test func aMovedRowIsMatchedByItsIdentifier() throws {
        let accepted = "id;titel;code\n0870;Erste;1-2\n0871;Zweite;X\n0872;Dritte;Y\n"
        let moved = "id;titel;code\n0872;Dritte;Y\n0870;Erste;01.02.2026\n0871;Zweite;X\n"
        #expect(try compare(accepted: accepted, current: moved, idColumn: "id").map(summary) == ["excel.date@3:12[code]"])
        // By position, line 3 is compared with the second accepted row ('X'): an edit, not damage.
        #expect(try compare(accepted: accepted, current: moved).isEmpty)
    }

    @Test func anIdentifierWithoutItsZerosFindsItsMovedRow() throws {
        let accepted = "id;titel\n0870;Bevölkerung\n0871;Zürich\n"
        let current = "id;titel\n871;Z?rich\n870;Bevölkerung\n"
        #expect(try compare(accepted: accepted, current: current, idColumn: "id").map(summary)
            == ["excel.leading-zero@2:1[id]", "excel.lost-character@2:5[titel]", "excel.leading-zero@3:1[id]"])
    }

    @Test func anAmbiguousStrippedIdentifierMatchesNoRow() throws {
        let accepted = "id;titel\n070;Zürich\n0070;Basel\n"
        let current = "id;titel\n70;Z?rich\n"
        #expect(try compare(accepted: accepted, current: current, idColumn: "id").isEmpty)
    }

    @Test func anIdentifierColumnMissingFromOneHeaderFallsBackToPosition() throws {
        let accepted = "nr;titel\n0870;Zürich\n"
        let current = "nr;titel\n870;Z?rich\n"
        #expect(try compare(accepted: accepted, current: current, idColumn: "id").map(summary)
            == ["excel.leading-zero@2:1[nr]", "excel.lost-character@2:5[titel]"])
    }

    // MARK: - Columns and the file as a whole

    @Test func columnsAreMatchedByName() throws {
        let accepted = "id;titel;code\n1;Zürich;0870\n"
        let reordered = "code;id;titel\n870;1;Z?rich\n"
        #expect(try compare(accepted: accepted, current: reordered, idColumn: "id").map(summary)
            == ["excel.leading-zero@2:1[code]", "excel.lost-character@2:7[titel]"])
    }

    @Test func aColumnNameThatLostACharacterIsReportedAndStillMatched() throws {
        let accepted = "id;Grösse\n1;Bevölkerung\n"
        let current = "id;Gr?sse\n1;Bev?lkerung\n"
        let findings = try compare(accepted: accepted, current: current)
        #expect(findings.map(summary) == ["excel.lost-character@1:4[Grösse]", "excel.lost-character@2:3[Grösse]"])
        #expect(findings.first?.message == "'Grösse' became 'Gr?sse' ('ö' → '?')")
    }

    @Test func encodingChangedTheOtherWay() throws {
        let accepted = windows1252("id;titel\n1;Zürich\n")
        let current = Array("id;titel\n1;Zürich\n".utf8)
        let result = try compare(accepted: accepted, current: current)
        #expect(result.findings.map(summary) == ["excel.encoding@1:-[]"])
        #expect(result.findings.first?.message == "the file is now UTF-8; the accepted copy was Windows-1252")
        #expect(result.findings.first?.severity == .info)
        #expect(result.findings.first?.hint?.hasPrefix("saved by Excel as 'CSV UTF-8 (Comma delimited)' instead of 'CSV (Comma delimited)'") == true)
    }

    @Test func aByteOrderMarkMeansUTF8() throws {
        let accepted = [0xEF, 0xBB, 0xBF] + Array("id;titel\n1;Plan\n".utf8)
        let current = windows1252("id;titel\n1;Plän\n")
        #expect(try compare(accepted: accepted, current: current).findings.map(summary) == ["excel.encoding@1:-[]"])
    }

    @Test func plainASCIIHasNoEncodingToCompare() throws {
        let accepted = Array("id;titel\n1;Zürich\n".utf8)
        let current = Array("id;titel\n1;Z?rich\n".utf8)
        #expect(try compare(accepted: accepted, current: current).findings.map(summary) == ["excel.lost-character@2:3[titel]"])
    }

    @Test func aTabDelimiterIsNamed() throws {
        let findings = try compare(accepted: "id;titel\n1;a\n", current: "id\ttitel\n1\ta\n")
        #expect(findings.map(summary) == ["excel.delimiter@1:-[]"])
        #expect(findings.first?.message == "the delimiter is now tab; the accepted copy used ';'")
        #expect(findings.first?.messageDE == "das Trennzeichen ist jetzt Tabulator; die angenommene Kopie verwendete ';'")
    }

    @Test func aFileThatCannotBeReadThrows() throws {
        let folder = try TemporaryDirectory("kompass-excel")
        defer { folder.remove() }
        let present = try folder.write("a.csv", text: "id\n1\n")
        #expect(throws: IOError.self) {
            try SpreadsheetDamageCheck().compare(current: present, accepted: folder.file("missing.csv"))
        }
        #expect(throws: IOError.self) {
            try SpreadsheetDamageCheck().compare(current: folder.file("missing.csv"), accepted: present)
        }
    }

    // MARK: - The shapes, one by one

    @Test(arguments: [
        ("0870", "870"), ("007", "7"), ("00", "0"), ("01", "1"),
    ])
    func leadingZeros(accepted: String, current: String) {
        #expect(rule(accepted, current) == .excelLeadingZero)
    }

    @Test(arguments: [
        ("0870", "871"), ("870", "0870"), ("0870", "87"), ("0870", ""), ("A0870", "A870"), ("0", "00"),
    ])
    func notLeadingZeros(accepted: String, current: String) {
        #expect(rule(accepted, current) == nil)
    }

    @Test(arguments: [
        ("123456789012", "1.23457E+11"), ("123456789012", "1,23E+11"), ("87E1", "8.7E+02"), ("0,005", "5E-03"),
        ("-123456789012", "-1.23457E+11"),
    ])
    func scientific(accepted: String, current: String) {
        #expect(rule(accepted, current) == .excelScientific)
    }

    @Test(arguments: [
        ("8.7E+02", "8.70E+02"), ("offen", "1E+03"), ("870", "8.7E2"), ("870", "8.7E+"), ("870", "E+02"), ("870", ".7E+02"),
    ])
    func notScientific(accepted: String, current: String) {
        #expect(rule(accepted, current) == nil)
    }

    @Test(arguments: [
        ("1-2", "01.02.2026"), ("1-2", "1.2.26"), ("3/4", "3/4/2026"), ("3/4", "4/3/2026"), ("2023-5", "2023-05-01"),
        ("1-2", "02. Jan"), ("1-2", "2. Jan."), ("1-2", "Jan-02"), ("1.2", "1.2."), ("2023-5", "Mai 23"), ("12-2024", "Dez-24"),
        ("2 Jan", "02.01.2026"), ("3-1", "3-Jan"), ("2.3", "02.03.2026"), ("1/3", "1. Mär"), ("1/3", "01. Mrz"),
    ])
    func dates(accepted: String, current: String) {
        #expect(rule(accepted, current) == .excelDate)
    }

    @Test(arguments: [
        // Ordinary edits: the accepted text was no date-like text, or its numbers are not the date's.
        ("offen", "01.02.2026"), ("1-2", "05.06.2026"), ("1-2", "1-3"), ("A-17", "17.01.2026"), ("1-2-3-4", "01.02.2026"),
        // It was a date already: reformatting it is not damage to a text.
        ("2026-02-01", "01.02.2026"), ("Jan-02", "02. Jan"), ("1.2.", "01.02.2026"),
        // Not a date Excel writes: day or month out of range, a year of three digits, an unknown month.
        ("1-2", "32.01.2026"), ("1-2", "01.13.2026"), ("1-2", "1/2/202"), ("1-2", "02. Foo"), ("1-2", "13/13/2026"),
        ("12345-1", "01.01.2026"),
    ])
    func notDates(accepted: String, current: String) {
        #expect(rule(accepted, current) == nil)
    }

    @Test(arguments: [
        ("Bevölkerung", "Bev?lkerung"), ("Straße", "Stra_e"), ("Zürich", "Z\u{FFFD}rich"), ("Genève – Zürich", "Gen?ve ? Z?rich"),
    ])
    func lostCharacters(accepted: String, current: String) {
        #expect(rule(accepted, current) == .excelLostCharacter)
    }

    @Test(arguments: [
        ("Bevölkerung", "Bevolkerung"), ("Bevölkerung", "Bev?lkerungen"), ("Plan!", "Plan?"), ("Zürich", "Z?rich?"),
        ("Zürich", "Z?ric_"), ("Zürich", "Zürich?"),
    ])
    func notLostCharacters(accepted: String, current: String) {
        #expect(rule(accepted, current) == nil)
    }

    @Test func lostCharactersAreNamedOncePerPair() {
        let damage = SpreadsheetDamage.of(accepted: "Genève – Zürich, Zürich", current: "Gen?ve ? Z?rich, Z?rich")
        #expect(damage?.message.en == "'Genève – Zürich, Zürich' became 'Gen?ve ? Z?rich, Z?rich' ('è' → '?', '–' → '?', 'ü' → '?')")
    }

    @Test func severalLeadingZerosAreCounted() {
        let damage = SpreadsheetDamage.of(accepted: "00870", current: "870")
        #expect(damage?.message.en == "'00870' lost its 2 leading zeros: it is now '870'")
        #expect(damage?.message.de == "«00870» hat die 2 führenden Nullen verloren: jetzt steht «870»")
    }
}
