import Foundation
import Testing
@testable import KompassCore

/// Each source is read once: the checksum the state records, the accepted copy the next run compares with
/// and the published data all come from the bytes the pass read, even when the file is replaced during the run.
@Suite("A source read once")
struct SourceReadOnceTests {
    static let date = CalendarDate(iso: "2026-11-30")!

    /// The sample CSV with the first project's progress set to `progress`.
    static func sample(progress: Int) throws -> [UInt8] {
        var lines = try TestFiles.text(atPath: TestFiles.path("config/sources/samples/portfolio.csv")).components(separatedBy: "\n")
        var cells = lines[1].components(separatedBy: ";")
        cells[2] = String(progress)
        lines[1] = cells.joined(separator: ";")
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// The CSV example configuration, reading `portfolio.csv` in `directory` and publishing into `directory/public`.
    static func csvConfiguration(in directory: TemporaryDirectory) throws -> (Configuration, source: String) {
        var configuration = try ConfigurationLoader().load(path: TestFiles.path("config/examples/csv.json"))
        let source = directory.file("portfolio.csv")
        configuration.sources[0].path = source
        configuration.outputDirectory = directory.file("public")
        return (configuration, source)
    }

    static func write(_ bytes: [UInt8], replacing path: String) throws {
        let temporary = path + ".new"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw IOError(path: path, operation: "replace", reason: "rename failed") }
    }

    @Test func aSourceReplacedWhileTheRunPublishesLeavesStateCopyAndPublicationOfTheBytesRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (configuration, source) = try Self.csvConfiguration(in: directory)
        let first = try Self.sample(progress: 10), read = try Self.sample(progress: 20), replacement = try Self.sample(progress: 30)
        #expect(first != read && read != replacement)

        try Self.write(first, replacing: source)
        let pipeline = Pipeline(configuration: configuration)
        #expect(try pipeline.run(options: RunOptions(referenceDate: Self.date)).outcome == .published)

        // The next run reads `read`; once it has read it, and before it records anything, the file is replaced.
        try Self.write(read, replacing: source)
        var options = RunOptions(referenceDate: Self.date)
        options.progress = { stage in
            if stage == "publishing" { try? Self.write(replacement, replacing: source) }
        }
        let report = try pipeline.run(options: options)
        #expect(report.outcome == .published)
        #expect(try TestFiles.bytes(atPath: source) == replacement, "the file was replaced during the run")

        let state = try #require(try PublicationStateStore(directory: configuration.stateDirectory).load())
        #expect(state.sources.map(\.sha256) == [SHA256.hex(of: read)], "the state records the bytes that were read")
        let store = AcceptedSourceStore(stateDirectory: configuration.stateDirectory)
        #expect(try TestFiles.bytes(atPath: store.acceptedPath(forSourceAt: source, index: 0)) == read,
                "the accepted copy is the bytes that were read")
        let published = try TestFiles.text(atPath: directory.file("public/projects.csv")).components(separatedBy: "\n")
        #expect(published[1].components(separatedBy: ";")[2] == "20", "the publication holds the bytes that were read")
        // Nothing is left beside the accepted copy.
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory) == ["0-portfolio.csv"])
    }

    /// A run that reads a source but publishes nothing (refused) leaves the accepted copy as it was.
    @Test func aRefusedRunKeepsTheAcceptedCopy() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (configuration, source) = try Self.csvConfiguration(in: directory)
        let accepted = try Self.sample(progress: 10)
        try Self.write(accepted, replacing: source)
        let pipeline = Pipeline(configuration: configuration)
        #expect(try pipeline.run(options: RunOptions(referenceDate: Self.date)).outcome == .published)
        try Self.write(try Self.sample(progress: 140), replacing: source)
        #expect(try pipeline.run(options: RunOptions(referenceDate: Self.date)).outcome == .refused)
        let store = AcceptedSourceStore(stateDirectory: configuration.stateDirectory)
        #expect(try TestFiles.bytes(atPath: store.acceptedPath(forSourceAt: source, index: 0)) == accepted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory) == ["0-portfolio.csv"])
    }
}
