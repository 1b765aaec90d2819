import KompassXML

/// Reads an XML source: one record per record element (`project` by default) in the configured
/// namespace, one value per field element with text content, and the record element's attributes
/// as `@name` fields (see `XMLRecordAssembler` for the rules).
///
/// Streams the file through `XMLStreamReader` (libxml2's text reader), so memory stays flat; with a
/// schema (`xmlSchemaPath`) the document is validated while it streams. No entity is expanded, no
/// DTD is loaded and no other file or network resource is touched: entity references and DOCTYPEs
/// are errors. Every problem of the document becomes an error finding with its line (and column
/// where libxml2 gives one): `xml.syntax`, `xml.schema` or `xml.entity`.
public struct XMLImporter: RecordImporter {
    public init() {}

    /// - Throws: `IOError` when the source or the schema cannot be read, `ConfigurationError` when
    ///   the schema does not compile.
    public func read(_ request: ImportRequest, emit: (RawRecord) throws -> Void) throws -> [Finding] {
        let schema = try request.options.xmlSchemaPath.map(Self.compileSchema(at:))
        // Opened once with read(2) first, for the system's own reason when it cannot be.
        _ = try ByteFileReader(path: request.path)
        let reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(path: request.path, schema: schema)
        } catch XMLReaderError.cannotValidate {
            throw IOError(path: request.path, operation: "validate", reason: "libxml2 cannot set up validation against the schema")
        } catch {
            throw IOError(path: request.path, operation: "open", reason: "libxml2 cannot open it")
        }
        var assembler = XMLRecordAssembler(file: request.path, fields: request.fields,
                                           recordElement: request.options.xmlRecordElement,
                                           namespace: request.options.xmlNamespace)
        try reader.forEachEvent { event in
            try assembler.consume(event, emit: emit)
        }
        var report = XMLImportReport(request: request)
        report.add(reader.problems, dropped: reader.droppedProblemCount)
        report.add(assembler)
        return report.findings
    }

    /// Compiles the XSD at `path` from its bytes (the entity loader refuses paths).
    static func compileSchema(at path: String) throws -> XMLSchema {
        let bytes = try ByteFileReader.readAll(path: path)
        do {
            return try XMLSchema(bytes: bytes, name: path)
        } catch {
            let problems = error.problems.prefix(5).map { problem in
                (problem.line > 0 ? "line \(problem.line): " : "") + problem.message
            }
            throw ConfigurationError(path: path, keyPath: "",
                                     message: "the XML schema does not compile: " + problems.joined(separator: "; ")
                                         + (error.problems.count > 5 ? "; and \(error.problems.count - 5) more" : ""))
        }
    }
}

/// The findings of one XML import: the document's problems, then what was not read.
struct XMLImportReport {
    let request: ImportRequest
    private(set) var findings: [Finding] = []

    init(request: ImportRequest) {
        self.request = request
    }

    private var file: String { request.path }
    private var recordElement: String { request.options.xmlRecordElement }
    private var namespace: String? { request.options.xmlNamespace }

    private mutating func report(_ rule: String, _ severity: Severity, line: Int, column: Int? = nil, field: String? = nil,
                                 _ message: String, hint: String?) {
        findings.append(Finding(ruleID: rule, severity: severity,
                                location: SourceLocation(file: file, line: line, column: column, field: field),
                                message: message, hint: hint))
    }

    mutating func add(_ problems: [XMLProblem], dropped: Int) {
        for problem in problems {
            let message = readable(problem.message)
            switch problem.kind {
            case .syntax:
                report("xml.syntax", .error, line: problem.line, column: problem.column, message,
                       hint: "the file must be well-formed XML: every element closed, & written as &amp; and < as &lt;; "
                           + "reading stops at the first error of this kind")
            case .schema:
                report("xml.schema", .error, line: problem.line, column: problem.column, message,
                       hint: "the file does not match the schema \(request.options.xmlSchemaPath ?? ""); its documentation "
                           + "says which elements a project has, in which order, and what their values look like")
            case .entity:
                report("xml.entity", .error, line: problem.line, column: problem.column, message,
                       hint: "kompass reads no DOCTYPE and no entities (they can pull in other files or expand without end): "
                           + "remove the DOCTYPE and write characters themselves or as &#…; references")
            }
        }
        if dropped > 0 {
            report("xml.problems.truncated", .warning, line: 0,
                   "\(dropped) more problems of the XML document are not listed",
                   hint: "fix the listed ones first (the same mistake is often repeated), then run again")
        }
    }

