import Foundation
import Testing
import KompassXML
@testable import KompassCore

/// The XML importer: records, values and their positions, what is not read, and the document's problems.
@Suite struct XMLImporterTests {
    typealias Support = XMLTestSupport

    static let fullDocument = """
        <?xml version="1.0" encoding="UTF-8"?>
        <portfolio xmlns="https://opendata.example.org/kompass/input/1">
          <project id="digital-lab">
            <title>Digital Lab</title>
            <progress>30%</progress>
            <start>2023</start>
            <end>2028</end>
            <before>
              Ein Raum für Experimente wurde eingerichtet.
            </before>
            <future><![CDATA[Weitere Ämter nutzen das Lab & <seine> Methoden.]]></future>
            <fields>
              <field>Kultur</field>
              <field>Kompetenzen</field>
            </fields>
            <userGroups><userGroup>Mitarbeitende</userGroup><userGroup>Bevölkerung</userGroup></userGroups>
          </project>
          <project>
            <id>e-voting</id>
            <title>E-Voting &amp; Stimmregister</title>
            <progress>1</progress>
            <duration>2019–2026</duration>
          </project>
        </portfolio>

        """

    @Test func aFileValidAgainstTheRealSchemaReadsIntoTheExpectedRecords() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let imported = try Support.importXML(Self.fullDocument, name: "full.xml", in: directory, schemaPath: Support.schemaPath)
        #expect(imported.findings.isEmpty, "\(imported.findings)")
        let file = imported.path
        func at(_ line: Int, _ field: String) -> KompassCore.SourceLocation { KompassCore.SourceLocation(file: file, line: line, field: field) }

        var first = RawRecord(location: KompassCore.SourceLocation(file: file, line: 3))
        first.append(RawValue("digital-lab", at: at(3, "@id")), to: "@id")
        first.append(RawValue("Digital Lab", at: at(4, "title")), to: "title")
        first.append(RawValue("30%", at: at(5, "progress")), to: "progress")
        first.append(RawValue("2023", at: at(6, "start")), to: "start")
        first.append(RawValue("2028", at: at(7, "end")), to: "end")
        first.append(RawValue("Ein Raum für Experimente wurde eingerichtet.", at: at(8, "before")), to: "before")
        first.append(RawValue("Weitere Ämter nutzen das Lab & <seine> Methoden.", at: at(11, "future")), to: "future")
        first.append(RawValue("Kultur", at: at(13, "field")), to: "field")
        first.append(RawValue("Kompetenzen", at: at(14, "field")), to: "field")
        first.append(RawValue("Mitarbeitende", at: at(16, "userGroup")), to: "userGroup")
        first.append(RawValue("Bevölkerung", at: at(16, "userGroup")), to: "userGroup")

        var second = RawRecord(location: KompassCore.SourceLocation(file: file, line: 18))
        second.append(RawValue("e-voting", at: at(19, "id")), to: "id")
        second.append(RawValue("E-Voting & Stimmregister", at: at(20, "title")), to: "title")
        second.append(RawValue("1", at: at(21, "progress")), to: "progress")
        second.append(RawValue("2019–2026", at: at(22, "duration")), to: "duration")

