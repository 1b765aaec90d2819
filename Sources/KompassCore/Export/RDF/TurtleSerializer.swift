/// Writes a graph as Turtle (RDF 1.1): the graph's prefixes, then each subject with its properties
/// in the graph's order. A blank node referred to once is written nested (`[ … ]`), any other with
/// its label (`_:b0`). IRIs are written in full (`<…>`) unless a bound prefix abbreviates them to a
/// simple local name; strings are quoted with `\"`, `\\`, `\n`, `\r`, `\t` and `\uXXXX` escapes.
public struct TurtleSerializer: RDFSerializer {
    public init() {}

    public func write(_ graph: RDFGraph, to output: some RDFOutput) throws(RDFError) {
        let layout = RDFLayout(graph)
        let names = Names(prefixes: graph.prefixes)
        try output.emit(graph.prefixes.map { "@prefix \($0.name): <\($0.namespace.value)> .\n" }.joined())
        for root in layout.roots {
            let subject = switch root {
            case .iri(let iri): names.iri(iri)
            case .blank(let node): "_:" + node.label
            }
            try output.emit("\n" + subject + "\n" + properties(of: root, depth: 1, layout: layout, names: names) + " .\n")
        }
    }

    private func properties(of node: RDFNode, depth: Int, layout: RDFLayout, names: Names) -> String {
        let pad = String(repeating: "    ", count: depth)
        // Consecutive values of one predicate form an object list: on one line when it is short,
        // else one value a line.
        var groups: [(predicate: IRI, objects: [String])] = []
        for property in layout.properties[node] ?? [] {
            let text = object(property.object, depth: depth, layout: layout, names: names)
            if groups.last?.predicate == property.predicate {
                groups[groups.count - 1].objects.append(text)
            } else {
                groups.append((property.predicate, [text]))
            }
        }
        return groups.map { group in
            let verb = group.predicate == RDF.type ? "a" : names.iri(group.predicate)
            let line = pad + verb + " " + group.objects.joined(separator: ", ")
            if group.objects.count == 1 || (line.count <= 100 && !line.contains("\n")) { return line }
            return pad + verb + " " + group.objects.joined(separator: ",\n" + pad + "    ")
        }.joined(separator: " ;\n")
    }

    private func object(_ term: RDFTerm, depth: Int, layout: RDFLayout, names: Names) -> String {
        switch term {
        case .iri(let iri):
            return names.iri(iri)
        case .blank(let node) where layout.nested.contains(node):
            guard layout.properties[.blank(node)] != nil else { return "[]" }
            return "[\n" + properties(of: .blank(node), depth: depth + 1, layout: layout, names: names) + "\n"
                + String(repeating: "    ", count: depth) + "]"
        case .blank(let node):
            return "_:" + node.label
        case .literal(let literal):
            var text = TurtleSerializer.quoted(literal.lexicalForm)
            if let language = literal.language {
                text += "@" + language
            } else if let datatype = literal.datatype {
                text += "^^" + names.iri(datatype)
            }
            return text
        }
    }

    /// A Turtle string literal (`"…"`) with its quotes.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// IRIs as prefixed names where a bound prefix gives a simple local name, else `<…>`.
    private struct Names {
        let prefixes: [RDFGraph.Prefix]

        func iri(_ iri: IRI) -> String {
            if let name = PrefixedName.split(iri, prefixes: prefixes, isLocal: PrefixedName.isSimpleLocalName) {
                return name.prefix + ":" + name.local
            }
            return "<" + iri.value + ">"
        }
    }
}