    mutating func add(_ assembler: XMLRecordAssembler) {
        if let line = assembler.openRecordLine {
            report("xml.record.incomplete", .error, line: line,
                   "the '\(recordElement)' element starting here is cut off by an XML error; its values are not read",
                   hint: "fix the XML error after this line; the file may have been cut off")
        }
        if assembler.recordCount == 0 {
            reportNoRecords(assembler)
            return
        }
        for (thing, line) in assembler.unread {
            reportUnread(thing, line: line)
        }
        for field in request.fields.sorted() where !assembler.fieldsSeen.contains(field) {
            let kind = field.hasPrefix("@") ? "attribute '\(field.dropFirst())' of the '\(recordElement)' elements" : "element '\(field)'"
            report("xml.field.absent", .warning, line: 0, field: field,
                   "the mapping reads the \(kind), but none of the \(assembler.recordCount) records has it",
                   hint: "check its spelling in the source's mapping (elements are read by their local name, attributes as '@name')")
        }
    }

    private mutating func reportNoRecords(_ assembler: XMLRecordAssembler) {
        let expected = "'\(recordElement)' element" + (namespace.map { " in the namespace \($0)" } ?? " in no namespace")
        if let (elsewhere, seen) = assembler.recordNamesElsewhere.min(by: { $0.value.line < $1.value.line }) {
            report("xml.no-records", .error, line: seen.line,
                   "no \(expected): the file has \(seen.count) '\(recordElement)' elements "
                       + (elsewhere.map { "in the namespace \($0)" } ?? "in no namespace"),
                   hint: elsewhere.map { "set the source's XML namespace to \($0)" }
                       ?? "remove the source's XML namespace setting, or declare xmlns=\"\(namespace ?? "")\" in the file")
        } else if assembler.openRecordLine != nil {
            report("xml.no-records", .error, line: 0, "the file has no complete \(expected)",
                   hint: "fix the XML error that cuts off the first one")
        } else {
            report("xml.no-records", .error, line: 0, "the file has no \(expected)",
                   hint: "an empty source is never read as \"0 projects\": is this the right file, and is "
                       + "'\(recordElement)' the element that holds one project?")
        }
    }

    private mutating func reportUnread(_ thing: XMLRecordAssembler.Unread, line: Int) {
        switch thing {
        case .element(let name):
            report("source.field.unknown", .info, line: line, field: display(name),
                   "the element '\(display(name))'\(namespaceNote(name)) is not used by the mapping",
                   hint: "map it in the source's mapping if it should be read")
        case .attribute(let name, let owner):
            let field = owner.map { "\(display($0))/@\(name)" } ?? "@\(name)"
            report("source.field.unknown", .info, line: line, field: field,
                   owner == nil
                       ? "the attribute '\(name)' of the '\(recordElement)' elements is not used by the mapping"
                       : "the attribute '\(name)' of the '\(display(owner!))' elements is not read",
                   hint: owner == nil
                       ? "map it as '@\(name)' in the source's mapping if it should be read"
                       : "only the attributes of the '\(recordElement)' element itself are read")
        case .structuredField(let name):
            report("xml.field.structured", .warning, line: line, field: display(name),
                   "the element '\(display(name))' holds other elements, not text; it gives no value",
                   hint: "map the elements inside it, e.g. each 'field' inside 'fields'")
        case .strayText(let name):
            report("xml.text.unread", .warning, line: line, field: display(name),
                   "text directly inside '\(display(name))' is not read",
                   hint: "put the text into an element the mapping reads")
        case .outsideRecords(let name):
            report("source.field.unknown", .info, line: line, field: display(name),
                   "the element '\(display(name))'\(namespaceNote(name)) is outside every '\(recordElement)' element and is not read",
                   hint: "values are read from inside the '\(recordElement)' elements only")
        }
    }

    /// The local name for elements in the configured namespace, `{namespace}name` for others.
    private func display(_ name: XMLName) -> String {
        name.namespaceURI == namespace ? name.localName : name.description
    }

    private func namespaceNote(_ name: XMLName) -> String {
        name.namespaceURI == nil && namespace != nil ? " (in no namespace)" : ""
    }

    /// libxml2's message with the configured namespace left out of `{namespace}name`, and its most
    /// cryptic message for the most common mistake put plainly.
    private func readable(_ message: String) -> String {
        if message == "xmlParseEntityRef: no name" {
            return "a bare '&' that starts no reference: write it as &amp;"
        }
        guard let namespace else { return message }
        return message.replacing("{\(namespace)}", with: "")
    }
}
