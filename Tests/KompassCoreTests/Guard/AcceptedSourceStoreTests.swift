import Foundation
import Testing
@testable import KompassCore

@Suite("Accepted source store")
struct AcceptedSourceStoreTests {
    @Test func thePathIsStableAndNamedByPositionAndBaseName() {
        let store = AcceptedSourceStore(stateDirectory: "/var/kompass/state")
        #expect(store.directory == "/var/kompass/state/accepted")
        #expect(store.acceptedPath(forSourceAt: "config/sources/register.csv", index: 1) == "/var/kompass/state/accepted/1-register.csv")
        // The same source gives the same path from another store value; the folder of the source does not matter.
        #expect(AcceptedSourceStore(stateDirectory: "/var/kompass/state").acceptedPath(forSourceAt: "/elsewhere/register.csv", index: 1)
            == "/var/kompass/state/accepted/1-register.csv")
        // Two sources with the same base name keep apart by their position.
        #expect(store.acceptedPath(forSourceAt: "other/register.csv", index: 2) == "/var/kompass/state/accepted/2-register.csv")
    }

    @Test func acceptCopiesTheBytesAndCreatesTheFolder() throws {
        let folder = try TemporaryDirectory("kompass-accepted")
        defer { folder.remove() }
        let bytes = Array("id;titel\r\n0870;Bevölkerung\r\n".utf8) + [0xE4, 0x0A]
        let source = try folder.write("sources/register.csv", bytes: bytes)
        let store = AcceptedSourceStore(stateDirectory: folder.file("state"))
        #expect(!store.hasAccepted(forSourceAt: source, index: 1))

        try store.accept(sourceAt: source, index: 1)

        #expect(store.hasAccepted(forSourceAt: source, index: 1))
        #expect(!store.hasAccepted(forSourceAt: source, index: 2))
        #expect(try TestFiles.bytes(atPath: folder.file("state/accepted/1-register.csv")) == bytes)
        #expect(try TestFiles.listing(folder.file("state/accepted")) == ["1-register.csv"])
    }

    @Test func acceptingAgainReplacesTheCopyAndLeavesNoTemporaryFile() throws {
        let folder = try TemporaryDirectory("kompass-accepted")
        defer { folder.remove() }
        let source = try folder.write("register.csv", text: "id\n0870\n")
        let store = AcceptedSourceStore(stateDirectory: folder.file("state"))
        try store.accept(sourceAt: source, index: 1)
        try folder.write("register.csv", text: "id\n0870\n0871\n")

        try store.accept(sourceAt: source, index: 1)

        #expect(try TestFiles.text(atPath: store.acceptedPath(forSourceAt: source, index: 1)) == "id\n0870\n0871\n")
        #expect(try TestFiles.listing(store.directory) == ["1-register.csv"])
    }

    @Test func aFailedAcceptKeepsThePreviousCopy() throws {
        let folder = try TemporaryDirectory("kompass-accepted")
        defer { folder.remove() }
        let source = try folder.write("register.csv", text: "id\n0870\n")
        let store = AcceptedSourceStore(stateDirectory: folder.file("state"))
        try store.accept(sourceAt: source, index: 1)
        try FileManager.default.removeItem(atPath: source)

        #expect(throws: IOError.self) { try store.accept(sourceAt: source, index: 1) }

        #expect(try TestFiles.text(atPath: store.acceptedPath(forSourceAt: source, index: 1)) == "id\n0870\n")
        #expect(try TestFiles.listing(store.directory) == ["1-register.csv"])
    }

    @Test func whatAKilledRunLeftBehindIsRemoved() throws {
        let folder = try TemporaryDirectory("kompass-accepted")
        defer { folder.remove() }
        let source = try folder.write("register.csv", text: "id\n0870\n")
        let store = AcceptedSourceStore(stateDirectory: folder.file("state"))
        // Half a copy from a process that no longer runs, and an accepted copy of another source.
        try folder.write("state/accepted/1-register.csv.partial-2147483646", text: "id\n08")
        try folder.write("state/accepted/2-projects.csv", text: "id\n1\n")

        try store.accept(sourceAt: source, index: 1)

        #expect(try TestFiles.listing(store.directory) == ["1-register.csv", "2-projects.csv"])
        #expect(try TestFiles.text(atPath: folder.file("state/accepted/1-register.csv")) == "id\n0870\n")
    }

    @Test func theAcceptedCopyIsWhatTheDamageCheckComparesWith() throws {
        let folder = try TemporaryDirectory("kompass-accepted")
        defer { folder.remove() }
        let source = try folder.write("register.csv", text: "id;titel\n0870;Zürich\n")
        let store = AcceptedSourceStore(stateDirectory: folder.file("state"))
        try store.accept(sourceAt: source, index: 1)
        try folder.write("register.csv", text: "id;titel\n870;Z?rich\n")

        let findings = try SpreadsheetDamageCheck().compare(current: source, accepted: store.acceptedPath(forSourceAt: source, index: 1),
                                                            idColumn: "id")
        #expect(findings.map(\.ruleID) == [.excelLeadingZero, .excelLostCharacter])
    }
}
