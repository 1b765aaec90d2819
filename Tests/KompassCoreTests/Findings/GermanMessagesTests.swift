import Foundation
import Testing
@testable import KompassCore

/// Every finding of the importers, the normaliser, the register and the merge carries German text:
/// reports in German must not fall back to English for problems in the data.
@Suite("German messages")
struct GermanMessagesTests {
    /// Every finding has a German message that is not the English one, and a German hint wherever it has a hint.
    private func expectGerman(_ findings: [Finding], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!findings.isEmpty, sourceLocation: sourceLocation)
        for finding in findings {
            let german = finding.messageDE ?? ""
            #expect(!german.isEmpty, "\(finding.ruleID): no German message for '\(finding.message)'",
                    sourceLocation: sourceLocation)
            #expect(german != finding.message, "\(finding.ruleID): the German message is the English one: '\(german)'",
                    sourceLocation: sourceLocation)
            if let hint = finding.hint {
                let germanHint = finding.hintDE ?? ""
                #expect(!germanHint.isEmpty, "\(finding.ruleID): no German hint for '\(hint)'", sourceLocation: sourceLocation)
                #expect(germanHint != hint, "\(finding.ruleID): the German hint is the English one: '\(germanHint)'",
                        sourceLocation: sourceLocation)
            }
            #expect(finding.message(in: .de) == german, sourceLocation: sourceLocation)
        }
    }

    private func rules(_ findings: [Finding]) -> Set<RuleID> {
        Set(findings.map(\.ruleID))
    }

    @Test func pageTextWithABadPercentageAndNoInZukunft() throws {
        let folder = try TemporaryDirectory("kompass-german")
        defer { folder.remove() }
        let page = try folder.write("page.txt", text: """
            Fortschritt
            abc
            Dauer
            2023–2028
            Bisher
            Bisher gab es kein Angebot.
            Felder
            • Prozese
            Nutzende
            Mitarbeitende
            """)
        let register = try folder.copy(TestFiles.registerPath, as: "register.csv")
        let loaded = try PortfolioLoader().load([SourceConfiguration(path: page, format: .pageText, register: register)])

        let found = rules(loaded.findings)
        #expect(found.contains(.progressFormat), "\(found)")
        #expect(found.contains(.pageTextBlockMissing), "\(found)")
        #expect(found.contains(.pageTextBlockOrder), "\(found)")
        expectGerman(loaded.findings)

        let progress = try #require(loaded.findings.first { $0.ruleID == .progressFormat })
        #expect(progress.message == "the progress 'abc' is not a percentage")
        #expect(progress.messageDE == "der Fortschritt 'abc' ist keine Prozentangabe")
        let missing = try #require(loaded.findings.first { $0.ruleID == .pageTextBlockMissing })
        #expect(missing.messageDE?.contains("«In Zukunft»") == true, "\(missing.messageDE ?? "")")
    }

    @Test func windows1252CSV() throws {
        let folder = try TemporaryDirectory("kompass-german")
        defer { folder.remove() }
        // "März" and "Öffentlichkeit" in Windows-1252, a column the mapping does not read, and a row with a cell too many.
        let bytes: [UInt8] = Array("id;title;note\nalpha;M".utf8) + [0xE4] + Array("rz;x\nbeta;".utf8) + [0xD6]
            + Array("ffentlichkeit;y;z\n".utf8)
        let path = try folder.write("export.csv", bytes: bytes)
        let source = SourceConfiguration(path: path, format: .csv, mapping: FieldMapping(sourceFields: [.id: "id", .title: "title"]))
        let loaded = try PortfolioLoader().load([source])

        let found = rules(loaded.findings)
        #expect(found.contains(.csvEncodingDetected), "\(found)")
        #expect(found.contains(.csvRowCells), "\(found)")
        expectGerman(loaded.findings)
    }

    @Test func csvWithAnUnclosedQuote() throws {
        let folder = try TemporaryDirectory("kompass-german")
        defer { folder.remove() }
        let path = try folder.write("export.csv", text: "id;title\nalpha;\"Digital Lab\n")
        let source = SourceConfiguration(path: path, format: .csv, mapping: FieldMapping(sourceFields: [.id: "id", .title: "title"]))
        let loaded = try PortfolioLoader().load([source])

        #expect(rules(loaded.findings).contains(.csvSyntax), "\(rules(loaded.findings))")
        expectGerman(loaded.findings)
    }

    @Test func jsonSyntaxError() throws {
        let folder = try TemporaryDirectory("kompass-german")
        defer { folder.remove() }
        let path = try folder.write("projects.json", text: """
            [
              {"id": "alpha", "title": "Alpha", "progress": 30,},
              {"id": "beta"}
            ]
            """)
        let loaded = try PortfolioLoader().load([SourceConfiguration(path: path, format: .json)])

        let syntax = try #require(loaded.findings.first { $0.ruleID == .jsonSyntax }, "\(rules(loaded.findings))")
        #expect(syntax.message.hasPrefix("expected a key in double quotes after ','"), "\(syntax.message)")
        #expect(syntax.messageDE?.hasPrefix("erwartet: ein Schlüssel in doppelten Anführungszeichen nach ','") == true,
                "\(syntax.messageDE ?? "")")
        expectGerman(loaded.findings)
    }

    @Test func jsonLinesWithBrokenLines() throws {
        let folder = try TemporaryDirectory("kompass-german")
        defer { folder.remove() }
        let path = try folder.write("projects.jsonl", text: """
            {"id": "alpha", "progress": 01}
            {"id": "beta", "title": 'Beta'}
            [1, 2]
            {"id": "gamma", "fieldsOfAction": [{"x": 1}], "unknown": true, "id": "delta"}
            """)
        let loaded = try PortfolioLoader().load([SourceConfiguration(path: path, format: .jsonl)])

        let found = rules(loaded.findings)
        #expect(found.isSuperset(of: [.jsonSyntax, .jsonRecordType, .jsonValueType, .jsonKeyDuplicate]), "\(found)")
        expectGerman(loaded.findings)
    }

    @Test func xmlSyntaxError() throws {
        let folder = try TemporaryDirectory("kompass-german")
        defer { folder.remove() }
        let path = try folder.write("projects.xml", text: """
            <?xml version="1.0" encoding="UTF-8"?>
            <portfolio xmlns="\(CanonicalXMLWriter.namespace)">
              <project id="alpha">
                <title>Alpha & Omega</title>
              </project>
            </portfolio>
            """)
        let loaded = try PortfolioLoader().load([SourceConfiguration(path: path, format: .xml)])

        let syntax = try #require(loaded.findings.first { $0.ruleID == .xmlSyntax }, "\(rules(loaded.findings))")
        #expect(syntax.messageDE?.hasPrefix("das XML ist nicht wohlgeformt: ") == true, "\(syntax.messageDE ?? "")")
        expectGerman(loaded.findings)
    }

    @Test func xmlWithADoctype() throws {
        let folder = try TemporaryDirectory("kompass-german")
        defer { folder.remove() }
        let path = try folder.write("projects.xml", text: """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE portfolio [<!ENTITY x "y">]>
            <portfolio xmlns="\(CanonicalXMLWriter.namespace)">
              <project id="alpha"><title>&x;</title><extra/></project>
            </portfolio>
            """)
        let loaded = try PortfolioLoader().load([SourceConfiguration(path: path, format: .xml)])

        #expect(rules(loaded.findings).contains(.xmlEntity), "\(rules(loaded.findings))")
        expectGerman(loaded.findings)
    }

    @Test func mergeConflict() throws {
        let folder = try TemporaryDirectory("kompass-german")
        defer { folder.remove() }
        let mapping = FieldMapping(sourceFields: [.id: "id", .title: "title", .progress: "progress"])
        let first = try folder.write("register.csv", text: "id;title;progress\nalpha;Digital Lab;30%\n")
        let second = try folder.write("website.csv", text: "id;title;progress\nalpha;Digitales Labor;40%\nbeta;Beta;10%\n")
        let loaded = try PortfolioLoader().load([
            SourceConfiguration(name: "register", path: first, format: .csv, mapping: mapping),
            SourceConfiguration(name: "website", path: second, format: .csv, mapping: mapping),
        ])

        let conflicts = loaded.findings.filter { $0.ruleID == .mergeConflict }
        #expect(conflicts.count == 2, "\(loaded.findings.map(\.message))")
        #expect(rules(loaded.findings).contains(.mergePartial), "\(rules(loaded.findings))")
        let progress = try #require(conflicts.first { $0.field == .progress })
        #expect(progress.messageDE?.contains("«Fortschritt»") == true, "\(progress.messageDE ?? "")")
        expectGerman(loaded.findings)
    }

    @Test func brokenRegister() throws {
        let folder = try TemporaryDirectory("kompass-german")
        defer { folder.remove() }
        let register = try folder.write("register.csv", text: """
            position;fingerprint;id;title
            x;abc;Digital Lab;
            1;0123456789abcdef;digital-lab
            """)
        let (_, findings) = try ProjectRegister.load(path: register)
        expectGerman(findings)
    }
}
