import Foundation
import Testing
@testable import KompassCore

/// A DOCTYPE is one error at its own line, with the entity problems it causes folded under it; libxml2's advice
/// to programmers never reaches a steward (issue 14, defect 6).
@Suite struct XMLProblemCauseTests {
    static func findings(_ xml: String) throws -> [Finding] {
        let path = RoundTripTests.temporaryFile("doc.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        return try XMLImporter().read(ImportRequest(path: path, fields: ["id"])) { _ in }
    }

    @Test func entityProblemsFollowFromTheDoctype() throws {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        ]>
        <projects><project><id>&lol2;</id></project></projects>
        """
        let quadratic = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"" + String(repeating: "x", count: 5_000) + "\">]>\n"
            + "<projects><project><id>" + String(repeating: "&a;", count: 2_000) + "</id></project></projects>"
        for xml in [laughs, quadratic] {
            let entity = try Self.findings(xml).filter { $0.ruleID == .xmlEntity }
            let causes = entity.filter { $0.causedBy == nil }
            #expect(causes.count == 1)
            #expect(causes.first?.location?.line == 2)
            #expect(causes.first?.message.contains("DOCTYPE") == true)
            #expect(entity.count > 1)
            for consequence in entity where consequence.causedBy != nil {
                #expect(consequence.causedBy?.location?.line == 2)
            }
        }
    }

    @Test func deepNestingIsSaidPlainly() throws {
        let xml = "<projects>" + String(repeating: "<p>", count: 400) + String(repeating: "</p>", count: 400) + "</projects>"
        let syntax = try Self.findings(xml).filter { $0.ruleID == .xmlSyntax }
        #expect(syntax.count == 1)
        #expect(syntax.first?.message.hasPrefix("the elements are nested deeper than 256 levels") == true)
        #expect(syntax.first?.messageDE?.contains("tiefer als 256 Ebenen") == true)
        #expect(!(syntax.first?.message.contains("XML_PARSE_HUGE") ?? true))
    }

    /// libxml2's warnings leave a document well-formed: one `xml.warning` at its line, and the records are read
    /// (they were `xml.syntax` errors before; found by the differential tests, K1).
    @Test func libxml2WarningsAreWarnings() throws {
        let xml = "<?xml version=\"1.1\"?>\n<projects><project><id>p1</id></project></projects>"
        let path = RoundTripTests.temporaryFile("warning.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        var records: [RawRecord] = []
        let findings = try XMLImporter().read(ImportRequest(path: path, fields: ["id"])) { records.append($0) }
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings)")
        let warnings = findings.filter { $0.ruleID == .xmlWarning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location?.line == 1)
        #expect(records.count == 1)
    }

    /// A CR LF in a CDATA section reaches the value as LF, as in text (XML 1.0 §2.11; differential tests, K2).
    @Test func carriageReturnsInCDATABecomeLineFeeds() throws {
        let xml = "<projects><project><id><![CDATA[p\r\n1\rx]]></id></project></projects>"
        let path = RoundTripTests.temporaryFile("cdata.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        var records: [RawRecord] = []
        _ = try XMLImporter().read(ImportRequest(path: path, fields: ["id"])) { records.append($0) }
        #expect(records.first?["id"].map(\.text) == ["p\n1\nx"])
    }
}
