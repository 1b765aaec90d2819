import Foundation
import Testing
@testable import KompassCore

/// Sample graphs shared by the serializer tests.
enum RDFSamples {
    static let ex = "http://example.org/ns#"

    static func ex(_ local: String) -> IRI { try! IRI(ex + local) }

    /// Text that needs escaping in every format: quotes, backslash, line breaks, tab, markup, non-ASCII.
    static let trickyText = "Zitat: \"a\" \\ b\nzweite Zeile\r\n\tTab & <tag attr='x'> – Grüezi «Basel» ✓ 😀"

    /// One IRI subject with a type, literals of every kind, an IRI needing XML escaping, a nested blank
    /// node (referred to once) and a shared one (referred to twice).
    static func graph() throws -> RDFGraph {
        var graph = RDFGraph()
        try graph.bind("ex", IRI(ex))
        try graph.bind("xsd", IRI(XSD.namespace))
        let thing = try IRI("http://example.org/thing?a=1&b=2")
        graph.add(thing, RDF.type, ex("Thing"))
        graph.add(thing, ex("label"), try RDFLiteral(trickyText, language: "de"))
        graph.add(thing, ex("label"), try RDFLiteral("Bâle", language: "fr"))
        graph.add(thing, ex("plain"), RDFLiteral("plain & simple"))
        graph.add(thing, ex("date"), RDFLiteral("2026-11-30", datatype: XSD.date))
        graph.add(thing, ex("size"), RDFLiteral("30754", datatype: XSD.decimal))
        graph.add(thing, ex("link"), try IRI("https://example.org/a b<c>\"d\"{e}|f^g`h\\i"))
        let nested = graph.newBlankNode()
        graph.add(thing, ex("contact"), nested)
        graph.add(nested, RDF.type, ex("Contact"))
        graph.add(nested, ex("name"), RDFLiteral("Open Data <Basel-Stadt>"))
        graph.add(nested, ex("mail"), try IRI("mailto:opendata@bs.ch"))
        let shared = graph.newBlankNode()
        graph.add(thing, ex("period"), shared)
        graph.add(try IRI("http://example.org/thing/2"), ex("period"), shared)
        graph.add(shared, ex("start"), RDFLiteral("2019-01-01", datatype: XSD.date))
        return graph
    }
}

@Suite("RDF model")
struct RDFModelTests {
    @Test func iriPercentEncodesWhatTurtleForbids() throws {
        #expect(try IRI("https://example.org/a b<c>").value == "https://example.org/a%20b%3Cc%3E")
        #expect(try IRI("https://example.org/\"{}|^`\\").value == "https://example.org/%22%7B%7D%7C%5E%60%5C")
        #expect(try IRI("https://example.org/x\ny\u{7F}").value == "https://example.org/x%0Ay%7F")
        // Allowed characters, %-escapes already there, and non-ASCII stay as they are.
        #expect(try IRI("https://example.org/a%20b?q=1&r=ä#frag").value == "https://example.org/a%20b?q=1&r=ä#frag")
        #expect(try IRI("mailto:opendata@bs.ch").value == "mailto:opendata@bs.ch")
    }

    @Test func iriMustBeAbsolute() {
        #expect(throws: RDFError.relativeIRI("dataset/x")) { try IRI("dataset/x") }
        #expect(throws: RDFError.relativeIRI("")) { try IRI("") }
        #expect(throws: RDFError.relativeIRI(":x")) { try IRI(":x") }
        #expect(throws: RDFError.relativeIRI("1http://x")) { try IRI("1http://x") }
        #expect(throws: RDFError.relativeIRI("/a:b")) { try IRI("/a:b") }
        #expect((try? IRI("urn:x-kompass:1")) != nil)
    }

    @Test func appendingEncodesTheSuffixToo() throws {
        #expect(try IRI("https://example.org/dataset").appending("/x y").value == "https://example.org/dataset/x%20y")
    }

