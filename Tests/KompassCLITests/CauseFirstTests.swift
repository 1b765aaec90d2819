import Foundation
import Testing

/// One mistake, one message: a misspelt heading on the real page is the one error, at its line, and nothing
/// proposes to retire the project it belongs to; a block that really cannot be read makes the guard ask for the
/// source's errors to be fixed first.
@Suite struct CauseFirstTests {
    /// The JSON log's findings of level error.
    static func errors(_ result: KompassProcess.Result) throws -> [[String: Any]] {
        try RealPageRuns.findings(result).filter { $0["level"] as? String == "error" }
    }

    @Test func aMisspeltHeadingInTheFirstProjectIsOneErrorAtLine14() throws {
        let (_, result) = try RealPageRuns.published { lines in
            #expect(lines[13] == "Fortschritt")
            lines[13] = "Fortschrit"
        }
        #expect(result.exitCode == 1)
        let errors = try Self.errors(result)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?["rule"] as? String == "page-text.heading.misspelt")
        #expect(errors.first?["line"] as? Int == 14)
        #expect(!result.standardError.contains("--retire"))
    }

    @Test func aProjectThatCannotBeReadIsNotProposedForRetirement() throws {
        let (_, result) = try RealPageRuns.published { lines in
            #expect(lines[15] == "Dauer")
            lines[15] = "Laufzeit"  // far from every heading: the block cannot be read
        }
        #expect(result.exitCode == 1)
        let vanished = try Self.errors(result).filter { $0["rule"] as? String == "guard.vanished" }
        #expect(vanished.count == 1)
        // The missing project follows from the unreadable block: it names the block's first error as its cause.
        let cause = try #require(vanished.first?["causedBy"] as? [String: Any])
        #expect(cause["line"] as? Int == 16)
        #expect(cause["rule"] as? String == "page-text.line.unexpected")
        #expect(!result.standardError.contains("--retire"))
    }

    /// The report shows the offending line with a caret under the column, in text and in JSON.
    @Test func theReportShowsTheLineAndACaret() throws {
        let (folder, _) = try RealPageRuns.published { lines in lines[13] = "Fortschrit" }
        let text = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--as-of", "2026-12-01", "--lang", "en"])
        let lines = text.standardOutput.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.hasSuffix("{page-text.heading.misspelt}") })
        #expect(lines[at].hasPrefix("\(folder.path("page.txt")):14:1: error: 'Fortschrit' is not a heading"))
        #expect(lines[at + 1] == "    14 | Fortschrit")
        #expect(lines[at + 2] == "       | ^")
        let json = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--as-of", "2026-12-01", "--report", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let misspelt = try #require(findings.first { $0["rule"] as? String == "page-text.heading.misspelt" })
        let excerpt = try #require(misspelt["excerpt"] as? [String: Any])
        #expect(excerpt["line"] as? Int == 14 && excerpt["text"] as? String == "Fortschrit" && excerpt["column"] as? Int == 1)
    }
}
