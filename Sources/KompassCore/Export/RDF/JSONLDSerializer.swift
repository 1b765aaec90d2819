/// Writes a graph as JSON-LD in flattened form: an inline `@context` of prefixes only, and a `@graph`
/// array with one node object per subject (blank nodes as `_:b0`), each property's values in an array
/// of `{"@id": …}` references and `{"@value": …}` objects with `@language` or `@type`.
///
/// Nothing depends on the context but the abbreviation of keys, types and datatypes: `@id` values are
/// always full IRIs. A prefix is left out of the context when an IRI of the graph has a scheme of the
/// same name (`@id` "dct:x" would otherwise be read as a compact IRI), and when its namespace does not
/// end in a character JSON-LD 1.1 accepts as the end of a prefix (`/`, `#`, `:`, `?`, `[`, `]`, `@`).
public struct JSONLDSerializer: RDFSerializer {
    public init() {}

    public func write(_ graph: RDFGraph, to output: some RDFOutput) throws(RDFError) {
        let layout = RDFLayout(graph)
        let prefixes = JSONLDSerializer.contextPrefixes(graph)
        let q = Escaping.json
        var head = "{\n  \"@context\": {"
        head += prefixes.map { "\n    \(q($0.name)): \(q($0.namespace.value))" }.joined(separator: ",")
        head += prefixes.isEmpty ? "},\n" : "\n  },\n"
        head += "  \"@graph\": ["
        try output.emit(head)
        for (index, subject) in layout.subjects.enumerated() {
            try output.emit((index == 0 ? "\n" : ",\n") + node(subject, layout: layout, prefixes: prefixes))
        }
        try output.emit(layout.subjects.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    private func node(_ subject: RDFNode, layout: RDFLayout, prefixes: [RDFGraph.Prefix]) -> String {
        let q = Escaping.json
        var types: [String] = []
        var keys: [String] = []
        var values: [String: [String]] = [:]
        for property in layout.properties[subject] ?? [] {
            if property.predicate == RDF.type, case .iri(let type) = property.object {
                types.append(q(JSONLDSerializer.compact(type, prefixes)))
                continue
            }
            let key = JSONLDSerializer.compact(property.predicate, prefixes)
            if values[key] == nil { keys.append(key) }
            values[key, default: []].append(value(property.object, prefixes: prefixes))
        }
        var members = ["      \"@id\": " + q(JSONLDSerializer.identifier(subject))]
        if !types.isEmpty {
            members.append("      \"@type\": [" + types.joined(separator: ", ") + "]")
        }
        for key in keys {
            members.append("      \(q(key)): [\n" + values[key]!.map { "        " + $0 }.joined(separator: ",\n") + "\n      ]")
        }
        return "    {\n" + members.joined(separator: ",\n") + "\n    }"
    }

    private func value(_ term: RDFTerm, prefixes: [RDFGraph.Prefix]) -> String {
        let q = Escaping.json
        switch term {
        case .iri(let iri): return "{\"@id\": \(q(iri.value))}"
        case .blank(let node): return "{\"@id\": \(q("_:" + node.label))}"
        case .literal(let literal):
            var text = "{\"@value\": \(q(literal.lexicalForm))"
            if let language = literal.language {
                text += ", \"@language\": \(q(language))"
            } else if let datatype = literal.datatype {
                text += ", \"@type\": \(q(JSONLDSerializer.compact(datatype, prefixes)))"
            }
            return text + "}"
        }
    }

    private static func identifier(_ node: RDFNode) -> String {
        switch node {
        case .iri(let iri): iri.value
        case .blank(let blank): "_:" + blank.label
        }
    }

    /// `prefix:local` where a context prefix gives a simple local name, else the full IRI.
    static func compact(_ iri: IRI, _ prefixes: [RDFGraph.Prefix]) -> String {
        if let name = PrefixedName.split(iri, prefixes: prefixes, isLocal: PrefixedName.isSimpleLocalName) {
            return name.prefix + ":" + name.local
        }
        return iri.value
    }

    /// The graph's prefixes that are safe to put into the context (see the type's comment).
    static func contextPrefixes(_ graph: RDFGraph) -> [RDFGraph.Prefix] {
        var schemes: Set<Substring> = []
        for triple in graph.triples {
            if case .iri(let iri) = triple.subject { schemes.insert(iri.scheme) }
            schemes.insert(triple.predicate.scheme)
            switch triple.object {
            case .iri(let iri): schemes.insert(iri.scheme)
            case .literal(let literal): if let datatype = literal.datatype { schemes.insert(datatype.scheme) }
            case .blank: break
            }
        }
        let delimiters: Set<Character> = ["/", "#", ":", "?", "[", "]", "@"]
        return graph.prefixes.filter { prefix in
            !schemes.contains(Substring(prefix.name)) && prefix.namespace.value.last.map(delimiters.contains) == true
        }
    }
}
