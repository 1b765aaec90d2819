internal import CLibXML2

/// A pull reader over libxml2's `xmlTextReader` that never expands entities, never loads a DTD
/// and never touches the network or other local files.
///
/// Entity references and document type declarations in the input are reported as problems
/// and skipped: their content never reaches the caller. Text and CDATA sections both arrive as
/// `.text` events. With a schema, the document is validated while it streams, and every
/// violation is a problem of kind `.schema` with its line.
///
/// One reader belongs to one task. Prefer `forEachEvent(_:)`, which installs libxml2's global
/// error handler once for the whole loop; `next()` does it on each call when a schema is attached.
public final class XMLStreamReader {
    /// The default most problems kept (`problems`); further ones are only counted (`droppedProblemCount`).
    public static let defaultProblemLimit = 10_000

    private let reader: xmlTextReaderPtr
    private let collector: ProblemCollector
    private var ownedBuffer: UnsafeMutablePointer<CChar>?
    /// Kept alive for as long as the validation context uses it.
    private let schema: XMLSchema?
    private var validation: xmlSchemaValidCtxtPtr?
    private var finished = false
    private var capturingGlobalErrors = false

    /// The problems found so far (parse errors, schema violations, entity references, DTDs), in the
    /// order libxml2 reported them; at most the problem limit given at creation.
    public var problems: [XMLProblem] { collector.problems }

    /// How many problems were found beyond the problem limit and not kept.
    public var droppedProblemCount: Int { collector.droppedCount }

    /// Opens a file for streaming, validating it against `schema` when one is given.
    /// - Throws: `XMLReaderError.cannotOpen` when libxml2 cannot open it,
    ///   `XMLReaderError.cannotValidate` when the schema cannot be attached.
    public init(path: String, schema: XMLSchema? = nil, problemLimit: Int = XMLStreamReader.defaultProblemLimit) throws {
        XMLLibrary.initialise()
        let collector = ProblemCollector(limit: problemLimit)
        let created = collector.capturingGlobalErrors { xmlReaderForFile(path, nil, XMLLibrary.safeOptions) }
        guard let created else { throw XMLReaderError.cannotOpen(path) }
        self.reader = created
        self.collector = collector
        self.ownedBuffer = nil
        self.schema = schema
        try start(name: path)
    }

