/// Where a serializer writes its text: a file (`ByteFileWriter`) or a string (`RDFStringOutput`).
public protocol RDFOutput: AnyObject {
    func write(_ text: String) throws(IOError)
}

extension ByteFileWriter: RDFOutput {}

/// Collects the serialized text in memory (tests, small documents).
public final class RDFStringOutput: RDFOutput {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }
}

extension RDFOutput {
    /// Writes, wrapping a failure as `RDFError.output`.
    func emit(_ text: String) throws(RDFError) {
        do {
            try write(text)
        } catch {
            throw .output(error)
        }
    }
}

/// A serializer of a whole graph.
public protocol RDFSerializer: Sendable {
    func write(_ graph: RDFGraph, to output: some RDFOutput) throws(RDFError)
}

extension RDFSerializer {
    /// The serialized graph as a string.
    public func string(_ graph: RDFGraph) throws(RDFError) -> String {
        let output = RDFStringOutput()
        try write(graph, to: output)
        return output.text
    }
}

/// How IRIs are abbreviated with a graph's prefixes.
enum PrefixedName {
    /// `prefix` + `local` for `iri`, choosing the longest bound namespace whose remainder `isLocal` accepts.
    static func split(_ iri: IRI, prefixes: [RDFGraph.Prefix], isLocal: (Substring) -> Bool) -> (prefix: String, local: String)? {
        var best: (prefix: String, local: String, length: Int)?
        for prefix in prefixes where iri.value.hasPrefix(prefix.namespace.value) {
            let local = iri.value.dropFirst(prefix.namespace.value.count)
            let length = prefix.namespace.value.count
            if isLocal(local), best == nil || length > best!.length {
                best = (prefix.name, String(local), length)
            }
        }
        return best.map { ($0.prefix, $0.local) }
    }

    /// A conservative local name that Turtle, XML (NCName) and JSON-LD all accept:
    /// an ASCII letter or `_`, then ASCII letters, digits, `_` and `-`.
    static func isSimpleLocalName(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return text.utf8.allSatisfy { isLetter($0) || (48...57).contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
}
