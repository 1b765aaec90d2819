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
        #expect(result.standardOutput.contains("34 projects: 0 errors, 9 warnings"))
        #expect(try output.snapshot().isEmpty)
    }
}
