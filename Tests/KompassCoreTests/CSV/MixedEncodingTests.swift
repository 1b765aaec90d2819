import Foundation
import Testing
@testable import KompassCore

/// One stray byte in a UTF-8 file no longer turns the whole file into Windows-1252 (and its letters into "Ã¼")
/// with the reason visible only with -v: the byte is the one error, at its cell, and the rest reads as UTF-8
/// (issue 14, defect 6).
@Suite struct MixedEncodingTests {
    @Test func aStrayByteInAUTF8FileIsOneErrorAtItsCell() throws {
        let sample = try String(contentsOfFile: BoundedInputTests.samples + "/portfolio.csv", encoding: .utf8)
        var lines = sample.components(separatedBy: "\n").map { Array($0.utf8) }
        // "Digital Lab" -> "Digital L\u{E4}b" with the ä as the single Latin-1 byte 0xE4.
        let title = Array("Digital Lab".utf8)
        let start = try #require(lines[1].firstRange(of: title))
        lines[1].replaceSubrange(start, with: Array("Digital L".utf8) + [0xE4] + Array("b".utf8))
        let path = try BoundedInputTests.file("stray.csv", Array(lines.joined(separator: [0x0A])))
        var projects: [Project] = []
        let result = try PortfolioLoader().stream([try BoundedInputTests.csvSource(path)]) { projects.append($0) }
        let encoding = result.findings.all.filter { $0.ruleID == .csvEncoding }
        #expect(encoding.count == 1)
        #expect(encoding.first?.location?.line == 2)
        #expect(encoding.first?.location?.field == "titel")
        #expect(encoding.first?.severity == .error)
        #expect(!result.findings.all.contains { $0.ruleID == .csvEncodingDetected })
        // Every other value reads as UTF-8: no mojibake anywhere.
        #expect(!projects.contains { project in [project.title, project.before, project.future].contains { $0.contains("Ã") } })
        #expect(projects.contains { $0.future.contains("ü") || $0.before.contains("ü") })
    }

    @Test func aWholeWindows1252FileIsStillReadAsSuch() throws {
        let sample = try String(contentsOfFile: BoundedInputTests.samples + "/portfolio.csv", encoding: .utf8)
        let bytes = try #require(sample.data(using: .windowsCP1252))
        let path = try BoundedInputTests.file("cp1252.csv", Array(bytes))
        var projects: [Project] = []
        let result = try PortfolioLoader().stream([try BoundedInputTests.csvSource(path)]) { projects.append($0) }
        #expect(!result.findings.all.contains { $0.ruleID == .csvEncoding })
        #expect(result.findings.all.contains { $0.ruleID == .csvEncodingDetected })
        #expect(projects.contains { $0.future.contains("ü") || $0.before.contains("ü") })
    }
}
