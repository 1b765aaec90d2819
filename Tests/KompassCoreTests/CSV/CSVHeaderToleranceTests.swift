import Foundation
import Testing
@testable import KompassCore

/// What one CSV import gave: the records in order and the findings.
private struct HeaderImport {
    var path: String
    var records: [RawRecord]
    var findings: [Finding]

    func findings(_ rule: RuleID) -> [Finding] { findings.filter { $0.ruleID == rule } }
    var rules: [RuleID] { findings.map(\.ruleID) }
    /// The findings about the header row (`csv.header.*`).
    var headerFindings: [Finding] { findings.filter { $0.ruleID.rawValue.hasPrefix("csv.header.") } }

    /// The texts of a field, one list per record.
    func texts(_ field: String) -> [[String]] { records.map { $0[field].map(\.text) } }
}

/// The fields the tests' mapping reads and the synonyms it declares for the title.
private let mappedFields: Set<String> = ["ID", "Titel"]
private let titleSynonyms = ["Bezeichnung": "Titel", "Titel des Vorhabens": "Titel"]

/// Writes `bytes` as a CSV file into a fresh folder and reads it with the CSV importer.
private func importCSV(_ bytes: [UInt8], fields: Set<String> = mappedFields, synonyms: [String: String] = titleSynonyms,
                       strict: Bool = false) throws -> HeaderImport {
    let folder = try TemporaryDirectory("kompass-csv-headers")
    defer { folder.remove() }
    let path = try folder.write("projects.csv", bytes: bytes)
    var records: [RawRecord] = []
    let request = ImportRequest(path: path, fields: fields, synonyms: synonyms, strictHeaders: strict)
    let findings = try CSVImporter().read(request) { records.append($0) }
    return HeaderImport(path: path, records: records, findings: findings)
}

private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The two rows under every header of the tolerance cases.
private let rows = "kp-01;Eins\nkp-02;Zwei\n"

/// One header tolerance: the file, and the one finding it must give.
struct HeaderToleranceCase: Sendable, CustomTestStringConvertible {
    var label: String
    var bytes: [UInt8]
    var rule: RuleID
    /// The finding's location: the header cell's column (its position on line 1) and the name as written.
    var column: Int
    var written: String
    /// The field the column is read as.
    var canonical: String
    var message: String
    var messageDE: String
    /// The hint of an ordinary run and of a strict one.
    var hint: String
    var strictHint: String

    var testDescription: String { label }
}

private let renameHint = "nothing to do; rename the column to 'Titel' to match the mapping exactly (a strict run requires it)"
private let strictRenameHint = "the run is strict; rename the column to 'Titel'"

private let toleranceCases: [HeaderToleranceCase] = [
    HeaderToleranceCase(
        label: "spaces", bytes: utf8("ID; Titel \n" + rows), rule: .csvHeaderSpaces, column: 4, written: "Titel", canonical: "Titel",
        message: "the header of column 2, ' Titel ', has spaces around the name; it was read as 'Titel'",
        messageDE: "der Kopf der Spalte 2, ' Titel ', hat Leerzeichen um den Namen; die Spalte wurde als 'Titel' gelesen",
        hint: renameHint, strictHint: strictRenameHint),
    HeaderToleranceCase(
        label: "case", bytes: utf8("ID;TITEL\n" + rows), rule: .csvHeaderCase, column: 4, written: "TITEL", canonical: "Titel",
        message: "the header of column 2, 'TITEL', differs from the mapping's 'Titel' only in case; it was read as 'Titel'",
        messageDE: "der Kopf der Spalte 2, 'TITEL', unterscheidet sich von 'Titel' im Mapping nur in Gross-/Kleinschreibung; "
            + "die Spalte wurde als 'Titel' gelesen",
        hint: renameHint, strictHint: strictRenameHint),
    HeaderToleranceCase(
        label: "BOM", bytes: [0xEF, 0xBB, 0xBF] + utf8("ID;Titel\n" + rows), rule: .csvHeaderBOM, column: 1, written: "ID",
        canonical: "ID",
        message: "the file starts with a UTF-8 byte-order mark before the header of column 1, 'ID'; it is not part of the name: "
            + "the column was read as 'ID'",
        messageDE: "die Datei beginnt mit einer UTF-8-Byte-Order-Mark vor dem Kopf der Spalte 1, 'ID'; sie gehört nicht zum Namen: "
            + "die Spalte wurde als 'ID' gelesen",
        hint: "nothing to do; save the file as UTF-8 without a byte-order mark to avoid it (a strict run requires it)",
        strictHint: "the run is strict; save the file as UTF-8 without a byte-order mark"),
    HeaderToleranceCase(
        label: "synonym", bytes: utf8("ID;Bezeichnung\n" + rows), rule: .csvHeaderSynonym, column: 4, written: "Bezeichnung",
        canonical: "Titel",
        message: "the header of column 2, 'Bezeichnung', is the mapping's synonym of 'Titel'; it was read as 'Titel'",
        messageDE: "der Kopf der Spalte 2, 'Bezeichnung', ist ein Synonym für 'Titel' aus dem Mapping; die Spalte wurde als 'Titel' gelesen",
        hint: renameHint, strictHint: strictRenameHint),
    HeaderToleranceCase(
        label: "synonym in another case", bytes: utf8("ID;titel des vorhabens\n" + rows), rule: .csvHeaderSynonym, column: 4,
        written: "titel des vorhabens", canonical: "Titel",
        message: "the header of column 2, 'titel des vorhabens', is the mapping's synonym 'Titel des Vorhabens' of 'Titel' in another case; "
            + "it was read as 'Titel'",
        messageDE: "der Kopf der Spalte 2, 'titel des vorhabens', ist das Synonym 'Titel des Vorhabens' für 'Titel' aus dem Mapping "
            + "in anderer Gross-/Kleinschreibung; die Spalte wurde als 'Titel' gelesen",
        hint: renameHint, strictHint: strictRenameHint),
]

