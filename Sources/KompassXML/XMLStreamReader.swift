internal import CLibXML2

/// A pull reader over libxml2's `xmlTextReader` that never expands entities, never loads a DTD
/// and never touches the network or other local files.
///
/// Entity references and document type declarations in the input are reported as problems
/// and skipped: their content never reaches the caller. One reader belongs to one task.
public final class XMLStreamReader {
    private let reader: xmlTextReaderPtr
    private let collector: ProblemCollector
    private var finished = false

    /// The problems found so far (parse errors, entity references, DTDs), in document order.
    public var problems: [XMLProblem] { collector.problems }

    /// Opens a file for streaming.
    /// - Throws: `XMLReaderError.cannotOpen` when libxml2 cannot open it.
    public init(path: String) throws {
        XMLLibrary.initialise()
        guard let reader = xmlReaderForFile(path, nil, XMLLibrary.safeOptions) else {
            throw XMLReaderError.cannotOpen(path)
        }
        self.reader = reader
        self.collector = ProblemCollector()
        installErrorHandler()
    }

    /// Reads a document held in memory; `name` is used in libxml2's own messages only.
    public init(bytes: [UInt8], name: String) throws {
        XMLLibrary.initialise()
        // libxml2 keeps a pointer into the buffer for the reader's life: copy it into memory we own.
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress ?? UnsafeRawPointer(buffer), byteCount: bytes.count)
        }
        guard let reader = xmlReaderForMemory(buffer, Int32(bytes.count), name, nil, XMLLibrary.safeOptions) else {
            buffer.deallocate()
            throw XMLReaderError.cannotOpen(name)
        }
        self.reader = reader
        self.ownedBuffer = buffer
        self.collector = ProblemCollector()
        installErrorHandler()
    }

    private var ownedBuffer: UnsafeMutablePointer<CChar>? = nil

    deinit {
        xmlTextReaderSetStructuredErrorHandler(reader, nil, nil)
        xmlFreeTextReader(reader)
        ownedBuffer?.deallocate()
    }

    private func installErrorHandler() {
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<ProblemCollector>.fromOpaque(userData).takeUnretainedValue()
            collector.add(error.pointee)
        }, context)
    }

    /// The next event, or nil at the end of the document or after a fatal error
    /// (which is then the last entry of `problems`).
    public func next() -> XMLEvent? {
        while !finished {
            let status = xmlTextReaderRead(reader)
            if status != 1 {
                finished = true
                if status < 0 && collector.problems.isEmpty {
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

    /// Reads to the end and returns every problem found.
    public func readToEnd() -> [XMLProblem] {
        while next() != nil {}
        return problems
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
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            var attributes: [XMLAttribute] = []
            if xmlTextReaderHasAttributes(reader) == 1 {
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                    attributes.append(XMLAttribute(name: currentName(), value: string(xmlTextReaderConstValue(reader))))
                }
                xmlTextReaderMoveToElement(reader)
            }
            return .startElement(name, attributes: attributes, isEmpty: isEmpty, line: currentLine)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            return .endElement(currentName(), line: currentLine)
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
            return .text(string(xmlTextReaderConstValue(reader)), line: currentLine)
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            collector.append(XMLProblem(line: currentLine, column: nil,
                                        message: "entity reference '&\(string(xmlTextReaderConstLocalName(reader)));' is not allowed: write the character itself"))
            return nil
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            collector.append(XMLProblem(line: currentLine, column: nil,
                                        message: "a document type declaration (DOCTYPE) is not allowed: remove it"))
            return nil
        default:
            return nil
        }
    }

    private func currentName() -> XMLName {
        let namespace = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
        return XMLName(namespaceURI: namespace, localName: string(xmlTextReaderConstLocalName(reader)))
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

/// Why an XML source could not be read at all.
public enum XMLReaderError: Error, Equatable, Sendable {
    case cannotOpen(String)
}

/// Collects libxml2's structured errors; reached from the C callback.
private final class ProblemCollector {
    private(set) var problems: [XMLProblem] = []

    func add(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        let column = error.int2 > 0 ? Int(error.int2) : nil
        problems.append(XMLProblem(line: Int(error.line), column: column, message: message))
    }

    func append(_ problem: XMLProblem) {
        problems.append(problem)
    }
}
