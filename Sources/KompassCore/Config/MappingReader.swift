import Foundation

/// Reads a source's mapping: inline in the configuration, or a JSON file named there.
///
/// ```json
/// { "fields": { "id": "ID", "title": ["Titel", "Bezeichnung"], "progress": "Fortschritt", "startYear": "Beginn", … },
///   "listSeparator": ",", "progressForm": "percent",
///   "synonyms": { "userGroups": { "Bevoelkerung": "Bevölkerung" } } }
/// ```
enum MappingReader {
    static func read(_ value: JSONValue, in object: JSONObject, resolve: (String) -> String) throws -> FieldMapping {
        var mappingObject: JSONObject
        if let path = value.string {
            let file = resolve(path)
            let bytes: [UInt8]
            do {
                bytes = try ByteFileReader.readAll(path: file, limit: JSONDocumentReader.defaultMaxBytes)
            } catch {
                throw object.error("mapping", "the mapping file '\(file)' cannot be read: \(error.reason)")
            }
            mappingObject = try JSONObject(try ConfigurationLoader.parse(bytes, path: file), path: file, keyPath: "")
        } else {
            mappingObject = try JSONObject(value, path: object.path, keyPath: object.key("mapping"))
        }
        try mappingObject.allowOnly(["$schema", "fields", "listSeparator", "progressForm", "synonyms", "dateForm", "normalise"])
        let fieldsObject = try mappingObject.object("fields")
        try fieldsObject.allowOnly(Set(FieldMapping.Target.allCases.map(\.rawValue)))
        let (fields, columnSynonyms) = try columnNames(in: fieldsObject)
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
                for member in table.members {
                    guard let label = member.value.string, labels.contains(label) else {
                        throw table.error(member.key, "must name one of: " + labels.joined(separator: ", "))
                    }
                    entries[member.key] = label
                }
                synonyms[key] = entries
            }
        }
        var mapping = FieldMapping(sourceFields: fields, listSeparator: try mappingObject.optionalString("listSeparator"),
                            progressForm: form, fieldOfActionSynonyms: synonyms["fieldsOfAction"] ?? [:],
                            userGroupSynonyms: synonyms["userGroups"] ?? [:], columnSynonyms: columnSynonyms)
        let dateText = try mappingObject.optionalString("dateForm") ?? FieldMapping.DateForm.year.rawValue
        guard let dateForm = FieldMapping.DateForm(rawValue: dateText) else {
            throw mappingObject.error("dateForm", "'\(dateText)' is not one of "
                + FieldMapping.DateForm.allCases.map(\.rawValue).joined(separator: ", "))
        }
        mapping.dateForm = dateForm
        if let list = try mappingObject.optionalArray("normalise") {
            for (index, element) in list.enumerated() {
                guard let name = element.string, let normalisation = FieldMapping.Normalisation(rawValue: name) else {
                    throw mappingObject.error("normalise[\(index)]", "must be one of "
                        + FieldMapping.Normalisation.allCases.map(\.rawValue).joined(separator: ", "))
                }
                mapping.normalisations.insert(normalisation)
            }
        }
        return mapping
    }

    /// The `fields` object: per target one name (`"title": "Titel"`) or a list of names whose first is the
    /// canonical one and the others accepted synonyms (`"title": ["Titel", "Bezeichnung"]`).
    ///
    /// No name may be given twice, in one target or in two: CSV headers are matched ignoring surrounding
    /// spaces and case, so names that differ only in those would make a header ambiguous and count as the same.
    private static func columnNames(in fieldsObject: JSONObject)
        throws -> (fields: [FieldMapping.Target: String], synonyms: [String: String]) {
        var fields: [FieldMapping.Target: String] = [:]
        var synonyms: [String: String] = [:]
        // The name as headers are compared (trimmed, lowercased) → the key path that named it first.
        var namedAt: [String: (keyPath: String, name: String)] = [:]
        for target in FieldMapping.Target.allCases {
            let key = target.rawValue
            guard let value = fieldsObject[key], !value.isNull else { continue }
            var names: [(name: String, key: String)] = []
            if let name = value.string {
                names = [(name, key)]
            } else if let array = value.elements {
                guard !array.isEmpty else {
                    throw fieldsObject.error(key, "must name at least one column: its name first, then any synonyms")
                }
                for (index, element) in array.enumerated() {
                    guard let name = element.string else {
                        throw fieldsObject.error("\(key)[\(index)]", "must be a string (a column name)")
                    }
                    names.append((name, "\(key)[\(index)]"))
                }
            } else {
                throw fieldsObject.error(key, "must be a string (the column's name) or an array of strings (its name, then its synonyms)")
            }
            for (position, entry) in names.enumerated() {
                let compared = entry.name.trimmingWhitespace().lowercased()
                guard !compared.isEmpty else { throw fieldsObject.error(entry.key, "must not be empty") }
                if let earlier = namedAt[compared] {
                    let same = earlier.name == entry.name ? "" : " (names are compared ignoring case and surrounding spaces)"
                    throw fieldsObject.error(entry.key, "'\(entry.name)' is already named at "
                        + fieldsObject.key(earlier.keyPath) + same + "; give each name to one field, once")
                }
                namedAt[compared] = (entry.key, entry.name)
                if position == 0 {
                    fields[target] = entry.name
                } else {
                    synonyms[entry.name] = names[0].name
                }
            }
        }
        return (fields, synonyms)
    }
}
