import Foundation

/// Reads a source's mapping: inline in the configuration, or a JSON file named there.
///
/// ```json
/// { "fields": { "id": "ID", "progress": "Fortschritt", "startYear": "Beginn", … },
///   "listSeparator": ",", "progressForm": "percent",
///   "synonyms": { "userGroups": { "Bevoelkerung": "Bevölkerung" } } }
/// ```
enum MappingReader {
    static func read(_ value: Any, in object: JSONObject, resolve: (String) -> String) throws -> FieldMapping {
        var mappingObject: JSONObject
        if let path = value as? String {
            let file = resolve(path)
            let bytes: [UInt8]
            do {
                bytes = try ByteFileReader.readAll(path: file)
            } catch {
                throw object.error("mapping", "the mapping file '\(file)' cannot be read: \(error.reason)")
            }
            let root: Any
            do {
                root = try JSONSerialization.jsonObject(with: Data(bytes))
            } catch {
                throw ConfigurationError(path: file, keyPath: "", message: "is not valid JSON (\(ConfigurationLoader.reason(error)))")
            }
            mappingObject = try JSONObject(root, path: file, keyPath: "")
        } else {
            mappingObject = try JSONObject(value, path: object.path, keyPath: object.key("mapping"))
        }
        try mappingObject.allowOnly(["$schema", "fields", "listSeparator", "progressForm", "synonyms"])
        let fieldsObject = try mappingObject.object("fields")
        try fieldsObject.allowOnly(Set(FieldMapping.Target.allCases.map(\.rawValue)))
        var fields: [FieldMapping.Target: String] = [:]
        for target in FieldMapping.Target.allCases {
            if let name = try fieldsObject.optionalString(target.rawValue) {
                guard !name.trimmingWhitespace().isEmpty else { throw fieldsObject.error(target.rawValue, "must not be empty") }
                fields[target] = name
            }
        }
        if fields[.period] != nil && (fields[.startYear] != nil || fields[.endYear] != nil) {
            throw fieldsObject.error("period", "map either period or startYear/endYear, not both")
        }
        if fields[.endYear] != nil && fields[.startYear] == nil {
            throw fieldsObject.error("endYear", "needs startYear too")
        }
        let formText = try mappingObject.optionalString("progressForm") ?? FieldMapping.ProgressForm.percent.rawValue
        guard let form = FieldMapping.ProgressForm(rawValue: formText) else {
            throw mappingObject.error("progressForm", "'\(formText)' is not one of "
                + FieldMapping.ProgressForm.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var synonyms: [String: [String: String]] = [:]
        if let synonymsObject = try mappingObject.optionalObject("synonyms") {
            try synonymsObject.allowOnly(["fieldsOfAction", "userGroups"])
            for (key, labels) in [("fieldsOfAction", FieldOfAction.allCases.map(\.label.de)),
                                  ("userGroups", UserGroup.allCases.map(\.label.de))] {
                guard let table = try synonymsObject.optionalObject(key) else { continue }
                var entries: [String: String] = [:]
                for (synonym, target) in table.values {
                    guard let label = target as? String, labels.contains(label) else {
                        throw table.error(synonym, "must name one of: " + labels.joined(separator: ", "))
                    }
                    entries[synonym] = label
                }
                synonyms[key] = entries
            }
        }
        return FieldMapping(sourceFields: fields, listSeparator: try mappingObject.optionalString("listSeparator"),
                            progressForm: form, fieldOfActionSynonyms: synonyms["fieldsOfAction"] ?? [:],
                            userGroupSynonyms: synonyms["userGroups"] ?? [:])
    }
}
