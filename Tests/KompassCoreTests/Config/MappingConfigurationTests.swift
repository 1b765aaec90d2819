import Foundation
import Testing
@testable import KompassCore

/// A configuration folder with `kompass.json` and any other files, loaded with the ConfigurationLoader.
private struct ConfigFolder {
    let folder: TemporaryDirectory
    var configPath: String { folder.file("kompass.json") }

    init() throws {
        folder = try TemporaryDirectory("kompass-mapping-config")
    }

    func write(_ name: String, json: Any) throws {
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        try folder.write(name, bytes: [UInt8](data))
    }

    func load(_ configuration: [String: Any]) throws -> Result<Configuration, ConfigurationError> {
        try write("kompass.json", json: configuration)
        do {
            return .success(try ConfigurationLoader().load(path: configPath))
        } catch let error as ConfigurationError {
            return .failure(error)
        }
    }
}

/// The real configuration's publication settings, as a JSON object.
private func realPublication() throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.configPath))
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require(root["publication"] as? [String: Any])
}

/// A configuration with the given sources (and merge settings), the real publication settings inlined.
private func configuration(_ sources: [[String: Any]], merge: [String: Any]? = nil) throws -> [String: Any] {
    var object: [String: Any] = ["version": 1, "sources": sources, "output": "out", "publication": try realPublication()]
    if let merge { object["merge"] = merge }
    return object
}

private var simpleFields: [String: Any] { ["id": "ID", "title": "Titel"] }

/// Loads `object` in a fresh folder and expects a ConfigurationError at `keyPath` in the configuration file
/// (or in `file`, a name inside the folder, when given).
private func expectError(_ object: [String: Any], keyPath: String, in file: String? = nil, mentioning words: [String] = [],
                         extraFiles: [String: Any] = [:],
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let folder = try ConfigFolder()
    defer { folder.folder.remove() }
    for (name, json) in extraFiles { try folder.write(name, json: json) }
    switch try folder.load(object) {
    case .success:
        Issue.record("expected a ConfigurationError at '\(keyPath)'", sourceLocation: sourceLocation)
    case .failure(let error):
        #expect(error.keyPath == keyPath, "\(error)", sourceLocation: sourceLocation)
        #expect(error.path == (file.map { folder.folder.file($0) } ?? folder.configPath), "\(error)",
                sourceLocation: sourceLocation)
        for word in words {
            #expect(error.description.contains(word), "'\(word)' in \(error)", sourceLocation: sourceLocation)
        }
    }
}

@Suite("Configuration of mappings and merging")
struct MappingConfigurationTests {
    // MARK: - Mappings

