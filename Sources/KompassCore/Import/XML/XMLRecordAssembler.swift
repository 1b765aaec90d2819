import KompassXML

/// Turns the events of an XML document into raw records, one per record element, and notes every
/// element, attribute and text that no record reads, so that the importer can report it once.
///
/// - A record is an element with the configured local name in the configured namespace.
/// - Inside a record, an element in that namespace whose local name the mapping reads, and which holds
///   only text (CDATA included), gives one value: the text without surrounding whitespace. Repeated
///   elements give one value each; empty ones give none (as an empty CSV cell).
/// - An attribute of the record element whose name the mapping reads as `@name` gives one value.
/// - Elements that only wrap read elements or records (`fields`, `userGroups`, `portfolio`) are silent.
struct XMLRecordAssembler {
    /// Something a record does not read, reported once per kind and name.
    enum Unread: Hashable {
        /// An element inside a record that the mapping does not read (and that wraps nothing read).
        case element(XMLName)
        /// An attribute; `owner` is nil for the record element's own attributes.
        case attribute(XMLName, owner: XMLName?)
        /// An element the mapping reads that holds other elements instead of text.
        case structuredField(XMLName)
        /// Non-whitespace text directly inside the record or a wrapper.
        case strayText(in: XMLName)
        /// An element outside every record that holds no record.
        case outsideRecords(XMLName)
    }

    private struct Frame {
        var name: XMLName
        var line: Int
        var isRecord = false
        /// An element inside a record that the mapping reads.
        var isField = false
        var text = ""
        var hasChildElements = false
        var hasStrayText = false
        /// Whether a record or a read element is inside it.
        var wrapsSomethingRead = false
    }

    let file: String
    let fields: Set<String>
    let recordName: XMLName
    private var stack: [Frame] = []
    private var record: RawRecord?
    /// The bytes of the texts of the record being read (or of the field outside one): beyond
    /// `InputLimits.lineBytes`, reading stops, as for a CSV record or a JSON record of that size.
    private var recordBytes = 0
    /// Records handed over so far.
    private(set) var recordCount = 0
    /// First line of each thing not read (elements still to be checked against `wrapperNames`).
    private var unreadCandidates: [Unread: Int] = [:]
    /// Names of elements that wrapped something read at least once: never reported as not read, even
    /// where one is empty (`<fields/>`).
    private var wrapperNames: Set<XMLName> = []
    /// The mapping's field names that some record gave (elements and `@attributes`).
    private(set) var fieldsSeen: Set<String> = []
    /// Elements with the record's local name in another namespace: namespace → count and first line.
    private(set) var recordNamesElsewhere: [String?: (count: Int, line: Int)] = [:]
    /// Each thing not read, with the first line where it appears, in line order.
    var unread: [(thing: Unread, line: Int)] {
        unreadCandidates.filter { thing, _ in
            switch thing {
            case .element(let name), .outsideRecords(let name): !wrapperNames.contains(name)
            case .attribute, .structuredField, .strayText: true
            }
        }
        .map { (thing: $0.key, line: $0.value) }
        .sorted { ($0.line, "\($0.thing)") < ($1.line, "\($1.thing)") }
    }

    /// The record cut off by a fatal error, if there is one: its first line.
    var openRecordLine: Int? { record?.location.line }

    static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    init(file: String, fields: Set<String>, recordElement: String, namespace: String?) {
        self.file = file
        self.fields = fields
        self.recordName = XMLName(namespaceURI: namespace, localName: recordElement)
    }

    mutating func consume(_ event: XMLEvent, emit: (RawRecord) throws -> Void) throws {
        switch event {
        case .startElement(let name, let attributes, let isEmpty, let line):
            start(name, attributes: attributes, line: line)
            if isEmpty { try end(emit: emit) }
        case .endElement:
            try end(emit: emit)
        case .text(let text, _):
            guard !stack.isEmpty else { return }
            if stack[stack.count - 1].isField {
                stack[stack.count - 1].text += text
                try count(text.utf8.count, line: stack[stack.count - 1].line)
            } else if !stack[stack.count - 1].hasStrayText, !text.isXMLWhitespace {
                stack[stack.count - 1].hasStrayText = true
            }
        }
    }

