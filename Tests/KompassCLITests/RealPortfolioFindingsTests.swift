import Foundation
import Testing

/// `kompass validate` on the real portfolio: exactly the problems the page has, none hidden, none invented.
@Suite struct RealPortfolioFindingsTests {
    /// What a careful reader of the page finds, as of 2026-11-30:
    /// - project 2 lists the three user groups among its fields of action (lines 50–52);
    /// - four projects ended in 2025 but are not at 100 %;
    /// - two projects started in 2025 and are still at 0 %;
    /// - the "In Zukunft" of the mobile app for online services (line 180) describes E-Mitwirkung, not the app
    ///   (text.other-project; OtherProjectTextRuleTests explains it and the texts that come closest besides).
    static let expected = [
        "50 warning vocabulary.handlungsfelder.other-vocabulary daten-und-ki-plattform",
        "51 warning vocabulary.handlungsfelder.other-vocabulary daten-und-ki-plattform",
        "52 warning vocabulary.handlungsfelder.other-vocabulary daten-und-ki-plattform",
        "180 warning text.other-project mobile-app-online-dienste",
        "375 warning time.overdue eservices-architektur",
        "432 warning time.overdue nutzendenzentrierte-services",
        "448 warning time.not-started servant-leadership",
        "463 warning time.overdue digitale-maturitaet",
        "497 warning time.overdue rechtsgrundlagen-agov",
        "514 warning time.not-started elektronischer-rechtsverkehr",
    ]

    static func report(_ arguments: [String] = []) throws -> [String: Any] {
        let result = try KompassProcess.run(["validate", "--config", RunCommandTests.config, "--report", "json",
                                             "--as-of", "2026-11-30"] + arguments)
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    @Test func exactlyTheProblemsOfThePage() throws {
        let report = try Self.report()
        let findings = try #require(report["findings"] as? [[String: Any]])
        let seen = findings.map { "\($0["line"] as? Int ?? -1) \($0["severity"] as? String ?? "") \($0["rule"] as? String ?? "") \($0["project"] as? String ?? "")" }
        #expect(seen == Self.expected)
        #expect(findings.allSatisfy { ($0["file"] as? String)?.hasSuffix("config/sources/digital-basel-umsetzung.txt") == true })
        #expect(findings.allSatisfy { !($0["message"] as? String ?? "").isEmpty && !($0["hint"] as? String ?? "").isEmpty })
    }

    @Test func theSameFindingsInGerman() throws {
        let report = try Self.report(["--lang", "de"])
        #expect(report["language"] as? String == "de")
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == Self.expected.count)
        let overdue = try #require(findings.first { $0["rule"] as? String == "time.overdue" })
        #expect(overdue["message"] as? String == "das Vorhaben endete 2025, steht aber bei 40 % (Stichjahr 2026)")
    }

    @Test func theLocaleChoosesGerman() throws {
        let result = try KompassProcess.run(["validate", "--config", RunCommandTests.config, "--as-of", "2026-11-30"],
                                            environment: ["LANG": "de_CH.UTF-8", "LC_ALL": ""])
        #expect(result.standardOutput.contains("34 Vorhaben: 0 Fehler, 10 Warnungen, 0 Hinweise"))
        #expect(result.standardOutput.contains("Warnung: das Vorhaben endete 2025"))
    }

    @Test func anEarlierReferenceDateFindsWhatWasWrongThen() throws {
        // As of 2024, the projects ending in 2025 were not overdue yet, and E-Voting (100 %, until 2026) was
        // completed ahead of its end year.
        let result = try KompassProcess.run(["validate", "--config", RunCommandTests.config, "--report", "json", "--as-of", "2024-06-01"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let rules = (report["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"] as? String ?? "") \($0["project"] as? String ?? "")" }
        #expect(!rules.contains { $0.hasPrefix("time.overdue") })
        #expect(rules.contains("time.completed-ahead e-voting"))
    }
}
