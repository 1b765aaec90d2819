import Foundation
import Testing
@testable import KompassCore

/// A record flattened to comparable tuples: field, text, line, column.
struct RecordShape: Equatable, CustomStringConvertible {
    var field: String
    var text: String
    var line: Int
    var column: Int?
    var description: String { "\(field)@\(line):\(column.map(String.init) ?? "-") \(text.prefix(30))" }

    static func of(_ record: RawRecord) -> [RecordShape] {
        record.fieldOrder.flatMap { field in
            record[field].map { RecordShape(field: field, text: $0.text, line: $0.location.line, column: $0.location.column) }
        }
    }
}

@Suite("PageTextImporter on the real page")
struct PageTextImporterTests {
    static func importReal() throws -> ImportResult {
        try PageTextImporter().read(path: TestFiles.pageTextPath)
    }

    @Test func readsAll34ProjectsWithoutFindings() throws {
        let result = try Self.importReal()
        #expect(result.records.count == 34)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
    }

    @Test func eachRecordStartsAtItsFortschrittLine() throws {
        let text = try TestFiles.realPageText()
        let fortschrittLines = ReferencePage.lineNumbers(of: "Fortschritt", in: text)
        #expect(fortschrittLines.count == 34)
        let result = try Self.importReal()
        #expect(result.records.map(\.location.line) == fortschrittLines)
        #expect(result.records.allSatisfy { $0.location.file == TestFiles.pageTextPath })
        #expect(fortschrittLines.first == 14)
        #expect(fortschrittLines.last == 627)
    }

    @Test func firstRecordExactly() throws {
        let record = try #require(try Self.importReal().records.first)
        #expect(record.fieldOrder == ["Fortschritt", "Dauer", "Bisher", "In Zukunft", "Felder", "Nutzende"])
        let shape = RecordShape.of(record)
        let expected: [RecordShape] = [
            .init(field: "Fortschritt", text: "30%", line: 15, column: 1),
            .init(field: "Dauer", text: "2023–2028", line: 17, column: 1),
            .init(field: "Bisher", text: NormaliserTests.digitalLabBefore, line: 19, column: 1),
            .init(field: "In Zukunft", text: NormaliserTests.digitalLabFuture, line: 21, column: 1),
            .init(field: "Felder", text: "Prozesse", line: 23, column: 3),
            .init(field: "Felder", text: "Kompetenzen", line: 24, column: 3),
            .init(field: "Felder", text: "Kultur", line: 25, column: 3),
            .init(field: "Felder", text: "Technologie", line: 26, column: 3),
            .init(field: "Felder", text: "Leistungen", line: 27, column: 3),
            .init(field: "Felder", text: "Daten", line: 28, column: 3),
            .init(field: "Felder", text: "Recht", line: 29, column: 3),
            .init(field: "Nutzende", text: "Mitarbeitende", line: 31, column: 1),
            .init(field: "Nutzende", text: "Bevölkerung", line: 32, column: 1),
            .init(field: "Nutzende", text: "Wirtschaft", line: 33, column: 1),
        ]
        #expect(shape == expected)
        #expect(record["Felder"].allSatisfy { $0.location.field == "Felder" && $0.location.file == TestFiles.pageTextPath })
    }

    @Test func lastRecordEndsWithTheFileWithoutAFinalLineBreak() throws {
        let bytes = try TestFiles.bytes(atPath: TestFiles.pageTextPath)
        #expect(bytes.last != 0x0A, "the real file ends without a line break; this test relies on it")
        let record = try #require(try Self.importReal().records.last)
        #expect(record["Nutzende"].map(\.text) == ["Mitarbeitende", "Bevölkerung", "Wirtschaft"])
        #expect(record["Nutzende"].last?.location.line == 645)
        #expect(record["Felder"].map(\.text) == ["Prozesse", "Kompetenzen", "Kultur", "Technologie", "Leistungen", "Daten"])
    }