        #expect(imported.records == [first, second])
    }

    @Test func namespacesAndCDATAAreReadCorrectly() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let document = """
            <k:portfolio xmlns:k="urn:example:kompass" xmlns:x="urn:example:other">
              <k:project k:ignored="1" id="a">
                <k:title>  Erst <![CDATA[<b>fett</b> & mehr]]> dann <![CDATA[]]>Schluss  </k:title>
                <x:title>anderer Namensraum</x:title>
                <title>kein Namensraum</title>
                <k:before><![CDATA[
                  Zeile eins
                  Zeile zwei
                ]]></k:before>
              </k:project>
              <project xmlns="urn:example:kompass" id="b"><title>Standard-Namensraum</title></project>
              <x:project id="c"><k:title>fremder Datensatz</k:title></x:project>
            </k:portfolio>
            """
        let imported = try Support.importXML(document, in: directory, fields: ["@id", "title", "before"],
                                             namespace: "urn:example:kompass")
        #expect(imported.records.count == 2)
        #expect(imported.records.map { Support.texts($0, "@id") } == [["a"], ["b"]])
        #expect(Support.texts(imported.records[0], "title") == ["Erst <b>fett</b> & mehr dann Schluss"])
        #expect(Support.texts(imported.records[0], "before").first?.hasPrefix("Zeile eins\n") == true)
        #expect(Support.texts(imported.records[0], "before").first?.hasSuffix("Zeile zwei") == true)
        #expect(Support.texts(imported.records[1], "title") == ["Standard-Namensraum"])
        #expect(imported.errors.isEmpty, "\(imported.errors)")
        let unknown = imported.findings(.sourceFieldUnknown)
        #expect(unknown.allSatisfy { $0.severity == .info })
        let fields = Set(unknown.compactMap { $0.location?.field })
        #expect(fields.contains("{urn:example:other}title"), "\(unknown)")
        #expect(fields.contains("title"), "the no-namespace title: \(unknown)")
        #expect(fields.contains("@{urn:example:kompass}ignored"), "\(unknown)")
        #expect(fields.contains("{urn:example:other}project"), "\(unknown)")
        #expect(unknown.first { $0.location?.field == "title" }?.message.contains("no namespace") == true)
    }

    @Test func unknownElementsAreReportedOncePerNameWithTheirFirstLine() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let document = """
            <portfolio xmlns="https://opendata.example.org/kompass/input/1">
              <exported>2026-11-30</exported>
              <project id="a">
                <title>A</title>
                <owner>Amt X</owner>
                <fields><field>Daten</field></fields>
                <userGroups><userGroup>Wirtschaft</userGroup></userGroups>
              </project>
              <project id="b">
                <owner>Amt Y</owner>
                <budget><amount>10</amount></budget>
              </project>
            </portfolio>
            """
        let imported = try Support.importXML(document, in: directory, fields: ["@id", "title", "field"])
        #expect(imported.records.count == 2)
        let unknown = imported.findings(.sourceFieldUnknown).map { "\($0.location!.field!)@\($0.location!.line)" }
        // userGroups wraps nothing the mapping reads here, so it is reported; fields wraps field and is not.
        #expect(unknown.sorted() == ["amount@11", "budget@11", "exported@2", "owner@5", "userGroup@7", "userGroups@7"].sorted(),
                "\(unknown)")
        #expect(imported.findings(.sourceFieldUnknown).allSatisfy { $0.severity == .info })
    }

    @Test func anEmptyWrapperIsStillAWrapper() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let document = """
            <portfolio xmlns="https://opendata.example.org/kompass/input/1">
              <project id="a"><fields/><userGroups>
              </userGroups></project>
              <project id="b"><fields><field>Daten</field></fields><userGroups><userGroup>Wirtschaft</userGroup></userGroups></project>
            </portfolio>
            """
        let imported = try Support.importXML(document, in: directory, fields: ["@id", "field", "userGroup"],
                                             schemaPath: Support.schemaPath)
        #expect(imported.findings.isEmpty, "\(imported.findings)")
        #expect(imported.records.map { $0.fieldOrder } == [["@id"], ["@id", "field", "userGroup"]])
    }

    @Test func attributesAreReadAsAtNames() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let document = """
            <portfolio xmlns="https://opendata.example.org/kompass/input/1"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <project id=" spaced " status="aktiv" xsi:type="Project">
                <title lang="de">T</title>
              </project>
            </portfolio>
            """
        let imported = try Support.importXML(document, in: directory, fields: ["@id", "title"])
        let record = try #require(imported.records.first)
        #expect(record["@id"] == [RawValue("spaced", at: KompassCore.SourceLocation(file: imported.path, line: 3, field: "@id"))])
        let unknown = imported.findings(.sourceFieldUnknown).compactMap { $0.location?.field }
        #expect(unknown.sorted() == ["@status", "title/@lang"])
    }

    @Test func emptyElementsGiveNoValueAndStructuredFieldsAreReported() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let document = """
            <portfolio xmlns="https://opendata.example.org/kompass/input/1">
              <project id="a">
                <title/>
                <before>   </before>
                <future><p>Absatz</p></future>
              </project>
            </portfolio>
            """
        let imported = try Support.importXML(document, in: directory, fields: ["@id", "title", "before", "future"])
        let record = try #require(imported.records.first)
        #expect(record.fieldOrder == ["@id"])
        let structured = imported.findings(.xmlFieldStructured)
        #expect(structured.count == 1)
        #expect(structured.first?.location?.line == 5)
        #expect(structured.first?.severity == .warning)
    }

    @Test func aFieldNoRecordHasIsReported() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let document = "<portfolio xmlns=\"https://opendata.example.org/kompass/input/1\"><project id=\"a\"><title>T</title></project></portfolio>"
        let imported = try Support.importXML(document, in: directory, fields: ["@id", "title", "progres"])
        let absent = imported.findings(.xmlFieldAbsent)
        #expect(absent.map { $0.location?.field } == ["progres"])
        #expect(absent.first?.severity == .warning)
    }

    @Test func aSchemaViolationGivesItsLine() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <portfolio xmlns="https://opendata.example.org/kompass/input/1">
              <project id="a">
                <title>A</title>
                <progress>ziemlich weit</progress>
              </project>
              <project id="Falsche ID">
                <start>2023</start>
                <title>B</title>
              </project>
            </portfolio>
            """
        let imported = try Support.importXML(document, in: directory, schemaPath: Support.schemaPath)
        let schema = imported.findings(.xmlSchema)
        #expect(schema.map { $0.location!.line } == [5, 7, 9], "\(schema)")
        #expect(schema.allSatisfy { $0.severity == .error && $0.location?.column == nil })
        #expect(schema[0].message.contains("ziemlich weit"))
        #expect(schema.allSatisfy { !$0.message.contains("{https://") }, "the configured namespace is left out of messages")
        #expect(schema[0].hint?.contains("kompass-input.xsd") == true)
        // Validation problems do not stop the reading: both records arrive.
        #expect(imported.records.count == 2)
    }

    @Test func aMalformedFileGivesLineAndColumn() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let document = """
            <portfolio xmlns="https://opendata.example.org/kompass/input/1">
              <project id="a"><title>A</title></project>
              <project id="b">
                <title>B & C</title>
              </project>
            </portfolio>
            """
        for schemaPath in [nil, Support.schemaPath] {
            let imported = try Support.importXML(document, in: directory, schemaPath: schemaPath)
            let syntax = imported.findings(.xmlSyntax)
            let first = try #require(syntax.first, "\(imported.findings)")
            #expect(first.severity == .error)
            #expect(first.location?.line == 4)
            #expect(first.location?.column != nil)
            #expect(first.location?.file == imported.path)
            #expect(imported.records.map { Support.texts($0, "@id") } == [["a"]])
            let incomplete = imported.findings(.xmlRecordIncomplete)
            #expect(incomplete.map { $0.location?.line } == [3])
        }
    }

    @Test func aMismatchedTagGivesLineAndColumn() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let document = "<portfolio xmlns=\"https://opendata.example.org/kompass/input/1\">\n<project id=\"a\">\n<title>A</titel>\n</project>\n</portfolio>\n"
        let imported = try Support.importXML(document, in: directory, schemaPath: Support.schemaPath)
        let first = try #require(imported.findings(.xmlSyntax).first)
        #expect(first.location?.line == 3)
        #expect(first.location?.column == 17, "\(first)")
        #expect(first.message.contains("titel"))
    }

    @Test func noRecordsIsAnErrorNeverZeroProjects() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let empty = try Support.importXML("<portfolio xmlns=\"https://opendata.example.org/kompass/input/1\"/>", in: directory)
        #expect(empty.records.isEmpty)
        #expect(empty.findings.map(\.ruleID) == [.xmlNoRecords])
        #expect(empty.findings.first?.severity == .error)

        let zeroBytes = try Support.importXML("", name: "zero.xml", in: directory)
        #expect(zeroBytes.findings(.xmlNoRecords).count == 1)
        #expect(zeroBytes.findings(.xmlSyntax).count == 1)

        // Records in another namespace than the configured one: the hint names it.
        let wrongNamespace = try Support.importXML("<portfolio>\n<project id=\"a\"/>\n<project id=\"b\"/>\n</portfolio>", in: directory)
        let finding = try #require(wrongNamespace.findings(.xmlNoRecords).first)
        #expect(finding.location?.line == 2)
        #expect(finding.message.contains("2 'project' elements in no namespace"), "\(finding.message)")
        #expect(wrongNamespace.findings.count == 1, "\(wrongNamespace.findings)")

        let otherNamespace = try Support.importXML("<portfolio xmlns=\"urn:x\"><project id=\"a\"/></portfolio>", in: directory, namespace: nil)
        #expect(otherNamespace.findings(.xmlNoRecords).first?.hint?.contains("urn:x") == true)
    }

    @Test func aSchemaThatDoesNotCompileIsAConfigurationError() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let schema = try directory.write("broken.xsd", text: """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">

              <xs:element name="a" type="xs:nosuchtype"/>
            </xs:schema>
            """)
        let error = try #require(throws: ConfigurationError.self) {
            try Support.importXML("<a/>", in: directory, schemaPath: schema)
        }
        #expect(error.path == schema)
        #expect(error.message.contains("line 3"), "\(error.message)")
    }

    @Test func aMissingFileOrSchemaIsAnIOError() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        #expect(throws: IOError.self) { try Support.importFile(directory.file("missing.xml")) }
        #expect(throws: IOError.self) {
            try Support.importXML("<a/>", in: directory, schemaPath: directory.file("missing.xsd"))
        }
    }

    @Test func recordsAreHandedOverAsTheyEndAndAnEmitErrorStopsTheRead() throws {
        struct Stop: Error {}
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        let path = try directory.write("three.xml", text: """
            <portfolio xmlns="https://opendata.example.org/kompass/input/1">
              <project id="a"/><project id="b"/><project id="c"/>
            </portfolio>
            """)
        var seen: [String] = []
        let request = ImportRequest(path: path, fields: ["@id"],
                                    options: SourceOptions(xmlNamespace: Support.namespace, xmlSchemaPath: Support.schemaPath))
        #expect(throws: Stop.self) {
            _ = try XMLImporter().read(request) { record in
                seen.append(record["@id"].first?.text ?? "")
                if seen.count == 2 { throw Stop() }
            }
        }
        #expect(seen == ["a", "b"])
        // The reader's global error handler was restored: a later read collects its own problems.
        let after = try Support.importXML("<portfolio xmlns=\"\(Support.namespace)\">\n<project id=\"a\"></projet></portfolio>",
                                          in: directory, fields: ["@id"], schemaPath: Support.schemaPath)
        #expect(after.findings(.xmlSyntax).first?.location?.line == 2)
    }

    @Test func linesPast65535AreExact() throws {
        let directory = try TemporaryDirectory("kompass-xml")
        defer { directory.remove() }
        var document = "<portfolio xmlns=\"\(Support.namespace)\">\n"
        for index in 0..<17_000 {
            document += "  <project id=\"p\(index)\">\n    <title>T\(index)</title>\n    <fields><field>Daten</field></fields>\n  </project>\n"
        }
        document += "</portfolio>\n"
        let imported = try Support.importXML(document, name: "long.xml", in: directory, fields: ["@id", "title", "field"],
                                             schemaPath: Support.schemaPath)
        #expect(imported.findings.isEmpty)
        #expect(imported.records.count == 17_000)
        for index in [0, 16_383, 16_384, 16_999] {
            let record = imported.records[index]
            let line = 2 + 4 * index
            #expect(record.location.line == line, "record \(index)")
            #expect(record["title"].first?.location.line == line + 1, "title \(index)")
            #expect(record["field"].first?.location.line == line + 2, "field \(index)")
        }
    }

    static let samplePath = TestFiles.path("config/sources/samples/portfolio-tool.xml")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: samplePath)))
    func theSampleSourceOfThePortfolioToolValidates() throws {
        let imported = try Support.importFile(Self.samplePath,
                                              fields: ["@id", "progress", "start", "end"], schemaPath: Support.schemaPath)
        #expect(imported.findings.isEmpty, "\(imported.findings)")
        #expect(imported.records.count > 0)
        #expect(imported.records.allSatisfy { !$0["@id"].isEmpty && !$0["progress"].isEmpty && !$0["start"].isEmpty })
    }
}
