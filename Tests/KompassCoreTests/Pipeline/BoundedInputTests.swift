import Foundation
import Testing
@testable import KompassCore

/// Memory follows what must be kept, not the input: findings beyond what a report shows are counted, a line,
/// a value and a file have maxima with located errors, and a file that is no UTF-8 text gets one finding at its
/// start (issue 14, defects 1, 3 and 6).
@Suite struct BoundedInputTests {
    static func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = RoundTripTests.temporaryFile(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let samples = RoundTripTests.root.appendingPathComponent("config/sources/samples").path

    static func csvSource(_ path: String) throws -> SourceConfiguration {
        let configuration = try ConfigurationLoader().load(path: RoundTripTests.root.appendingPathComponent("config/examples/csv.json").path)
        var source = try #require(configuration.sources.first)
        source.path = path
        return source
    }

    /// 100,000 records that each lack seven fields: 700,000 findings counted, at most 100 per field kept,
    /// seven groups, each naming its field.
    @Test func findingsOfAHundredThousandRecordsAreCountedNotKept() throws {
        let line = Array("{\"id\":\"p1\"}\n".utf8)
        let path = try Self.file("tiny.jsonl", Array((0..<100_000).map { _ in line }.joined()))
        let result = try PortfolioLoader().stream([SourceConfiguration(path: path, format: .jsonl)]) { _ in }
        #expect(result.findings.count(of: .error) == 700_000)
        #expect(result.findings.all.count <= 7 * FindingList.defaultRetainPerGroup)
        let entries = result.findings.entries(examples: 5)
        #expect(entries.count == 7)
        #expect(Set(entries.map { $0.count }) == [100_000])
        #expect(Set(entries.compactMap { $0.first.field }).count == 7)
    }

    /// A file of NUL bytes, as each text format: one located error, reading stopped at the line limit.
    @Test(arguments: [SourceFormat.csv, .pageText, .jsonl])
    func aFileOfNULBytesStopsAtTheLineLimit(format: SourceFormat) throws {
        let path = try Self.file("zeros.\(format.rawValue)", [UInt8](repeating: 0, count: InputLimits.lineBytes + (1 << 20)))
        let source = format == .csv ? try Self.csvSource(path) : SourceConfiguration(path: path, format: format)
        let result = try PortfolioLoader().stream([source]) { _ in }
        let stopped = result.findings.all.filter { $0.ruleID == .sourceLineTooLong }
        #expect(stopped.count == 1)
        #expect(stopped.first?.location?.line == 1)
        #expect(stopped.first?.location?.file == path)
    }

    /// A value over 1 MiB is an error at the value (line, column, field), not a failure of the outputs later.
    @Test func aValueOverTheLimitIsALocatedError() throws {
        var rows = try String(contentsOfFile: Self.samples + "/portfolio.csv", encoding: .utf8).components(separatedBy: "\n")
        var cells = rows[1].components(separatedBy: ";")
        cells[6] = String(repeating: "x", count: InputLimits.valueBytes + 1)
        rows[1] = cells.joined(separator: ";")
        let path = try Self.file("long.csv", Array(rows.joined(separator: "\n").utf8))
        let result = try PortfolioLoader().stream([try Self.csvSource(path)]) { _ in }
        let tooLong = result.findings.all.filter { $0.ruleID == .valueTooLong }
        #expect(tooLong.count == 1)
        #expect(tooLong.first?.location?.line == 2)
        #expect(tooLong.first?.location?.field == "bisher")
        #expect(tooLong.first?.severity == .error)
    }

    /// UTF-16 and UTF-32 (with and without a mark), a doubled mark, CR-only line ends: one finding at 1:1 each,
    /// nothing else from that file (no missing columns, no cell counts).
    @Test func aFileThatIsNoUTF8TextWithLineFeedsGetsOneFinding() throws {
        let text = try String(contentsOfFile: Self.samples + "/portfolio.csv", encoding: .utf8)
        let cases: [(String, [UInt8], RuleID)] = [
            ("utf16", [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!), .sourceEncoding),
            ("utf16-no-mark", Array(text.data(using: .utf16LittleEndian)!), .sourceEncoding),
            ("utf16-big", Array(text.data(using: .utf16BigEndian)!), .sourceEncoding),
            ("utf32", Array(text.data(using: .utf32LittleEndian)!), .sourceEncoding),
            ("two-marks", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(text.utf8), .sourceEncoding),
            ("cr", Array(text.replacingOccurrences(of: "\n", with: "\r").utf8), .sourceLineEnds),
        ]
        for (name, bytes, rule) in cases {
            let path = try Self.file("\(name).csv", bytes)
            let result = try PortfolioLoader().stream([try Self.csvSource(path)]) { _ in }
            let fromFile = result.findings.all.filter { $0.location?.file == path }
            #expect(fromFile.map(\.ruleID) == [rule], "\(name): \(fromFile.map(\.message))")
            #expect(fromFile.first?.location?.line == 1, "\(name)")
            #expect(fromFile.first?.location?.column == 1, "\(name)")
        }
        // The same text in UTF-8, with one mark or none, reads without any of these.
        for bytes in [Array(text.utf8), [0xEF, 0xBB, 0xBF] + Array(text.utf8)] {
            let path = try Self.file("fine.csv", bytes)
            let result = try PortfolioLoader().stream([try Self.csvSource(path)]) { _ in }
            #expect(!result.findings.all.contains { [.sourceEncoding, .sourceLineEnds].contains($0.ruleID) })
        }
    }

    /// A JSON or XML record whose keys and values exceed the limit stops the reading, at the record's line,
    /// instead of growing one record without end.
    @Test func aRecordOverTheLimitStopsTheReading() throws {
        let list = (0..<1_200_000).map { _ in "\"Prozesse\"" }.joined(separator: ",")
        let json = try Self.file("big.json", Array("[{\"id\": \"p1\"},\n{\"id\": \"p2\", \"fieldsOfAction\": [\(list)]}]".utf8))
        let cdata = String(repeating: "<![CDATA[" + String(repeating: "x", count: 100_000) + "]]>", count: 100)
        let xml = try Self.file("big.xml", Array(("<?xml version=\"1.0\"?>\n<projects xmlns=\"https://opendata.example.org/kompass/input/1\">\n<project><id>p1</id>\n<title>" + cdata
            + "</title></project></projects>").utf8))
        for (path, format, line) in [(json, SourceFormat.json, 2), (xml, .xml, 3)] {
            let result = try PortfolioLoader().stream([SourceConfiguration(path: path, format: format)]) { _ in }
            let stopped = result.findings.all.filter { $0.ruleID == .sourceLineTooLong }
            #expect(stopped.count == 1, "\(format)")
            #expect(stopped.first?.location?.line == line, "\(format)")
            #expect(stopped.first?.message.hasPrefix("the record that starts here") == true, "\(format)")
        }
    }
}
