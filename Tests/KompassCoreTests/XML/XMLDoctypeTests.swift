import Testing
import KompassXML

/// DOCTYPEs and entities at the level of `XMLStreamReader`: found where they are, in any encoding,
/// and never expanded, with or without a schema.
@Suite struct XMLDoctypeTests {
    static func schema() throws -> XMLSchema {
        try XMLSchema(bytes: Array(XMLStreamReaderSchemaTests.schemaText.utf8), name: "test.xsd")
    }

    static func read(_ bytes: [UInt8], schema: XMLSchema?) throws -> (texts: [String], problems: [XMLProblem]) {
        let reader = try XMLStreamReader(bytes: bytes, name: "doc.xml", schema: schema)
        var texts: [String] = []
        reader.forEachEvent { event in
            if case .text(let text, _) = event { texts.append(text) }
            if case .startElement(_, let attributes, _, _) = event { texts += attributes.map(\.value) }
        }
        return (texts, reader.problems)
    }

    @Test(arguments: [false, true])
    func theDoctypeIsReportedOnceAtItsLineAndColumn(withSchema: Bool) throws {
        let document = "<?xml version=\"1.0\"?>\n<!-- a comment\n over two lines -->\n  <!DOCTYPE list [\n<!ENTITY e \"x\">\n]>\n<list xmlns=\"urn:test\"><item>a</item></list>\n"
        let (_, problems) = try Self.read(Array(document.utf8), schema: withSchema ? Self.schema() : nil)
        let doctype = problems.filter { $0.message.contains("DOCTYPE") }
        #expect(doctype.count == 1, "\(problems)")
        #expect(doctype.first?.line == 4)
        #expect(doctype.first?.column == 3)
        #expect(doctype.first?.kind == .entity)
        #expect(doctype.first?.message.contains("not validated") == withSchema)
    }

    @Test func aDoctypeInUTF16IsFoundToo() throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE list [<!ENTITY big \"SECRET\">]>\n<list xmlns=\"urn:test\"><item>&big;</item></list>\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in document.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (texts, problems) = try Self.read(bytes, schema: Self.schema())
        #expect(problems.contains { $0.message.contains("DOCTYPE") && $0.line == 2 }, "\(problems)")
        #expect(problems.contains { $0.message.contains("&big;") }, "\(problems)")
        #expect(texts.allSatisfy { !$0.contains("SECRET") }, "\(texts)")
    }

    @Test func internalEntitiesAreNeverExpandedWhenASchemaIsGiven() throws {
        let document = "<!DOCTYPE list [<!ENTITY e \"SECRET\">]>\n<list xmlns=\"urn:test\" a=\"&e;\"><item>a&e;b</item></list>\n"
        let (texts, problems) = try Self.read(Array(document.utf8), schema: Self.schema())
        #expect(texts.allSatisfy { !$0.contains("SECRET") }, "\(texts)")
        #expect(problems.filter { $0.kind == .entity }.count == 3, "\(problems)")
    }

    @Test func anUndeclaredEntityWithoutDoctypeIsAnError() throws {
        let document = "<list xmlns=\"urn:test\">\n<item>a&nbsp;b</item></list>\n"
        let (_, problems) = try Self.read(Array(document.utf8), schema: Self.schema())
        let first = try #require(problems.first)
        #expect(first.kind == .entity)
        #expect(first.line == 2)
        #expect(first.column != nil)
    }

    @Test func predefinedEntitiesAndCharacterReferencesAreText() throws {
        let document = "<list xmlns=\"urn:test\"><item>&lt;&amp;&gt;&quot;&apos;&#228;&#x1F600;</item></list>"
        let reader = try XMLStreamReader(bytes: Array(document.utf8), name: "refs.xml")
        var texts: [String] = []
        reader.forEachEvent { if case .text(let text, _) = $0 { texts.append(text) } }
        #expect(texts.joined() == "<&>\"'ä😀")
        #expect(reader.problems.isEmpty)
    }
}
