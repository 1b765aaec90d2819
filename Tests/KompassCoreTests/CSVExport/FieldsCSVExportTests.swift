import Foundation
import Testing
@testable import KompassCore

/// `project-fields.csv`: the long table of the fields of action.
@Suite("CSVExport: project-fields.csv")
struct FieldsCSVExportTests {
    @Test func theRealPortfolioGivesOneRowPerProjectAndField() throws {
        let (portfolio, context) = try ExportHarness.realPortfolio()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, bytes) = try ExportHarness.export(FieldsCSVExporter(), portfolio, context: context, into: directory)

        #expect(!bytes.contains(0x0D), "LF line ends only")
        #expect(bytes.last == 0x0A)
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF], "no byte order mark")
        #expect(String(validating: bytes, as: UTF8.self)?.hasPrefix("id;handlungsfeld;handlungsfeld_code\n") == true)

        let rows = ExportHarness.rows(bytes)
        #expect(rows.first == ["id", "handlungsfeld", "handlungsfeld_code"])
        let expectedCount = portfolio.projects.reduce(0) { $0 + $1.fieldsOfAction.count }
        #expect(rows.count - 1 == expectedCount)
        #expect(expectedCount > 34, "most projects have several fields of action")

        // Row by row: the projects in order, each project's fields in its order.
        let expected = portfolio.projects.flatMap { project in
            project.fieldsOfAction.map { [project.id.rawValue, $0.label.de, $0.code] }
        }
        #expect(Array(rows.dropFirst()) == expected)

        // Against the independent reading of the page: the labels per project, as the page lists them.
        let page = try #require(ReferencePage.parse(try TestFiles.realPageText()))
        let register = ReferencePage.registerRows(try TestFiles.text(atPath: TestFiles.registerPath))
        let byProject = Dictionary(grouping: rows.dropFirst(), by: { $0[0] }).mapValues { $0.map { $0[1] } }
        for (row, reference) in zip(register, page) {
            #expect((byProject[row.id] ?? []) == reference.fieldsOfAction, "\(row.id)")
        }

        // Every row a valid pair of label and code; the key id + code unique.
        for row in rows.dropFirst() {
            #expect(row.count == 3)
            #expect(FieldOfAction(germanLabel: row[1])?.code == row[2], "\(row)")
        }
        let keys = rows.dropFirst().map { $0[0] + "|" + $0[2] }
        #expect(Set(keys).count == keys.count)

        // Spot check: the first row is the first project's first field.
        #expect(rows[1] == ["digital-lab", "Prozesse", "prozesse"])
    }

    @Test func aRepeatedFieldGivesOneRowAndNoFieldGivesNone() throws {
        let settings = try ExportHarness.settings()
        let portfolio = Portfolio(projects: [
            ExportHarness.project("a", fields: [.daten, .recht, .daten]),
            ExportHarness.project("b", fields: []),
            ExportHarness.project("c", fields: [.kultur]),
        ])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, bytes) = try ExportHarness.export(FieldsCSVExporter(), portfolio, context: ExportHarness.context(settings),
                                                  into: directory)
        #expect(String(decoding: bytes, as: UTF8.self) == """
        id;handlungsfeld;handlungsfeld_code
        a;Daten;daten
        a;Recht;recht
        c;Kultur;kultur

        """)
    }

    @Test func anEmptyPortfolioGivesTheHeaderOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, bytes) = try ExportHarness.export(FieldsCSVExporter(), Portfolio(projects: []),
                                                  context: ExportHarness.context(try ExportHarness.settings()), into: directory)
        #expect(String(decoding: bytes, as: UTF8.self) == "id;handlungsfeld;handlungsfeld_code\n")
    }
}
