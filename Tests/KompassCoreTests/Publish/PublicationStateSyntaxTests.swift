import Foundation
import Testing
@testable import KompassCore

/// state.json is read with the strict reader: what kompass writes reads back, and a damaged file is a
/// `StateError` (exit code 3) at the line and column of the fault.
@Suite("Publication state syntax")
struct PublicationStateSyntaxTests {
    /// A saved state's folder and the text of its state.json.
    static func saved() throws -> (directory: TemporaryDirectory, store: PublicationStateStore, text: String) {
        let directory = try TemporaryDirectory("kompass-state-syntax")
        let store = PublicationStateStore(directory: directory.file("state"))
        let (state, snapshots, history) = try PublicationStateStoreTests.state(projects: 3)
        try store.save(state, projects: snapshots, history: history)
        return (directory, store, try TestFiles.text(atPath: store.path))
    }

    static func stateError(_ store: PublicationStateStore, text: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> StateError {
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.path))
        return try #require(throws: StateError.self, sourceLocation: sourceLocation) { try store.load() }
    }

    /// The 1-based line of `text` that holds `part`.
    static func line(of part: String, in text: String) throws -> Int {
        try #require(text.components(separatedBy: "\n").firstIndex { $0.contains(part) }) + 1
    }

    @Test func whatKompassWritesReadsBackStrictly() throws {
        let (directory, store, text) = try Self.saved()
        defer { directory.remove() }
        let value = try JSONDocumentReader.read(Array(text.utf8))
        #expect(value.member("version")?.value.integer == 2)
        let loaded = try #require(try store.load())
        try store.save(loaded)
        #expect(try TestFiles.text(atPath: store.path) == text, "saving what was loaded writes the same file")
    }

    @Test func aMissingCommaNamesLineAndColumn() throws {
        let (directory, store, text) = try Self.saved()
        defer { directory.remove() }
        let damaged = text.replacingOccurrences(of: #""kompassVersion": "9.9.9","#, with: #""kompassVersion": "9.9.9""#)
        let error = try Self.stateError(store, text: damaged)
        #expect(error.path == store.path)
        #expect(error.line == (try Self.line(of: "kompassVersion", in: text)) + 1)
        #expect(error.column == 3)
        #expect(error.message.hasPrefix(#"is not valid JSON: expected ',' or '}' after the value of "kompassVersion", found '"'"#))
        #expect(error.description.hasPrefix("\(store.path):\(error.line!):3 is not valid JSON"))
    }

    @Test func aCutOffStateNamesWhereItEnds() throws {
        let (directory, store, text) = try Self.saved()
        defer { directory.remove() }
        let lines = text.components(separatedBy: "\n")
        let error = try Self.stateError(store, text: lines.prefix(4).joined(separator: "\n"))
        #expect(error.line == 4)
        #expect(error.message.contains("the file ends inside"))
    }

    @Test func aValueOfTheWrongKindNamesItsPlaceAndKeyPath() throws {
        let (directory, store, text) = try Self.saved()
        defer { directory.remove() }
        let damaged = text.replacingOccurrences(of: #""bytes":12"#, with: #""bytes":"12""#)
        #expect(damaged != text)
        let error = try Self.stateError(store, text: damaged)
        #expect(error.line == (try Self.line(of: #""bytes":"12""#, in: damaged)))
        #expect(error.column != nil)
        #expect(error.message == "is damaged (files.projects.csv.bytes: expected a number (Int), found a string)")
        let missing = text.replacingOccurrences(of: #""kompassVersion": "9.9.9","#, with: "")
            .replacingOccurrences(of: #""files": "#, with: #""filez": "#)
        let missingError = try Self.stateError(store, text: missing)
        #expect(missingError.message == #"is damaged (files: the key "files" is missing)"#)
        #expect((missingError.line, missingError.column) == (1, 1), "the object that lacks the key")
    }

    @Test func aStateWithoutVersionOrWithADuplicateKey() throws {
        let (directory, store, text) = try Self.saved()
        defer { directory.remove() }
        let list = try Self.stateError(store, text: "[]")
        #expect(list.message.hasPrefix("is not a kompass state file"))
        let duplicate = text.replacingOccurrences(of: #""version": 2"#, with: "\"version\": 2,\n  \"version\": 2")
        let error = try Self.stateError(store, text: duplicate)
        #expect(error.line == (try Self.line(of: #""version""#, in: text)) + 1)
        #expect(error.message.contains(#"the key "version" appears twice"#))
    }
}