@Suite("CSV header tolerance")
struct CSVHeaderToleranceTests {
    // MARK: - Each tolerance is told

    @Test func exactHeadersNeedNoTolerance() throws {
        let result = try importCSV(utf8("ID;Titel\n" + rows))
        #expect(result.rules == [.csvDelimiterDetected])
        #expect(result.texts("Titel") == [["Eins"], ["Zwei"]])
    }

    @Test(arguments: toleranceCases, [false, true])
    func eachToleranceIsOneFinding(_ tolerance: HeaderToleranceCase, strict: Bool) throws {
        let result = try importCSV(tolerance.bytes, strict: strict)
        #expect(result.rules == [.csvDelimiterDetected, tolerance.rule])
        let finding = try #require(result.headerFindings.first)
        #expect(finding.ruleID == tolerance.rule)
        #expect(finding.severity == (strict ? .error : .info))
        #expect(finding.location == SourceLocation(file: result.path, line: 1, column: tolerance.column, field: tolerance.written))
        #expect(finding.field == nil)
        #expect(finding.message == tolerance.message)
        #expect(finding.messageDE == tolerance.messageDE)
        #expect(finding.hint == (strict ? tolerance.strictHint : tolerance.hint))
        #expect(finding.hintDE?.hasPrefix(strict ? "der Lauf ist strikt; " : "nichts zu tun; ") == true, "\(finding.hintDE ?? "")")

        // The values arrive under the canonical names, whatever the header wrote; their locations keep the header's name.
        #expect(result.records.count == 2)
        #expect(result.records.allSatisfy { $0.fieldOrder == ["ID", "Titel"] })
        #expect(result.texts("ID") == [["kp-01"], ["kp-02"]])
        #expect(result.texts("Titel") == [["Eins"], ["Zwei"]])
        let value = try #require(result.records.first?[tolerance.canonical].first)
        #expect(value.location == SourceLocation(file: result.path, line: 2, column: tolerance.canonical == "ID" ? 1 : 7,
                                                 field: tolerance.written))
    }

    @Test func spacesAndCaseTogetherAreTwoFindingsOfOneColumn() throws {
        let result = try importCSV(utf8("ID;  titel\n" + rows))
        #expect(result.rules == [.csvDelimiterDetected, .csvHeaderSpaces, .csvHeaderCase])
        #expect(result.headerFindings.map(\.location) == [
            SourceLocation(file: result.path, line: 1, column: 4, field: "titel"),
            SourceLocation(file: result.path, line: 1, column: 4, field: "titel"),
        ])
        #expect(result.headerFindings.map(\.message) == [
            "the header of column 2, '  titel', has spaces around the name; it was read as 'Titel'",
            "the header of column 2, '  titel', differs from the mapping's 'Titel' only in case; it was read as 'Titel'",
        ])
        #expect(result.headerFindings.map(\.severity) == [.info, .info])
        #expect(result.texts("Titel") == [["Eins"], ["Zwei"]])
    }

    @Test func everyToleratedColumnIsToldOnceHoweverManyRows() throws {
        var text = "\u{FEFF} id ;TITEL;Notiz\n"
        for index in 1...500 { text += "kp-\(index);Titel \(index);n\n" }
        let result = try importCSV(utf8(text), strict: true)
        #expect(result.rules == [.csvDelimiterDetected, .csvHeaderBOM, .csvHeaderSpaces, .csvHeaderCase,
                                 .csvHeaderCase, .sourceFieldUnknown])
        #expect(result.headerFindings.map(\.location?.column) == [1, 1, 1, 6])
        #expect(result.headerFindings.allSatisfy { $0.severity == .error })
        #expect(result.findings(.sourceFieldUnknown).map(\.severity) == [.info], "an unknown column is no tolerance")
        #expect(result.records.count == 500)
        #expect(result.records.last?["ID"].map(\.text) == ["kp-500"])
        #expect(result.records.last?["Titel"].map(\.text) == ["Titel 500"])
    }

    @Test func aBOMBeforeAnUnknownColumnIsToldWithoutACanonicalName() throws {
        let result = try importCSV([0xEF, 0xBB, 0xBF] + utf8("Notiz;ID;Titel\nn;kp-01;Eins\n"))
        #expect(result.rules == [.csvDelimiterDetected, .csvHeaderBOM, .sourceFieldUnknown])
        let bom = try #require(result.findings(.csvHeaderBOM).first)
        #expect(bom.message == "the file starts with a UTF-8 byte-order mark before the header of column 1, 'Notiz'; it is not part of the name")
        #expect(bom.location == SourceLocation(file: result.path, line: 1, column: 1, field: "Notiz"))
        #expect(result.texts("ID") == [["kp-01"]])
    }

    @Test func aBOMWhileTheConfigurationSaysWindows1252IsOnlyTheEncodingWarning() throws {
        let folder = try TemporaryDirectory("kompass-csv-headers")
        defer { folder.remove() }
        let path = try folder.write("projects.csv", bytes: [0xEF, 0xBB, 0xBF] + utf8("ID;Titel\nkp-01;Eins\n"))
        let request = ImportRequest(path: path, fields: mappedFields, options: SourceOptions(encoding: .windows1252))
        let findings = try CSVImporter().read(request) { _ in }
        #expect(findings.map(\.ruleID) == [.csvEncodingBOM, .csvDelimiterDetected])
    }

    @Test func aCaseInsensitiveMatchOfTwoNamesMatchesNeither() throws {
        // Only a request built in code can hold two names that differ in case (a mapping file refuses them).
        let result = try importCSV(utf8("id;Titel\nkp-01;Eins\n"), fields: ["ID", "Id", "Titel"], synonyms: [:])
        #expect(result.rules == [.csvDelimiterDetected, .sourceFieldUnknown, .csvHeaderMissing, .csvHeaderMissing])
        #expect(result.findings(.csvHeaderMissing).compactMap(\.location?.field) == ["ID", "Id"])
    }

    // MARK: - Duplicates after resolution

    @Test(arguments: [false, true])
    func twoColumnsReadAsTheSameFieldAreAnError(strict: Bool) throws {
        let result = try importCSV(utf8("ID;Titel;titel\nkp-01;Eins;Uno\n"), strict: strict)
        #expect(result.rules == [.csvDelimiterDetected, .csvHeaderDuplicate])
        let duplicate = try #require(result.findings(.csvHeaderDuplicate).first)
        #expect(duplicate.severity == .error)
        #expect(duplicate.location == SourceLocation(file: result.path, line: 1, column: 10, field: "titel"))
        #expect(duplicate.message == "the columns 'Titel' (column 2) and 'titel' (column 3) are both read as 'Titel'")
        #expect(duplicate.messageDE == "die Spalten 'Titel' (Spalte 2) und 'titel' (Spalte 3) werden beide als 'Titel' gelesen")
        #expect(duplicate.hint == "give every column its own name; kompass does not guess which one is meant")
        #expect(result.texts("Titel") == [["Eins"]], "the first column is read, the error blocks publication")
    }

    @Test func aSynonymAndTheCanonicalNameTogetherAreADuplicate() throws {
        let result = try importCSV(utf8("ID;Bezeichnung;Titel\nkp-01;Eins;Uno\n"))
        #expect(result.rules == [.csvDelimiterDetected, .csvHeaderSynonym, .csvHeaderDuplicate])
        let duplicate = try #require(result.findings(.csvHeaderDuplicate).first)
        #expect(duplicate.severity == .error)
        #expect(duplicate.location == SourceLocation(file: result.path, line: 1, column: 16, field: "Titel"))
        #expect(duplicate.message == "the columns 'Bezeichnung' (column 2) and 'Titel' (column 3) are both read as 'Titel'")
    }

    @Test func twoSynonymsOfOneFieldAreADuplicate() throws {
        let result = try importCSV(utf8("ID;Bezeichnung;Titel des Vorhabens\nkp-01;Eins;Uno\n"))
        #expect(result.rules == [.csvDelimiterDetected, .csvHeaderSynonym, .csvHeaderDuplicate])
        #expect(result.findings(.csvHeaderDuplicate).first?.message
                == "the columns 'Bezeichnung' (column 2) and 'Titel des Vorhabens' (column 3) are both read as 'Titel'")
    }

    @Test func theSameNameTwiceKeepsItsMessage() throws {
        let result = try importCSV(utf8("ID;Titel;Titel \nkp-01;Eins;Uno\n"))
        #expect(result.rules == [.csvDelimiterDetected, .csvHeaderDuplicate])
        #expect(result.findings(.csvHeaderDuplicate).first?.message == "the column name 'Titel' appears twice (columns 2 and 3)")
    }

    // MARK: - Missing and unknown columns are named once

    @Test func aThousandRowsWithAMissingColumnGiveOneFinding() throws {
        var text = "ID;Titel;Notiz\n"
        for index in 1...1_000 { text += "kp-\(index);Titel \(index);n\(index)\n" }
        let result = try importCSV(utf8(text), fields: ["ID", "Titel", "Fortschritt"],
                                   synonyms: ["Prozent": "Fortschritt", "Stand": "Fortschritt"])
        #expect(result.rules == [.csvDelimiterDetected, .sourceFieldUnknown, .csvHeaderMissing])
        let missing = try #require(result.findings(.csvHeaderMissing).first)
        #expect(missing.severity == .error)
        #expect(missing.location == SourceLocation(file: result.path, line: 1, field: "Fortschritt"))
        #expect(missing.message
                == "the column 'Fortschritt' that the mapping reads is missing from the header (and so are its synonyms 'Prozent', 'Stand')")
        #expect(missing.hint == "the header has: ID, Titel, Notiz")
        let unknown = try #require(result.findings(.sourceFieldUnknown).first)
        #expect(unknown.location == SourceLocation(file: result.path, line: 1, column: 10, field: "Notiz"))
        #expect(result.records.count == 1_000)
        #expect(result.records.allSatisfy { $0.fieldOrder == ["ID", "Titel"] })
    }

    // MARK: - Mappings with column synonyms

    @Test func aMappingWithSynonymArraysLoads() throws {
        let folder = try MappingFolder()
        defer { folder.folder.remove() }
        let configuration = try folder.load(fields: ["id": ["ID"], "title": ["Titel", "Titel des Vorhabens", "Bezeichnung"],
                                                     "progress": "Fortschritt"]).get()
        let mapping = try #require(configuration.sources.first?.mapping)
        #expect(mapping.sourceFields == [.id: "ID", .title: "Titel", .progress: "Fortschritt"])
        #expect(mapping.columnSynonyms == ["Titel des Vorhabens": "Titel", "Bezeichnung": "Titel"])
        #expect(mapping.usedSourceFields == ["ID", "Titel", "Fortschritt"])
        #expect(mapping.columnNames(of: .title) == ["Titel", "Bezeichnung", "Titel des Vorhabens"])
        #expect(mapping.columnNames(of: .id) == ["ID"])
        #expect(mapping.columnNames(of: .future) == [])
    }

    @Test func aMappingFileWithSynonymsLoads() throws {
        let folder = try MappingFolder()
        defer { folder.folder.remove() }
        try folder.write("mapping.json", json: ["fields": ["id": "ID", "title": ["Titel", "Bezeichnung"]]])
        let configuration = try folder.load(mapping: "mapping.json").get()
        #expect(configuration.sources.first?.mapping.columnSynonyms == ["Bezeichnung": "Titel"])
    }

    @Test(arguments: [
        (#"{"id": "ID", "title": []}"#, "fields.title", "must name at least one column: its name first, then any synonyms"),
        (#"{"id": "ID", "title": ["Titel", 3]}"#, "fields.title[1]", "must be a string (a column name)"),
        (#"{"id": "ID", "title": ["Titel", " "]}"#, "fields.title[1]", "must not be empty"),
        (#"{"id": "ID", "title": 3}"#, "fields.title",
         "must be a string (the column's name) or an array of strings (its name, then its synonyms)"),
        (#"{"id": "ID", "title": ["Titel", "ID"]}"#, "fields.title[1]",
         "'ID' is already named at sources[0].mapping.fields.id; give each name to one field, once"),
        (#"{"id": ["ID", "Nummer"], "title": ["Titel", "nummer "]}"#, "fields.title[1]",
         "'nummer ' is already named at sources[0].mapping.fields.id[1] (names are compared ignoring case and surrounding spaces); "
            + "give each name to one field, once"),
        (#"{"id": "ID", "title": ["Titel", "Bezeichnung", "Bezeichnung"]}"#, "fields.title[2]",
         "'Bezeichnung' is already named at sources[0].mapping.fields.title[1]; give each name to one field, once"),
    ])
    func aBadSynonymArrayIsAConfigurationError(fieldsJSON: String, keyPath: String, message: String) throws {
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(fieldsJSON.utf8)) as? [String: Any])
        let folder = try MappingFolder()
        defer { folder.folder.remove() }
        let result = try folder.load(fields: fields)
        // The error names the place of the value too (its line and column in the written file).
        let error = try #require(throws: ConfigurationError.self) { try result.get() }
        #expect(error.path == folder.configPath)
        #expect(error.keyPath == "sources[0].mapping." + keyPath)
        #expect(error.message == message)
        #expect(error.line != nil && error.column != nil)
    }

    @Test func aBadSynonymArrayInAMappingFileNamesThatFile() throws {
        let folder = try MappingFolder()
        defer { folder.folder.remove() }
        try folder.write("mapping.json", json: ["fields": ["id": "ID", "title": ["Titel", "id"]]])
        let result = try folder.load(mapping: "mapping.json")
        let error = try #require(throws: ConfigurationError.self) { try result.get() }
        #expect(error.path == folder.folder.file("mapping.json"))
        #expect(error.keyPath == "fields.title[1]")
        #expect(error.message
            == "'id' is already named at fields.id (names are compared ignoring case and surrounding spaces); give each name to one field, once")
        #expect(error.line == 1, "the mapping file is written on one line")
    }

    // MARK: - Through the loader

    @Test(arguments: [false, true])
    func theLoaderPassesSynonymsAndStrictness(strict: Bool) throws {
        let folder = try TemporaryDirectory("kompass-csv-headers")
        defer { folder.remove() }
        let path = try folder.write("register.csv", text: "id;Bezeichnung\nalpha;Alpha\n")
        let mapping = FieldMapping(sourceFields: [.id: "id", .title: "Titel"], columnSynonyms: ["Bezeichnung": "Titel"])
        let loaded = try PortfolioLoader().load([SourceConfiguration(path: path, format: .csv, mapping: mapping)], strictHeaders: strict)
        let synonym = loaded.findings.filter { $0.ruleID == .csvHeaderSynonym }
        #expect(synonym.map(\.severity) == [strict ? .error : .info])
        #expect(synonym.first?.location == SourceLocation(file: path, line: 1, column: 4, field: "Bezeichnung"))
        #expect(!loaded.findings.contains { $0.ruleID == .csvHeaderMissing || $0.ruleID == .valueMissing },
                "the title was read: \(loaded.findings.map(\.ruleID))")
    }

    @Test func theLoaderIsLenientByDefault() throws {
        let folder = try TemporaryDirectory("kompass-csv-headers")
        defer { folder.remove() }
        let path = try folder.write("register.csv", text: "ID ;titel\nalpha;Alpha\n")
        let mapping = FieldMapping(sourceFields: [.id: "ID", .title: "Titel"])
        let loaded = try PortfolioLoader().load([SourceConfiguration(path: path, format: .csv, mapping: mapping)])
        #expect(loaded.findings.filter { $0.ruleID.rawValue.hasPrefix("csv.header.") }.map { "\($0.ruleID) \($0.severity)" }
                == ["csv.header.spaces info", "csv.header.case info"])
    }
}

/// A configuration folder whose `kompass.json` has one CSV source with the given mapping.
private struct MappingFolder {
    let folder: TemporaryDirectory
    var configPath: String { folder.file("kompass.json") }

    init() throws {
        folder = try TemporaryDirectory("kompass-csv-header-mapping")
    }

    func write(_ name: String, json: Any) throws {
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        try folder.write(name, bytes: [UInt8](data))
    }

    /// Loads the configuration with an inline mapping of these fields.
    func load(fields: [String: Any]) throws -> Result<Configuration, ConfigurationError> {
        try load(mapping: ["fields": fields])
    }

    /// Loads the configuration with this mapping (an object, or the name of a file in the folder).
    func load(mapping: Any) throws -> Result<Configuration, ConfigurationError> {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.configPath))
        let real = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        try write("kompass.json", json: [
            "version": 1, "output": "out", "publication": try #require(real["publication"]),
            "sources": [["path": "register.csv", "mapping": mapping]],
        ] as [String: Any])
        do {
            return .success(try ConfigurationLoader().load(path: configPath))
        } catch let error as ConfigurationError {
            return .failure(error)
        }
    }
}
