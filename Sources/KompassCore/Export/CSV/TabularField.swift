/// What the two descriptions of a published CSV file need to know about one of its columns:
/// the Frictionless Table Schema (`datapackage.json`) and the CSVW metadata (`csv-metadata.json`)
/// are both rendered from this, so that they cannot drift apart.
struct TabularField: Sendable {
    /// The kind of value a column holds.
    enum Kind: Sendable {
        /// A project identifier: `a-z`, `0-9`, single hyphens.
        case identifier
        /// Free text.
        case text
        /// A whole number of percent, 0 to 100.
        case percent
        /// A four-digit year.
        case year
        /// A calendar date, `YYYY-MM-DD`.
        case date
        /// Exactly one of the given values.
        case oneOf([String])
        /// A list of the given values, separated by `CSVColumn.listSeparator`; may be empty.
        case listOf([String])
    }

    /// The snake_case header of the column.
    var name: String
    /// The German display title.
    var title: String
    var description: String
    var kind: Kind
    var required: Bool
    /// Whether each value occurs once in the column (Table Schema only; CSVW says it with the primary key).
    var unique: Bool = false

    /// The regular expression of a project identifier (Table Schema patterns are anchored implicitly).
    static let identifierPattern = "[a-z0-9]+(-[a-z0-9]+)*"

    /// The alternation of `values`, for patterns.
    static func alternation(_ values: [String]) -> String { "(" + values.joined(separator: "|") + ")" }

    // MARK: Table Schema (Frictionless)

    /// The field descriptor's members after name, title and description: `"type": …, "constraints": {…}`.
    var tableSchemaMembers: String {
        let q = Escaping.json
        var constraints: [String] = []
        if required { constraints.append("\"required\": true") }
        if unique { constraints.append("\"unique\": true") }
        let type: String
        switch kind {
        case .identifier:
            type = "string"
            constraints.append("\"pattern\": \(q(TabularField.identifierPattern))")
        case .text:
            type = "string"
        case .percent:
            type = "integer"
            constraints.append("\"minimum\": 0, \"maximum\": 100")
        case .year:
            type = "year"
        case .date:
            type = "date"
        case .oneOf(let values):
            type = "string"
            constraints.append("\"enum\": [\(values.map(q).joined(separator: ", "))]")
        case .listOf(let values):
            type = "string"
            let term = TabularField.alternation(values)
            constraints.append("\"pattern\": \(q("(\(term)(\(CSVColumn.listSeparator)\(term))*)?"))")
        }
        var members = "\"type\": \(q(type))"
        if !constraints.isEmpty { members += ", \"constraints\": {\(constraints.joined(separator: ", "))}" }
        return members
    }

    /// The whole Table Schema field descriptor on one line.
    var tableSchemaField: String {
        let q = Escaping.json
        return "{\"name\": \(q(name)), \"title\": \(q(title)), \"description\": \(q(description)), \(tableSchemaMembers)}"
    }

    // MARK: CSVW

    /// The CSVW column's datatype and, for lists, separator: `"datatype": …[, "separator": ","]`.
    /// String formats are ECMAScript regular expressions, which are not anchored: hence `^…$`.
    var csvwMembers: String {
        let q = Escaping.json
        switch kind {
        case .identifier:
            return "\"datatype\": {\"base\": \"string\", \"format\": \(q("^" + TabularField.identifierPattern + "$"))}"
        case .text:
            return "\"datatype\": \"string\""
        case .percent:
            return "\"datatype\": {\"base\": \"integer\", \"minimum\": 0, \"maximum\": 100}"
        case .year:
            return "\"datatype\": \"gYear\""
        case .date:
            return "\"datatype\": \"date\""
        case .oneOf(let values):
            return "\"datatype\": {\"base\": \"string\", \"format\": \(q("^" + TabularField.alternation(values) + "$"))}"
        case .listOf(let values):
            return "\"separator\": \(q(CSVColumn.listSeparator)), "
                + "\"datatype\": {\"base\": \"string\", \"format\": \(q("^" + TabularField.alternation(values) + "$"))}"
        }
    }
}

extension CSVColumn {
    /// The column of `projects.csv` as Table Schema and CSVW describe it.
    var tabularField: TabularField {
        let kind: TabularField.Kind
        var required = true
        switch self {
        case .id: kind = .identifier
        case .title, .before, .future: kind = .text
        case .progress: kind = .percent
        case .startYear: kind = .year
        case .endYear: kind = .year; required = false
        case .status: kind = .oneOf(ProjectStatus.allCases.map(\.code))
        case .fieldsOfAction: kind = .listOf(FieldOfAction.allCases.map(\.label.de)); required = false
        case .userGroups: kind = .listOf(UserGroup.allCases.map(\.label.de)); required = false
        }
        return TabularField(name: rawValue, title: title, description: description, kind: kind, required: required,
                            unique: self == .id)
    }
}
