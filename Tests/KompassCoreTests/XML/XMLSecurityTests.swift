import Foundation
import Testing
@testable import KompassCore

/// Hostile XML: external entities (XXE), entity expansion bombs, external DTDs. Every one is rejected
/// with error findings, nothing of a local file reaches a record or a finding, and it is quick.
@Suite struct XMLSecurityTests {
    typealias Support = XMLTestSupport

    static let marker = "KOMPASS-SECRET-MARKER-4711"

    /// A folder holding `secret.txt` (the marker) and `secret.dtd` (an entity whose text is the marker).
    static func secrets() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory("kompass-xxe")
        try directory.write("secret.txt", text: marker + "\n")
        try directory.write("secret.dtd", text: "<!ENTITY leak \"\(marker)\">\n<!ENTITY % inner \"<!ENTITY leak2 '\(marker)'>\">\n%inner;\n")
        #expect(!directory.path.contains(marker))
        return directory
    }

    static func expectRejectedWithoutLeak(_ imported: XMLTestSupport.Imported, _ label: String,
                                          sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!imported.errors.isEmpty, "\(label): no error finding", sourceLocation: sourceLocation)
        for text in imported.allText {
            #expect(!text.contains(marker), "\(label): the secret leaked into '\(text)'", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [nil, XMLTestSupport.schemaPath])
    func anExternalEntityPointingAtALocalFileIsRejected(schemaPath: String?) throws {
        let directory = try Self.secrets()
        defer { directory.remove() }
        let secret = directory.file("secret.txt")
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE portfolio [
              <!ENTITY xxe SYSTEM "file://\(secret)">
              <!ENTITY plain SYSTEM "\(secret)">
            ]>
            <portfolio xmlns="https://opendata.example.org/kompass/input/1">
              <project id="a">
                <title>&xxe;</title>
                <before>&plain;</before>
              </project>
            </portfolio>
            """
        let imported = try Support.importXML(document, name: "xxe.xml", in: directory, schemaPath: schemaPath)
        Self.expectRejectedWithoutLeak(imported, "external entity")
        let entity = imported.findings(.xmlEntity)
        #expect(entity.contains { $0.location?.line == 2 && $0.message.contains("DOCTYPE") }, "\(imported.findings)")
        #expect(entity.contains { $0.location?.line == 8 && $0.message.contains("xxe") }, "\(imported.findings)")
        #expect(entity.contains { $0.location?.line == 9 && $0.message.contains("plain") }, "\(imported.findings)")
        #expect(entity.allSatisfy { $0.severity == .error })
    }

    @Test func anExternalEntityInAnAttributeIsRejected() throws {
        let directory = try Self.secrets()
        defer { directory.remove() }
        let document = """
            <!DOCTYPE portfolio [<!ENTITY xxe SYSTEM "file://\(directory.file("secret.txt"))">]>
            <portfolio xmlns="https://opendata.example.org/kompass/input/1"><project id="&xxe;"/></portfolio>
            """
        let imported = try Support.importXML(document, name: "attribute.xml", in: directory)
        Self.expectRejectedWithoutLeak(imported, "external entity in an attribute")
    }

    @Test func anInternalEntityInAnAttributeIsNotExpanded() throws {
        let directory = try Self.secrets()
        defer { directory.remove() }
        let document = """
            <!DOCTYPE portfolio [<!ENTITY name "\(Self.marker)">]>
            <portfolio xmlns="https://opendata.example.org/kompass/input/1"><project id="x&name;y"><title>t&name;</title></project></portfolio>
            """
        let imported = try Support.importXML(document, name: "internal.xml", in: directory)
        Self.expectRejectedWithoutLeak(imported, "internal entity")
        #expect(imported.findings(.xmlEntity).count >= 3, "\(imported.findings)")
    }

    @Test func externalParameterEntitiesAndExternalDTDsAreNotLoaded() throws {
        let directory = try Self.secrets()
        defer { directory.remove() }
        let dtd = directory.file("secret.dtd")
        let documents = [
            "<!DOCTYPE portfolio SYSTEM \"file://\(dtd)\">\n<portfolio xmlns=\"\(Support.namespace)\"><project id=\"a\"><title>&leak;</title></project></portfolio>",
            "<!DOCTYPE portfolio [<!ENTITY % ext SYSTEM \"file://\(dtd)\"> %ext;]>\n<portfolio xmlns=\"\(Support.namespace)\"><project id=\"a\"><title>&leak;&leak2;</title></project></portfolio>",
            "<!DOCTYPE portfolio PUBLIC \"-//X//Y\" \"http://127.0.0.1:9/x.dtd\">\n<portfolio xmlns=\"\(Support.namespace)\"><project id=\"a\"><title>&leak;</title></project></portfolio>",
        ]
        for (index, document) in documents.enumerated() {
            for schemaPath in [nil, Support.schemaPath] {
                let imported = try Support.importXML(document, name: "dtd\(index).xml", in: directory, schemaPath: schemaPath)
                Self.expectRejectedWithoutLeak(imported, "document \(index)")
                #expect(!imported.findings(.xmlEntity).isEmpty, "\(imported.findings)")
            }
        }
    }

    @Test func xIncludeIsNotProcessed() throws {
        let directory = try Self.secrets()
        defer { directory.remove() }
        let document = """
            <portfolio xmlns="https://opendata.example.org/kompass/input/1" xmlns:xi="http://www.w3.org/2001/XInclude">
              <project id="a"><title><xi:include href="file://\(directory.file("secret.txt"))" parse="text"/></title></project>
            </portfolio>
            """
        let imported = try Support.importXML(document, name: "xinclude.xml", in: directory, schemaPath: Support.schemaPath)
        Self.expectRejectedWithoutLeak(imported, "xinclude")
        let withoutSchema = try Support.importXML(document, name: "xinclude.xml", in: directory)
        #expect(withoutSchema.allText.allSatisfy { !$0.contains(Self.marker) })
    }

    @Test func aBillionLaughsDocumentIsRejectedQuickly() throws {
        let directory = try TemporaryDirectory("kompass-lol")
        defer { directory.remove() }
        var declarations = "  <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            declarations += "  <!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE portfolio [
            \(declarations)]>
            <portfolio xmlns="https://opendata.example.org/kompass/input/1">
              <project id="a"><title>&lol9;</title><before>&lol9;&lol9;&lol9;</before></project>
              <project id="b&lol9;"/>
            </portfolio>
            """
        for schemaPath in [nil, Support.schemaPath] {
            let clock = ContinuousClock()
            var imported: XMLTestSupport.Imported?
            let elapsed = try clock.measure {
                imported = try Support.importXML(document, name: "lol.xml", in: directory, schemaPath: schemaPath)
            }
            let result = try #require(imported)
            #expect(elapsed < .seconds(2), "took \(elapsed)")
            #expect(!result.findings(.xmlEntity).isEmpty, "\(result.findings)")
            #expect(result.allText.allSatisfy { !$0.contains("lollol") }, "an entity was expanded")
            #expect(result.allText.reduce(0) { $0 + $1.utf8.count } < 100_000)
        }
    }

    @Test func aQuadraticBlowupDocumentIsRejectedQuickly() throws {
        let directory = try TemporaryDirectory("kompass-blowup")
        defer { directory.remove() }
        let big = String(repeating: "a", count: 50_000)
        let references = String(repeating: "&big;", count: 20_000)
        let document = """
            <!DOCTYPE portfolio [<!ENTITY big "\(big)">]>
            <portfolio xmlns="https://opendata.example.org/kompass/input/1"><project id="a"><title>\(references)</title></project></portfolio>
            """
        let clock = ContinuousClock()
        var imported: XMLTestSupport.Imported?
        let elapsed = try clock.measure {
            imported = try Support.importXML(document, name: "blowup.xml", in: directory, schemaPath: Support.schemaPath)
        }
        let result = try #require(imported)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        #expect(!result.findings(.xmlEntity).isEmpty)
        #expect(result.allText.allSatisfy { !$0.contains("aaaa") }, "an entity was expanded")
    }
}
