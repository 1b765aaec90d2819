/// Writes a portfolio in one of the input formats kompass reads, so that a portfolio can be moved
/// between formats (`kompass convert`), read back in round-trip tests, and generated at any size.
///
/// The contract: what a writer writes, the matching importer with the format's canonical mapping
/// reads back into the same projects (`import(write(portfolio)) == portfolio`).
public protocol SourceWriter: Sendable {
    var format: SourceFormat { get }
    func write(_ projects: some Sequence<Project>, to writer: ByteFileWriter) throws(IOError)
}

extension SourceFormat {
    /// The writer of this format.
    public var writer: any SourceWriter {
        switch self {
        case .csv: CanonicalCSVWriter()
        case .json: CanonicalJSONWriter(lines: false)
        case .jsonl: CanonicalJSONWriter(lines: true)
        case .xml: CanonicalXMLWriter()
        case .pageText: PageTextWriter()
        }
    }

    /// The settings that read what `writer` writes (the XML namespace).
    public var canonicalOptions: SourceOptions {
        switch self {
        case .xml: SourceOptions(xmlNamespace: CanonicalXMLWriter.namespace)
        default: SourceOptions()
        }
    }

    /// The mapping that reads what `writer` writes.
    public var canonicalMapping: FieldMapping {
        switch self {
        case .csv: .publishedCSV
        case .json, .jsonl: .canonicalJSON
        case .xml: .canonicalXML
        case .pageText: .pageText
        }
    }
}

extension FieldMapping {
    /// kompass's JSON input format (`schemas/kompass-input.schema.json`).
    public static let canonicalJSON = FieldMapping(sourceFields: [
        .id: "id", .title: "title", .progress: "progress", .startYear: "startYear", .endYear: "endYear",
        .before: "before", .future: "future", .fieldsOfAction: "fieldsOfAction", .userGroups: "userGroups",
    ])
}
