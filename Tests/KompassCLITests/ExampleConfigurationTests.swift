import Foundation
import Testing

/// Every example configuration reads the real portfolio from other formats and sources, and publishes
/// exactly what the default run publishes: the importers, mappings and the merge lose nothing.
@Suite struct ExampleConfigurationTests {
    static let examples = ["csv", "json", "jsonl", "xml", "three-sources"]

    @Test(arguments: examples)
    func examplePublishesWhatTheDefaultRunPublishes(example: String) throws {
        let reference = try TemporaryFolder(), output = try TemporaryFolder()
        let first = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", reference.url.path,
                                            "--as-of", "2026-11-30", "--quiet"])
        try #require(first.exitCode == 0)
        let config = KompassProcess.repositoryRoot.appendingPathComponent("config/examples/\(example).json").path
        let result = try KompassProcess.run(["run", "--config", config, "--output", output.url.path, "--as-of", "2026-11-30"])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        #expect(try output.snapshot() == reference.snapshot())
    }

    @Test func threeSourcesReportWhatTheyDetectedAndConverted() throws {
        let config = KompassProcess.repositoryRoot.appendingPathComponent("config/examples/three-sources.json").path
        let result = try KompassProcess.run(["validate", "--config", config, "--verbose", "--as-of", "2026-11-30"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("read as Windows-1252"))
        #expect(result.standardOutput.contains("the delimiter ';' was detected from the header"))
        #expect(result.standardOutput.contains("the column 'Bemerkung' is not used by the mapping"))
        #expect(result.standardOutput.contains("the share '0.3' was read as 30%"))
    }

    @Test func conflictingSourcesNameBothSourcesAndValues() throws {
        let folder = try TemporaryFolder()
        let samples = KompassProcess.repositoryRoot.appendingPathComponent("config/sources/samples")
        // The portfolio tool says 35% for the Digital Lab; the register (CSV) says 30%.
        let xml = try String(contentsOf: samples.appendingPathComponent("portfolio.xml"), encoding: .utf8)
        let changed = xml.replacingOccurrences(of: "<progress>30</progress>", with: "<progress>35</progress>")
        try #require(changed != xml)
        try changed.write(toFile: folder.path("tool.xml"), atomically: true, encoding: .utf8)
        let config = """
        {"version": 1,
         "sources": [
           {"name": "register", "path": "\(samples.path)/portfolio.csv", "format": "csv", "mapping": "\(KompassProcess.repositoryRoot.path)/config/mappings/kompass-csv.json"},
           {"name": "tool", "path": "\(folder.path("tool.xml"))", "format": "xml", "mapping": "\(KompassProcess.repositoryRoot.path)/config/mappings/kompass-xml.json"}
         ],
         "output": "\(folder.path("out"))",
         "publication": "\(RunCommandTests.config)"}
        """
        try config.write(toFile: folder.path("config.json"), atomically: true, encoding: .utf8)
        let result = try KompassProcess.run(["validate", "--config", folder.path("config.json")])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("'tool' says progress is '35%', 'register'"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("says '30%'; the value of 'register' is used"))
    }
}
