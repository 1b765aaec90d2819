import Foundation
import Testing

/// One mistake, one message: what follows from an error is linked to it (`causedBy`) and folded under it,
/// and no hint proposes retiring a project that only could not be read.
@Suite struct CauseLinkTests {
    static func cause(_ finding: [String: Any]) -> (rule: String, line: Int)? {
        guard let cause = finding["causedBy"] as? [String: Any], let rule = cause["rule"] as? String,
              let line = cause["line"] as? Int else { return nil }
        return (rule, line)
    }

    static func rules(_ findings: [[String: Any]], _ rule: String) -> [[String: Any]] {
        findings.filter { $0["rule"] as? String == rule }
    }

    @Test func aProjectWithAnUnreadableValueIsMissingAsTheConsequenceOfThatError() throws {
        // Project 1's progress, line 15: "30%" becomes "3O%".
        let (_, result) = try RealPageRuns.published { lines in lines[14] = "3O%" }
        #expect(result.exitCode == 1)
        let findings = try RealPageRuns.findings(result)
        let format = try #require(Self.rules(findings, "progress.format").first)
        #expect(format["line"] as? Int == 15 && format["column"] as? Int == 1)
        #expect(format["causedBy"] == nil)
        let vanished = Self.rules(findings, "guard.vanished")
        #expect(vanished.count == 1)
        #expect(vanished.first?["project"] as? String == "digital-lab")
        let cause = try #require(vanished.first.flatMap(Self.cause))
        #expect(cause.rule == "progress.format" && cause.line == 15)
        #expect(!findings.contains { ($0["hint"] as? String ?? "").contains("--retire") })
    }

    @Test func anUnknownHeadingIsTheOneCauseOfItsBlocksErrorsTheRegisterAndTheGuard() throws {
        // Project 2 (block from line 34): its heading "Bisher" (line 38) becomes "Früher so".
        let (_, result) = try RealPageRuns.published { lines in lines[37] = "Früher so" }
        #expect(result.exitCode == 1)
        let findings = try RealPageRuns.findings(result)
        let roots = findings.filter { $0["level"] as? String == "error" && $0["causedBy"] == nil }
        #expect(roots.count == 1, "\(roots)")
        #expect(roots.first?["rule"] as? String == "page-text.line.unexpected")
        #expect(roots.first?["line"] as? Int == 38)
        let consequences = findings.compactMap { finding in Self.cause(finding).map { (finding["rule"] as? String ?? "", $0) } }
        #expect(Set(consequences.map(\.0)) == ["page-text.block.missing", "page-text.line.unexpected", "page-text.block.order",
                                                "register.unused", "guard.vanished"])
        #expect(consequences.allSatisfy { $0.1.rule == "page-text.line.unexpected" && $0.1.line == 38 })
        #expect(Self.rules(findings, "guard.vanished").first?["project"] as? String == "daten-und-ki-plattform")
        #expect(!findings.contains { ($0["hint"] as? String ?? "").contains("--retire") })
        // The entry of the unread block is fine: its hint asks for the error to be fixed, as the guard's does, and no
        // hint asks for the register to be edited.
        let unused = try #require(Self.rules(findings, "register.unused").first)
        #expect(unused["hint"] as? String == "fix the error it follows from first; change nothing because of it")
        #expect(!findings.contains { ($0["hint"] as? String ?? "").lowercased().contains("register") })
        #expect(!findings.contains { ($0["hint"] as? String ?? "").contains("keep the line") })
    }

    @Test func theTextReportFoldsTheConsequencesUnderTheCause() throws {
        let (_, second) = try RealPageRuns.published(then: { lines in lines[37] = "Früher so" }, extraArguments: [])
        #expect(second.exitCode == 1)
        let report = second.standardError.components(separatedBy: "\n")
        let topLevelErrors = report.filter { !$0.hasPrefix(" ") && $0.contains(": error: ") }
        #expect(topLevelErrors.count == 1, "\(topLevelErrors)")
        #expect(topLevelErrors.first?.contains("page.txt:38: error: unexpected line 'Früher so'") == true)
        #expect(report.contains("    4 more errors and 1 warning follow from this:"))
    }
}
