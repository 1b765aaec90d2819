/// Reads one entry of `sources` and the `merge` settings.
enum SourceConfigurationReader {
    static func read(_ source: JSONObject, resolve: (String) -> String) throws -> SourceConfiguration {
        try source.allowOnly(["name", "path", "format", "register", "mapping", "csv", "json", "xml", "retired"])
        let file = try source.string("path")
        let format: SourceFormat
        if let formatText = try source.optionalString("format") {
            guard let known = SourceFormat(rawValue: formatText) else {
                throw source.error("format", "'\(formatText)' is not a format; use one of "
                    + SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            format = known
        } else if let implied = SourceFormat(pathExtensionOf: file) {
            format = implied
        } else {
            throw source.error("format", "missing, and the extension of '\(file)' names no format")
        }
        var mapping: FieldMapping?
        if let value = source["mapping"] {
            guard format != .pageText else { throw source.error("mapping", "the page text's mapping is built in; remove it") }
            mapping = try MappingReader.read(value, in: source, resolve: resolve)
        } else if format != .pageText {
            throw source.error("mapping", "is missing: say which field of the source feeds which field of kompass")
        }
        var options = format.canonicalOptions
        if let csv = try source.optionalObject("csv") {
            guard format == .csv else { throw source.error("csv", "applies to csv sources only") }
            try csv.allowOnly(["delimiter", "encoding"])
            if let delimiter = try csv.optionalString("delimiter") {
                let byte: UInt8? = switch delimiter {
                case ";": UInt8(ascii: ";")
                case ",": UInt8(ascii: ",")
                case "\t", "tab": UInt8(ascii: "\t")
                default: nil
                }
                guard let byte else { throw csv.error("delimiter", "'\(delimiter)' is not one of ';', ',', 'tab'") }
                options.csvDelimiter = byte
            }
            if let encoding = try csv.optionalString("encoding") {
                guard let known = TextEncoding(rawValue: encoding.lowercased()) else {
                    throw csv.error("encoding", "'\(encoding)' is not one of utf-8, windows-1252")
                }
                options.encoding = known
            }
        }
        if let json = try source.optionalObject("json") {
            guard format == .json || format == .jsonl else { throw source.error("json", "applies to json sources only") }
            try json.allowOnly(["recordsKey"])
            options.jsonRecordsKey = try json.optionalString("recordsKey")
        }
        if let xml = try source.optionalObject("xml") {
            guard format == .xml else { throw source.error("xml", "applies to xml sources only") }
            try xml.allowOnly(["recordElement", "namespace", "schema"])
            options.xmlRecordElement = try xml.optionalString("recordElement") ?? options.xmlRecordElement
            if xml["namespace"] != nil { options.xmlNamespace = try xml.optionalString("namespace") }
            options.xmlSchemaPath = try xml.optionalString("schema").map(resolve)
        }
        var configuration = SourceConfiguration(name: try source.optionalString("name"), path: resolve(file), format: format,
                                                register: try source.optionalString("register").map(resolve), mapping: mapping,
                                                options: options)
        configuration.mappingFile = source["mapping"]?.string.map(resolve)
        if let retired = try source.optionalArray("retired") {
            configuration.retired = try retired.enumerated().map { index, element in
                guard let id = element.string, !id.isEmpty else {
                    throw source.error("retired[\(index)]", "must be a project identifier (a non-empty string)")
                }
                return id
            }
        }
        return configuration
    }

    static func readMerge(_ object: JSONObject?, sources: [SourceConfiguration]) throws -> MergeSettings {
        guard let object else { return MergeSettings() }
        try object.allowOnly(["precedence", "partialProjects"])
        var settings = MergeSettings()
        if let text = try object.optionalString("partialProjects") {
            guard let value = MergeSettings.PartialProjects(rawValue: text) else {
                throw object.error("partialProjects", "'\(text)' is not one of "
                    + MergeSettings.PartialProjects.allCases.map(\.rawValue).joined(separator: ", "))
            }
            settings.partialProjects = value
        }
        if let precedence = try object.optionalObject("precedence") {
            try precedence.allowOnly(Set(ProjectField.allCases.map(\.rawValue)))
            let names = Set(sources.map(\.name))
            for field in ProjectField.allCases {
                guard let list = try precedence.optionalArray(field.rawValue) else { continue }
                settings.precedence[field] = try list.map { element in
                    guard let name = element.string, names.contains(name) else {
                        throw precedence.error(field.rawValue, "must list source names: " + names.sorted().joined(separator: ", "))
                    }
                    return name
                }
            }
        }
        return settings
    }
}
