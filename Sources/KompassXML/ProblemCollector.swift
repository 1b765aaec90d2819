internal import CLibXML2

/// Collects libxml2's structured errors (reached from C callbacks) and the reader's own problems.
///
/// It keeps at most `limit` problems, so that a large document with the same mistake in every
/// record cannot make memory grow without bound; the rest are only counted.
final class ProblemCollector {
    private(set) var problems: [XMLProblem] = []
    /// How many problems arrived after `limit` was reached.
    private(set) var droppedCount = 0
    /// Whether any problem of kind `.syntax` or `.entity` arrived (kept or dropped).
    private(set) var hasParseProblem = false
    let limit: Int

    init(limit: Int = Int.max) {
        self.limit = limit
    }

    /// The pointer handed to libxml2 as callback context. The collector must outlive every use.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    /// The C callback for `xmlStructuredErrorFunc`: `userData` is a collector's `context`.
    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<ProblemCollector>.fromOpaque(userData).takeUnretainedValue().add(error.pointee)
    }

    func add(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while let last = message.last, last == "\n" || last == " " { message.removeLast() }
        // libxml2 follows an invalid value that an identity constraint (xs:unique, xs:key) covers with
        // this internal note; the invalid value itself was reported just before.
        if message.contains("No precomputed value available") { return }
        let column = error.int2 > 0 ? Int(error.int2) : nil
        append(XMLProblem(line: Int(error.line), column: column, message: message, kind: Self.kind(of: error)))
    }

    func append(_ problem: XMLProblem) {
        if problem.kind == .syntax || problem.kind == .entity { hasParseProblem = true }
        if problems.count < limit {
            problems.append(problem)
        } else {
            droppedCount += 1
        }
    }

    /// Runs `body` with this collector as the thread's global structured error handler, then puts
    /// back the handler that was there. `body` must be synchronous (no suspension point), so that
    /// it runs on one thread and no other code sees the handler.
    func capturingGlobalErrors<T>(_ body: () throws -> T) rethrows -> T {
        let saved = kompass_currentStructuredErrorState()
        xmlSetStructuredErrorFunc(context, ProblemCollector.handler)
        defer { kompass_restoreStructuredErrorState(saved) }
        return try body()
    }

    private static func kind(of error: xmlError) -> XMLProblem.Kind {
        let domain = UInt32(bitPattern: error.domain)
        if domain == XML_FROM_SCHEMASV.rawValue || domain == XML_FROM_SCHEMASP.rawValue {
            return .schema
        }
        if entityErrorCodes.contains(UInt32(bitPattern: error.code)) { return .entity }
        // libxml2's warnings leave the document well-formed (XML 1.1 in the declaration, a relative namespace
        // name, an unknown xml:space value): they are not syntax errors.
        return error.level == XML_ERR_WARNING ? .warning : .syntax
    }

    /// The parser's error codes that concern entities (references, declarations, expansion).
    private static let entityErrorCodes: Set<UInt32> = {
        let codes: [xmlParserErrors] = [
            XML_ERR_ENTITYREF_AT_EOF, XML_ERR_ENTITYREF_IN_PROLOG, XML_ERR_ENTITYREF_IN_EPILOG,
            XML_ERR_ENTITYREF_IN_DTD, XML_ERR_PEREF_AT_EOF, XML_ERR_PEREF_IN_PROLOG, XML_ERR_PEREF_IN_EPILOG,
            XML_ERR_PEREF_IN_INT_SUBSET, XML_ERR_ENTITYREF_NO_NAME, XML_ERR_ENTITYREF_SEMICOL_MISSING,
            XML_ERR_PEREF_NO_NAME, XML_ERR_PEREF_SEMICOL_MISSING, XML_ERR_UNDECLARED_ENTITY,
            XML_WAR_UNDECLARED_ENTITY, XML_ERR_UNPARSED_ENTITY, XML_ERR_ENTITY_IS_EXTERNAL,
            XML_ERR_ENTITY_IS_PARAMETER, XML_ERR_ENTITY_NOT_STARTED, XML_ERR_ENTITY_NOT_FINISHED,
            XML_ERR_EXT_ENTITY_STANDALONE, XML_ERR_ENTITY_CHAR_ERROR, XML_ERR_ENTITY_PE_INTERNAL,
            XML_ERR_ENTITY_LOOP, XML_ERR_ENTITY_BOUNDARY, XML_ERR_ENTITY_PROCESSING, XML_WAR_ENTITY_REDEFINED,
            XML_DTD_UNKNOWN_ENTITY,
        ]
        return Set(codes.map(\.rawValue))
    }()
}
