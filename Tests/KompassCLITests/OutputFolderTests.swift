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

/// Whatever kompass accepts it can publish: a text just under the value limit publishes, also when it changes
/// and the feeds quote it before and after (the self-check's XML reader takes it), and a text over the limit is a
/// located error in `validate` already (issue 14, defect 1).
@Suite struct LongTextTests {
    static func words(_ count: Int, seed: Int) -> String {
        let pool = GuardCommandTests.words
        return (0..<count).map { pool[($0 * 7 + seed) % pool.count] }.joined(separator: " ")
    }

    static func write(_ folder: TemporaryFolder, longText: String) throws {
        var rows = GuardCommandTests.csv(GuardCommandTests.ids).components(separatedBy: "\n")
        var cells = rows[2].components(separatedBy: ";")
        cells[6] = longText
        rows[2] = cells.joined(separator: ";")
        try rows.joined(separator: "\n").write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
    }

    @Test func aTextJustUnderTheLimitPublishesAndChanges() throws {
        let folder = try GuardCommandTests.folder()
        // About 990,000 bytes of words: under the 1 MiB limit.
        var text = Self.words(90_000, seed: 1)
        while text.utf8.count > 1_000_000 { text.removeLast(1_000) }
        try Self.write(folder, longText: text)
        let first = try GuardCommandTests.run(folder)
        #expect(first.exitCode == 0, "\(first.standardError.prefix(2_000))")
        var changed = Self.words(90_000, seed: 3)
        while changed.utf8.count > 1_000_000 { changed.removeLast(1_000) }
        try Self.write(folder, longText: changed)
        let second = try GuardCommandTests.run(folder, date: "2026-12-01")
        #expect(second.exitCode == 0, "\(second.standardError.prefix(2_000))")
        let rss = try String(contentsOfFile: folder.path("out/changes.rss"), encoding: .utf8)
        #expect(rss.utf8.count > 1_000_000)
    }

    @Test func aTextOverTheLimitIsALocatedErrorInValidate() throws {
        let folder = try GuardCommandTests.folder()
        try Self.write(folder, longText: String(repeating: "Wort ", count: 220_000))
        let result = try KompassProcess.run(["validate", "--config", folder.path("kompass.json")])
        #expect(result.exitCode == 1)
        let report = result.standardOutput + result.standardError
        #expect(report.contains("portfolio.csv:3:"), "\(report.prefix(2_000))")
        #expect(report.contains("{value.too-long}"))
    }
}

/// A file given in place of the configured sources is read with the settings of the configured source of its
/// format, its XML schema included, and says so; where two sources have the format, it says that none applies
/// (issue 14, defect 7).
@Suite struct GivenSourceTests {
    @Test func aGivenXMLFileIsValidatedAgainstTheConfiguredSchema() throws {
        let folder = try TemporaryFolder()
        let sample = try String(contentsOfFile: KompassProcess.repositoryRoot.path + "/config/sources/samples/portfolio.xml",
                                encoding: .utf8)
        let path = folder.path("other.xml")
        // A progress the schema's pattern refuses (the importer alone would report it only as a value error).
        try sample.replacing(try #require(sample.firstMatch(of: /<progress>[^<]*<\/progress>/)).output, with: "<progress>viel</progress>",
                             maxReplacements: 1)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try KompassProcess.run(["validate", "-v", "--config", "config/examples/xml.json", path])
        let report = result.standardOutput + result.standardError
        #expect(result.exitCode == 1)
        #expect(report.contains("{xml.schema}"), "\(report.prefix(3_000))")
        #expect(report.contains("validated against its XML schema"), "\(report.prefix(3_000))")
        #expect(report.contains("{source.settings}"))
    }

    @Test func twoConfiguredSourcesOfTheFormatAreNotGuessed() throws {
        let folder = try GuardCommandTests.folder()
        let root = KompassProcess.repositoryRoot.path
        let config = """
        {"version": 1,
         "sources": [{"path": "portfolio.csv", "format": "csv", "mapping": "\(root)/config/mappings/kompass-csv.json"},
                     {"name": "second", "path": "portfolio.csv", "format": "csv", "mapping": "\(root)/config/mappings/kompass-csv.json"}],
         "output": "out", "publication": "\(root)/config/kompass.json"}
        """
        try config.write(toFile: folder.path("two.json"), atomically: true, encoding: .utf8)
        let result = try KompassProcess.run(["validate", "--config", folder.path("two.json"), folder.path("portfolio.csv")])
        let report = result.standardOutput + result.standardError
        #expect(report.contains("{source.settings.ambiguous}"), "\(report.prefix(3_000))")
        #expect(report.contains("2 configured sources have the format csv"))
    }
}
