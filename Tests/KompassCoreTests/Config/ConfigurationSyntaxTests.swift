import Foundation
import Testing
@testable import KompassCore

/// A configuration or mapping file that is not JSON is a `ConfigurationError` at the file, line and column of
/// the fault; a wrong value names the place of its key.
@Suite("Configuration syntax")
struct ConfigurationSyntaxTests {
    /// The real configuration with `edit` applied to its text, written beside copies of what it refers to.
    static func load(editing edit: (String) -> String) throws -> (path: String, result: Result<Configuration, ConfigurationError>) {
        let directory = try TemporaryDirectory("kompass-config-syntax")
        let original = try TestFiles.text(atPath: TestFiles.configPath)
        let edited = edit(original)
        #expect(edited != original, "the edit changes the text")
        let path = try directory.write("kompass.json", text: edited)
        defer { directory.remove() }
        do {
            return (path, .success(try ConfigurationLoader().load(path: path)))
        } catch let error as ConfigurationError {
            return (path, .failure(error))
        }
    }

    static func error(editing edit: (String) -> String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> ConfigurationError {
        let (path, result) = try load(editing: edit)
        let error = try #require(throws: ConfigurationError.self, sourceLocation: sourceLocation) { try result.get() }
        #expect(error.path == path, sourceLocation: sourceLocation)
        return error
    }

    /// The 1-based line of the real configuration that holds `text`.
    static func line(of text: String) throws -> Int {
        let lines = try TestFiles.text(atPath: TestFiles.configPath).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test func aMissingCommaNamesFileLineAndColumn() throws {
        let error = try Self.error { $0.replacingOccurrences(of: #""output": "../output","#, with: #""output": "../output""#) }
        #expect(error.line == (try Self.line(of: #""output": "../output""#)) + 1)
        #expect(error.column == 3)
        #expect(error.keyPath == "")
        #expect(error.message == #"expected ',' or '}' after the value of "output", found '"'"#)
        #expect(error.description.hasPrefix("\(error.path):\(error.line!):3: expected ',' or '}'"))
        #expect(!error.description.contains("around character"))
    }

    @Test func aTrailingCommaIsAnError() throws {
        let line = try Self.line(of: #""register": "sources/register.csv""#)
        let error = try Self.error {
            $0.replacingOccurrences(of: #""register": "sources/register.csv""#, with: #""register": "sources/register.csv","#)
        }
        #expect(error.line == line)
        #expect(error.column == 41)
        #expect(error.hint == "remove the comma after the last member: JSON allows none")
    }

    @Test func aCommentIsAnErrorWithAHintThatFitsTheConfiguration() throws {
        let error = try Self.error { $0.replacingOccurrences(of: #""version": 1,"#, with: "// which version\n  \"version\": 1,") }
        #expect(error.line == (try Self.line(of: #""version": 1,"#)))
        #expect(error.column == 3)
        #expect(error.message.hasSuffix("found the comment '//'"))
        #expect(error.hint == ConfigurationLoader.commentHint)
        // The hint is honest: a "_comment" key is refused too.
        let commentKey = try Self.error { $0.replacingOccurrences(of: #""version": 1,"#, with: #""version": 1, "_comment": "x","#) }
        #expect(commentKey.keyPath == "_comment")
        #expect(commentKey.message.hasPrefix("is not a known key"))
    }

    @Test func aDuplicateKeyNamesBothLines() throws {
        let first = try Self.line(of: #""output": "../output""#)
        let error = try Self.error { $0.replacingOccurrences(of: #""version": 1,"#, with: #""version": 1, "output": "elsewhere","#) }
        let second = try Self.line(of: #""version": 1,"#)
        #expect(error.line == first, "the second \"output\" is the later one in the file")
        #expect(error.message.contains("at line \(second), column 17 and at line \(first), column 3"), "\(error)")
    }

    @Test func aWrongValueNamesThePlaceOfItsKey() throws {
        let line = try Self.line(of: #""datasetID""#)
        let error = try Self.error {
            $0.replacingOccurrences(of: #""datasetID": "digitalisierungs-kompass""#, with: #""datasetID": "digitalisierungs kompass""#)
        }
        #expect(error.keyPath == "publication.datasetID")
        #expect((error.line, error.column) == (line, 5))
        #expect(error.description.contains(":\(line):5: publication.datasetID: 'digitalisierungs kompass' may hold only"))
    }

    @Test func aValueOfTheWrongKindInAnArrayNamesTheElement() throws {
        let register = #""register": "sources/register.csv""#
        let edited = register + #", "retired": ["a", 17]"#
        let error = try Self.error { $0.replacingOccurrences(of: register, with: edited) }
        #expect(error.keyPath == "sources[0].retired[1]")
        #expect(error.line == (try Self.line(of: register)))
        let indent = try TestFiles.text(atPath: TestFiles.configPath).components(separatedBy: "\n")[error.line! - 1]
            .prefix { $0 == " " }.count
        #expect(error.column == indent + edited.count - 2, "at the 17")
    }

    @Test func theRealConfigurationAndEveryExampleStillLoad() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: TestFiles.path("config/examples"))
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(examples.count >= 5)
        for path in [TestFiles.configPath] + examples.map({ TestFiles.path("config/examples/\($0)") }) {
            #expect(throws: Never.self, "\(path)") { try ConfigurationLoader().load(path: path) }
        }
        // The mapping files and the JSON Schemas are strict JSON too.
        for folder in ["config/mappings", "schemas"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: TestFiles.path(folder)) where name.hasSuffix(".json") {
                #expect(throws: Never.self, "\(folder)/\(name)") {
                    try JSONDocumentReader.read(try TestFiles.bytes(atPath: TestFiles.path("\(folder)/\(name)")))
                }
            }
        }
    }

    @Test func aMappingFileErrorNamesTheMappingFileLineAndColumn() throws {
        let directory = try TemporaryDirectory("kompass-mapping-syntax")
        defer { directory.remove() }
        let mapping = try directory.write("mapping.json", text: """
            {
              "fields": {
                "id": "ID",
                "title": "Titel",
              }
            }
            """)
        _ = try directory.write("projects.csv", text: "ID;Titel\n1;Eins\n")
        let config = try directory.write("kompass.json", text: """
            {
              "version": 1,
              "sources": [{"path": "projects.csv", "mapping": "mapping.json"}],
              "output": "out",
              "publication": "\(TestFiles.configPath)"
            }
            """)
        let error = try #require(throws: ConfigurationError.self) { try ConfigurationLoader().load(path: config) }
        #expect(error.path == mapping)
        #expect((error.line, error.column) == (4, 21))
        #expect(error.message == #"a ',' after the last member of "fields", before the '}' at line 5, column 3"#)
        #expect(error.description.hasPrefix("\(mapping):4:21: a ','"))

        // A wrong value in the mapping file names its place in that file.
        _ = try directory.write("mapping.json", text: "{\n  \"fields\": {\"id\": \"ID\", \"title\": 7}\n}")
        let wrong = try #require(throws: ConfigurationError.self) { try ConfigurationLoader().load(path: config) }
        #expect(wrong.path == mapping)
        #expect(wrong.keyPath == "fields.title")
        #expect((wrong.line, wrong.column) == (2, 26))
    }

    @Test func theSharedPublicationFileIsReadStrictlyToo() throws {
        let directory = try TemporaryDirectory("kompass-publication-syntax")
        defer { directory.remove() }
        let shared = try directory.write("shared.json", text: "{\"publication\": {} /* settings */}")
        let config = try directory.write("kompass.json", text: """
            {"version": 1, "sources": [{"path": "a.txt", "format": "page-text"}], "output": "out", "publication": "shared.json"}
            """)
        let error = try #require(throws: ConfigurationError.self) { try ConfigurationLoader().load(path: config) }
        #expect(error.path == shared)
        #expect((error.line, error.column) == (1, 20))
        #expect(error.hint == ConfigurationLoader.commentHint)
    }
}
