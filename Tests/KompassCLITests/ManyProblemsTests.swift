import Foundation
import Testing

/// A steward learns every problem of a file in one run: 50 rows with 50 problems give 50 findings,
/// each on its own line, and nothing is published.
@Suite struct ManyProblemsTests {
    /// Distinct texts for each row, from the words of the real page (so that no two rows look alike).
    static func text(_ row: Int, _ words: [String]) -> String {
        var state = UInt64(row &* 2_654_435_761 &+ 12_345)
        return (0..<14).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return words[Int(state >> 33) % words.count]
        }.joined(separator: " ")
    }

    /// Ten kinds of problem, each set up so that it breaks exactly one rule (a row at 150 % that ended
    /// in a later year would also be "completed ahead", so it ends this year).
    static let problems: [(rule: String, apply: @Sendable (inout [String]) -> Void)] = [
        ("progress.format", { $0[2] = "abc" }),
        ("progress.range", { $0[2] = "150"; $0[4] = "2026" }),
        ("period.format", { $0[3] = "20x4" }),
        ("period.order", { $0[2] = "100"; $0[3] = "2024"; $0[4] = "2020" }),
        ("vocabulary.handlungsfelder.unknown", { $0[8] = "Prozesse,Prozese" }),
        ("vocabulary.nutzende.unknown", { $0[9] = "Bürger" }),
        ("id.format", { $0[0] = "Bad ID \($0[0])" }),
        ("text.html", { $0[6] += " <b>wichtig</b>" }),
        ("text.control-characters", { $0[7] += " \u{07}" }),
        ("period.plausible", { $0[2] = "100"; $0[3] = "1950"; $0[4] = "1951" }),
    ]

    @Test func fiftyProblemsGiveFiftyFindingsEachWithItsLine() throws {
        let folder = try TemporaryFolder()
        let page = try String(contentsOfFile: RunCommandTests.realPortfolio, encoding: .utf8)
        let words = Array(Set(page.split { !$0.isLetter }.map(String.init).filter { $0.count > 4 })).sorted()
        var lines = ["id;titel;fortschritt_prozent;beginn_jahr;ende_jahr;status;bisher;in_zukunft;handlungsfelder;nutzende"]
        var expected: [String] = []
        for row in 1...50 {
            // The "In Zukunft" takes up the words of its "Bisher", as a project's two texts do: two texts of random
            // words would share nothing, and one of them could then share more with another row's texts by
            // chance than with its partner (text.other-project).
            let before = Self.text(row, words)
            let future = before.split(separator: " ").reversed().joined(separator: " ") + " " + Self.text(row + 1_000, words)
            var cells = ["vorhaben-\(row)", "Vorhaben \(row)", "50", "2025", "2028", "in_umsetzung",
                         before, future, "Prozesse,Daten", "Bevölkerung"]
            let problem = Self.problems[(row - 1) % Self.problems.count]
            problem.apply(&cells)
            lines.append(cells.map { $0.contains(";") || $0.contains("\"") ? "\"\($0)\"" : $0 }.joined(separator: ";"))
            expected.append("\(row + 1) \(problem.rule)")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder.path("fifty.csv"), atomically: true, encoding: .utf8)
        let root = KompassProcess.repositoryRoot.path
        let config = """
        {"version": 1,
         "sources": [{"path": "fifty.csv", "format": "csv", "mapping": "\(root)/config/mappings/kompass-csv.json"}],
         "output": "out", "publication": "\(root)/config/kompass.json"}
        """
        try config.write(toFile: folder.path("kompass.json"), atomically: true, encoding: .utf8)

        let result = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--report", "json",
                                             "--as-of", "2026-11-30"])
        #expect(result.exitCode == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let findings = (report["findings"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String != "info" }
        let seen = findings.map { "\($0["line"] as? Int ?? -1) \($0["rule"] as? String ?? "")" }
        #expect(seen == expected)
        #expect(Set(findings.compactMap { $0["line"] as? Int }).count == 50)

        let run = try KompassProcess.run(["run", "--config", folder.path("kompass.json"), "--as-of", "2026-11-30"])
        #expect(run.exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.path("out/projects.csv")))
    }
}
