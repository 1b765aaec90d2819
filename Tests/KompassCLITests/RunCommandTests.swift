import Foundation
import Testing

/// `kompass run` end to end on the real portfolio: the binary, its exit codes, its files.
@Suite struct RunCommandTests {
    static let config = KompassProcess.repositoryRoot.appendingPathComponent("config/kompass.json").path
    static let realPortfolio = KompassProcess.repositoryRoot
        .appendingPathComponent("config/sources/digital-basel-umsetzung.txt").path
    /// Every output but the optional spreadsheet copy.
    static let outputNames = ["catalog.jsonld", "catalog.rdf", "catalog.ttl", "changes.atom", "changes.rss", "context.jsonld",
                              "csv-metadata.json", "datapackage.json", "history.csv", "index.html", "project-fields.csv", "projects.csv",
                              "projects.jsonld", "vocabulary.jsonld", "vocabulary.ttl"]

    @Test func publishesEveryOutputForTheRealPortfolio() throws {
        let output = try TemporaryFolder()
        let result = try KompassProcess.run(["run", "--config", Self.config, "--output", output.url.path, "--as-of", "2026-11-30"])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("published \(Self.outputNames.count) files"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("34 projects"))
        let files = try output.snapshot()
        #expect(files.keys.sorted() == Self.outputNames)
        let csv = try #require(files["projects.csv"].map { String(decoding: $0, as: UTF8.self) })
        // 34 data rows and a header; cells with line breaks are quoted, so count rows by their id cell.
        let ids = csv.split(separator: "\n").filter { line in
            line.split(separator: ";", maxSplits: 1).first.map { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } } ?? false
        }
        #expect(csv.hasPrefix("id;titel;fortschritt_prozent;beginn_jahr;ende_jahr;status;bisher;in_zukunft;handlungsfelder;nutzende\n"))
        // The header's "id" and the 34 projects' identifiers (text lines inside quoted cells start otherwise).
        #expect(ids.count == 1 + 34, "lines starting with an identifier: \(ids.count)")
    }

    @Test func bareKompassRunsTheDefaultConfiguration() throws {
        let output = try TemporaryFolder()
        // The default configuration writes to the repository's output/; copy the repository's config
        // next to a temporary output instead, so the test does not touch output/.
        let result = try KompassProcess.run(["--output", output.url.path, "--as-of", "2026-11-30", "--quiet"])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try output.snapshot().keys.sorted() == Self.outputNames)
    }

    @Test func twoRunsWriteByteIdenticalFiles() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        for folder in [first, second] {
            let result = try KompassProcess.run(["run", "--config", Self.config, "--output", folder.url.path, "--as-of", "2026-11-30"])
            #expect(result.exitCode == 0)
        }
        #expect(try first.snapshot() == second.snapshot())
    }

    @Test func dryRunPublishesNothing() throws {
        let output = try TemporaryFolder()
        let result = try KompassProcess.run(["run", "--config", Self.config, "--output", output.url.path, "--dry-run"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("dry run"))
        #expect(try output.snapshot().isEmpty)
    }

    @Test func strictTurnsTheRealPortfoliosWarningsIntoErrors() throws {
        let output = try TemporaryFolder()
        let result = try KompassProcess.run(["run", "--config", Self.config, "--output", output.url.path, "--strict"])
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("vocabulary.handlungsfelder.other-vocabulary"))
        #expect(try output.snapshot().isEmpty)
    }

    @Test func warningsExitAsksForCodeFive() throws {
        let output = try TemporaryFolder()
        let result = try KompassProcess.run(["run", "--config", Self.config, "--output", output.url.path, "--warnings-exit"])
        #expect(result.exitCode == 5)
    }
}
