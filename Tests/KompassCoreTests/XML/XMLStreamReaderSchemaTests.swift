import Testing
import KompassXML

/// Streaming XSD validation in `XMLStreamReader`, and `XMLSchema` compilation.
@Suite struct XMLStreamReaderSchemaTests {
    static let schemaText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test" xmlns="urn:test"
                   elementFormDefault="qualified">
          <xs:element name="list">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="item" maxOccurs="unbounded">
                  <xs:simpleType>
                    <xs:restriction base="xs:string"><xs:pattern value="[a-z]+"/></xs:restriction>
                  </xs:simpleType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    static func schema() throws -> XMLSchema {
        try XMLSchema(bytes: Array(schemaText.utf8), name: "test.xsd")
    }

    static func events(_ reader: XMLStreamReader) -> [XMLEvent] {
        var events: [XMLEvent] = []
        reader.forEachEvent { events.append($0) }
        return events
    }

    @Test func aValidDocumentHasNoProblems() throws {
        let document = "<list xmlns=\"urn:test\">\n<item>abc</item>\n<item><![CDATA[def]]></item>\n</list>\n"
        let reader = try XMLStreamReader(bytes: Array(document.utf8), name: "valid.xml", schema: Self.schema())
        let texts = Self.events(reader).compactMap { event -> String? in
            if case .text(let text, _) = event, text.contains(where: { !$0.isWhitespace }) { return text }
            return nil
        }
        #expect(texts == ["abc", "def"])
        #expect(reader.problems.isEmpty, "\(reader.problems)")
    }

    @Test func schemaViolationsCarryTheirLineAndNoColumn() throws {
        let document = "<list xmlns=\"urn:test\">\n<item>abc</item>\n<item>ABC</item>\n<other/>\n</list>\n"
        let reader = try XMLStreamReader(bytes: Array(document.utf8), name: "invalid.xml", schema: Self.schema())
        _ = reader.readToEnd()
        let problems = reader.problems
        #expect(problems.map(\.kind) == [.schema, .schema], "\(problems)")
        #expect(problems.map(\.line) == [3, 4])
        #expect(problems.allSatisfy { $0.column == nil })
        #expect(problems[0].message.contains("ABC"))
    }

    @Test func parseErrorsAreCollectedWithLineAndColumnWhileValidating() throws {
        // With a schema attached, libxml2 2.9.14 sends parse errors to the global handler only.
        let document = "<list xmlns=\"urn:test\">\n<item>abc</item>\n<item>def</itm>\n</list>\n"
        for useNext in [false, true] {
            let reader = try XMLStreamReader(bytes: Array(document.utf8), name: "broken.xml", schema: Self.schema())
            if useNext {
                while reader.next() != nil {}
            } else {
                _ = reader.readToEnd()
            }
            let syntax = reader.problems.filter { $0.kind == .syntax }
            #expect(!syntax.isEmpty, "\(reader.problems)")
            #expect(syntax.first?.line == 3)
            #expect(syntax.first?.column != nil)
            #expect(syntax.first?.message.contains("itm") == true, "\(syntax)")
        }
    }

    @Test func theGlobalHandlerIsRestoredAfterTheLoop() throws {
        // A reader that failed must not keep receiving another reader's errors, and vice versa.
        let first = try XMLStreamReader(bytes: Array("<list xmlns=\"urn:test\"><item>a</item></lis>".utf8),
                                        name: "first.xml", schema: Self.schema())
        _ = first.readToEnd()
        let firstCount = first.problems.count
        #expect(firstCount > 0)
        let second = try XMLStreamReader(bytes: Array("<list xmlns=\"urn:test\">\n\n<item>b</item></lst>".utf8),
                                         name: "second.xml", schema: Self.schema())
        _ = second.readToEnd()
        #expect(first.problems.count == firstCount)
        #expect(second.problems.contains { $0.kind == .syntax && $0.line == 3 }, "\(second.problems)")
        // A schema that fails to compile reports its own problems only.
        #expect(throws: XMLSchemaError.self) { try XMLSchema(bytes: Array("<xs:schema".utf8), name: "broken.xsd") }
        #expect(first.problems.count == firstCount)
    }

