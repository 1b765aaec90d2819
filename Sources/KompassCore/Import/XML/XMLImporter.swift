import KompassXML

/// Reads an XML source: one record per record element (`project` by default) in the configured
/// namespace, one value per field element with text content, and the record element's attributes
/// as `@name` fields (see `XMLRecordAssembler` for the rules).
///
/// Streams the file through `XMLStreamReader` (libxml2's text reader), so memory stays flat; with a
/// schema (`xmlSchemaPath`) the document is validated while it streams. The file is opened once, with
/// `request.openReader()`, and libxml2 pulls its bytes from that reader (it never opens the file
/// itself): the bytes parsed are the bytes `request.capture` hashes and copies. No entity is expanded, no
/// DTD is loaded and no other file or network resource is touched: entity references and DOCTYPEs
/// are errors. Every problem of the document becomes an error finding with its line (and column
/// where libxml2 gives one): `xml.syntax`, `xml.schema` or `xml.entity`.
public struct XMLImporter: RecordImporter {
    public init() {}

    /// - Throws: `IOError` when the source or the schema cannot be read, `ConfigurationError` when
    ///   the schema does not compile.
    public func read(_ request: ImportRequest, emit: (RawRecord) throws -> Void) throws -> [Finding] {
        let schema = try request.options.xmlSchemaPath.map(Self.compileSchema(at:))
        // The source is opened and read once, by kompass: libxml2 parses the very bytes the capture sees.
        let source = try request.openReader()
        let reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(name: request.path, schema: schema) { buffer in try source.pull(into: buffer) }
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
        if let error = reader.sourceError {
            throw error as? IOError ?? IOError(path: request.path, operation: "read", reason: "\(error)")
        }
        // A fatal XML error ends the parse early: the rest still reaches the capture, which describes the whole source.
        if request.capture != nil {
            try source.forEachChunk { _ in }
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

    private mutating func report(_ rule: RuleID, _ severity: Severity, line: Int, column: Int? = nil, field: String? = nil,
                                 _ text: Message.Text) {
        findings.append(Finding(ruleID: rule, severity: severity,
                                location: SourceLocation(file: file, line: line, column: column, field: field), text))
    }

    /// The problems of the document as `XMLStreamReader` found them, each an error of its kind's rule.
    ///
    /// A DOCTYPE is the cause of every entity problem after it (a reference to an entity it declares, a loop of
    /// them, libxml2's own complaints at whatever position it gives): those are folded under the DOCTYPE's
    /// finding, at the DOCTYPE's line, instead of standing as errors of their own.
    mutating func add(_ problems: [XMLProblem], dropped: Int) {
        let doctype = problems.first { $0.kind == .entity && $0.message.hasPrefix(XMLStreamReader.doctypeMessage) }
        let cause = doctype.map {
            FindingReference(ruleID: .xmlEntity, location: SourceLocation(file: file, line: $0.line, column: $0.column))
        }
        for problem in problems {
            let rule: RuleID = switch problem.kind {
            case .syntax: .xmlSyntax
            case .schema: .xmlSchema
            case .entity: .xmlEntity
            case .warning: .xmlWarning
            }
            report(rule, problem.kind == .warning ? .warning : .error, line: problem.line, column: problem.column,
                   Message.problem(problem, namespace: namespace, schema: request.options.xmlSchemaPath ?? ""))
            if let cause, problem.kind == .entity, problem != doctype { findings[findings.count - 1].causedBy = cause }
        }
        if dropped > 0 {
            report(.xmlProblemsTruncated, .warning, line: 0, Message.problemsTruncated(dropped))
        }
    }

    mutating func add(_ assembler: XMLRecordAssembler) {
        if let line = assembler.openRecordLine {
            report(.xmlRecordIncomplete, .error, line: line, Message.recordIncomplete(recordElement))
        }
        if assembler.recordCount == 0 {
            reportNoRecords(assembler)
            return
        }
        for (thing, line) in assembler.unread {
            reportUnread(thing, line: line)
        }
        for field in request.fields.sorted() where !assembler.fieldsSeen.contains(field) {
            report(.xmlFieldAbsent, .warning, line: 0, field: field,
                   Message.fieldAbsent(field, recordElement: recordElement, records: assembler.recordCount))
        }
    }

    private mutating func reportNoRecords(_ assembler: XMLRecordAssembler) {
        if let (elsewhere, seen) = assembler.recordNamesElsewhere.min(by: { $0.value.line < $1.value.line }) {
            report(.xmlNoRecords, .error, line: seen.line,
                   Message.recordsInOtherNamespace(recordElement, namespace: namespace, found: elsewhere, count: seen.count))
        } else if assembler.openRecordLine != nil {
            report(.xmlNoRecords, .error, line: 0, Message.noCompleteRecord(recordElement, namespace: namespace))
        } else {
            report(.xmlNoRecords, .error, line: 0, Message.noRecords(recordElement, namespace: namespace))
        }
    }

    private mutating func reportUnread(_ thing: XMLRecordAssembler.Unread, line: Int) {
        switch thing {
        case .element(let name):
            report(.sourceFieldUnknown, .info, line: line, field: display(name),
                   Message.elementNotMapped(display(name), inNoNamespace: inNoNamespace(name)))
        case .attribute(let name, let owner):
            let field = owner.map { "\(display($0))/@\(name)" } ?? "@\(name)"
            report(.sourceFieldUnknown, .info, line: line, field: field,
                   Message.attributeNotRead("\(name)", of: owner.map(display), recordElement: recordElement))
        case .structuredField(let name):
            report(.xmlFieldStructured, .warning, line: line, field: display(name), Message.structuredField(display(name)))
        case .strayText(let name):
            report(.xmlTextUnread, .warning, line: line, field: display(name), Message.strayText(display(name)))
        case .outsideRecords(let name):
            report(.sourceFieldUnknown, .info, line: line, field: display(name),
                   Message.outsideRecords(display(name), inNoNamespace: inNoNamespace(name), recordElement: recordElement))
        }
    }

    /// The local name for elements in the configured namespace, `{namespace}name` for others.
    private func display(_ name: XMLName) -> String {
        name.namespaceURI == namespace ? name.localName : name.description
    }

    /// Whether the element is in no namespace while the source's elements are in one.
    private func inNoNamespace(_ name: XMLName) -> Bool {
        name.namespaceURI == nil && namespace != nil
    }
}

// MARK: - Messages

extension XMLImportReport {
    /// The XML importer's messages, apart from the logic that finds the problems: each a message and a hint, in
    /// English and German. The problems libxml2 and `XMLStreamReader` word in English are put into findings here,
    /// in one place (`problem(_:namespace:schema:)`).
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual)

        /// A problem of the document: its own message (made readable, and in German where kompass words it) and the
        /// hint of its kind. `schema`: the path of the schema the document is validated against.
        static func problem(_ problem: XMLProblem, namespace: String?, schema: String) -> Text {
            let message = readable(problem.message, namespace: namespace)
            switch problem.kind {
            case .syntax:
                return (Bilingual(en: message, de: "das XML ist nicht wohlgeformt: \(germanReadable(problem.message) ?? message)"),
                        Bilingual(en: "the file must be well-formed XML: every element closed, & written as &amp; and < as &lt;; "
                                      + "reading stops at the first error of this kind",
                                  de: "die Datei muss wohlgeformtes XML sein: jedes Element geschlossen, & als &amp; und < als &lt; geschrieben; "
                                      + "das Lesen endet beim ersten Fehler dieser Art"))
            case .schema:
                return (Bilingual(en: message, de: "das XML entspricht nicht dem Schema: \(message)"),
                        Bilingual(en: "the file does not match the schema \(schema); its documentation "
                                      + "says which elements a project has, in which order, and what their values look like",
                                  de: "die Datei entspricht nicht dem Schema \(schema); dessen Dokumentation sagt, welche Elemente "
                                      + "ein Vorhaben hat, in welcher Reihenfolge, und wie ihre Werte aussehen"))
            case .warning:
                return (Bilingual(en: message, de: "das XML ist wohlgeformt, aber ungewöhnlich: \(message)"),
                        Bilingual(en: "the file is read as it is; libxml2 warns about something other XML readers may take differently "
                                      + "(an XML version other than 1.0, a namespace name that is not an absolute URI): write what it names "
                                      + "the usual way",
                                  de: "die Datei wird gelesen, wie sie ist; libxml2 warnt vor etwas, das andere XML-Leser anders verstehen "
                                      + "können (eine andere XML-Version als 1.0, ein Namensraum, der keine absolute URI ist): schreiben Sie "
                                      + "das Genannte auf die übliche Weise"))
            case .entity:
                return (Bilingual(en: message, de: germanEntityMessage(message)),
                        Bilingual(en: "kompass reads no DOCTYPE and no entities (they can pull in other files or expand without end): "
                                      + "remove the DOCTYPE and write characters themselves or as &#…; references",
                                  de: "kompass liest keine DOCTYPE-Deklaration und keine Entitäten (sie können andere Dateien einbinden "
                                      + "oder sich endlos ausdehnen): entfernen Sie die DOCTYPE-Deklaration und schreiben Sie Zeichen "
                                      + "direkt oder als &#…;-Referenzen"))
            }
        }

        /// libxml2's message with the configured namespace left out of `{namespace}name`, and its most
        /// cryptic message for the most common mistake put plainly.
        static func readable(_ message: String, namespace: String?) -> String {
            if message == "xmlParseEntityRef: no name" {
                return "a bare '&' that starts no reference: write it as &amp;"
            }
            // libxml2's advice to programmers ("use XML_PARSE_HUGE option") is not for a steward.
            if message.hasPrefix("Excessive depth in document: "), let depth = Int(message.dropFirst(29).prefix { $0.isNumber }) {
                return "the elements are nested deeper than \(depth) levels: reading stops here"
            }
            guard let namespace else { return message }
            return message.replacing("{\(namespace)}", with: "")
        }

        /// The German of `readable(message)` where kompass itself words it; nil for libxml2's own text.
        static func germanReadable(_ message: String) -> String? {
            if message.hasPrefix("Excessive depth in document: "), let depth = Int(message.dropFirst(29).prefix { $0.isNumber }) {
                return "die Elemente sind tiefer als \(depth) Ebenen verschachtelt: das Lesen endet hier"
            }
            return message == "xmlParseEntityRef: no name" ? "ein einzelnes '&', das keine Referenz einleitet: schreiben Sie es als &amp;" : nil
        }

        /// The German of the `xml.entity` messages of `XMLStreamReader`; others in a German frame.
        static func germanEntityMessage(_ message: String) -> String {
            let doctype = "a document type declaration (DOCTYPE) is not allowed: remove it"
            if message.hasPrefix(doctype) {
                let unvalidated = message.contains("the document is not validated against the schema")
                return "eine Dokumenttypdeklaration (DOCTYPE) ist nicht erlaubt: entfernen Sie sie"
                    + (unvalidated ? "; solange sie da ist, wird das Dokument nicht gegen das Schema geprüft" : "")
            }
            // "entity reference '&name;' [in attribute 'a'] is not allowed: write the character itself"
            let prefix = "entity reference '"
            if message.hasPrefix(prefix), let close = message.dropFirst(prefix.count).firstIndex(of: "'") {
                let reference = message[message.index(message.startIndex, offsetBy: prefix.count)..<close]
                var attribute = ""
                let rest = message[message.index(after: close)...]
                if rest.hasPrefix(" in attribute '"), let end = rest.dropFirst(15).firstIndex(of: "'") {
                    attribute = " im Attribut '\(rest[rest.index(rest.startIndex, offsetBy: 15)..<end])'"
                }
                return "der Entitätsverweis '\(ShownText.value(reference))'\(attribute) ist nicht erlaubt: schreiben Sie das Zeichen selbst"
            }
            return "nicht erlaubte DOCTYPE-Deklaration oder Entität: \(message)"
        }

        static func problemsTruncated(_ dropped: Int) -> Text {
            (Bilingual(en: "\(dropped) more problems of the XML document are not listed",
                       de: "\(dropped) weitere Probleme des XML-Dokuments sind nicht aufgeführt"),
             Bilingual(en: "fix the listed ones first (the same mistake is often repeated), then run again",
                       de: "beheben Sie zuerst die aufgeführten (oft wiederholt sich derselbe Fehler), und starten Sie dann erneut"))
        }

        static func recordIncomplete(_ recordElement: String) -> Text {
            (Bilingual(en: "the '\(ShownText.value(recordElement))' element starting here is cut off by an XML error; its values are not read",
                       de: "das hier beginnende Element '\(ShownText.value(recordElement))' wird von einem XML-Fehler abgeschnitten; seine Werte werden nicht gelesen"),
             Bilingual(en: "fix the XML error after this line; the file may have been cut off",
                       de: "beheben Sie den XML-Fehler nach dieser Zeile; die Datei ist womöglich abgeschnitten"))
        }

        /// `field`: an element's local name, or `@name` for an attribute of the record elements.
        static func fieldAbsent(_ field: String, recordElement: String, records: Int) -> Text {
            let kind = field.hasPrefix("@") ? "attribute '\(field.dropFirst())' of the '\(ShownText.value(recordElement))' elements" : "element '\(ShownText.value(field))'"
            let kindDE = field.hasPrefix("@") ? "das Attribut '\(field.dropFirst())' der Elemente '\(ShownText.value(recordElement))'" : "das Element '\(ShownText.value(field))'"
            return (Bilingual(en: "the mapping reads the \(kind), but none of the \(records) records has it",
                              de: "das Mapping liest \(kindDE), aber "
                                  + (records == 1 ? "der einzige Datensatz hat es nicht" : "keiner der \(records) Datensätze hat es")),
                    Bilingual(en: "check its spelling in the source's mapping (elements are read by their local name, attributes as '@name')",
                              de: "prüfen Sie die Schreibweise im Mapping der Quelle (Elemente werden über ihren lokalen Namen gelesen, Attribute als '@name')"))
        }

        /// The record element the source's configuration asks for, with its namespace.
        private static func expected(_ recordElement: String, namespace: String?) -> Bilingual {
            Bilingual(en: "'\(ShownText.value(recordElement))' element" + (namespace.map { " in the namespace \($0)" } ?? " in no namespace"),
                      de: "Element '\(ShownText.value(recordElement))' " + (namespace.map { "im Namensraum \($0)" } ?? "ohne Namensraum"))
        }

        /// No record element in the configured namespace, but `count` of them in the namespace `found` (nil: none).
        static func recordsInOtherNamespace(_ recordElement: String, namespace: String?, found elsewhere: String?, count: Int) -> Text {
            let expected = expected(recordElement, namespace: namespace)
            return (Bilingual(en: "no \(expected.en): the file has \(count) '\(ShownText.value(recordElement))' elements "
                                  + (elsewhere.map { "in the namespace \($0)" } ?? "in no namespace"),
                              de: "kein \(expected.de): die Datei hat \(count) Elemente '\(ShownText.value(recordElement))' "
                                  + (elsewhere.map { "im Namensraum \($0)" } ?? "ohne Namensraum")),
                    elsewhere.map {
                        Bilingual(en: "set the source's XML namespace to \($0)", de: "setzen Sie den XML-Namensraum der Quelle auf \($0)")
                    } ?? Bilingual(en: "remove the source's XML namespace setting, or declare xmlns=\"\(namespace ?? "")\" in the file",
                                   de: "entfernen Sie die Einstellung des XML-Namensraums der Quelle, oder deklarieren Sie xmlns=\"\(namespace ?? "")\" in der Datei"))
        }

        static func noCompleteRecord(_ recordElement: String, namespace: String?) -> Text {
            let expected = expected(recordElement, namespace: namespace)
            return (Bilingual(en: "the file has no complete \(expected.en)", de: "die Datei hat kein vollständiges \(expected.de)"),
                    Bilingual(en: "fix the XML error that cuts off the first one",
                              de: "beheben Sie den XML-Fehler, der das erste abschneidet"))
        }

        static func noRecords(_ recordElement: String, namespace: String?) -> Text {
            let expected = expected(recordElement, namespace: namespace)
            return (Bilingual(en: "the file has no \(expected.en)", de: "die Datei hat kein \(expected.de)"),
                    Bilingual(en: "an empty source is never read as \"0 projects\": is this the right file, and is "
                                  + "'\(ShownText.value(recordElement))' the element that holds one project?",
                              de: "eine leere Quelle wird nie als «0 Vorhaben» gelesen: ist das die richtige Datei, und ist "
                                  + "'\(ShownText.value(recordElement))' das Element, das ein Vorhaben enthält?"))
        }

        /// " (in no namespace)" for an element in no namespace while the source's elements are in one.
        private static func namespaceNote(_ inNoNamespace: Bool, german: Bool = false) -> String {
            inNoNamespace ? (german ? " (ohne Namensraum)" : " (in no namespace)") : ""
        }

        static func elementNotMapped(_ name: String, inNoNamespace: Bool) -> Text {
            (Bilingual(en: "the element '\(ShownText.value(name))'\(namespaceNote(inNoNamespace)) is not used by the mapping",
                       de: "das Element '\(ShownText.value(name))'\(namespaceNote(inNoNamespace, german: true)) wird vom Mapping nicht verwendet"),
             Bilingual(en: "map it in the source's mapping if it should be read",
                       de: "nehmen Sie es ins Mapping der Quelle auf, wenn es gelesen werden soll"))
        }

        /// An attribute of the record elements (`owner` nil) or of an element inside them, which is never read.
        static func attributeNotRead(_ name: String, of owner: String?, recordElement: String) -> Text {
            guard let owner else {
                return (Bilingual(en: "the attribute '\(ShownText.value(name))' of the '\(ShownText.value(recordElement))' elements is not used by the mapping",
                                  de: "das Attribut '\(ShownText.value(name))' der Elemente '\(ShownText.value(recordElement))' wird vom Mapping nicht verwendet"),
                        Bilingual(en: "map it as '@\(name)' in the source's mapping if it should be read",
                                  de: "nehmen Sie es als '@\(name)' ins Mapping der Quelle auf, wenn es gelesen werden soll"))
            }
            return (Bilingual(en: "the attribute '\(ShownText.value(name))' of the '\(ShownText.value(owner))' elements is not read",
                              de: "das Attribut '\(ShownText.value(name))' der Elemente '\(ShownText.value(owner))' wird nicht gelesen"),
                    Bilingual(en: "only the attributes of the '\(ShownText.value(recordElement))' element itself are read",
                              de: "gelesen werden nur die Attribute des Elements '\(ShownText.value(recordElement))' selbst"))
        }

        static func structuredField(_ name: String) -> Text {
            (Bilingual(en: "the element '\(ShownText.value(name))' holds other elements, not text; it gives no value",
                       de: "das Element '\(ShownText.value(name))' enthält andere Elemente statt Text; es ergibt keinen Wert"),
             Bilingual(en: "map the elements inside it, e.g. each 'field' inside 'fields'",
                       de: "nehmen Sie die Elemente darin ins Mapping auf, z. B. jedes 'field' in 'fields'"))
        }

        static func strayText(_ name: String) -> Text {
            (Bilingual(en: "text directly inside '\(ShownText.value(name))' is not read",
                       de: "Text direkt in '\(ShownText.value(name))' wird nicht gelesen"),
             Bilingual(en: "put the text into an element the mapping reads",
                       de: "setzen Sie den Text in ein Element, das das Mapping liest"))
        }

        static func outsideRecords(_ name: String, inNoNamespace: Bool, recordElement: String) -> Text {
            (Bilingual(en: "the element '\(ShownText.value(name))'\(namespaceNote(inNoNamespace)) is outside every '\(ShownText.value(recordElement))' element and is not read",
                       de: "das Element '\(ShownText.value(name))'\(namespaceNote(inNoNamespace, german: true)) steht ausserhalb jedes Elements '\(ShownText.value(recordElement))' und wird nicht gelesen"),
             Bilingual(en: "values are read from inside the '\(ShownText.value(recordElement))' elements only",
                       de: "Werte werden nur innerhalb der Elemente '\(ShownText.value(recordElement))' gelesen"))
        }
    }
}
