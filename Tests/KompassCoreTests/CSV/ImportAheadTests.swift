import Foundation
import Testing
@testable import KompassCore

/// Reading ahead on another thread hands over the same records, in the same order, as reading directly;
/// errors on either side come back, and nothing waits forever.
@Suite("Import ahead")
struct ImportAheadTests {
    static func csv(projects: Int, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("portfolio.csv")
        let writer = try ByteFileWriter(path: path)
        try CanonicalCSVWriter().write(SyntheticPortfolio(count: projects, seed: 5), to: writer)
        _ = try writer.finish()
        return path
    }

    static func request(_ path: String) -> ImportRequest {
        ImportRequest(path: path, fields: FieldMapping.publishedCSV.usedSourceFields)
    }

    @Test(arguments: [0, 1, 255, 256, 257, 5_000])
    func theSameRecordsInTheSameOrder(projects: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.csv(projects: projects, in: directory)
        var direct: [RawRecord] = []
        let directFindings = try CSVImporter().read(Self.request(path)) { direct.append($0) }
        var ahead: [RawRecord] = []
        let aheadFindings = try ImportAhead.read(CSVImporter(), Self.request(path)) { ahead.append($0) }
        #expect(ahead.count == projects)
        #expect(ahead == direct)
        #expect(aheadFindings == directFindings)
    }

    struct Stop: Error {}

    @Test func anErrorOfTheConsumerStopsTheReaderAndComesBack() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.csv(projects: 5_000, in: directory)
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try ImportAhead.read(CSVImporter(), Self.request(path)) { _ in
                seen += 1
                if seen == 300 { throw Stop() }
            }
        }
        #expect(seen == 300)
    }

    @Test func anErrorOfTheReaderComesBack() {
        #expect(throws: IOError.self) {
            _ = try ImportAhead.read(CSVImporter(), Self.request("/nonexistent/kompass/portfolio.csv")) { _ in }
        }
    }
}