    @Test func aSchemaThatDoesNotCompileIsThrownWithLines() throws {
        let broken = """
            <?xml version="1.0"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="a" type="xs:nosuchtype"/>

              <xs:element name="b" type="xs:othertype"/>
            </xs:schema>
            """
        let error = try #require(throws: XMLSchemaError.self) { try XMLSchema(bytes: Array(broken.utf8), name: "broken.xsd") }
        #expect(error.name == "broken.xsd")
        #expect(error.problems.map(\.line) == [3, 5], "\(error.problems)")
        #expect(error.problems.allSatisfy { $0.kind == .schema })
        #expect(error.description.contains("line 3"))
    }

    @Test func anInvalidPatternInASchemaIsThrownWithItsLine() throws {
        let broken = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="b">
                <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-"/></xs:restriction></xs:simpleType>
              </xs:element>
            </xs:schema>
            """
        let error = try #require(throws: XMLSchemaError.self) { try XMLSchema(bytes: Array(broken.utf8), name: "pattern.xsd") }
        #expect(error.problems.contains { $0.line == 3 && $0.message.contains("[a-") }, "\(error.problems)")
    }

    @Test func aSchemaThatIsNotWellFormedIsThrownWithLineAndColumn() throws {
        let error = try #require(throws: XMLSchemaError.self) {
            try XMLSchema(bytes: Array("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<xs:element name=\"a\">\n</xs:schema>".utf8),
                          name: "unclosed.xsd")
        }
        #expect(error.problems.contains { $0.line == 3 && $0.column != nil }, "\(error.problems)")
        #expect(throws: XMLSchemaError.self) { try XMLSchema(bytes: [], name: "empty.xsd") }
    }

    @Test func aSchemaThatIncludesAnotherFileCannotLoadIt() throws {
        let including = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="/etc/passwd"/>
              <xs:element name="a" type="xs:string"/>
            </xs:schema>
            """
        // The deny-all entity loader refuses the file: either a compile error or a warning that it was skipped.
        if let schema = try? XMLSchema(bytes: Array(including.utf8), name: "including.xsd") {
            let reader = try XMLStreamReader(bytes: Array("<a>x</a>".utf8), name: "a.xml", schema: schema)
            #expect(reader.readToEnd().isEmpty)
        }
    }

    @Test func oneCompiledSchemaServesConcurrentReaders() async throws {
        let schema = try Self.schema()
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    var document = "<list xmlns=\"urn:test\">\n"
                    for item in 0..<200 { document += item == index ? "<item>BAD</item>\n" : "<item>ok</item>\n" }
                    document += "</list>\n"
                    guard let reader = try? XMLStreamReader(bytes: Array(document.utf8), name: "doc\(index).xml", schema: schema)
                    else { return -1 }
                    let problems = reader.readToEnd()
                    return problems.count == 1 && problems[0].line == index + 2 ? 1 : 0
                }
            }
            var total = 0
            for await count in group { total += count }
            return total
        }
        #expect(counts == 16)
    }

    @Test func problemsBeyondTheLimitAreCountedNotKept() throws {
        var document = "<list xmlns=\"urn:test\">\n"
        for _ in 0..<50 { document += "<item>BAD</item>\n" }
        document += "</list>\n"
        let reader = try XMLStreamReader(bytes: Array(document.utf8), name: "many.xml", schema: Self.schema(), problemLimit: 10)
        _ = reader.readToEnd()
        #expect(reader.problems.count == 10)
        #expect(reader.droppedProblemCount == 40)
    }

    @Test func readingWithoutASchemaStillWorksAsBefore() throws {
        let reader = try XMLStreamReader(bytes: Array("<a>\n<b>x</b>\n<c>y</d>\n</a>".utf8), name: "plain.xml")
        let problems = reader.readToEnd()
        #expect(problems.first?.kind == .syntax)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.column != nil)
    }

    @Test func aMissingFileCannotBeOpened() {
        #expect(throws: XMLReaderError.self) { try XMLStreamReader(path: "/nonexistent/kompass.xml", schema: try Self.schema()) }
    }
}
