internal import CLibXML2

/// A compiled W3C XML Schema (XSD 1.0), ready to validate documents while they stream
/// (see `XMLStreamReader.init(path:schema:)`).
///
/// It is compiled from the XSD's bytes, never from a path: the process-wide entity loader refuses
/// every file and network access, so the schema must be self-contained (no `xs:include`,
/// `xs:import` or `xs:redefine` of other files). A compiled schema is immutable: one instance can
/// be shared by any number of readers, in any number of tasks.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr
    /// The name given at compilation, e.g. the XSD's path.
    public let name: String

    /// Compiles an XSD.
    /// - Parameters:
    ///   - bytes: the XSD document.
    ///   - name: how messages name the schema, e.g. its path.
    /// - Throws: `XMLSchemaError` with every problem libxml2 reported, each with its line.
    public init(bytes: [UInt8], name: String) throws(XMLSchemaError) {
        XMLLibrary.initialise()
        self.name = name
        guard !bytes.isEmpty else {
            throw XMLSchemaError(name: name, problems: [XMLProblem(line: 0, column: nil, message: "the schema is empty", kind: .schema)])
        }
        let collector = ProblemCollector()
        // The XSD document's own parse errors go to the global handler; the schema parser's to its own.
        let compiled: xmlSchemaPtr? = collector.capturingGlobalErrors {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    guard let parser = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                    defer { xmlSchemaFreeParserCtxt(parser) }
                    xmlSchemaSetParserStructuredErrors(parser, ProblemCollector.handler, collector.context)
                    return xmlSchemaParse(parser)
                }
            }
        }
        // libxml2 returns no schema when it reported an error; warnings alone do not stop it.
        guard let compiled else {
            var problems = collector.problems
            if problems.isEmpty {
                problems.append(XMLProblem(line: 0, column: nil, message: "the schema does not compile", kind: .schema))
            }
            throw XMLSchemaError(name: name, problems: problems)
        }
        pointer = compiled
    }

    deinit {
        xmlSchemaFree(pointer)
    }
}

/// Why an XSD could not be compiled: every problem libxml2 reported, with its line.
public struct XMLSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name the schema was given, e.g. its path.
    public var name: String
    public var problems: [XMLProblem]

    public init(name: String, problems: [XMLProblem]) {
        self.name = name
        self.problems = problems
    }

    public var description: String {
        "the XML schema \(name) does not compile: " + problems.map { "line \($0.description)" }.joined(separator: "; ")
    }
}
