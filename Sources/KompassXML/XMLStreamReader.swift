internal import CLibXML2

/// A pull reader over libxml2's `xmlTextReader` that never expands entities, never loads a DTD
/// and never touches the network or other local files.
///
/// Entity references and document type declarations in the input are reported as problems
/// and skipped: their content never reaches the caller. Text and CDATA sections both arrive as
/// `.text` events. With a schema, the document is validated while it streams, and every
/// violation is a problem of kind `.schema` with its line; a document with a DOCTYPE is read
/// without the schema (see `XMLProlog` for why).
///
/// The reader pulls the document's bytes itself (from a file it opens, from memory, or from a caller's
/// read function) and hands them to libxml2 through `xmlReaderForIO`: libxml2 never opens a file, and
/// the bytes checked for a DOCTYPE, the bytes parsed and the bytes a caller's read function hands over
/// are the same bytes, each read once.
///
/// One reader belongs to one task. Prefer `forEachEvent(_:)`, which installs libxml2's global
/// error handler once for the whole loop; `next()` does it on each call when a schema is attached.
public final class XMLStreamReader {
    /// The default most problems kept (`problems`); further ones are only counted (`droppedProblemCount`).
    public static let defaultProblemLimit = 10_000

    private let reader: xmlTextReaderPtr
    private let collector: ProblemCollector
    /// libxml2's input: kept alive for as long as the reader may call back into it.
    private let source: XMLByteSource
    /// Kept alive for as long as the validation context uses it.
    private let schema: XMLSchema?
    private var validation: xmlSchemaValidCtxtPtr?
    private var finished = false
    private var capturingGlobalErrors = false

    public static let doctypeMessage = "a document type declaration (DOCTYPE) is not allowed: remove it"

    /// The problems found so far (parse errors, schema violations, entity references, DTDs), in the
    /// order libxml2 reported them; at most the problem limit given at creation.
    public var problems: [XMLProblem] { collector.problems }

    /// How many problems were found beyond the problem limit and not kept.
    public var droppedProblemCount: Int { collector.droppedCount }

    /// Opens a file for streaming, validating it against `schema` when one is given. The file is
    /// opened and read by kompass (libxml2 never opens it): a read error ends the document with a problem.
    /// - Throws: `XMLReaderError.cannotOpen` when the file cannot be opened,
    ///   `XMLReaderError.cannotValidate` when the schema cannot be attached.
    public convenience init(path: String, schema: XMLSchema? = nil, problemLimit: Int = XMLStreamReader.defaultProblemLimit) throws {
        guard let file = XMLFileDescriptor(path: path) else { throw XMLReaderError.cannotOpen(path) }
        try self.init(name: path, schema: schema, problemLimit: problemLimit) { buffer in try file.read(into: buffer) }
    }

