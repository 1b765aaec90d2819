import Foundation
import Testing

/// Values from the input never reach the terminal as control characters, and never make a message unbounded:
/// an ESC sequence in a header, an identifier, a progress, a vocabulary term or a JSON key is shown as `\u{1B}`,
/// and a 2 MB header cell gives a report of a few kilobytes (issue 14, defect 2).
@Suite struct HostileValueTests {
    static func controls(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A) || (0x7F...0x9F).contains($0) }
    }

    @Test func aHostileCSVIsReportedSafely() throws {
        let folder = try TemporaryFolder()
        let sample = try String(contentsOfFile: KompassProcess.repositoryRoot.path + "/config/sources/samples/portfolio.csv",
                                encoding: .utf8)
        var rows = sample.components(separatedBy: "\n").filter { !$0.isEmpty }
        rows[0] += ";\u{1B}]0;pwned\u{7}" + String(repeating: "X", count: 2_000_000)
        var cells = rows[1].components(separatedBy: ";")
        cells[0] = "bad\u{7}id\u{0}"
        cells[2] = "\u{1B}[2J50"
        cells[8] += ",Proz\u{1B}esse"
        rows[1] = cells.joined(separator: ";")
        rows = rows.enumerated().map { $0.offset == 0 ? $0.element : $0.element + ";x" }
        let path = folder.path("hostile.csv")
        try rows.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let result = try KompassProcess.run(["validate", "-v", "--config", "config/examples/csv.json", path])
        #expect(result.exitCode == 1)
        let shown = result.standardOutput + result.standardError
        #expect(Self.controls(in: shown).isEmpty, "control characters reached the terminal: \(Set(Self.controls(in: shown)))")
        #expect(shown.utf8.count < 100_000, "the report is \(shown.utf8.count) bytes")
        #expect(shown.contains("\\u{1B}"))
        #expect(shown.contains("{id.format}") && shown.contains("{progress.format}") && shown.contains("{source.field.unknown}"))
    }

    @Test func aHostileJSONKeyIsReportedSafely() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("hostile.jsonl")
        // Escaped in the JSON (a raw control character is a syntax error), decoded into the key.
        try "{\"id\": \"p1\", \"\\u001b]2;x\\u0007\": 1}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try KompassProcess.run(["validate", "-v", path])
        let shown = result.standardOutput + result.standardError
        #expect(Self.controls(in: shown).isEmpty, "\(Set(Self.controls(in: shown)))")
        #expect(shown.contains("\\u{1B}]2;x\\u{7}"))
    }
}