    private mutating func start(_ name: XMLName, attributes: [XMLAttribute], line: Int) {
        if !stack.isEmpty { stack[stack.count - 1].hasChildElements = true }
        var frame = Frame(name: name, line: line)
        if record == nil {
            if name == recordName {
                frame.isRecord = true
                startRecord(attributes: attributes, line: line)
            } else {
                if name.localName == recordName.localName {
                    let seen = recordNamesElsewhere[name.namespaceURI]
                    recordNamesElsewhere[name.namespaceURI] = ((seen?.count ?? 0) + 1, seen?.line ?? line)
                }
                noteUnread(attributes, owner: name, line: line)
            }
        } else {
            frame.isField = name.namespaceURI == recordName.namespaceURI && fields.contains(name.localName)
            noteUnread(attributes, owner: name, line: line)
        }
        stack.append(frame)
    }

    private mutating func startRecord(attributes: [XMLAttribute], line: Int) {
        var started = RawRecord(location: SourceLocation(file: file, line: line))
        recordBytes = 0
        for attribute in attributes where attribute.name.namespaceURI != Self.schemaInstanceNamespace {
            let key = "@" + attribute.name.description
            guard fields.contains(key) else {
                note(.attribute(attribute.name, owner: nil), line: line)
                continue
            }
            fieldsSeen.insert(key)
            let text = attribute.value.trimmingXMLWhitespace()
            if text.isEmpty { continue }
            started.append(RawValue(text, at: SourceLocation(file: file, line: line, field: key)), to: key)
        }
        record = started
    }

    private mutating func count(_ bytes: Int, line: Int) throws {
        recordBytes += bytes
        if recordBytes > InputLimits.lineBytes { throw ReadingStopped.record(file, line: record?.location.line ?? line) }
    }

    private mutating func noteUnread(_ attributes: [XMLAttribute], owner: XMLName, line: Int) {
        for attribute in attributes where attribute.name.namespaceURI != Self.schemaInstanceNamespace {
            note(.attribute(attribute.name, owner: owner), line: line)
        }
    }

    private mutating func end(emit: (RawRecord) throws -> Void) throws {
        guard let frame = stack.popLast() else { return }
        if !stack.isEmpty, frame.isRecord || frame.isField || frame.wrapsSomethingRead {
            stack[stack.count - 1].wrapsSomethingRead = true
        }
        if frame.wrapsSomethingRead && !frame.isRecord && !frame.isField {
            wrapperNames.insert(frame.name)
        }
        if frame.isRecord {
            if frame.hasStrayText { note(.strayText(in: frame.name), line: frame.line) }
            if let finished = record {
                record = nil
                recordCount += 1
                try emit(finished)
            }
        } else if record != nil {
            if frame.isField {
                if frame.hasChildElements {
                    note(.structuredField(frame.name), line: frame.line)
                } else {
                    fieldsSeen.insert(frame.name.localName)
                    let text = frame.text.trimmingXMLWhitespace()
                    if !text.isEmpty {
                        record!.append(RawValue(text, at: SourceLocation(file: file, line: frame.line, field: frame.name.localName)),
                                       to: frame.name.localName)
                    }
                }
            } else if frame.wrapsSomethingRead {
                if frame.hasStrayText { note(.strayText(in: frame.name), line: frame.line) }
            } else {
                note(.element(frame.name), line: frame.line)
            }
        } else if frame.wrapsSomethingRead {
            if frame.hasStrayText { note(.strayText(in: frame.name), line: frame.line) }
        } else {
            note(.outsideRecords(frame.name), line: frame.line)
        }
    }

    private mutating func note(_ thing: Unread, line: Int) {
        if let earlier = unreadCandidates[thing], earlier <= line { return }
        unreadCandidates[thing] = line
    }
}

extension String {
    /// Whether the text is empty or only whitespace (XML's, and Unicode's such as no-break spaces).
    var isXMLWhitespace: Bool {
        // Indentation between elements is ASCII: decide on bytes, and on characters only otherwise.
        if utf8.allSatisfy(Self.isASCIIWhitespace) { return true }
        return allSatisfy(\.isWhitespace)
    }

    /// Without leading and trailing whitespace (spaces, tabs, line breaks, no-break spaces).
    func trimmingXMLWhitespace() -> String {
        let bytes = utf8
        // Fast path: both ends are ASCII (whitespace to drop, or a character that is not whitespace).
        if let first = bytes.firstIndex(where: { !Self.isASCIIWhitespace($0) }),
           let last = bytes.lastIndex(where: { !Self.isASCIIWhitespace($0) }),
           bytes[first] < 0x80, bytes[last] < 0x80 {
            if first == bytes.startIndex && bytes.index(after: last) == bytes.endIndex { return self }
            return String(self[first...last])
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
