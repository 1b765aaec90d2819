import Foundation
import Testing
@testable import KompassCore

/// The cron run in which nothing changed stops after hashing its inputs; anything that could change an
/// output makes it go the whole way.
@Suite("The unchanged shortcut")
struct UnchangedShortcutTests {
    static let date = CalendarDate(iso: "2026-11-30")!

    static func published() throws -> (TemporaryDirectory, Configuration) {
        let directory = try TemporaryDirectory()
        var configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        configuration.outputDirectory = directory.file("public")
        #expect(try Pipeline(configuration: configuration).run(options: RunOptions(referenceDate: date)).outcome == .published)
        return (directory, configuration)
    }

    @Test func aRerunWithNothingChangedStopsAfterHashingAndTouchesNothing() throws {
        let (directory, configuration) = try Self.published()
        defer { directory.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: configuration.outputDirectory).sorted()
            .map { ($0, DiskTime.of((configuration.outputDirectory as NSString).appendingPathComponent($0))!.time) }
        let state = try TestFiles.bytes(atPath: PublicationStateStore(directory: configuration.stateDirectory).path)
        // Later in the same year: the same outputs.
        let report = try Pipeline(configuration: configuration).run(options: RunOptions(referenceDate: CalendarDate(iso: "2026-12-24")!))
        #expect(report.outcome == .unchanged && report.shortcut)
        #expect(report.projectCount == 34 && report.findings.count(of: .warning) == 10 && report.findings.all.isEmpty)
        let after = try FileManager.default.contentsOfDirectory(atPath: configuration.outputDirectory).sorted()
            .map { ($0, DiskTime.of((configuration.outputDirectory as NSString).appendingPathComponent($0))!.time) }
        #expect(after.map(\.0) == before.map(\.0) && after.map(\.1) == before.map(\.1))
        #expect(try TestFiles.bytes(atPath: PublicationStateStore(directory: configuration.stateDirectory).path) == state)
    }

    @Test func anythingThatCouldChangeAnOutputGoesTheWholeWay() throws {
        let (directory, configuration) = try Self.published()
        defer { directory.remove() }
        let pipeline = Pipeline(configuration: configuration)
        func run(_ options: RunOptions) throws -> RunReport { try pipeline.run(options: options) }
        var full = RunOptions(referenceDate: Self.date)
        full.full = true
        #expect(try !run(full).shortcut)
        var strict = RunOptions(referenceDate: Self.date)
        strict.strict = true
        #expect(try run(strict).outcome == .refused, "--strict with the 10 warnings on record refuses, as a full run would")
        // Another reference year: statuses may change.
        #expect(try !run(RunOptions(referenceDate: CalendarDate(iso: "2027-01-02")!)).shortcut)
        // A published file touched by someone: its time no longer matches, the run checks the content again.
        let (second, configuration2) = try Self.published()
        defer { second.remove() }
        let csv = (configuration2.outputDirectory as NSString).appendingPathComponent("projects.csv")
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, csv, &times, 0) == 0)
        let report = try Pipeline(configuration: configuration2).run(options: RunOptions(referenceDate: Self.date))
        #expect(!report.shortcut)
        #expect(report.outcome == .published, "the file's content is the same, but the state now records its new time")
        #expect(try Pipeline(configuration: configuration2).run(options: RunOptions(referenceDate: Self.date)).shortcut)
    }

    @Test func aChangedSourceIsRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        configuration.outputDirectory = directory.file("public")
        let page = directory.file("page.txt")
        try Data(try TestFiles.bytes(atPath: TestFiles.pageTextPath)).write(to: URL(fileURLWithPath: page))
        configuration.sources[0].path = page
        let pipeline = Pipeline(configuration: configuration)
        #expect(try pipeline.run(options: RunOptions(referenceDate: Self.date)).outcome == .published)
        #expect(try pipeline.run(options: RunOptions(referenceDate: Self.date)).shortcut)
        let text = try TestFiles.text(atPath: page).replacingOccurrences(of: "Fortschritt\n30%", with: "Fortschritt\n35%")
        try Data(text.utf8).write(to: URL(fileURLWithPath: page))
        let report = try pipeline.run(options: RunOptions(referenceDate: Self.date))
        #expect(!report.shortcut && report.outcome == .published && report.changes.map(\.kind) == [.progress, .progress, .progress, .progress], "the four projects at 30 %")
    }

    /// The register names the projects: a changed register changes the configuration's fingerprint, so the
    /// next run reads everything (and, with another fingerprint, publishes every file anew).
    @Test func aChangedRegisterIsNotTheSameConfiguration() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        configuration.outputDirectory = directory.file("public")
        let register = directory.file("register.csv")
        try Data(try TestFiles.bytes(atPath: TestFiles.registerPath)).write(to: URL(fileURLWithPath: register))
        configuration.sources[0].register = register
        let pipeline = Pipeline(configuration: configuration)
        #expect(try pipeline.run(options: RunOptions(referenceDate: Self.date)).outcome == .published)
        let before = pipeline.configurationFingerprint()
        let text = try TestFiles.text(atPath: register).replacingOccurrences(of: ";Digital Lab\n", with: ";Digitales Labor\n")
        #expect(text != (try TestFiles.text(atPath: register)))
        try Data(text.utf8).write(to: URL(fileURLWithPath: register))
        #expect(pipeline.configurationFingerprint() != before)
        let report = try pipeline.run(options: RunOptions(referenceDate: Self.date))
        #expect(!report.shortcut && report.outcome == .published && report.changes.map(\.kind) == [.title])
    }
}
