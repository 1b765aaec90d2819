import Foundation
import Testing

/// A cron run on the real page after a steward edited it: one edited text still publishes, with one warning
/// that gives the register line to write; two edited texts stop the run with an error that proposes the line.
@Suite struct RegisterEditTests {
    static let root = RealPageRuns.root

    /// 0-based index of the "Fortschritt" line of the page's project `number` (1-based).
    static func blockLine(_ lines: [String], project number: Int) -> Int {
        lines.indices.filter { lines[$0] == "Fortschritt" }[number - 1]
    }

    /// The register's lines (after the header), split into cells.
    static func registerRows() throws -> [[String]] {
        try String(contentsOfFile: "\(root)/config/sources/register.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.components(separatedBy: ";") }
    }

    /// The identifiers of a published projects.csv, in order (the first cell of each record).
    static func publishedIDs(_ folder: TemporaryFolder) throws -> [String] {
        let csv = try String(contentsOfFile: folder.path("out/projects.csv"), encoding: .utf8)
        // Identifiers start a line and never need quotes; text cells with line breaks continue on lines that
        // do not start with an identifier followed by the title of the register.
        let rows = try registerRows()
        return csv.split(separator: "\n").dropFirst().compactMap { line in
            rows.first { line.hasPrefix("\($0[3]);\($0[4]);") }?[3]
        }
    }

    @Test func oneEditedTextStillPublishesWithOneWarningAtTheBlock() throws {
        var blockLine = 0
        let (folder, result) = try RealPageRuns.published { lines in
            blockLine = Self.blockLine(lines, project: 5)
            #expect(lines[blockLine + 4] == "Bisher")
            lines[blockLine + 5] += " Stand November 2026."
        }
        #expect(result.exitCode == 0, "\(result.standardError)")
        let findings = try RealPageRuns.findings(result)
        let register = findings.filter { ($0["rule"] as? String)?.hasPrefix("register.") == true }
        #expect(register.count == 1, "\(register)")
        let finding = try #require(register.first)
        #expect(finding["rule"] as? String == "register.fingerprint.changed")
        #expect(finding["level"] as? String == "warning")
        #expect(finding["line"] as? Int == blockLine + 1)
        #expect(finding["project"] as? String == "hr-systemlandschaft")
        let row = try Self.registerRows()[4]
        #expect((finding["hint"] as? String)?.contains("5;") == true && (finding["hint"] as? String)?.contains(";\(row[2]);hr-systemlandschaft;") == true)
        #expect(!findings.contains { $0["level"] as? String == "error" })
        // Published: every identifier of the register, in its order, and the edited text.
        #expect(try Self.publishedIDs(folder) == (try Self.registerRows()).map { $0[3] })
        let csv = try String(contentsOfFile: folder.path("out/projects.csv"), encoding: .utf8)
        #expect(csv.contains("Stand November 2026."))
    }

    @Test func bothTextsEditedStopTheRunWithTheLineToAdd() throws {
        var blockLine = 0
        let (folder, result) = try RealPageRuns.published { lines in
            blockLine = Self.blockLine(lines, project: 5)
            lines[blockLine + 5] += " Stand November 2026."
            let future = lines.indices.first { $0 > blockLine && lines[$0] == "In Zukunft" }!
            lines[future + 1] += " Stand November 2026."
        }
        #expect(result.exitCode == 1)
        let errors = try RealPageRuns.findings(result).filter { $0["level"] as? String == "error" }
        let missing = errors.filter { $0["rule"] as? String == "register.missing" }
        #expect(missing.count == 1, "\(errors)")
        #expect(missing.first?["line"] as? Int == blockLine + 1)
        let hint = try #require(missing.first?["hint"] as? String)
        #expect(hint.range(of: #"'5;[0-9a-f]{16};[0-9a-f]{16};<id>;<title>'"#, options: .regularExpression) != nil, "\(hint)")
        // Nothing published: the first publication stays.
        let csv = try String(contentsOfFile: folder.path("out/projects.csv"), encoding: .utf8)
        #expect(!csv.contains("Stand November 2026."))
    }
}
