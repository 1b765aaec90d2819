import Foundation
import Testing
@testable import KompassCore

/// The XML importer reads its source once, through `request.openReader()`: the capture sees exactly the
/// file's bytes, which are the bytes libxml2 parsed.
@Suite struct XMLSourceCaptureTests {
    typealias Support = XMLTestSupport

    static func document(projects: Int, prolog: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog
            + "<portfolio xmlns=\"\(Support.namespace)\">\n"
            + (0..<projects).map { "  <project id=\"p\($0)\"><title>Vorhaben Nr. \($0) für die Bevölkerung</title><progress>\($0 % 100)%</progress></project>\n" }.joined()
            + "</portfolio>\n"
    }

    static func importCaptured(_ path: String, copy: String? = nil, schemaPath: String? = Support.schemaPath)
        throws -> (records: [RawRecord], findings: [Finding], summary: SourceCapture.Summary) {
        let capture = SourceCapture(path: path, copyPath: copy)
        let request = ImportRequest(path: path, fields: Support.allFields,
                                    options: SourceOptions(xmlNamespace: Support.namespace, xmlSchemaPath: schemaPath),
                                    capture: capture)
        var records: [RawRecord] = []
        let findings = try XMLImporter().read(request) { records.append($0) }
        return (records, findings, capture.finish())
    }

    static func size(_ path: String) throws -> Int {
        try #require((try FileManager.default.attributesOfItem(atPath: path))[.size] as? Int)
    }

    @Test(arguments: [nil, XMLTestSupport.schemaPath])
    func theCaptureSeesExactlyTheFileThatWasParsed(schemaPath: String?) throws {
        let directory = try TemporaryDirectory("kompass-xml-capture")
        defer { directory.remove() }
        let path = try directory.write("source.xml", text: Self.document(projects: 3_000))
        let (records, findings, summary) = try Self.importCaptured(path, copy: directory.file("copy.xml"), schemaPath: schemaPath)
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings.prefix(5))")
        #expect(records.count == 3_000)
        #expect(summary.byteCount == (try Self.size(path)))
        #expect(summary.sha256 == SHA256.hex(ofFileAt: path))
        let copyPath = try #require(summary.copyPath)
        #expect(try TestFiles.bytes(atPath: copyPath) == TestFiles.bytes(atPath: path))
    }

    /// A fatal error stops libxml2 early; the rest of the file still reaches the capture.
    @Test func theCaptureCoversTheWholeFileAfterAFatalError() throws {
        let directory = try TemporaryDirectory("kompass-xml-capture")
        defer { directory.remove() }
        var text = Self.document(projects: 2_000)
        text = text.replacingOccurrences(of: "<title>Vorhaben Nr. 10 ", with: "<title>Vorhaben Nr. 10 & ")
        let path = try directory.write("broken.xml", text: text)
        let (records, findings, summary) = try Self.importCaptured(path)
        #expect(records.count == 10)
        #expect(!findings.filter { $0.ruleID == .xmlSyntax }.isEmpty, "\(findings.prefix(5))")
        #expect(summary.byteCount == (try Self.size(path)))
        #expect(summary.sha256 == SHA256.hex(ofFileAt: path))
    }

    /// The DOCTYPE is refused before libxml2 reads with the schema attached: reported where it stands,
    /// no entity expanded, no schema violation reported, and the capture still sees the whole file.
    @Test func aDoctypeIsRefusedWithTheSchemaAndNothingExpanded() throws {
        let directory = try TemporaryDirectory("kompass-xml-capture")
        defer { directory.remove() }
        let secret = "KOMPASS-CAPTURE-SECRET-0815"
        let big = String(repeating: "y", count: 20_000)
        let prolog = "<!-- " + String(repeating: "a long comment\n", count: 400) + "-->\n"
            + "  <!DOCTYPE portfolio [\n  <!ENTITY s \"\(secret)\">\n  <!ENTITY big \"\(big)\">\n]>\n"
        var text = Self.document(projects: 500, prolog: prolog)
        text = text.replacingOccurrences(of: "<title>Vorhaben Nr. 7 ", with: "<title>&s;" + String(repeating: "&big;", count: 2_000) + " ")
        text = text.replacingOccurrences(of: "id=\"p9\"", with: "id=\"p9&s;\"")
        let path = try directory.write("doctype.xml", text: text)
        let clock = ContinuousClock()
        var result: (records: [RawRecord], findings: [Finding], summary: SourceCapture.Summary)?
        let elapsed = try clock.measure { result = try Self.importCaptured(path) }
        let (records, findings, summary) = try #require(result)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        let entity = findings.filter { $0.ruleID == .xmlEntity }
        let doctype = try #require(entity.first, "\(findings.prefix(5))")
        #expect(doctype.message.contains("DOCTYPE") && doctype.message.contains("not validated against the schema"), "\(doctype)")
        #expect(doctype.location?.line == 403)
        #expect(doctype.location?.column == 3)
        #expect(entity.count == 1 + 2_002, "\(entity.count)")
        #expect(findings.filter { $0.ruleID == .xmlSchema }.isEmpty, "the schema was attached")
        let texts = records.flatMap { $0.values.values.flatMap { $0.map(\.text) } } + findings.map(\.message)
        #expect(texts.allSatisfy { !$0.contains(secret) && !$0.contains("yyyy") }, "an entity was expanded")
        #expect(records.count == 500)
        #expect(summary.byteCount == (try Self.size(path)))
        #expect(summary.sha256 == SHA256.hex(ofFileAt: path))
    }

    @Test func aMissingFileIsAnOpenError() throws {
        let capture = SourceCapture(path: "/nonexistent/kompass/source.xml")
        let request = ImportRequest(path: "/nonexistent/kompass/source.xml", fields: Support.allFields, capture: capture)
        #expect {
            _ = try XMLImporter().read(request) { _ in }
        } throws: { error in
            guard let error = error as? IOError else { return false }
            return error.operation == "open" && error.reason == String(cString: strerror(ENOENT))
        }
    }
}
