import Foundation
import Testing
@testable import KompassCore

/// The long outputs are checked as they are written: the same findings as a read back, from the same bytes.
@Suite("Checks of the bytes as written")
struct WrittenBytesCheckTests {
    static let header = CSVColumn.allCases.map(\.rawValue).joined(separator: ";")

    /// Writes `text` in pieces of `piece` bytes through a writer whose bytes a CSV check sees.
    static func written(_ text: String, piece: Int, projectCount: Int, into directory: TemporaryDirectory) throws -> (streamed: [Finding], readBack: [Finding]) {
        let path = directory.file("projects.csv")
        let writer = try ByteFileWriter(path: path, capacity: 7)
        let check = WrittenBytesCheck([CSVOutputCheck()], label: "test")
        check.attach(to: writer)
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: piece) {
            try writer.write(Array(bytes[start..<min(start + piece, bytes.count)]))
        }
        _ = try writer.finish()
        var readBack = CSVOutputCheck()
        let readBackFindings = readBack.check(fileAt: path, projectCount: projectCount)
        return (check.finish(projectCount: projectCount), try #require(readBackFindings))
    }

    @Test(arguments: [1, 5, 64, 4_096])
    func aWrongValueAndAMissingRowAreFoundAtTheirLines(piece: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = "a;A;30;2023;2028;in_umsetzung;B;F;Daten;Wirtschaft"
        let bad = "b;B;dreissig;2023;2028;in_umsetzung;\"B\nB\";F;Daten;Wirtschaft"
        let (streamed, readBack) = try Self.written([Self.header, good, bad].joined(separator: "\n") + "\n", piece: piece,
                                                    projectCount: 3, into: directory)
        #expect(streamed == readBack)
        #expect(streamed.map(\.ruleID) == [.selfCheck(.csv), .selfCheck(.csv)])
        #expect(streamed.first?.location?.line == 3)
        #expect(streamed.last?.message.contains("2 data rows for 3 projects") == true)
    }

    @Test func aGoodFileHasNoFinding() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = "a;A;30;2023;2028;in_umsetzung;B;F;Daten;Wirtschaft"
        let (streamed, readBack) = try Self.written(Self.header + "\n" + good + "\n", piece: 3, projectCount: 1, into: directory)
        #expect(streamed.isEmpty && readBack.isEmpty)
    }
}
