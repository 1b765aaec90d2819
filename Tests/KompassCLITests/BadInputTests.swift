import Foundation
import Testing

/// Malformed page texts: a clear error with the line, exit code 1, and the output folder as it was.
@Suite struct BadInputTests {
    /// The real page text changed by `transform`, written into `folder`.
    static func variant(_ name: String, in folder: TemporaryFolder, _ transform: ([String]) -> [String]) throws -> String {
        let text = try String(contentsOfFile: RunCommandTests.realPortfolio, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let path = folder.path(name)
        try transform(lines).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs on `source` into an output folder that already holds a published set, and checks that
    /// nothing there changed.
    static func expectRefused(_ source: String, message: String, line: Int) throws {
        let output = try TemporaryFolder()
        let first = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output.url.path, "--as-of", "2026-11-30"])
        try #require(first.exitCode == 0)
        let before = try output.snapshot()
        let result = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--source", source,
                                             "--output", output.url.path, "--as-of", "2026-12-01"])
        #expect(result.exitCode == 1, "stderr: \(result.standardError)")
        #expect(result.standardError.contains("\(source):\(line)"), "stderr: \(result.standardError)")
        #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
        #expect(result.standardError.contains("nothing published"))
        #expect(try output.snapshot() == before)
    }

    @Test func percentageThatIsNotANumber() throws {
        let folder = try TemporaryFolder()
        let source = try Self.variant("abc.txt", in: folder) { lines in
            var lines = lines
            lines[14] = "abc"  // line 15: the first project's "30%"
            return lines
        }
        try Self.expectRefused(source, message: "the progress 'abc' is not a percentage", line: 15)
    }

    @Test func truncatedFile() throws {
        let folder = try TemporaryFolder()
        let source = try Self.variant("cut.txt", in: folder) { Array($0.prefix(290)) }
        // Line 290 is the "In Zukunft" text of the project that starts at line 283: Felder and Nutzende are cut off.
        try Self.expectRefused(source, message: "it may have been cut off", line: 283)
    }

    @Test func missingInZukunftHeading() throws {
        let folder = try TemporaryFolder()
        let source = try Self.variant("no-future.txt", in: folder) { lines in
            var lines = lines
            lines.remove(at: 19)  // line 20: "In Zukunft" of the first project
            return lines
        }
        try Self.expectRefused(source, message: "has no 'In Zukunft' block", line: 14)
    }

    @Test func fileThatIsNotUTF8() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("latin1.txt")
        let text = try String(contentsOfFile: RunCommandTests.realPortfolio, encoding: .utf8)
        let latin1 = try #require(text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "•", with: "*")
            .replacingOccurrences(of: "«", with: "\"").replacingOccurrences(of: "»", with: "\"")
            .data(using: .isoLatin1))
        try latin1.write(to: URL(fileURLWithPath: path))
        try Self.expectRefused(path, message: "is not UTF-8", line: 1)
    }

    @Test func emptyFileIsNeverZeroProjects() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("empty.txt")
        FileManager.default.createFile(atPath: path, contents: Data())
        let output = try TemporaryFolder()
        let result = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--source", path, "--output", output.url.path])
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("the file is empty"))
        #expect(try output.snapshot().isEmpty)
    }
}