    @Test func mappingFileIsRelativeToTheConfigurationsFolder() throws {
        let folder = try ConfigFolder()
        defer { folder.folder.remove() }
        try folder.write("mappings/register.json", json: [
            "fields": ["id": "ID", "title": "Titel", "progress": "Anteil", "startYear": "Beginn", "endYear": "Ende",
                       "fieldsOfAction": "Felder"],
            "listSeparator": "|",
            "progressForm": "fraction",
            "synonyms": ["userGroups": ["Bevoelkerung": "Bevölkerung"], "fieldsOfAction": ["IT": "Technologie"]],
        ])
        // The folder is not the working directory: a path resolved against it would not exist.
        #expect(FileManager.default.currentDirectoryPath != folder.folder.path)
        let result = try folder.load(try configuration([
            ["path": "data/register.csv", "mapping": "mappings/register.json"],
        ]))
        let loaded = try result.get()
        let source = try #require(loaded.sources.first)
        #expect(source.format == .csv)
        #expect(source.name == "register.csv")
        #expect(source.path == folder.folder.file("data/register.csv"))
        #expect(source.mapping.sourceFields == [.id: "ID", .title: "Titel", .progress: "Anteil", .startYear: "Beginn",
                                                .endYear: "Ende", .fieldsOfAction: "Felder"])
        #expect(source.mapping.listSeparator == "|")
        #expect(source.mapping.progressForm == .fraction)
        #expect(source.mapping.userGroupSynonyms == ["Bevoelkerung": "Bevölkerung"])
        #expect(source.mapping.fieldOfActionSynonyms == ["IT": "Technologie"])
    }

    @Test func inlineMapping() throws {
        let folder = try ConfigFolder()
        defer { folder.folder.remove() }
        let loaded = try folder.load(try configuration([
            ["name": "website", "path": "website.json", "json": ["recordsKey": "vorhaben"],
             "mapping": ["fields": ["id": "slug", "period": "dauer", "userGroups": "nutzende"]]],
        ])).get()
        let source = try #require(loaded.sources.first)
        #expect(source.name == "website")
        #expect(source.format == .json)
        #expect(source.options.jsonRecordsKey == "vorhaben")
        #expect(source.mapping.sourceFields == [.id: "slug", .period: "dauer", .userGroups: "nutzende"])
        #expect(source.mapping.progressForm == .percent, "the default")
        #expect(source.mapping.listSeparator == nil)
        #expect(source.mapping.userGroupSynonyms.isEmpty)
    }

    @Test func csvSettingsAreRead() throws {
        let folder = try ConfigFolder()
        defer { folder.folder.remove() }
        let loaded = try folder.load(try configuration([
            ["path": "a.csv", "mapping": ["fields": simpleFields], "csv": ["delimiter": "tab", "encoding": "Windows-1252"]],
        ])).get()
        #expect(loaded.sources.first?.options.csvDelimiter == UInt8(ascii: "\t"))
        #expect(loaded.sources.first?.options.encoding == .windows1252)
    }

    @Test func csvSourceWithoutMappingIsAnError() throws {
        try expectError(try configuration([["path": "register.csv"]]), keyPath: "sources[0].mapping",
                        mentioning: ["sources[0].mapping", "missing"])
    }

    @Test func missingMappingFileIsAnError() throws {
        try expectError(try configuration([["path": "register.csv", "mapping": "mappings/none.json"]]),
                        keyPath: "sources[0].mapping", mentioning: ["none.json"])
    }

    @Test func periodAndStartYearTogetherAreAnError() throws {
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": ["id": "ID", "period": "Dauer", "startYear": "Beginn"]]],
        ]), keyPath: "sources[0].mapping.fields.period", mentioning: ["startYear"])
    }

    @Test func periodAndStartYearTogetherInAMappingFileNameThatFile() throws {
        try expectError(try configuration([["path": "a.csv", "mapping": "m.json"]]),
                        keyPath: "fields.period", in: "m.json",
                        extraFiles: ["m.json": ["fields": ["id": "ID", "period": "Dauer", "startYear": "Beginn"]]])
    }

    @Test func endYearWithoutStartYearIsAnError() throws {
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": ["id": "ID", "endYear": "Ende"]]],
        ]), keyPath: "sources[0].mapping.fields.endYear", mentioning: ["startYear"])
    }

    @Test func unknownProgressFormIsAnError() throws {
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": simpleFields, "progressForm": "share"]],
        ]), keyPath: "sources[0].mapping.progressForm", mentioning: ["share", "percent", "fraction"])
    }

    @Test func dateFormAndNormalisationsAreReadAndChecked() throws {
        let folder = try ConfigFolder()
        defer { folder.folder.remove() }
        let loaded = try folder.load(try configuration([
            ["path": "a.csv", "mapping": ["fields": simpleFields, "dateForm": "DD.MM.YYYY", "normalise": ["trim", "nfc"]]],
        ])).get()
        #expect(loaded.sources[0].mapping.dateForm == .dayMonthYear)
        #expect(loaded.sources[0].mapping.normalisations == [.trim, .nfc])
        let plain = try folder.load(try configuration([["path": "a.csv", "mapping": ["fields": simpleFields]]])).get()
        #expect(plain.sources[0].mapping.dateForm == .year)
        #expect(plain.sources[0].mapping.normalisations.isEmpty)
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": simpleFields, "dateForm": "MM/DD/YYYY"]],
        ]), keyPath: "sources[0].mapping.dateForm", mentioning: ["MM/DD/YYYY", "DD.MM.YYYY", "YYYY-MM-DD"])
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": simpleFields, "normalise": ["trim", "lowercase"]]],
        ]), keyPath: "sources[0].mapping.normalise[1]", mentioning: ["trim", "nfc"])
    }

    @Test func unknownMappingTargetIsAnError() throws {
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": ["id": "ID", "titel": "Titel"]]],
        ]), keyPath: "sources[0].mapping.fields.titel")
    }

    @Test func synonymToAnUnknownLabelIsAnError() throws {
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": simpleFields, "synonyms": ["userGroups": ["Leute": "Menschen"]]]],
        ]), keyPath: "sources[0].mapping.synonyms.userGroups.Leute", mentioning: ["Bevölkerung"])
    }

    @Test func synonymToALabelOfTheOtherVocabularyIsAnError() throws {
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": simpleFields, "synonyms": ["fieldsOfAction": ["Volk": "Bevölkerung"]]]],
        ]), keyPath: "sources[0].mapping.synonyms.fieldsOfAction.Volk", mentioning: ["Prozesse"])
    }

    // MARK: - Format settings

    @Test func pipeDelimiterIsRejected() throws {
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": simpleFields], "csv": ["delimiter": "|"]],
        ]), keyPath: "sources[0].csv.delimiter", mentioning: ["'|'"])
    }

    @Test func unknownEncodingIsRejected() throws {
        try expectError(try configuration([
            ["path": "a.csv", "mapping": ["fields": simpleFields], "csv": ["encoding": "latin-1"]],
        ]), keyPath: "sources[0].csv.encoding", mentioning: ["latin-1"])
    }

    @Test func csvSettingsOnAJSONSourceAreRejected() throws {
        try expectError(try configuration([
            ["path": "a.json", "mapping": ["fields": simpleFields], "csv": ["delimiter": ";"]],
        ]), keyPath: "sources[0].csv", mentioning: ["csv"])
    }

    // MARK: - Several sources and merging

    @Test func mergeSettingsAreRead() throws {
        let folder = try ConfigFolder()
        defer { folder.folder.remove() }
        let loaded = try folder.load(try configuration([
            ["name": "register", "path": "a.csv", "mapping": ["fields": simpleFields]],
            ["name": "tool", "path": "b.json", "mapping": ["fields": ["id": "id", "progress": "p"]]],
        ], merge: ["partialProjects": "warning", "precedence": ["title": ["tool", "register"], "progress": ["tool"]]])).get()
        #expect(loaded.sources.map(\.name) == ["register", "tool"])
        #expect(loaded.merge.partialProjects == .warning)
        #expect(loaded.merge.precedence == [.title: ["tool", "register"], .progress: ["tool"]])
    }

    @Test func precedenceNamingAnUnknownSourceIsAnError() throws {
        try expectError(try configuration([
            ["name": "register", "path": "a.csv", "mapping": ["fields": simpleFields]],
            ["name": "tool", "path": "b.json", "mapping": ["fields": ["id": "id"]]],
        ], merge: ["precedence": ["title": ["website"]]]), keyPath: "merge.precedence.title", mentioning: ["register", "tool"])
    }

    @Test func unknownPartialProjectsIsAnError() throws {
        try expectError(try configuration([
            ["name": "register", "path": "a.csv", "mapping": ["fields": simpleFields]],
        ], merge: ["partialProjects": "ignore"]), keyPath: "merge.partialProjects", mentioning: ["allow", "warning", "error"])
    }

    @Test func twoSourcesWithTheSameNameAreAnError() throws {
        try expectError(try configuration([
            ["name": "export", "path": "a.csv", "mapping": ["fields": simpleFields]],
            ["name": "export", "path": "b.json", "mapping": ["fields": ["id": "id"]]],
        ]), keyPath: "sources[1].name", mentioning: ["export"])
    }

    @Test func twoSourcesWithTheSameDefaultNameAreAnError() throws {
        try expectError(try configuration([
            ["path": "2025/projects.csv", "mapping": ["fields": simpleFields]],
            ["path": "2026/projects.csv", "mapping": ["fields": simpleFields]],
        ]), keyPath: "sources[1].name", mentioning: ["projects.csv"])
    }

    // MARK: - Shared publication settings

    @Test func publicationFromAnotherFile() throws {
        let folder = try ConfigFolder()
        defer { folder.folder.remove() }
        try folder.folder.copy(TestFiles.configPath, as: "shared/deployment.json")
        let loaded = try folder.load([
            "version": 1, "output": "out", "publication": "shared/deployment.json",
            "sources": [["path": "a.csv", "mapping": ["fields": simpleFields]]],
        ]).get()
        let real = try ConfigurationLoader().load(path: TestFiles.configPath)
        #expect(loaded.publication == real.publication)
        #expect(loaded.outputDirectory == folder.folder.file("out"), "only the publication settings are taken")
        #expect(loaded.sources.map(\.path) == [folder.folder.file("a.csv")])
    }

    @Test func publicationThatRefersOnToYetAnotherFileIsAnError() throws {
        let folder = try ConfigFolder()
        defer { folder.folder.remove() }
        try folder.folder.copy(TestFiles.configPath, as: "third.json")
        try folder.write("second.json", json: [
            "version": 1, "output": "out", "publication": "third.json",
            "sources": [["path": "a.csv", "mapping": ["fields": simpleFields]]],
        ])
        let result = try folder.load([
            "version": 1, "output": "out", "publication": "second.json",
            "sources": [["path": "a.csv", "mapping": ["fields": simpleFields]]],
        ])
        switch result {
        case .success:
            Issue.record("a chain of publication references must be refused")
        case .failure(let error):
            #expect(error.path == folder.configPath)
            #expect(error.keyPath == "publication")
            #expect(error.description.contains("second.json"), "\(error)")
        }
    }

    @Test func publicationFileThatCannotBeReadIsAnError() throws {
        try expectError([
            "version": 1, "output": "out", "publication": "missing.json",
            "sources": [["path": "a.csv", "mapping": ["fields": simpleFields]]],
        ], keyPath: "publication", mentioning: ["missing.json"])
    }
}
