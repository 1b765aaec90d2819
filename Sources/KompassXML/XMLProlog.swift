internal import CLibXML2

/// Finds a document type declaration (DOCTYPE) in a document's prolog, as the bytes pass on their
/// way to the reader and before libxml2's reader sees them.
///
/// Why: in libxml2 2.9.14, once a schema is attached to a text reader, the parser hands the text of
/// every internal entity reference to the validator and the tree again and again (a few kilobytes of
/// `&big;` become gigabytes, the quadratic blow-up), whatever the parse options. Entities can only be
/// declared in a DOCTYPE, and a DOCTYPE can only stand before the first element: a document whose
/// prolog has none cannot expand anything, and one that has one is read without the schema.
///
/// The check is libxml2's own push parser with a SAX handler that stores nothing (no entity is even
/// recorded) and stops at the DOCTYPE or the first start tag, so it sees the document exactly as the
/// reader does, in any encoding. `XMLStreamReader` feeds it the source's first bytes, keeps them, and
/// decides whether to attach the schema before it hands them to the reader: the source is read once.
enum XMLProlog {
    struct Position: Equatable {
        var line: Int
        var column: Int?
    }

    /// How many bytes the reader asks its source for at a time while the prolog is being scanned.
    static let chunkSize = 4096

    /// The most bytes kept before the first element. A longer prolog (it can only be comments,
    /// processing instructions and white space, or a DOCTYPE) is not scanned to its end, and the
    /// document is then read without its schema.
    static let limit = 1 << 20

    /// Scans the prolog chunk by chunk, until it knows: the DOCTYPE's position, or that there is none
    /// (the first element started, the input ended, or the prolog is not well-formed).
    final class Scanner {
        /// Where the DOCTYPE starts, once found.
        private(set) var doctype: Position?
        /// Whether the scan is over: `doctype` is then final.
        private(set) var isDecided = false
        private var parser: xmlParserCtxtPtr?
        /// The first bytes, until there are four of them (libxml2 detects the encoding from four).
        private var start: [UInt8] = []

        deinit {
            if let parser { xmlFreeParserCtxt(parser) }
        }

        /// Takes the next bytes of the document.
        func feed(_ chunk: UnsafeRawBufferPointer) {
            guard !isDecided, chunk.count > 0 else { return }
            if let parser {
                let base = chunk.baseAddress!.assumingMemoryBound(to: CChar.self)
                xmlParseChunk(parser, base, Int32(chunk.count), 0)
            } else {
                start.append(contentsOf: chunk)
                guard start.count >= 4 else { return }
                begin(terminate: false)
            }
            settle()
        }

        /// The document ended.
        func finish() {
            guard !isDecided else { return }
            if let parser {
                xmlParseChunk(parser, nil, 0, 1)
            } else if !start.isEmpty {
                begin(terminate: true)
            }
            isDecided = true
            settle()
        }

        private func begin(terminate: Bool) {
            var handler = xmlSAXHandler()
            handler.initialized = XML_SAX2_MAGIC
            handler.internalSubset = { context, _, _, _ in
                guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let owner = parser.pointee._private else { return }
                Unmanaged<Scanner>.fromOpaque(owner).takeUnretainedValue().doctype = XMLProlog.declarationStart(parser)
                xmlStopParser(parser)
            }
            handler.startElementNs = { context, _, _, _, _, _, _, _, _ in
                guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
                xmlStopParser(parser)
            }
            // Problems are the reader's to report; this pass only looks for the DOCTYPE.
            handler.serror = { _, _ in }
            // libxml2 copies the handler into the context.
            let created = withUnsafeMutablePointer(to: &handler) { sax in
                start.withUnsafeBufferPointer { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        xmlCreatePushParserCtxt(sax, nil, chars.baseAddress, Int32(chars.count), nil)
                    }
                }
            }
            start = []
            guard let created else {
                isDecided = true
                return
            }
            parser = created
            created.pointee._private = Unmanaged.passUnretained(self).toOpaque()
            xmlCtxtUseOptions(created, XMLLibrary.safeOptions)
            // The bytes given at creation are only stored: parse them now.
            xmlParseChunk(created, nil, 0, terminate ? 1 : 0)
        }

        /// Ends the scan once the parser stopped (DOCTYPE, first element, fatal error).
        private func settle() {
            if let parser, isDecided || Scanner.isStopped(parser) {
                isDecided = true
                xmlFreeParserCtxt(parser)
                self.parser = nil
            }
        }

        private static func isStopped(_ parser: xmlParserCtxtPtr) -> Bool {
            parser.pointee.instate == XML_PARSER_EOF || parser.pointee.disableSAX != 0
        }
    }

    /// Where `<!DOCTYPE` starts: the parser is past the name and identifiers when it reports the
    /// declaration, so look back in its (UTF-8) buffer; its own position if the start is gone.
    static func declarationStart(_ parser: xmlParserCtxtPtr) -> Position {
        guard let input = parser.pointee.input, let base = input.pointee.base, let current = input.pointee.cur else {
            return Position(line: 0, column: nil)
        }
        let here = Position(line: Int(input.pointee.line), column: Int(input.pointee.col))
        let keyword = Array("<!DOCTYPE".utf8)
        var start = current
        var newlines = 0
        while true {
            if current - start >= keyword.count, (0..<keyword.count).allSatisfy({ start[$0] == keyword[$0] }) {
                // The column: characters (UTF-8 lead bytes) since the previous line break, when it is still there.
                var column = 1
                var cursor = start
                while cursor > base, (cursor - 1).pointee != UInt8(ascii: "\n") {
                    cursor -= 1
                    if cursor.pointee & 0xC0 != 0x80 { column += 1 }
                }
                let line = here.line - newlines
                return Position(line: line, column: cursor == base && line > 1 ? nil : column)
            }
            if start == base { return here }
            start -= 1
            if start.pointee == UInt8(ascii: "\n") { newlines += 1 }
        }
    }
}
