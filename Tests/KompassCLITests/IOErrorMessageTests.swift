import Foundation
import Testing

/// An I/O error names the folder the user gave, what kompass tried to do, and what to do about it (exit 3).
@Suite struct IOErrorMessageTests {
    @Test func anOutputFolderThatCannotBeCreatedNamesTheUsersFolderAndAHint() throws {
        let folder = try TemporaryFolder()
        try Data().write(to: URL(fileURLWithPath: folder.path("file.txt")))
        let output = folder.path("file.txt/out")
        let result = try KompassProcess.run(["run", "--config", RunCommandTests.config, "--output", output, "--as-of", "2026-11-30"])
        #expect(result.exitCode == 3)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        // Refused before anything is created: the folder the user named, and why.
        #expect(lines.first == "kompass: cannot publish into \(output): \(folder.path("file.txt")) is a file, not a folder", "\(lines)")
        #expect(lines.dropFirst().first == "    hint: choose another place (--output, or \"output\" in the configuration), or move the file aside")
        #expect(!FileManager.default.fileExists(atPath: output + "-kompass-state"))
        // No system phrase of Foundation's.
        #expect(!result.standardError.contains("The operation could not be completed"))
    }
}
