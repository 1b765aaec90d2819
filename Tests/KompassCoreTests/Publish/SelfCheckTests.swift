import Foundation
import Testing
@testable import KompassCore

/// For each output, one change a consumer would reject, and the self-check refusing it.
@Suite struct SelfCheckTests {
    /// A published run of the real portfolio, in a temporary folder.
    static func published() throws -> (folder: TemporaryDirectory, output: String, files: [OutputFile]) {
        let folder = try TemporaryDirectory()
        var configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        configuration.outputDirectory = folder.file("output")
        let report = try Pipeline(configuration: configuration)
            .run(options: RunOptions(referenceDate: CalendarDate(iso: "2026-11-30")!))
        try #require(report.outcome == .published)
        let files = report.files.compactMap { OutputFile(rawValue: ($0.path as NSString).lastPathComponent) }
        return (folder, folder.file("output"), files)
    }

    /// The self-check's findings after `change` rewrote `file`.
    static func findings(after file: OutputFile, _ change: (String) -> String) throws -> [Finding] {
        let (folder, output, files) = try published()
        defer { folder.remove() }
        let path = (output as NSString).appendingPathComponent(file.rawValue)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(original)
        try #require(changed != original, "the mutation of \(file.rawValue) changed nothing")
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        return SelfCheck(projectCount: 34).check(directory: output, files: files)
    }

    @Test func theRealOutputsPass() throws {
        let (folder, output, files) = try Self.published()
        defer { folder.remove() }
        let findings = SelfCheck(projectCount: 34).check(directory: output, files: files)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func csvValueOfTheWrongType() throws {
        let findings = try Self.findings(after: .csv) { $0.replacingOccurrences(of: "digital-lab;Digital Lab;30;", with: "digital-lab;Digital Lab;30%;") }
        #expect(findings.contains { $0.ruleID == .selfCheck(.csv) && $0.message.contains("fortschritt_prozent") && $0.location?.line == 2 })
    }

    @Test func csvRowMissing() throws {
        let findings = try Self.findings(after: .csv) { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            lines.remove(at: 1)
            return lines.joined(separator: "\n")
        }
        #expect(findings.contains { $0.ruleID == .selfCheck(.csv) && $0.message.contains("33 data rows") })
    }

    @Test func jsonLDKeyTheContextDoesNotMap() throws {
        let findings = try Self.findings(after: .jsonLD) { $0.replacingOccurrences(of: "\"progressPercent\": 30,", with: "\"progresPercent\": 30,") }
        #expect(findings.contains { $0.ruleID == .selfCheck(.jsonLD) && $0.message.contains("'progresPercent'") })
    }

    @Test func catalogueWithAnUntypedDate() throws {
        let findings = try Self.findings(after: .catalogue) { text in
            guard let range = text.range(of: "<dct:modified rdf:datatype=\"http://www.w3.org/2001/XMLSchema#date\">") else { return text }
            return text.replacingCharacters(in: range, with: "<dct:modified>")
        }
        #expect(findings.contains { $0.ruleID == .selfCheck(.catalogue) && $0.message.contains("has no datatype") })
    }

    @Test func catalogueWithALicenceMissing() throws {
        let findings = try Self.findings(after: .catalogue) { text in
            guard let range = text.range(of: "    <dct:license rdf:resource=\"http://dcat-ap.ch/vocabulary/licenses/terms_by\"/>\n") else { return text }
            return text.replacingCharacters(in: range, with: "")
        }
        #expect(findings.contains { $0.ruleID == .selfCheck(.catalogue) && $0.message.contains("licences for") })
    }

    @Test func catalogueWithAnIdentifierOfTheWrongForm() throws {
        let findings = try Self.findings(after: .catalogue) { $0.replacingOccurrences(of: "@kanton-basel-stadt</dct:identifier>",
                                                                                      with: "@Kanton Basel-Stadt</dct:identifier>") }
        #expect(findings.contains { $0.ruleID == .selfCheck(.catalogue) && $0.message.contains("not of the form") })
    }

    @Test func jsonLDThatIsNotJSON() throws {
        let findings = try Self.findings(after: .jsonLD) { $0.replacingOccurrences(of: "\"progressPercent\": 30,", with: "\"progressPercent\": 30,,") }
        #expect(findings.contains { $0.ruleID == .selfCheck(.jsonLD) && $0.message.contains("is not valid JSON") && ($0.location?.line ?? 0) > 1 })
    }

    @Test func feedWithARepeatedGuid() throws {
        let findings = try Self.findings(after: .rss) { text in
            let guids = text.split(separator: "\n").filter { $0.contains("<guid") }
            return text.replacingOccurrences(of: guids[1], with: guids[0])
        }
        #expect(findings.contains { $0.ruleID == .selfCheck(.rss) && $0.message.contains("repeated guids") })
    }

    @Test func feedWithAnISODate() throws {
        let findings = try Self.findings(after: .rss) { $0.replacingOccurrences(of: "<lastBuildDate>Mon, 30 Nov 2026 00:00:00 +0100",
                                                                                 with: "<lastBuildDate>2026-11-30T00:00:00+01:00") }
        #expect(findings.contains { $0.ruleID == .selfCheck(.rss) && $0.message.contains("2026-11-30T00:00:00+01:00") })
    }

    @Test func feedWithTheWrongWeekday() throws {
        let findings = try Self.findings(after: .rss) { $0.replacingOccurrences(of: "<lastBuildDate>Mon, 30 Nov", with: "<lastBuildDate>Tue, 30 Nov") }
        #expect(findings.contains { $0.ruleID == .selfCheck(.rss) && $0.message.contains("is a Mon, not a Tue") })
    }

    @Test func feedWithARelativeLink() throws {
        let findings = try Self.findings(after: .rss) { text in
            guard let range = text.range(of: "<link>https://opendata.example.org/kompass/#") else { return text }
            return text.replacingCharacters(in: range, with: "<link>/kompass/#")
        }
        #expect(findings.contains { $0.ruleID == .selfCheck(.rss) && $0.message.contains("not absolute") })
    }

    @Test func feedThatIsNotWellFormed() throws {
        let findings = try Self.findings(after: .rss) { $0.replacingOccurrences(of: "Neu: Digital Lab", with: "Neu: Digital & Lab") }
        #expect(findings.contains { $0.ruleID == .selfCheck(.rss) && $0.location?.line ?? 0 > 0 })
    }
}
