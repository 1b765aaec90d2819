/// A set of triples in a deterministic order (the order they were added; a triple added again is
/// kept once), with the prefixes the serializers abbreviate IRIs with.
///
/// The same graph written by `RDFXMLSerializer`, `TurtleSerializer` and `JSONLDSerializer` gives
/// the same triples; blank node labels are the graph's own (`b0`, `b1`, …).
public struct RDFGraph: Sendable {
    public struct Prefix: Sendable, Equatable {
        public let name: String
        public let namespace: IRI
    }

    /// The bound prefixes, in the order they were bound; `rdf` is always the first.
    public private(set) var prefixes: [Prefix] = [Prefix(name: "rdf", namespace: IRI(constant: RDF.namespace))]
    public private(set) var triples: [RDFTriple] = []
    private var members: Set<RDFTriple> = []
    private var blankNodeCount = 0

    public init() {}

    public var count: Int { triples.count }

    /// Binds `name` to `namespace`. A name is ASCII letters, digits, `-` and `_`, starting with a letter
    /// and not with `xml` (so that it is a prefix in Turtle, XML and JSON-LD alike); a name or a namespace
    /// is bound once.
    public mutating func bind(_ name: String, _ namespace: IRI) throws(RDFError) {
        guard let first = name.utf8.first, (65...90).contains(first) || (97...122).contains(first),
              name.utf8.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) || (48...57).contains($0)
                  || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else {
            throw .invalidPrefix(name, reason: "a prefix is a letter followed by letters, digits, '-' or '_'")
        }
        guard !name.lowercased().hasPrefix("xml") else { throw .invalidPrefix(name, reason: "names starting with 'xml' are reserved") }
        if let bound = prefixes.first(where: { $0.name == name }) {
            guard bound.namespace == namespace else { throw .invalidPrefix(name, reason: "already bound to <\(bound.namespace)>") }
            return
        }
        if let bound = prefixes.first(where: { $0.namespace == namespace }) {
            throw .invalidPrefix(name, reason: "<\(namespace)> is already bound to '\(bound.name)'")
        }
        prefixes.append(Prefix(name: name, namespace: namespace))
    }

    /// A blank node that no other node of this graph shares.
    public mutating func newBlankNode() -> BlankNode {
        defer { blankNodeCount += 1 }
        return BlankNode(id: blankNodeCount)
    }

    public mutating func add(_ subject: some RDFSubjectConvertible, _ predicate: IRI, _ object: some RDFObjectConvertible) {
        let triple = RDFTriple(subject.rdfNode, predicate, object.rdfTerm)
        if members.insert(triple).inserted { triples.append(triple) }
    }

    public func contains(_ triple: RDFTriple) -> Bool { members.contains(triple) }

    /// The objects of `subject`'s `predicate`, in order.
    public func objects(_ subject: some RDFSubjectConvertible, _ predicate: IRI) -> [RDFTerm] {
        let node = subject.rdfNode
        return triples.filter { $0.subject == node && $0.predicate == predicate }.map(\.object)
    }

    /// The subjects that have `predicate` `object`, in order.
    public func subjects(_ predicate: IRI, _ object: some RDFObjectConvertible) -> [RDFNode] {
        let term = object.rdfTerm
        return triples.filter { $0.predicate == predicate && $0.object == term }.map(\.subject)
    }
}

/// How the serializers lay a graph out: each subject once with its properties in order, and the
/// blank nodes that are written nested inside the one property that refers to them
/// (Turtle `[ … ]`, a nested node element in RDF/XML); every other blank node is written with its label.
struct RDFLayout {
    struct Property {
        let predicate: IRI
        let object: RDFTerm
    }

    /// Subjects in the order they first appear.
    let subjects: [RDFNode]
    let properties: [RDFNode: [Property]]
    /// Blank nodes written nested where they are referenced, never on their own.
    let nested: Set<BlankNode>
    /// Subjects written on their own (top level), in order.
    var roots: [RDFNode] { subjects.filter { if case .blank(let node) = $0 { !nested.contains(node) } else { true } } }

    init(_ graph: RDFGraph) {
        var subjects: [RDFNode] = []
        var properties: [RDFNode: [Property]] = [:]
        var references: [BlankNode: Int] = [:]
        var referrer: [BlankNode: RDFNode] = [:]
        for triple in graph.triples {
            if properties[triple.subject] == nil { subjects.append(triple.subject) }
            properties[triple.subject, default: []].append(Property(predicate: triple.predicate, object: triple.object))
            if case .blank(let node) = triple.object {
                references[node, default: 0] += 1
                referrer[node] = triple.subject
            }
        }
        // Candidates: referenced exactly once, and not by themselves.
        var candidates = Set(references.filter { $0.value == 1 && referrer[$0.key] != .blank($0.key) }.map(\.key))
        // A candidate is nested when a root reaches it; candidates that only reach each other (a cycle)
        // get a root of their own: the first of them in subject order, until every subject is reached.
        var reached: Set<RDFNode> = []
        func reach(_ node: RDFNode) {
            guard reached.insert(node).inserted else { return }
            for property in properties[node] ?? [] {
                if case .blank(let child) = property.object, candidates.contains(child) { reach(.blank(child)) }
            }
        }
        for subject in subjects {
            if case .blank(let node) = subject, candidates.contains(node) { continue }
            reach(subject)
        }
        while let orphan = subjects.first(where: { !reached.contains($0) }) {
            if case .blank(let node) = orphan { candidates.remove(node) }
            reach(orphan)
        }
        self.subjects = subjects
        self.properties = properties
        self.nested = candidates
    }
}