    /// Reads a document held in memory; `name` is used in messages only.
    public init(bytes: [UInt8], name: String, schema: XMLSchema? = nil,
                problemLimit: Int = XMLStreamReader.defaultProblemLimit) throws {
        XMLLibrary.initialise()
        // libxml2 keeps a pointer into the buffer for the reader's life: copy it into memory we own.
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress ?? UnsafeRawPointer(buffer), byteCount: bytes.count)
        }
        let collector = ProblemCollector(limit: problemLimit)
        let created = collector.capturingGlobalErrors {
            xmlReaderForMemory(buffer, Int32(bytes.count), name, nil, XMLLibrary.safeOptions)
        }
        guard let created else {
            buffer.deallocate()
            throw XMLReaderError.cannotOpen(name)
        }
        self.reader = created
        self.collector = collector
        self.ownedBuffer = buffer
        self.schema = schema
        try start(name: name)
    }

    deinit {
        // The order matters: a reader freed with a validation context still plugged in crashes.
        if validation != nil {
            xmlTextReaderSchemaValidateCtxt(reader, nil, 0)
        }
        xmlTextReaderSetStructuredErrorHandler(reader, nil, nil)
        xmlFreeTextReader(reader)
        if let validation { xmlSchemaFreeValidCtxt(validation) }
        ownedBuffer?.deallocate()
    }

    /// Installs the error handler, then the schema (which must come before the first read).
    private func start(name: String) throws {
        xmlTextReaderSetStructuredErrorHandler(reader, ProblemCollector.handler, collector.context)
        guard let schema else { return }
        guard let context = xmlSchemaNewValidCtxt(schema.pointer) else {
            throw XMLReaderError.cannotValidate(name)
        }
        validation = context
        guard xmlTextReaderSchemaValidateCtxt(reader, context, 0) == 0 else {
            throw XMLReaderError.cannotValidate(name)
        }
        xmlSchemaSetValidStructuredErrors(context, ProblemCollector.handler, collector.context)
    }

    /// Calls `body` with each event in document order, until the end of the document or a fatal
    /// error (which is then the last parse problem in `problems`).
    ///
    /// libxml2's thread-global error handler is set for the whole loop and restored afterwards, so
    /// `body` must not suspend (it cannot: it is synchronous) and should not hand work to other threads
    /// that use libxml2.
    public func forEachEvent(_ body: (XMLEvent) throws -> Void) rethrows {
        try withGlobalErrorCapture {
            while let event = nextEvent() {
                try body(event)
            }
        }
    }

    /// The next event, or nil at the end of the document or after a fatal error
    /// (which is then the last parse problem in `problems`).
    public func next() -> XMLEvent? {
        if schema == nil { return nextEvent() }
        return withGlobalErrorCapture { nextEvent() }
    }

    /// Reads to the end and returns every problem found.
    public func readToEnd() -> [XMLProblem] {
        forEachEvent { _ in }
        return problems
    }

    private func withGlobalErrorCapture<T>(_ body: () throws -> T) rethrows -> T {
        if capturingGlobalErrors { return try body() }
        capturingGlobalErrors = true
        defer { capturingGlobalErrors = false }
        return try collector.capturingGlobalErrors(body)
    }

    private func nextEvent() -> XMLEvent? {
        while !finished {
            let status = xmlTextReaderRead(reader)
            if status != 1 {
                finished = true
                if status < 0 && !collector.hasParseProblem {
                    collector.append(XMLProblem(line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                                column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                                                message: "the document is not well-formed XML"))
                }
                return nil
            }
            if let event = currentEvent() { return event }
        }
        return nil
    }

    private var currentLine: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    private func currentEvent() -> XMLEvent? {
        let type = xmlTextReaderNodeType(reader)
        switch type {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let name = currentName()
            let line = currentLine
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            var attributes: [XMLAttribute] = []
            if xmlTextReaderHasAttributes(reader) == 1 {
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                    let attributeName = currentName()
                    attributes.append(XMLAttribute(name: attributeName, value: attributeValue(attributeName, line: line)))
                }
                xmlTextReaderMoveToElement(reader)
            }
            return .startElement(name, attributes: attributes, isEmpty: isEmpty, line: line)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            return .endElement(currentName(), line: currentLine)
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
            return .text(string(xmlTextReaderConstValue(reader)), line: currentLine)
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            collector.append(XMLProblem(line: currentLine, column: nil,
                                        message: "entity reference '&\(string(xmlTextReaderConstLocalName(reader)));' is not allowed: write the character itself",
                                        kind: .entity))
            return nil
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            collector.append(XMLProblem(line: currentLine, column: nil,
                                        message: "a document type declaration (DOCTYPE) is not allowed: remove it",
                                        kind: .entity))
            return nil
        default:
            return nil
        }
    }

    /// The value of the attribute the reader is on. libxml2 would substitute the replacement text of
    /// an entity referenced in an attribute value when asked for the value as a whole, so such an
    /// attribute is reported and its value built from its literal text only.
    private func attributeValue(_ name: XMLName, line: Int) -> String {
        guard let node = xmlTextReaderCurrentNode(reader) else { return string(xmlTextReaderConstValue(reader)) }
        var child = node.pointee.children
        var hasEntityReference = false
        while let current = child {
            if current.pointee.type == XML_ENTITY_REF_NODE { hasEntityReference = true; break }
            child = current.pointee.next
        }
        guard hasEntityReference else { return string(xmlTextReaderConstValue(reader)) }
        var literal = ""
        child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ENTITY_REF_NODE {
                collector.append(XMLProblem(line: line, column: nil,
                                            message: "entity reference '&\(string(current.pointee.name));' in attribute '\(name)' is not allowed: write the character itself",
                                            kind: .entity))
            } else if current.pointee.type == XML_TEXT_NODE {
                literal += string(current.pointee.content)
            }
            child = current.pointee.next
        }
        return literal
    }

    private func currentName() -> XMLName {
        let namespace = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
        return XMLName(namespaceURI: namespace, localName: string(xmlTextReaderConstLocalName(reader)))
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

/// Why an XML source could not be read at all.
public enum XMLReaderError: Error, Equatable, Sendable {
    case cannotOpen(String)
    /// libxml2 could not set up validation against the schema for this document.
    case cannotValidate(String)
}