    @Test func languageTagsAreCheckedAndLowercased() throws {
        #expect(try RDFLiteral("x", language: "DE").language == "de")
        #expect(try RDFLiteral("x", language: "de-CH").language == "de-ch")
        for bad in ["", "de_CH", "de-", "-de", "d e", "deutschland1", "de@x"] {
            #expect(throws: RDFError.invalidLanguageTag(bad)) { try RDFLiteral("x", language: bad) }
        }
    }

    @Test func literalsHoldOnlyWhatXMLCanCarry() throws {
        #expect(RDFLiteral("a\u{0}b\u{1}c\u{1B}d\u{FFFE}e").lexicalForm == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
        #expect(RDFLiteral("tab\tlf\ncr\r").lexicalForm == "tab\tlf\ncr\r")
        #expect(try RDFLiteral("a\u{1}", language: "de").lexicalForm == "a\u{FFFD}")
    }

    @Test func xsdStringIsAPlainLiteral() {
        #expect(RDFLiteral("x", datatype: XSD.string) == RDFLiteral("x"))
        #expect(RDFLiteral("x", datatype: XSD.date).datatype == XSD.date)
    }

    @Test func triplesKeepTheirOrderAndAreKeptOnce() throws {
        var graph = RDFGraph()
        let a = try IRI("http://example.org/a")
        let p = try IRI("http://example.org/p")
        graph.add(a, p, RDFLiteral("2"))
        graph.add(a, p, RDFLiteral("1"))
        graph.add(a, p, RDFLiteral("2"))
        #expect(graph.count == 2)
        #expect(graph.objects(a, p) == [.literal(RDFLiteral("2")), .literal(RDFLiteral("1"))])
        #expect(graph.subjects(p, RDFLiteral("1")) == [.iri(a)])
    }

    @Test func blankNodesAreDistinctAndLabelledInOrder() {
        var graph = RDFGraph()
        let first = graph.newBlankNode()
        let second = graph.newBlankNode()
        #expect(first != second)
        #expect([first.label, second.label] == ["b0", "b1"])
    }

    @Test func prefixesAreCheckedAndBoundOnce() throws {
        var graph = RDFGraph()
        let ns = try IRI("http://example.org/ns#")
        try graph.bind("ex", ns)
        try graph.bind("ex", ns)  // the same binding again is fine
        #expect(graph.prefixes.map(\.name) == ["rdf", "ex"])
        #expect(throws: RDFError.self) { try graph.bind("ex", IRI("http://example.org/other#")) }
        #expect(throws: RDFError.self) { try graph.bind("ex2", ns) }
        for bad in ["", "1ex", "e x", "e.x", "e:x", "xmlfoo", "XML", "_x"] {
            #expect(throws: RDFError.self, "\(bad)") { try graph.bind(bad, IRI("http://example.org/\(graph.prefixes.count)#")) }
        }
    }

    @Test func layoutNestsBlankNodesReferredToOnceAndLabelsTheOthers() throws {
        let graph = try RDFSamples.graph()
        let layout = RDFLayout(graph)
        #expect(layout.nested == [BlankNode(id: 0)])
        #expect(layout.roots.count == 3)  // the thing, thing/2 and the shared blank node
        #expect(layout.roots.contains(.blank(BlankNode(id: 1))))
    }

    @Test func layoutBreaksCyclesOfBlankNodes() throws {
        var graph = RDFGraph()
        let p = try IRI("http://example.org/p")
        let a = graph.newBlankNode()
        let b = graph.newBlankNode()
        let c = graph.newBlankNode()
        graph.add(a, p, b)
        graph.add(b, p, c)
        graph.add(c, p, a)
        let self_ = graph.newBlankNode()
        graph.add(self_, p, self_)
        let layout = RDFLayout(graph)
        #expect(layout.roots == [.blank(a), .blank(self_)])
        #expect(layout.nested == [b, c])
    }
}
