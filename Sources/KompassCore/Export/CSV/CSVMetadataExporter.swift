/// `csv-metadata.json`: CSVW metadata (W3C "Metadata Vocabulary for Tabular Data") describing both
/// CSV files as one table group, for CSVW validators and the canton's linked-data pipeline.
///
/// - the dialect of both files: UTF-8, `;`, `"` quotes doubled, one header row, LF, no trimming;
/// - per column: `name` (the snake_case header), `titles` (the German title, and the header itself so
///   that the embedded header is compatible with the metadata), `dc:description`, `datatype`
///   (`string`, `integer` 0–100 for the progress, `gYear` for the years, string formats for
///   identifiers and codes), `required`, and `separator` `,` for the lists `handlungsfelder` and `nutzende`;
/// - primary keys (`id`; `id` + `handlungsfeld_code`) and the foreign key from `project-fields.csv`
///   to `projects.csv`;
/// - `aboutUrl` (each row is about the project's IRI, as in `projects.jsonld`) and `propertyUrl`s
///   from the same vocabulary as the JSON-LD, so that CSV-to-RDF gives the same subjects and
///   properties. In the long table, `handlungsfeld_code` links to the concept of the field
///   (`valueUrl`) and the German label is left out of the RDF (it is the concept's `skos:prefLabel`).
///   The lists of `projects.csv` keep CSVW's default property (the long table carries the links).
///
/// Table URLs are relative to this file: the CSV files sit in the same folder.
public struct CSVMetadataExporter: DocumentExporter {
    public var reads: [OutputFile] { [.csv, .fieldsCSV, .historyCSV] }
    public let file = OutputFile.csvMetadata

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        let settings = context.settings
        let q = Escaping.json
        try writer.write("""
        {
          "@context": ["http://www.w3.org/ns/csvw", {"@language": "de"}],
          "@type": "TableGroup",
          "dc:title": \(q(settings.title.de)),
          "dc:description": \(q(settings.description.de)),
          "dc:license": {"@id": \(q(settings.licence.uri))},
          "dc:publisher": {"@id": \(q(settings.publisher.uri)), "schema:name": \(q(settings.publisher.name.de))},
          "dcat:landingPage": {"@id": \(q(settings.landingPage))},
          "dialect": {
            "encoding": "utf-8",
            "delimiter": ";",
            "quoteChar": "\\"",
            "doubleQuote": true,
            "lineTerminators": ["\\n"],
            "header": true,
            "headerRowCount": 1,
            "skipInitialSpace": false,
            "trim": false
          },
          "tables": [

        """)
        // The template of `ExportContext.projectIRI(_:)`.
        let projectIRI = Self.templateLiteral(settings.baseURL) + "/project/{id}"
        let vocabulary = Self.templateLiteral(settings.vocabularyBase)
        try writeTable(
            file: .csv, title: "Vorhaben", description: "Ein Vorhaben pro Zeile", context: context,
            aboutURL: projectIRI,
            columns: CSVColumn.allCases.map { column in
                Column(field: column.tabularField, propertyURL: Self.propertyURL(of: column, vocabularyBase: vocabulary))
            },
            virtualColumns: ["{\"virtual\": true, \"propertyUrl\": \"rdf:type\", \"valueUrl\": \"schema:Project\"}"],
            keys: ["\"primaryKey\": \"id\""], to: writer)
        try writer.write(",\n")
        let fieldConcept = vocabulary + FieldOfAction.schemeCode + "/{handlungsfeld_code}"
        try writeTable(
            file: .fieldsCSV, title: "Handlungsfelder der Vorhaben",
            description: "Ein Vorhaben und eines seiner Handlungsfelder pro Zeile", context: context,
            aboutURL: projectIRI,
            columns: FieldsCSVColumn.allCases.map { column in
                switch column {
                case .id: Column(field: column.tabularField, propertyURL: "http://schema.org/identifier")
                case .fieldLabel: Column(field: column.tabularField, suppressOutput: true)
                case .fieldCode: Column(field: column.tabularField, propertyURL: vocabulary + "fieldOfAction",
                                        valueURL: fieldConcept)
                }
            },
            virtualColumns: [],
            keys: [
                "\"primaryKey\": [\(FieldsCSVColumn.primaryKey.map { q($0.rawValue) }.joined(separator: ", "))]",
                "\"foreignKeys\": [{\"columnReference\": \"id\", \"reference\": {\"resource\": \(q(OutputFile.csv.rawValue)), \"columnReference\": \"id\"}}]",
            ], to: writer)
        try writer.write(",\n")
        try writeTable(
            file: .historyCSV, title: "Verlauf der Vorhaben",
            description: "Eine publizierte Änderung eines Vorhabens pro Zeile, älteste zuerst", context: context,
            aboutURL: projectIRI,
            columns: HistoryCSVColumn.allCases.map { column in
                Column(field: column.tabularField, propertyURL: column == .id ? "http://schema.org/identifier" : nil)
            },
            virtualColumns: [], keys: [], to: writer)
        try writer.write("\n  ]\n}\n")
    }

    /// A column description: the field and its RDF mapping.
    struct Column {
        var field: TabularField
        var propertyURL: String? = nil
        var valueURL: String? = nil
        var suppressOutput = false

        var json: String {
            let q = Escaping.json
            let f = field
            var members = ["\"name\": \(q(f.name))", "\"titles\": [\(q(f.title)), \(q(f.name))]",
                           "\"dc:description\": \(q(f.description))", f.csvwMembers, "\"required\": \(f.required)"]
            if let propertyURL { members.append("\"propertyUrl\": \(q(propertyURL))") }
            if let valueURL { members.append("\"valueUrl\": \(q(valueURL))") }
            if suppressOutput { members.append("\"suppressOutput\": true") }
            return "{" + members.joined(separator: ", ") + "}"
        }
    }

    private func writeTable(file: OutputFile, title: String, description: String, context: ExportContext,
                            aboutURL: String, columns: [Column], virtualColumns: [String], keys: [String],
                            to writer: ByteFileWriter) throws(IOError) {
        let q = Escaping.json
        let dates = context.dates(of: file)
        try writer.write("""
            {
              "url": \(q(file.rawValue)),
              "dc:title": \(q(title)),
              "dc:description": \(q(description)),
              "dc:issued": {"@value": \(q(dates.issued.iso)), "@type": "xsd:date"},
              "dc:modified": {"@value": \(q(dates.modified.iso)), "@type": "xsd:date"},
              "tableSchema": {
                "aboutUrl": \(q(aboutURL)),
                "columns": [

        """)
        let lines = columns.map(\.json) + virtualColumns
        for (index, line) in lines.enumerated() {
            try writer.write("          \(line)\(index + 1 < lines.count ? "," : "")\n")
        }
        try writer.write(keys.isEmpty ? "        ]\n" : "        ],\n")
        for (index, key) in keys.enumerated() {
            try writer.write("        \(key)\(index + 1 < keys.count ? "," : "")\n")
        }
        try writer.write("      }\n    }")
    }

    /// The property of a column of `projects.csv` in the vocabulary of `projects.jsonld` (`vocabularyBase`
    /// already a template literal); nil for the lists, which keep CSVW's default.
    static func propertyURL(of column: CSVColumn, vocabularyBase: String) -> String? {
        switch column {
        case .id: "http://schema.org/identifier"
        case .title: "http://schema.org/name"
        case .progress: vocabularyBase + "progressPercent"
        case .startYear: vocabularyBase + "startYear"
        case .endYear: vocabularyBase + "endYear"
        case .status: vocabularyBase + "status"
        case .before: vocabularyBase + "situationBefore"
        case .future: vocabularyBase + "targetState"
        case .fieldsOfAction, .userGroups: nil
        }
    }

    /// `text` as a literal part of a URI template (RFC 6570): braces percent-encoded.
    static func templateLiteral(_ text: String) -> String {
        guard text.contains(where: { $0 == "{" || $0 == "}" }) else { return text }
        return text.replacing("{", with: "%7B").replacing("}", with: "%7D")
    }
}
