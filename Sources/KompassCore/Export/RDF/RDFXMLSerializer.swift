/// Writes a graph as RDF/XML: one node element per subject (typed with its first `rdf:type` that has a
/// prefixed name, else `rdf:Description`), with `rdf:about` for an IRI and `rdf:nodeID` for a labelled
/// blank node; a blank node referred to once is written nested inside its property. Literals carry
/// `xml:lang` or `rdf:datatype`; all text and attribute values are escaped with `Escaping.xml`.
///
/// A predicate that has no bound prefix is given a namespace of its own (`ns1`, …); one that cannot be
/// an XML element name at all (no NCName at its end, or a reserved `rdf:` name) is an error, reported
/// before anything is written.
public struct RDFXMLSerializer: RDFSerializer {
    public init() {}

    public func write(_ graph: RDFGraph, to output: some RDFOutput) throws(RDFError) {
        let layout = RDFLayout(graph)
        let names = try Names(graph)
        var header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF"
        for prefix in names.namespaces {
            header += "\n    xmlns:\(prefix.name)=\"\(Escaping.xml(prefix.namespace.value))\""
        }
        header += ">\n"
        try output.emit(header)
        for root in layout.roots {
            try output.emit("\n" + nodeElement(root, depth: 1, layout: layout, names: names))
        }
        try output.emit("\n</rdf:RDF>\n")
    }

    private func nodeElement(_ node: RDFNode, depth: Int, layout: RDFLayout, names: Names) -> String {
        let pad = String(repeating: "  ", count: depth)
        var properties = layout.properties[node] ?? []
        var element = "rdf:Description"
        if let index = properties.firstIndex(where: { property in
            guard property.predicate == RDF.type, case .iri(let type) = property.object else { return false }
            return names.nodeElementName(type) != nil
        }), case .iri(let type) = properties[index].object {
            element = names.nodeElementName(type)!
            properties.remove(at: index)
        }
        var open = pad + "<" + element
        switch node {
        case .iri(let iri): open += " rdf:about=\"\(Escaping.xml(iri.value))\""
        case .blank(let blank) where !layout.nested.contains(blank): open += " rdf:nodeID=\"\(blank.label)\""
        case .blank: break
        }
        guard !properties.isEmpty else { return open + "/>\n" }
        var text = open + ">\n"
        for property in properties {
            text += propertyElement(property, depth: depth + 1, layout: layout, names: names)
        }
        return text + pad + "</" + element + ">\n"
    }

    private func propertyElement(_ property: RDFLayout.Property, depth: Int, layout: RDFLayout, names: Names) -> String {
        let pad = String(repeating: "  ", count: depth)
        let name = names.predicates[property.predicate]!
        switch property.object {
        case .iri(let iri):
            return pad + "<\(name) rdf:resource=\"\(Escaping.xml(iri.value))\"/>\n"
        case .blank(let blank) where layout.nested.contains(blank):
            return pad + "<\(name)>\n" + nodeElement(.blank(blank), depth: depth + 1, layout: layout, names: names)
                + pad + "</\(name)>\n"
        case .blank(let blank):
            return pad + "<\(name) rdf:nodeID=\"\(blank.label)\"/>\n"
        case .literal(let literal):
            var open = "<" + name
            if let language = literal.language {
                open += " xml:lang=\"\(language)\""
            } else if let datatype = literal.datatype {
                open += " rdf:datatype=\"\(Escaping.xml(datatype.value))\""
            }
            return pad + open + ">" + Escaping.xml(literal.lexicalForm) + "</\(name)>\n"
        }
    }

    /// The namespaces declared on `rdf:RDF` and the element name of every predicate.
    private struct Names {
        /// Names of the RDF namespace that are syntax, not properties or classes (RDF/XML §7.2.2–7.2.5).
        static let reserved: Set<String> = ["RDF", "Description", "ID", "about", "parseType", "resource", "nodeID",
                                            "datatype", "li", "aboutEach", "aboutEachPrefix", "bagID"]

        var namespaces: [RDFGraph.Prefix]
        var predicates: [IRI: String] = [:]

        init(_ graph: RDFGraph) throws(RDFError) {
            namespaces = graph.prefixes
            var generated = 0
            for triple in graph.triples where predicates[triple.predicate] == nil {
                let predicate = triple.predicate
                if let name = PrefixedName.split(predicate, prefixes: namespaces, isLocal: PrefixedName.isSimpleLocalName) {
                    guard Names.isWritable(name, as: predicate) else { throw .unwritablePredicate(predicate.value) }
                    predicates[predicate] = name.prefix + ":" + name.local
                    continue
                }
                // A namespace of its own: everything before the longest simple local name at the end.
                let value = predicate.value
                var start = value.endIndex
                while start > value.startIndex {
                    let previous = value.index(before: start)
                    guard PrefixedName.isSimpleLocalName("a" + value[previous...]) else { break }
                    start = previous
                }
                while start < value.endIndex, !PrefixedName.isSimpleLocalName(value[start...]) {
                    start = value.index(after: start)
                }
                guard start < value.endIndex, start > value.startIndex, let namespace = try? IRI(String(value[..<start])) else {
                    throw .unwritablePredicate(value)
                }
                var prefixName: String
                repeat {
                    generated += 1
                    prefixName = "ns\(generated)"
                } while namespaces.contains(where: { $0.name == prefixName })
                namespaces.append(RDFGraph.Prefix(name: prefixName, namespace: namespace))
                predicates[predicate] = prefixName + ":" + value[start...]
            }
        }

        /// The element name of a class for a typed node element, nil where `rdf:Description` and an
        /// `rdf:type` property must be written instead.
        func nodeElementName(_ type: IRI) -> String? {
            guard let name = PrefixedName.split(type, prefixes: namespaces, isLocal: PrefixedName.isSimpleLocalName),
                  Names.isWritable(name, as: type) else { return nil }
            return name.prefix + ":" + name.local
        }

        private static func isWritable(_ name: (prefix: String, local: String), as iri: IRI) -> Bool {
            !(iri.value.hasPrefix(RDF.namespace) && reserved.contains(String(iri.value.dropFirst(RDF.namespace.count))))
        }
    }
}
