import Foundation
import Testing

/// The crashes the fuzzers found (Fuzz/README.md, "Crashes found"), as the command line meets them: each input must
/// give findings or a configuration error with the documented exit code, never a crash. (While a crash is open its
/// test is a known issue and its reproducer lies in Fuzz/regressions/TARGET/open/; both found so far are fixed.)
@Suite struct FuzzRegressionTests {
    static let mapping = KompassProcess.repositoryRoot.appendingPathComponent("config/mappings/kompass-csv.json").path
    static let publication = KompassProcess.repositoryRoot.appendingPathComponent("config/kompass.json").path

    /// A configuration in `folder` reading `portfolio.csv` there, with `extra` members (JSON) added.
    static func configuration(in folder: TemporaryFolder, extra: String = "") throws -> String {
        let path = folder.path("kompass.json")
        let text = """
            {"version": 1,
             "sources": [{"path": "portfolio.csv", "format": "csv", "mapping": "\(mapping)"}],
             "output": "output", "publication": "\(publication)"\(extra.isEmpty ? "" : ", " + extra)}
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The first project of the sample CSV with its years replaced.
    static func portfolio(in folder: TemporaryFolder, start: String, end: String) throws {
        let sample = KompassProcess.repositoryRoot.appendingPathComponent("config/sources/samples/portfolio.csv").path
        let lines = try String(contentsOfFile: sample, encoding: .utf8).split(separator: "\n").map(String.init)
        var cells = lines[1].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        cells[3] = start  // beginn_jahr
        cells[4] = end  // ende_jahr
        try (lines[0] + "\n" + cells.joined(separator: ";") + "\n").write(toFile: folder.path("portfolio.csv"),
                                                                         atomically: true, encoding: .utf8)
    }

    /// Fuzz/regressions/normalise-validate/period-end-before-start.records: a project that ends before it starts
    /// is the error `period.order`; PortfolioSummary.add and Portfolio.yearSpan trap on it (`low...high`).
    @Test func aProjectThatEndsBeforeItStartsIsAFindingNotACrash() throws {
        let folder = try TemporaryFolder()
        try Self.portfolio(in: folder, start: "2030", end: "2020")
        let config = try Self.configuration(in: folder)
        let result = try KompassProcess.run(["validate", "--config", config, "--as-of", "2026-11-30", "--lang", "en"])
        #expect(result.exitCode == 1, "stderr: \(result.standardError.prefix(400))")
        #expect((result.standardOutput + result.standardError).contains("period.order"), "stderr: \(result.standardError.prefix(400))")
    }

    /// Fuzz/regressions/config/rule-parameter-*.json: a rule parameter beyond Int.max (or read as infinity) is a
    /// configuration error; the rules' initialisers trapped on it (`Int(parameters.value(…))`).
    /// Fuzz/regressions/config/duplicate-threshold-above-one.json: `text.duplicate`'s threshold is a fraction (0…1);
    /// `SimilarityIndex.search` failed its precondition on 1.8 (crash 3). `text.other-project`'s margin likewise.
    @Test(arguments: ["\"time.not-started\": {\"afterYears\": 1e300}", "\"period.plausible\": {\"yearsAhead\": 1e400}",
                      "\"text.duplicate\": {\"threshold\": 1.8}", "\"text.other-project\": {\"margin\": 2}"])
    func aRuleParameterOutOfItsRangeIsAConfigurationError(rule: String) throws {
        let folder = try TemporaryFolder()
        try Self.portfolio(in: folder, start: "2023", end: "2028")
        let config = try Self.configuration(in: folder, extra: "\"validation\": {\"rules\": {\(rule)}}")
        let result = try KompassProcess.run(["validate", "--config", config, "--as-of", "2026-11-30", "--lang", "en"])
        #expect(result.exitCode == 2, "stderr: \(result.standardError.prefix(400))")
        #expect(result.standardError.contains("validation.rules"), "stderr: \(result.standardError.prefix(400))")
    }

    /// Fuzz/regressions/xml/libxml2-message-on-stderr.xml (finding 5): a document whose bytes do not fit its declared
    /// encoding (`encoding="UTF-32"` on UTF-8 bytes) is an `xml.syntax` error; libxml2 also printed its own line to
    /// standard error ("encoding error : input conversion failed …") from the prolog scan, past kompass's error
    /// handler, which broke the promise of `--log-format json` (each line of standard error one JSON object).
    @Test func withJSONLogsEveryLineOfStandardErrorIsJSONEvenForAnUndecodableXMLFile() throws {
        let folder = try TemporaryFolder()
        let sample = KompassProcess.repositoryRoot.appendingPathComponent("Fuzz/regressions/xml/libxml2-message-on-stderr.xml")
        try FileManager.default.copyItem(atPath: sample.path, toPath: folder.path("portfolio.xml"))
        let mapping = KompassProcess.repositoryRoot.appendingPathComponent("config/mappings/kompass-xml.json").path
        let config = folder.path("kompass.json")
        try """
            {"version": 1,
             "sources": [{"path": "portfolio.xml", "format": "xml", "mapping": "\(mapping)",
                          "xml": {"namespace": "https://opendata.example.org/kompass/input/1"}}],
             "output": "output", "publication": "\(Self.publication)"}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try KompassProcess.run(["run", "--dry-run", "--config", config, "--log-format", "json",
                                             "--as-of", "2026-11-30"])
        #expect(result.exitCode == 1, "stderr: \(result.standardError.prefix(400))")
        #expect(result.standardError.contains("xml.syntax"))
        let lines = result.standardError.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line.prefix(200))")
        }
    }
}
