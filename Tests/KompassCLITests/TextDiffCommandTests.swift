import Foundation
import Testing

/// `kompass diff` shows an edited text word by word (not as two fingerprints), in text and in JSON.
@Suite struct TextDiffCommandTests {
    @Test func anEditedTextIsShownWordByWord() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("output")
        #expect(try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output, "--as-of", "2026-11-30"]).exitCode == 0)
        var lines = try String(contentsOfFile: RunCommandTests.realPortfolio, encoding: .utf8).components(separatedBy: "\n")
        let bisher = try #require(lines.firstIndex(of: "Bisher")) + 1
        #expect(lines[bisher].hasPrefix("Mitarbeitende haben bislang kaum"))
        lines[bisher] = lines[bisher].replacingOccurrences(of: "Mitarbeitende haben", with: "Angestellte haben")
        let page = folder.path("page.txt")
        try lines.joined(separator: "\n").write(toFile: page, atomically: true, encoding: .utf8)

        let text = try KompassProcess.run(["diff", "--config", RunCommandTests.config, "--output", output, "--source", page, "--lang", "en"])
        #expect(text.exitCode == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("  digital-lab: texts changed\n    Bisher: [-Mitarbeitende-] {+Angestellte+} haben bislang kaum …"),
                "\(text.standardOutput)")

        let json = try KompassProcess.run(["diff", "--config", RunCommandTests.config, "--output", output, "--report", "json", "--source", page])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let change = try #require((report["changes"] as? [[String: Any]])?.first)
        #expect(change["change"] as? String == "texts")
        let words = try #require(change["words"] as? [String: Any])
        let bisherParts = try #require(words["bisher"] as? [[String: String]])
        #expect(Array(bisherParts.prefix(2)) == [["op": "delete", "text": "Mitarbeitende"], ["op": "insert", "text": "Angestellte"]])
        #expect((words["in_zukunft"] as? [[String: String]])?.allSatisfy { $0["op"] == "equal" } == true)
    }
}
