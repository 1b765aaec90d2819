import Foundation
import Testing

/// The command line's contract: help, version, usage errors and their exit codes.
@Suite struct CommandLineContractTests {
    @Test func versionAndHelp() throws {
        let version = try KompassProcess.run(["--version"])
        #expect(version.exitCode == 0)
        #expect(version.standardOutput.hasPrefix("kompass "))
        for arguments in [["--help"], ["help"], ["help", "run"], ["run", "--help"], ["validate", "--help"]] {
            let result = try KompassProcess.run(arguments)
            #expect(result.exitCode == 0, "\(arguments)")
            #expect(result.standardOutput.contains("USAGE"), "\(arguments)")
        }
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try KompassProcess.run(["run", "--frobnicate"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("unknown option '--frobnicate'"))
        #expect(result.standardError.contains("kompass run --help"))
    }

    @Test func unknownCommandAndMissingValue() throws {
        #expect(try KompassProcess.run(["publish-everything"]).exitCode == 2)
        #expect(try KompassProcess.run(["run", "--config"]).exitCode == 2)
        #expect(try KompassProcess.run(["run", "--as-of", "30.11.2026"]).exitCode == 2)
    }

    @Test func missingConfigurationIsAConfigurationError() throws {
        let result = try KompassProcess.run(["run", "--config", "/nonexistent/kompass.json"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("/nonexistent/kompass.json"))
    }

    @Test func aConfigurationThatIsNotJSONNamesLineAndColumn() throws {
        let folder = try GuardCommandTests.folder()
        let path = folder.path("kompass.json")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // A missing comma on line 3, and a trailing comma, each reported at its place; exit code 2.
        try text.replacingOccurrences(of: #""output": "out","#, with: #""output": "out""#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let missing = try KompassProcess.run(["validate", "--config", path])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.contains(
            #"configuration error: \#(path):3:18: expected ',' or '}' after the value of "output", found '"'"#), "\(missing.standardError)")
        #expect(!missing.standardError.contains("around character"))
        try text.replacingOccurrences(of: #""format": "csv","#, with: #""format": "csv", // CSV"#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let comment = try KompassProcess.run(["run", "--config", path])
        #expect(comment.exitCode == 2)
        #expect(comment.standardError.contains("\(path):2:57: expected a key in double quotes after ',', found the comment '//'"),
                "\(comment.standardError)")
    }

    @Test func aDamagedStateNamesLineAndColumnAndIsAnIOFailure() throws {
        let folder = try GuardCommandTests.folder()
        #expect(try GuardCommandTests.run(folder).exitCode == 0)
        let statePath = folder.path("out-kompass-state/state.json")
        let state = try String(contentsOfFile: statePath, encoding: .utf8)
        let lines = state.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix(#"  "kompassVersion""#) }) + 1
        try state.replacingOccurrences(of: #"(  "kompassVersion": "[^"]*"),"#, with: "$1", options: .regularExpression)
            .write(toFile: statePath, atomically: true, encoding: .utf8)
        let result = try KompassProcess.run(["status", "--config", folder.path("kompass.json")])
        #expect(result.exitCode == 3)
        #expect(result.standardError.contains("the publication state \(statePath):\(line + 1):3 is not valid JSON: expected ','"),
                "\(result.standardError)")
    }

    @Test func unreadableSourceIsAnIOFailure() throws {
        let output = try TemporaryFolder()
        let result = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--source", "/nonexistent/page.txt",
                                             "--output", output.url.path])
        #expect(result.exitCode == 3)
        #expect(result.standardError.contains("/nonexistent/page.txt"))
    }

    @Test func validateWritesNothing() throws {
        let output = try TemporaryFolder()
        let result = try KompassProcess.run(["validate", "--config", RunCommandTests.config, "--as-of", "2026-11-30"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("34 projects: 0 errors, 10 warnings"))
        #expect(try output.snapshot().isEmpty)
    }
}
