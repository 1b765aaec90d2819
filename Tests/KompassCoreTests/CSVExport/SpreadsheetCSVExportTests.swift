import Foundation
import Testing
@testable import KompassCore

/// `projects-excel.csv`: the optional copy for spreadsheets (BOM, CRLF, formula-like cells neutralised).
@Suite("CSVExport: projects-excel.csv")
struct SpreadsheetCSVExportTests {
    /// Values a spreadsheet would evaluate, and what the copy must hold instead.
    static let dangerous: [(value: String, neutralised: String)] = [
        ("=SUMME(A1)", "'=SUMME(A1)"),
        ("+41 61 267 00 00", "'+41 61 267 00 00"),
        ("-5", "'-5"),
        ("@x", "'@x"),
        ("\tTab=1", "'\tTab=1"),
        ("\r=1+1", "'\r=1+1"),
        ("=HYPERLINK(\"https://example.org\";\"klick\")", "'=HYPERLINK(\"https://example.org\";\"klick\")"),
    ]

    @Test(arguments: dangerous.map(\.value))
    func neutralisesFormulaStarts(_ value: String) {
        let expected = Self.dangerous.first { $0.value == value }!.neutralised
        #expect(SpreadsheetCSVExporter.neutralised(value) == expected)
    }

    @Test(arguments: ["Digital Lab", "30", "2023", "", "Prozesse,Kompetenzen", "E-Mail", "a=b", " =1", "'=x"])
    func leavesOtherValuesAlone(_ value: String) {
        #expect(SpreadsheetCSVExporter.neutralised(value) == value)
    }

    /// A portfolio whose texts start like formulas.
    static func hostilePortfolio() -> Portfolio {
        Portfolio(projects: [
            ExportHarness.project("formel", title: "=SUMME(A1)", before: "+41 61 267 00 00", future: "-5"),
            ExportHarness.project("at", title: "@x", before: "Normal.\n=Zweiter Absatz", future: "=HYPERLINK(\"https://example.org\";\"klick\")"),
            ExportHarness.project("harmlos", title: "Digital Lab"),
        ])
    }

    @Test func theCopyNeutralisesAndTheCanonicalCSVKeepsTheValues() throws {
        var settings = try ExportHarness.settings()
        settings.spreadsheetCopy = true
        let context = ExportHarness.context(settings)
        let portfolio = Self.hostilePortfolio()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, canonical) = try ExportHarness.export(CSVExporter(), portfolio, context: context, into: directory)
        let (_, copy) = try ExportHarness.export(SpreadsheetCSVExporter(), portfolio, context: context, into: directory)

        // The canonical file: every value as it is.
        let canonicalRows = ExportHarness.rows(canonical)
        #expect(canonicalRows[1][1] == "=SUMME(A1)")
        #expect(canonicalRows[1][6] == "+41 61 267 00 00")
        #expect(canonicalRows[1][7] == "-5")
        #expect(canonicalRows[2][1] == "@x")
        #expect(canonicalRows[2][7] == "=HYPERLINK(\"https://example.org\";\"klick\")")
        #expect(!canonical.contains(0x0D))
        #expect(Array(canonical.prefix(3)) != SpreadsheetCSVExporter.byteOrderMark)
        #expect(!String(decoding: canonical, as: UTF8.self).contains("'"))

        // The copy: BOM, CRLF, the same rows with a leading apostrophe where a formula could start.
        #expect(Array(copy.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let copyRows = ExportHarness.rows(Array(copy.dropFirst(3)))
        #expect(copyRows.count == canonicalRows.count)
        #expect(copyRows[0] == canonicalRows[0], "the same header")
        #expect(copyRows[1][1] == "'=SUMME(A1)")
        #expect(copyRows[1][6] == "'+41 61 267 00 00")
        #expect(copyRows[1][7] == "'-5")
        #expect(copyRows[2][1] == "'@x")
        #expect(copyRows[2][6] == "Normal.\n=Zweiter Absatz", "only the start of a cell counts")
        #expect(copyRows[2][7] == "'=HYPERLINK(\"https://example.org\";\"klick\")")
        #expect(copyRows[3] == canonicalRows[3], "a harmless row is unchanged")
        for (copyRow, canonicalRow) in zip(copyRows, canonicalRows) {
            #expect(copyRow == canonicalRow.map(SpreadsheetCSVExporter.neutralised))
        }
    }

    @Test func theRealPortfolioCopyHasBOMAndCRLFAndTheSameRows() throws {
        var (portfolio, context) = try ExportHarness.realPortfolio()
        context.settings.spreadsheetCopy = true
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, canonical) = try ExportHarness.export(CSVExporter(), portfolio, context: context, into: directory)
        let (_, copy) = try ExportHarness.export(SpreadsheetCSVExporter(), portfolio, context: context, into: directory)

        #expect(Array(copy.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(copy.suffix(2) == [0x0D, 0x0A])
        let text = String(decoding: copy.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix(
            "id;titel;fortschritt_prozent;beginn_jahr;ende_jahr;status;bisher;in_zukunft;handlungsfelder;nutzende\r\n"))
        // Every row ends in CRLF: as many CRLFs as rows (line breaks inside cells stay LF).
        let rows = ExportHarness.rows(Array(copy.dropFirst(3)))
        #expect(rows.count == 35)
        let crlfCount = zip(copy, copy.dropFirst()).filter { $0 == (0x0D, 0x0A) }.count
        #expect(crlfCount == rows.count)
        #expect(rows == ExportHarness.rows(canonical).map { $0.map(SpreadsheetCSVExporter.neutralised) })
    }

    @Test func theCopyIsWrittenOnlyWhenConfigured() throws {
        var settings = try ExportHarness.settings()
        #expect(!settings.spreadsheetCopy, "off by default")
        #expect(!SpreadsheetCSVExporter().isEnabled(in: ExportHarness.context(settings)))
        settings.spreadsheetCopy = true
        #expect(SpreadsheetCSVExporter().isEnabled(in: ExportHarness.context(settings)))
        #expect(SpreadsheetCSVExporter().file.rawValue == "projects-excel.csv")
    }
}
