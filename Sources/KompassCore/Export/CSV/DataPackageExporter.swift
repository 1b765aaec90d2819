/// `datapackage.json`: the Frictionless Tabular Data Package that describes the two CSV files, so that
/// tools can validate and load them:
///
/// - `projects` (`projects.csv`): one row per project; primary key `id`. Its Table Schema is also
///   shipped as `schemas/kompass-input.tableschema.json` (the CSV input format), and a test keeps
///   the two equal;
/// - `project-fields` (`project-fields.csv`): one row per project and field of action; primary key
///   `id` + `handlungsfeld_code`, and `id` a foreign key to `projects`;
/// - `history` (`history.csv`): one row per published change, with its German event code (no key: a removed
///   project's identifier is no longer in `projects`).
public struct DataPackageExporter: DocumentExporter {
    public let file = OutputFile.dataPackage

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        let settings = context.settings
        let q = Escaping.json
        try writer.write("""
        {
          "profile": "tabular-data-package",
          "name": \(q(settings.datasetID)),
          "title": \(q(settings.title.de)),
          "description": \(q(settings.description.de)),
          "homepage": \(q(settings.landingPage)),
          "licenses": [
            {"name": \(q(settings.licence.rawValue)), "path": \(q(settings.licence.uri))}
          ],
          "resources": [

        """)
        try writeResource(name: "projects", file: .csv, title: "Vorhaben",
                          description: "Ein Vorhaben pro Zeile",
                          fields: CSVColumn.allCases.map(\.tabularField),
                          keys: ["\"primaryKey\": [\"id\"],"], to: writer)
        try writer.write(",\n")
        let primaryKey = FieldsCSVColumn.primaryKey.map { q($0.rawValue) }.joined(separator: ", ")
        try writeResource(name: "project-fields", file: .fieldsCSV, title: "Handlungsfelder der Vorhaben",
                          description: "Ein Vorhaben und eines seiner Handlungsfelder pro Zeile",
                          fields: FieldsCSVColumn.allCases.map(\.tabularField),
                          keys: [
                              "\"primaryKey\": [\(primaryKey)],",
                              "\"foreignKeys\": [",
                              "  {\"fields\": [\"id\"], \"reference\": {\"resource\": \"projects\", \"fields\": [\"id\"]}}",
                              "],",
                          ], to: writer)
        try writer.write(",\n")
        try writeResource(name: "history", file: .historyCSV, title: "Verlauf der Vorhaben",
                          description: "Eine publizierte Änderung eines Vorhabens pro Zeile, älteste zuerst",
                          fields: HistoryCSVColumn.allCases.map(\.tabularField), keys: [], to: writer)
        try writer.write("\n  ]\n}\n")
    }

    /// One tabular data resource; `keys` are the lines of the schema's key members, the last ending in a comma.
    private func writeResource(name: String, file: OutputFile, title: String, description: String,
                               fields: [TabularField], keys: [String], to writer: ByteFileWriter) throws(IOError) {
        let q = Escaping.json
        try writer.write("""
            {
              "name": \(q(name)),
              "path": \(q(file.rawValue)),
              "title": \(q(title)),
              "description": \(q(description)),
              "profile": "tabular-data-resource",
              "format": "csv",
              "mediatype": "text/csv",
              "encoding": "utf-8",
              "dialect": {"delimiter": ";", "quoteChar": "\\"", "doubleQuote": true, "header": true, "lineTerminator": "\\n"},
              "schema": {
                "fields": [

        """)
        for (index, field) in fields.enumerated() {
            let separator = index + 1 < fields.count ? "," : ""
            try writer.write("          \(field.tableSchemaField)\(separator)\n")
        }
        try writer.write("        ],\n")
        for line in keys { try writer.write("        \(line)\n") }
        try writer.write("""
                "missingValues": [""]
              }
            }
        """)
    }
}