    @Test func everyRecordMatchesAnIndependentReadingOfThePage() throws {
        let reference = try #require(ReferencePage.parse(try TestFiles.realPageText()))
        #expect(reference.count == 34)
        let records = try Self.importReal().records
        try #require(records.count == reference.count)
        for (index, (record, expected)) in zip(records, reference).enumerated() {
            let project = "project \(index + 1)"
            #expect(record.location.line == expected.line, "\(project)")
            #expect(record["Fortschritt"].map(\.text) == ["\(expected.progress)%"], "\(project)")
            let years = expected.endYear.map { "\(expected.startYear)–\($0)" } ?? "\(expected.startYear)"
            #expect(record["Dauer"].map(\.text) == [years], "\(project)")
            #expect(record["Bisher"].map(\.text) == expected.beforeParagraphs, "\(project)")
            #expect(record["In Zukunft"].map(\.text) == expected.futureParagraphs, "\(project)")
            #expect(record["Felder"].map(\.text) == expected.bullets, "\(project)")
            #expect(record["Nutzende"].map(\.text) == expected.userGroups, "\(project)")
        }
    }

    @Test func crlfLineEndsAndAByteOrderMarkGiveTheSameRecords() throws {
        let text = try TestFiles.realPageText()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let crlf = try directory.write("crlf.txt", bytes: [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) + [0x0D, 0x0A])
        let original = try Self.importReal()
        let converted = try PageTextImporter().read(path: crlf)
        #expect(converted.findings.isEmpty, "\(converted.findings.map(\.message))")
        #expect(converted.records.count == 34)
        #expect(converted.records.map(RecordShape.of) == original.records.map(RecordShape.of))
    }

    @Test func whitespaceAroundValuesIsTrimmedAndColumnsCountIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = """
        Intro
          Fortschritt\u{00A0}
          45 %\t
        Dauer
        2024 – 2026
        Bisher
          Erster Absatz.  

        Zweiter Absatz.
        In Zukunft
        Ziel.
        Felder
          • Daten
        Nutzende
        \tBevölkerung
        """
        let path = try directory.write("page.txt", text: page)
        let result = try PageTextImporter().read(path: path)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        let record = try #require(result.records.first)
        #expect(result.records.count == 1)
        #expect(record.location.line == 2)
        #expect(RecordShape.of(record) == [
            .init(field: "Fortschritt", text: "45 %", line: 3, column: 3),
            .init(field: "Dauer", text: "2024 – 2026", line: 5, column: 1),
            .init(field: "Bisher", text: "Erster Absatz.", line: 7, column: 3),
            .init(field: "Bisher", text: "Zweiter Absatz.", line: 9, column: 1),
            .init(field: "In Zukunft", text: "Ziel.", line: 11, column: 1),
            .init(field: "Felder", text: "Daten", line: 13, column: 5),
            .init(field: "Nutzende", text: "Bevölkerung", line: 15, column: 2),
        ])
    }

    /// The importer streams: however the bytes are cut into chunks (even inside a UTF-8 sequence),
    /// the lines and records are the same.
    @Test(arguments: [1, 2, 3, 7, 64, 4_097])
    func chunkBoundariesDoNotMatter(chunkSize: Int) throws {
        let bytes = try TestFiles.bytes(atPath: TestFiles.pageTextPath)
        func parse(chunk: Int) -> ImportResult {
            var parser = PageTextParser(file: "page.txt")
            var splitter = LineSplitter()
            var records: [RawRecord] = []
            bytes.withUnsafeBytes { raw in
                var start = 0
                while start < raw.count {
                    let end = min(start + chunk, raw.count)
                    splitter.feed(UnsafeRawBufferPointer(rebasing: raw[start..<end])) { parser.consume($0) }
                    records += parser.takeCompleted()
                    start = end
                }
            }
            splitter.finish { parser.consume($0) }
            let findings = parser.finish(totalLines: splitter.lineNumber)
            records += parser.takeCompleted()
            return ImportResult(records: records, findings: findings)
        }
        let whole = parse(chunk: bytes.count)
        let pieces = parse(chunk: chunkSize)
        #expect(whole.records.count == 34)
        #expect(pieces.records == whole.records)
        #expect(pieces.findings.isEmpty)
    }

    @Test func aMissingFileIsAnIOError() {
        #expect(throws: IOError.self) { try PageTextImporter().read(path: "/nonexistent/kompass/page.txt") }
    }

    @Test func aFolderIsAnIOError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: IOError.self) { try PageTextImporter().read(path: directory.path) }
    }
}
