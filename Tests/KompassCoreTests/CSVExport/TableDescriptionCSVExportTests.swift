import Foundation
import Testing
@testable import KompassCore

/// `datapackage.json` and `csv-metadata.json`: both CSV files described, keys and types right,
/// the projects schema unchanged (it is shipped as schemas/kompass-input.tableschema.json).
@Suite("CSVExport: datapackage.json and csv-metadata.json")
struct TableDescriptionCSVExportTests {
    static func exported(_ exporter: some Exporter) throws -> [String: Any] {
        let (portfolio, context) = try ExportHarness.realPortfolio()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try ExportHarness.json(try ExportHarness.export(exporter, portfolio, context: context, into: directory).bytes)
    }

    @Test func theDataPackageDescribesBothFiles() throws {
        let package = try Self.exported(DataPackageExporter())
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.map { $0["name"] as? String } == ["projects", "project-fields", "history"])
        #expect(resources.map { $0["path"] as? String } == ["projects.csv", "project-fields.csv", "history.csv"])

        // The projects resource's schema is the shipped input schema (JSON equality).
        let shippedData = try Data(contentsOf: URL(fileURLWithPath: TestFiles.path("schemas/kompass-input.tableschema.json")))
        var shipped = try #require(try JSONSerialization.jsonObject(with: shippedData) as? [String: Any])
        shipped.removeValue(forKey: "$schema_note")
        let projectsSchema = try #require(resources[0]["schema"] as? [String: Any])
        #expect(NSDictionary(dictionary: projectsSchema).isEqual(to: shipped))

        // The long table: fields, enums, the composite primary key, the foreign key.
        let schema = try #require(resources[1]["schema"] as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == ["id", "handlungsfeld", "handlungsfeld_code"])
        let constraints = fields.map { $0["constraints"] as? [String: Any] ?? [:] }
        #expect(constraints.allSatisfy { $0["required"] as? Bool == true })
        #expect(constraints[1]["enum"] as? [String] == ["Prozesse", "Kompetenzen", "Kultur", "Technologie", "Leistungen", "Daten", "Recht"])
        #expect(constraints[2]["enum"] as? [String] == ["prozesse", "kompetenzen", "kultur", "technologie", "leistungen", "daten", "recht"])
        #expect(constraints[0]["pattern"] as? String == "[a-z0-9]+(-[a-z0-9]+)*")
        #expect(constraints[0]["unique"] == nil, "an id repeats in the long table")
        #expect(schema["primaryKey"] as? [String] == ["id", "handlungsfeld_code"])
        let foreignKeys = try #require(schema["foreignKeys"] as? [[String: Any]])
        #expect(foreignKeys.count == 1)
        #expect(foreignKeys[0]["fields"] as? [String] == ["id"])
        let reference = try #require(foreignKeys[0]["reference"] as? [String: Any])
        #expect(reference["resource"] as? String == "projects")
        #expect(reference["fields"] as? [String] == ["id"])
    }

    @Test func theCSVWMetadataDescribesBothFiles() throws {
        let metadata = try Self.exported(CSVMetadataExporter())
        let context = try #require(metadata["@context"] as? [Any])
        #expect(context.first as? String == "http://www.w3.org/ns/csvw")
        #expect((context.last as? [String: String])?["@language"] == "de")
        #expect(metadata["@type"] as? String == "TableGroup")
        let dialect = try #require(metadata["dialect"] as? [String: Any])
        #expect(dialect["delimiter"] as? String == ";")
        #expect(dialect["header"] as? Bool == true)
        #expect(dialect["encoding"] as? String == "utf-8")

        let tables = try #require(metadata["tables"] as? [[String: Any]])
        #expect(tables.map { $0["url"] as? String } == ["projects.csv", "project-fields.csv", "history.csv"], "relative to the metadata file")

        // projects.csv: the columns in header order, with types, separators and the key.
        let projects = try #require(tables[0]["tableSchema"] as? [String: Any])
        let columns = try #require(projects["columns"] as? [[String: Any]]).filter { $0["virtual"] as? Bool != true }
        #expect(columns.map { $0["name"] as? String } == CSVColumn.allCases.map(\.rawValue))
        #expect(columns.map { ($0["titles"] as? [String])?.first } == CSVColumn.allCases.map(\.title))
        func column(_ name: String) throws -> [String: Any] {
            try #require(columns.first { $0["name"] as? String == name })
        }
        let progress = try #require(try column("fortschritt_prozent")["datatype"] as? [String: Any])
        #expect(progress["base"] as? String == "integer")
        #expect(progress["minimum"] as? Int == 0)
        #expect(progress["maximum"] as? Int == 100)
        #expect(try column("beginn_jahr")["datatype"] as? String == "gYear")
        #expect(try column("ende_jahr")["datatype"] as? String == "gYear")
        #expect(try column("ende_jahr")["required"] as? Bool == false)
        #expect(try column("id")["required"] as? Bool == true)
        #expect(try column("handlungsfelder")["separator"] as? String == ",")
        #expect(try column("nutzende")["separator"] as? String == ",")
        #expect(try column("titel")["separator"] == nil)
        #expect(projects["primaryKey"] as? String == "id")
        #expect(projects["aboutUrl"] as? String == "https://opendata.example.org/kompass/project/{id}")

        // project-fields.csv: the composite key and the foreign key to projects.csv.
        let fields = try #require(tables[1]["tableSchema"] as? [String: Any])
        let fieldColumns = try #require(fields["columns"] as? [[String: Any]])
        #expect(fieldColumns.map { $0["name"] as? String } == ["id", "handlungsfeld", "handlungsfeld_code"])
        #expect(fields["primaryKey"] as? [String] == ["id", "handlungsfeld_code"])
        let foreignKey = try #require((fields["foreignKeys"] as? [[String: Any]])?.first)
        #expect(foreignKey["columnReference"] as? String == "id")
        let reference = try #require(foreignKey["reference"] as? [String: Any])
        #expect(reference["resource"] as? String == "projects.csv")
        #expect(reference["columnReference"] as? String == "id")
        #expect(fieldColumns[2]["valueUrl"] as? String == "https://opendata.example.org/kompass/vocab/handlungsfelder/{handlungsfeld_code}")
    }

    @Test func theDescriptionsAreDeterministic() throws {
        let (portfolio, context) = try ExportHarness.realPortfolio()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for exporter in [DataPackageExporter(), CSVMetadataExporter()] as [any Exporter] {
            let first = try ExportHarness.export(exporter, portfolio, context: context, into: directory).bytes
            let second = try ExportHarness.export(exporter, portfolio, context: context, into: directory).bytes
            #expect(first == second, "\(exporter.file)")
        }
    }

    @Test func uriTemplateLiteralsEscapeBraces() {
        #expect(CSVMetadataExporter.templateLiteral("https://example.org/a") == "https://example.org/a")
        #expect(CSVMetadataExporter.templateLiteral("https://example.org/{a}") == "https://example.org/%7Ba%7D")
    }
}
