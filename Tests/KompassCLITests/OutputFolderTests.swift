import Foundation
import Testing

/// Where a run publishes: through a link, into a folder whose parent is missing. The state and the shrink guard
/// always follow the real folder, and no folder above the output folder is created without a word.
@Suite struct OutputFolderTests {
    /// A symbolic link named as the output folder: the run publishes into the folder it points at, with that
    /// folder's state; the shrink guard refuses a portfolio that lost projects, exactly as on the real path.
    @Test func anOutputLinkFollowsTheRealFolderAndItsGuard() throws {
        let folder = try GuardCommandTests.folder()
        #expect(try GuardCommandTests.run(folder).exitCode == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("out"))
        let before = try GuardCommandTests.published(folder)
        try GuardCommandTests.csv(["0870"]).write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)

        let result = try GuardCommandTests.run(folder, ["--output", folder.path("link")], date: "2026-12-01")
        #expect(result.exitCode == 1, "\(result.standardError)")
        #expect(result.standardError.contains("{guard.vanished}"), "\(result.standardError)")
        // Nothing published, the link still a link to the same folder, no second state beside the link.
        #expect(try GuardCommandTests.published(folder) == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link")) == folder.path("out"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("link-kompass-state")))

        // A change that keeps every project publishes through the link into the real folder.
        var ids = GuardCommandTests.ids
        ids.append("vorhaben-11")
        try GuardCommandTests.csv(ids).write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        let published = try GuardCommandTests.run(folder, ["--output", folder.path("link")], date: "2026-12-02")
        #expect(published.exitCode == 0, "\(published.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link")) == folder.path("out"))
        let csv = try String(contentsOfFile: folder.path("out/projects.csv"), encoding: .utf8)
        #expect(csv.contains("vorhaben-11"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("link-kompass-state")))
    }

    /// An output folder whose parent does not exist (a typo in --output) stops the run before anything is
    /// created, naming the missing folder; the output folder itself is created as ever.
    @Test func aMissingParentFolderIsNamedNotCreated() throws {
        let folder = try GuardCommandTests.folder()
        let target = folder.path("typo/www/out")
        let result = try GuardCommandTests.run(folder, ["--output", target])
        #expect(result.exitCode == 3, "\(result.standardError)")
        #expect(result.standardError.contains("cannot publish into \(target)"), "\(result.standardError)")
        #expect(result.standardError.contains("\(folder.path("typo/www")), does not exist"), "\(result.standardError)")
        #expect(result.standardError.contains("mkdir -p"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("typo")))

        let fresh = try GuardCommandTests.run(folder, ["--output", folder.path("new-out")])
        #expect(fresh.exitCode == 0, "\(fresh.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.path("new-out/projects.csv")))
    }
}
