import Foundation
import Testing

/// The steward's commands around publication: diff, status, dry run, JSON logs, and the quiet
/// unchanged run.
@Suite struct OperationsCommandTests {
    static func changedPage(in folder: TemporaryFolder) throws -> String {
        let text = try String(contentsOfFile: RunCommandTests.realPortfolio, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[14] = "40%"  // the Digital Lab: 30% → 40%
        try lines.joined(separator: "\n").write(toFile: folder.path("page.txt"), atomically: true, encoding: .utf8)
        return folder.path("page.txt")
    }

    @Test func diffStatusAndDryRunNameTheChange() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("output")
        let first = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output, "--as-of", "2026-11-30"])
        #expect(first.exitCode == 0)
        #expect(first.standardOutput.contains("published 15 files to \(output) as the first publication; 34 projects: 0 errors, 10 warnings, 0 infos"))
        let page = try Self.changedPage(in: folder)

        let diff = try KompassProcess.run(["diff", "--config", RunCommandTests.config, "--output", output, "--source", page])
        #expect(diff.exitCode == 0)
        #expect(diff.standardOutput.contains("1 change against the last publication"))
        #expect(diff.standardOutput.contains("digital-lab: progress 30% → 40%"))

        let before = try String(contentsOfFile: folder.path("output/changes.rss"), encoding: .utf8)
        let dry = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output, "--source", page,
                                          "--dry-run", "--as-of", "2026-12-01"])
        #expect(dry.exitCode == 0)
        // What would happen, once: how many files change and how many stay, how many changes, the findings.
        #expect(dry.standardOutput.contains("dry run: would publish 15 files to \(output) ("))
        #expect(dry.standardOutput.contains(" unchanged) with 1 change; 34 projects: 0 errors, 10 warnings, 0 infos"))
        #expect(dry.standardOutput.contains("digital-lab: progress 30% → 40%"))
        // The same in German, every line of it.
        let german = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output, "--source", page,
                                             "--dry-run", "--as-of", "2026-12-01", "--lang", "de"])
        #expect(german.standardOutput.contains("Probelauf: würde 15 Dateien nach \(output) publizieren ("))
        #expect(german.standardOutput.contains(" unverändert) mit 1 Änderung; 34 Vorhaben: 0 Fehler, 10 Warnungen, 0 Hinweise"))
        #expect(german.standardOutput.contains("digital-lab: Fortschritt 30% → 40%"))
        #expect(!german.standardOutput.contains("would") && !german.standardOutput.contains("progress"))
        #expect(try String(contentsOfFile: folder.path("output/changes.rss"), encoding: .utf8) == before)

        let status = try KompassProcess.run(["status", "--config", RunCommandTests.config, "--output", output])
        #expect(status.exitCode == 0)
        #expect(status.standardOutput.contains("on 2026-11-30"))
        #expect(status.standardOutput.contains("34 projects, 34 feed items, 34 history rows"))
        #expect(status.standardOutput.contains("projects.csv"))
    }

    @Test func diffTakesTheContractsFormatOption() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("output")
        #expect(try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output, "--as-of", "2026-11-30"]).exitCode == 0)
        let page = try Self.changedPage(in: folder)
        for arguments in [["--format", "json"], ["--format=json"], ["--report", "json"]] {
            let diff = try KompassProcess.run(["diff", "--config", RunCommandTests.config, "--output", output] + arguments + ["--source", page])
            #expect(diff.exitCode == 0, "\(arguments): \(diff.standardError)")
            let report = try JSONSerialization.jsonObject(with: Data(diff.standardOutput.utf8)) as? [String: Any]
            let changes = report?["changes"] as? [[String: Any]] ?? []
            #expect(changes.map { $0["project"] as? String } == ["digital-lab"], "\(arguments)")
        }
        // After a --source, --format names that source's format.
        let text = try KompassProcess.run(["diff", "--config", RunCommandTests.config, "--output", output,
                                           "--source", page, "--format", "page-text"])
        #expect(text.exitCode == 0)
        #expect(text.standardOutput.contains("digital-lab: progress 30% → 40%"))
    }

    @Test func anUnchangedScheduledRunPrintsNothing() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("output")
        _ = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output, "--as-of", "2026-11-30"])
        let again = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output, "--as-of", "2026-12-01"])
        #expect(again.exitCode == 0)
        #expect(again.standardOutput.isEmpty)
        #expect(again.standardError.isEmpty)
        let verbose = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output, "--as-of", "2026-12-01", "--verbose"])
        #expect(verbose.standardOutput.contains("nothing changed"))
    }

    @Test func jsonLogsOneObjectPerLine() throws {
        let folder = try TemporaryFolder()
        let result = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", folder.path("output"),
                                             "--as-of", "2026-11-30", "--log-format", "json"])
        #expect(result.exitCode == 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 11)  // the real page's 10 warnings (RealPortfolioFindingsTests) and the summary
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["time"] is String && object?["level"] is String && object?["event"] is String)
        }
        let last = try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any]
        #expect(last?["event"] as? String == "run.finished")
        #expect(last?["outcome"] as? String == "published" && last?["shortcut"] == nil)
        // The same run again stops after hashing its inputs, and its summary says so, with the counts on record.
        let again = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", folder.path("output"),
                                            "--as-of", "2026-11-30", "--log-format", "json"])
        #expect(again.exitCode == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(again.standardError.split(separator: "\n").last!.utf8)) as? [String: Any]
        #expect(summary?["outcome"] as? String == "unchanged" && summary?["shortcut"] as? Bool == true)
        #expect(summary?["warnings"] as? Int == 10 && summary?["projects"] as? Int == 34)
    }
}
