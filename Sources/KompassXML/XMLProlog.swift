internal import CLibXML2
#if canImport(Glibc)
internal import Glibc
#endif

/// Finds a document type declaration (DOCTYPE) by parsing only the document's prolog, before the
/// real read starts.
///
/// Why: in libxml2 2.9.14, once a schema is attached to a text reader, the parser hands the text of
/// every internal entity reference to the validator and the tree again and again (a few kilobytes of
/// `&big;` become gigabytes, the quadratic blow-up), whatever the parse options. Entities can only be
/// declared in a DOCTYPE, and a DOCTYPE can only stand before the first element: a document whose
/// prolog has none cannot expand anything, and one that has one is read without the schema.
///
/// The check is libxml2's own push parser with a SAX handler that stores nothing (no entity is even
/// recorded) and stops at the DOCTYPE or the first start tag, so it sees the document exactly as the
/// reader does, in any encoding, and costs one small chunk for a document without DOCTYPE.
enum XMLProlog {
    struct Position: Equatable {
        var line: Int
        var column: Int?
    }

    static let chunkSize = 4096

    /// The DOCTYPE's position in the file at `path`, or nil when it has none (or cannot be opened:
    /// the reader reports that).
    static func doctype(path: String) -> Position? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [CChar](repeating: 0, count: chunkSize)
        return scan { () -> ArraySlice<CChar>? in
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
                if count < 0 && errno == EINTR { continue }
                return count > 0 ? buffer[0..<count] : nil
            }
        }
    }

    /// The DOCTYPE's position in a document held in memory, or nil when it has none.
    static func doctype(bytes: UnsafeBufferPointer<CChar>) -> Position? {
        var offset = 0
        return scan { () -> ArraySlice<CChar>? in
            guard offset < bytes.count else { return nil }
            let end = min(offset + chunkSize, bytes.count)
            defer { offset = end }
            return ArraySlice(bytes[offset..<end])
        }
    }

    private final class State {
        var doctype: Position?
    }

    private static func scan(_ nextChunk: () -> ArraySlice<CChar>?) -> Position? {
        let state = State()
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.internalSubset = { context, _, _, _ in
            guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let owner = parser.pointee._private else { return }
            Unmanaged<State>.fromOpaque(owner).takeUnretainedValue().doctype = XMLProlog.declarationStart(parser)
            xmlStopParser(parser)
        }
        handler.startElementNs = { context, _, _, _, _, _, _, _, _ in
            guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
            xmlStopParser(parser)
        }
        // Problems are the reader's to report; this pass only looks for the DOCTYPE.
        handler.serror = { _, _ in }

        guard let first = nextChunk() else { return nil }
        let created = withUnsafeMutablePointer(to: &handler) { sax in
            first.withUnsafeBufferPointer { chunk in
                xmlCreatePushParserCtxt(sax, nil, chunk.baseAddress, Int32(chunk.count), nil)
            }
        }
        guard let parser = created else { return nil }
        defer { xmlFreeParserCtxt(parser) }
        parser.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        xmlCtxtUseOptions(parser, XMLLibrary.safeOptions)
        while !isStopped(parser) {
            guard let chunk = nextChunk() else {
                xmlParseChunk(parser, nil, 0, 1)
                break
            }
            chunk.withUnsafeBufferPointer { _ = xmlParseChunk(parser, $0.baseAddress, Int32($0.count), 0) }
        }
        return state.doctype
    }

    private static func isStopped(_ parser: xmlParserCtxtPtr) -> Bool {
        parser.pointee.instate == XML_PARSER_EOF || parser.pointee.disableSAX != 0
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
