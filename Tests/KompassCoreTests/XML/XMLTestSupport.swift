import Foundation
import Testing
@testable import KompassCore

/// Helpers for the XML tests: the real input schema, and importing a document written to a temporary folder.
enum XMLTestSupport {
    static let namespace = "https://opendata.example.org/kompass/input/1"

    /// schemas/kompass-input.xsd
    static var schemaPath: String { TestFiles.path("schemas/kompass-input.xsd") }

    /// Every field the input format has, as an XML source's mapping would name them.
    static let allFields: Set<String> = [
        "@id", "id", "title", "progress", "start", "end", "duration", "before", "future", "field", "userGroup",
    ]

    struct Imported {
        var records: [RawRecord]
        var findings: [Finding]
        var path: String

        func findings(_ rule: RuleID) -> [Finding] { findings.filter { $0.ruleID == rule } }
        var errors: [Finding] { findings.filter { $0.severity == .error } }
        /// Every text a record or finding carries, for checks that nothing leaked.
        var allText: [String] {
            records.flatMap { $0.values.values.flatMap { $0.map(\.text) } }
                + findings.flatMap { [$0.message, $0.hint ?? "", $0.location?.field ?? ""] }
        }
    }

    /// Writes `document` as `name` into `directory` and imports it.
    static func importXML(_ document: String, name: String = "source.xml", in directory: TemporaryDirectory,
                          fields: Set<String> = allFields, namespace: String? = XMLTestSupport.namespace,
                          recordElement: String = "project", schemaPath: String? = nil) throws -> Imported {
        let path = try directory.write(name, text: document)
        return try importFile(path, fields: fields, namespace: namespace, recordElement: recordElement, schemaPath: schemaPath)
    }

    static func importFile(_ path: String, fields: Set<String> = allFields, namespace: String? = XMLTestSupport.namespace,
                           recordElement: String = "project", schemaPath: String? = nil) throws -> Imported {
        let options = SourceOptions(xmlRecordElement: recordElement, xmlNamespace: namespace, xmlSchemaPath: schemaPath)
        var records: [RawRecord] = []
        let findings = try XMLImporter().read(ImportRequest(path: path, fields: fields, options: options)) { records.append($0) }
        return Imported(records: records, findings: findings, path: path)
    }

    /// The values of a field, as text.
    static func texts(_ record: RawRecord, _ field: String) -> [String] {
        record[field].map(\.text)
    }
}
