/// `datapackage.json`: the Frictionless Tabular Data Package that describes `projects.csv`
/// (dialect, types, constraints, primary key), so that tools can validate the CSV.
public struct DataPackageExporter: Exporter {
    public let file = OutputFile.dataPackage

    public init() {}

    public func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
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
            {
              "name": "projects",
              "path": \(q(OutputFile.csv.rawValue)),
              "profile": "tabular-data-resource",
              "format": "csv",
              "mediatype": "text/csv",
              "encoding": "utf-8",
              "dialect": {"delimiter": ";", "quoteChar": "\\"", "doubleQuote": true, "header": true, "lineTerminator": "\\n"},
              "schema": {
                "fields": [

        """)
        let fields = CSVColumn.allCases
        for (index, column) in fields.enumerated() {
            let separator = index + 1 < fields.count ? "," : ""
            try writer.write("            {\"name\": \(q(column.rawValue)), \"title\": \(q(column.title)), "
                + "\"description\": \(q(column.description)), \(schema(of: column))}\(separator)\n")
        }
        try writer.write("""
                ],
                "primaryKey": ["id"],
                "missingValues": [""]
              }
            }
          ]
        }

        """)
    }

    /// The Table Schema type and constraints of a column.
    private func schema(of column: CSVColumn) -> String {
        let q = Escaping.json
        switch column {
        case .id:
            return "\"type\": \"string\", \"constraints\": {\"required\": true, \"unique\": true, \"pattern\": \"[a-z0-9]+(-[a-z0-9]+)*\"}"
        case .title, .before, .future:
            return "\"type\": \"string\", \"constraints\": {\"required\": true}"
        case .progress:
            return "\"type\": \"integer\", \"constraints\": {\"required\": true, \"minimum\": 0, \"maximum\": 100}"
        case .startYear:
            return "\"type\": \"year\", \"constraints\": {\"required\": true}"
        case .endYear:
            return "\"type\": \"year\""
        case .status:
            let codes = ProjectStatus.allCases.map { q($0.code) }.joined(separator: ", ")
            return "\"type\": \"string\", \"constraints\": {\"required\": true, \"enum\": [\(codes)]}"
        case .fieldsOfAction:
            return "\"type\": \"string\", \"constraints\": {\"pattern\": \(q(listPattern(FieldOfAction.self)))}"
        case .userGroups:
            return "\"type\": \"string\", \"constraints\": {\"pattern\": \(q(listPattern(UserGroup.self)))}"
        }
    }

    /// A pattern for a list of labels of one vocabulary, separated by the list separator.
    private func listPattern<V: Vocabulary>(_ vocabulary: V.Type) -> String {
        let term = "(" + V.allCases.map(\.label.de).joined(separator: "|") + ")"
        return "(\(term)(\(CSVColumn.listSeparator)\(term))*)?"
    }
}
