import Foundation
import Testing
@testable import KompassCore

/// `import(write(portfolio)) == portfolio` for every format kompass both writes and reads,
/// on the real portfolio.
@Suite struct RoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let config = root.appendingPathComponent("config/kompass.json").path

    static func realPortfolio() throws -> Portfolio {
        let configuration = try ConfigurationLoader().load(path: config)
        let loaded = try PortfolioLoader().load(configuration.sources)
        #expect(!loaded.findings.contains { $0.severity == .error })
        return loaded.portfolio
    }

    static func temporaryFile(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kompass-roundtrip-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test(arguments: [SourceFormat.csv, .json, .jsonl, .xml, .pageText])
    func writingAndReadingBackGivesTheSamePortfolio(format: SourceFormat) throws {
        let original = try Self.realPortfolio()
        #expect(original.projects.count == 34)
        let path = Self.temporaryFile("portfolio.\(format.rawValue)")
        _ = try PortfolioConverter().write(original, as: format, to: path)
        let registerPath = Self.root.appendingPathComponent("config/sources/register.csv").path
        let source = SourceConfiguration(path: path, format: format, register: format == .pageText ? registerPath : nil)
        let loaded = try PortfolioLoader().load([source])
        let errors = loaded.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        #expect(loaded.portfolio.projects.count == original.projects.count)
        for (read, written) in zip(loaded.portfolio.projects, original.projects) {
            #expect(read == written, "\(format): \(written.id) differs")
        }
    }

    @Test func leadingZerosAndSpecialCharactersSurviveEveryFormat() throws {
        let project = Project(
            id: ProjectID("0870-test")!, title: "Quote \" ; Semikolon, Komma & <Tag>", progress: 5,
            period: ProjectPeriod(startYear: 2024), before: "Erste Zeile\nZweite Zeile mit «Guillemets» – und ü",
            future: "=SUMME(A1) beginnt wie eine Formel; @ auch", fieldsOfAction: [.daten, .recht],
            userGroups: [.bevoelkerung], origins: ProjectOrigins(record: SourceLocation(file: "test", line: 1)))
        for format in [SourceFormat.csv, .json, .jsonl, .xml] {
            let path = Self.temporaryFile("special.\(format.rawValue)")
            _ = try PortfolioConverter().write(Portfolio(projects: [project]), as: format, to: path)
            let loaded = try PortfolioLoader().load([SourceConfiguration(path: path, format: format)])
            #expect(loaded.findings.filter { $0.severity == .error }.isEmpty, "\(format): \(loaded.findings.map(\.message))")
            #expect(loaded.portfolio.projects == [project], "\(format)")
        }
    }
}