    /// Reads a document held in memory; `name` is used in messages only.
    public convenience init(bytes: [UInt8], name: String, schema: XMLSchema? = nil,
                            problemLimit: Int = XMLStreamReader.defaultProblemLimit) throws {
        var offset = 0
        try self.init(name: name, schema: schema, problemLimit: problemLimit) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { all in
                buffer.baseAddress!.copyMemory(from: all.baseAddress! + offset, byteCount: count)
            }
            offset += count
            return count
        }
    }

    /// Reads a document that `read` hands over piece by piece, in order; `name` is used in messages only.
    ///
    /// `read` fills the buffer it is given from its start (with at most `buffer.count` bytes) and returns
    /// how many bytes it wrote, 0 at the end of the document. It is called only from this initialiser and
    /// from the reading methods, on their thread, and never again after it returned 0 or threw. The reader
    /// asks for each byte once, and libxml2 parses exactly the bytes it returns: a caller that hashes or
    /// copies them there sees what was parsed. The first bytes, up to the first element, are kept until
    /// the prolog has been checked for a DOCTYPE (at most 1 MiB: beyond, the document is read without
    /// the schema, and a problem says so); nothing else is kept.
    ///
    /// When `read` throws, the document ends there, a problem says so, and `sourceError` holds the error.
    /// - Throws: `XMLReaderError.cannotOpen` when libxml2 cannot set up a reader,
    ///   `XMLReaderError.cannotValidate` when the schema cannot be attached.
    public init(name: String, schema: XMLSchema? = nil, problemLimit: Int = XMLStreamReader.defaultProblemLimit,
                read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) throws {
        XMLLibrary.initialise()
        let collector = ProblemCollector(limit: problemLimit)
        let source = XMLByteSource(collector: collector, pull: read)
        source.doctypeMessage = Self.doctypeMessage
            + (schema != nil ? "; while it is there, the document is not validated against the schema" : "")
        // The prolog first: the schema may be attached only if it has no DOCTYPE.
        let scanner = XMLProlog.Scanner()
        // What the scan's parser finds wrong is the reader's to report, when it parses the same bytes. Errors that
        // libxml2 raises without a parser context (an encoding that does not fit the bytes) go to the global
        // handler: caught here and dropped, or libxml2 would print them to standard error.
        let prologProblems = ProblemCollector(limit: 0)
        prologProblems.capturingGlobalErrors { source.scanProlog(scanner) }
        let created = collector.capturingGlobalErrors {
            xmlReaderForIO(XMLByteSource.readCallback, XMLByteSource.closeCallback, source.context, name, nil, XMLLibrary.safeOptions)
        }
        guard let created else { throw XMLReaderError.cannotOpen(name) }
        self.reader = created
        self.collector = collector
        self.source = source
        self.schema = scanner.isDecided && scanner.doctype == nil ? schema : nil
        try start(name: name, prolog: scanner, schemaRequested: schema != nil)
    }

    deinit {
        // The order matters: a reader freed with a validation context still plugged in crashes.
        if validation != nil {
            xmlTextReaderSchemaValidateCtxt(reader, nil, 0)
        }
        xmlTextReaderSetStructuredErrorHandler(reader, nil, nil)
        xmlFreeTextReader(reader)
        if let validation { xmlSchemaFreeValidCtxt(validation) }
    }

    /// What the source given to `init(name:schema:problemLimit:read:)` threw, if it did (or the read
    /// error of `init(path:)`): the document was read only up to there.
    public var sourceError: (any Error)? { source.error }

    /// Installs the error handler, reports the prolog's DOCTYPE, then attaches the schema (which must
    /// come before the first read).
    private func start(name: String, prolog: XMLProlog.Scanner, schemaRequested: Bool) throws {
        xmlTextReaderSetStructuredErrorHandler(reader, ProblemCollector.handler, collector.context)
        if let doctype = prolog.doctype {
            source.reportDoctype(doctype)
        } else if !prolog.isDecided && schemaRequested {
            collector.append(XMLProblem(line: 1, column: nil,
                                        message: "more than \(XMLProlog.limit / (1 << 20)) MiB of comments, processing instructions or white space "
                                            + "stand before the first element: the document is not validated against the schema; shorten them",
                                        kind: .schema))
        }
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
    /// libxml2's global structured error handler (one per thread) is set once for the whole loop and
    /// restored afterwards; `body` is synchronous, so the loop stays on the calling thread. Readers used
    /// inside `body` set and restore their own.
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

    // Lines. libxml2 gives each node the line where the parser was when it made the node: for a start
    // tag the line of its `>`, for text the line where the text ends (where the next tag starts). Element
    // nodes keep it in 16 bits, so past line 65535 their line is only estimated; text nodes keep the
    // exact one (XML_PARSE_BIG_LINES). End tags have no node of their own. So the reader remembers:

    /// The line of the text event just before, while the previous event is text.
    private var precedingTextLine: Int?
    /// The line of the previous event.
    private var previousLine = 1

    /// The line libxml2 recorded for the current node, or nil when it has none.
    private var nodeLine: Int? {
        guard let node = xmlTextReaderCurrentNode(reader) else { return nil }
        let line = Int(xmlGetLineNo(node))
        return line > 0 ? line : nil
    }

    /// The line of the current node; the parser's own line (which runs ahead) only as a last resort.
    private var currentLine: Int {
        nodeLine ?? Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// A start tag's line: exact below 65536; beyond, the line where the text before it ends.
    private var startTagLine: Int {
        if let node = xmlTextReaderCurrentNode(reader), node.pointee.line < UInt16.max, node.pointee.line > 0 {
            return Int(node.pointee.line)
        }
        return precedingTextLine ?? currentLine
    }

    /// An end tag's line: where the text before it ends, or (`</a></b>`, `<a></a>`) the line of the tag before it.
    private var endTagLine: Int {
        precedingTextLine ?? previousLine
    }

    /// A text's line; CDATA sections and entity references have none of their own, and take the line
    /// of what precedes them.
    private var textLine: Int {
        nodeLine ?? previousLine
    }

    private func currentEvent() -> XMLEvent? {
        let event = eventForCurrentNode()
        switch event {
        case .text(_, let line)?:
            precedingTextLine = xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_CDATA.rawValue) ? nil : line
            previousLine = line
        case .startElement(_, _, _, let line)?, .endElement(_, let line)?:
            precedingTextLine = nil
            previousLine = line
        case nil:
            precedingTextLine = nil
        }
        return event
    }

    private func eventForCurrentNode() -> XMLEvent? {
        let type = xmlTextReaderNodeType(reader)
        switch type {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let name = currentName()
            let line = startTagLine
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
            return .endElement(currentName(), line: endTagLine)
        case Int32(XML_READER_TYPE_CDATA.rawValue):
            // XML 1.0 §2.11: every CR LF and lone CR reaches the application as LF, in CDATA sections too;
            // libxml2 (2.9) normalises them in text but passes them on in CDATA sections.
            return .text(Self.lineEndsNormalised(string(xmlTextReaderConstValue(reader))), line: textLine)
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue),
             Int32(XML_READER_TYPE_WHITESPACE.rawValue):
            return .text(string(xmlTextReaderConstValue(reader)), line: textLine)
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            collector.append(XMLProblem(line: textLine, column: nil,
                                        message: "entity reference '&\(string(xmlTextReaderConstLocalName(reader)));' is not allowed: write the character itself",
                                        kind: .entity))
            return nil
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            if source.doctypeReported { return nil }
            source.reportDoctype(XMLProlog.Position(line: currentLine, column: nil))
            if validation != nil {
                // The prolog check saw the same bytes and found no DOCTYPE, so this should not happen;
                // should it, entities could now be expanded through the validator: read no further.
                finished = true
            }
            return nil
        default:
            return nil
        }
    }

    /// `text` with every CR LF and every lone CR made LF (XML 1.0 §2.11).
    static func lineEndsNormalised(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var scalars = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = scalar == "\r"
            scalars.append(afterCarriageReturn ? "\n" : scalar)
        }
        return String(scalars)
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
