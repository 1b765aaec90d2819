import Foundation
import Testing

/// A run keeps the first thousand changes whole and counts the rest; `diff` lists every one.
@Suite struct ManyChangesTests {
    @Test func aRunListsTheFirstChangesAndSaysHowManyMoreDiffListsThemAll() throws {
        let folder = try TemporaryFolder()
        let generated = try KompassProcess.run(["generate", "--projects", "1200", "--format", "csv", "--seed", "3",
                                                "--output", folder.path("p"), "--quiet"])
        #expect(generated.exitCode == 0, "\(generated.standardError)")
        let config = folder.path("p/kompass.json")
        let diff = try KompassProcess.run(["diff", "--config", config, "--as-of", "2026-11-30", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.standardOutput.utf8)) as? [String: Any])
        #expect((object["changes"] as? [Any])?.count == 1_200 && object["firstPublication"] as? Bool == true)

        let run = try KompassProcess.run(["run", "--config", config, "--as-of", "2026-11-30", "--verbose"])
        #expect(run.exitCode == 0 || run.exitCode == 2, "\(run.standardError)")
        #expect(run.standardOutput.contains("as the first publication; 1200 projects: "))
        let listed = run.standardOutput.split(separator: "\n").filter { $0.hasSuffix(")") && $0.contains(": added (") }
        #expect(listed.count == 1_000)
        #expect(run.standardOutput.contains("… and 200 more (kompass diff lists every change)"))
        // The state counts every project and every history row, not only those listed.
        let status = try KompassProcess.run(["status", "--config", config])
        #expect(status.standardOutput.contains("1200 projects, 100 feed items, 1200 history rows"), "\(status.standardOutput)")
    }
}
