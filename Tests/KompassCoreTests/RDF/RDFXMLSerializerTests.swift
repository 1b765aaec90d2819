import Foundation
import Testing
import KompassXML
@testable import KompassCore

@Suite("RDF/XML serializer")
struct RDFXMLSerializerTests {
    /// The document's events; fails on any well-formedness problem.
    static func events(_ text: String) throws -> [XMLEvent] {
        let reader = try XMLStreamReader(bytes: Array(text.utf8), name: "test.rdf")
        var events: [XMLEvent] = []
        while let event = reader.next() { events.append(event) }
        #expect(reader.problems.isEmpty, "\(reader.problems)")
        return events
    }

    /// The text of every element with `localName`, in document order (text events joined).
    static func texts(_ events: [XMLEvent], _ localName: String) -> [String] {
        var texts: [String] = []
        var current: String?
        for event in events {
            switch event {
            case .startElement(let name, _, _, _): current = name.localName == localName ? "" : nil
            case .text(let text, _): if current != nil { current! += text }
            case .endElement(let name, _):
                if name.localName == localName, let text = current { texts.append(text) }
                current = nil
            }
        }
        return texts
    }

    static func attribute(_ events: [XMLEvent], element: String, _ attribute: String) -> [String] {
        events.compactMap { event in
            guard case .startElement(let name, let attributes, _, _) = event, name.localName == element else { return nil }
            return attributes.first { $0.name.localName == attribute }?.value
        }
    }

    @Test func escapedTextAndAttributesReadBackUnchanged() throws {
        let text = try RDFXMLSerializer().string(try RDFSamples.graph())
        #expect(text.contains("rdf:about=\"http://example.org/thing?a=1&amp;b=2\""))
        #expect(text.contains("&lt;tag attr=&apos;x&apos;&gt;"))
        #expect(text.contains("Grüezi «Basel» ✓ 😀"))
        #expect(text.contains("&#13;\n"))
        let events = try Self.events(text)
        #expect(Self.texts(events, "label") == [RDFSamples.trickyText, "Bâle"])
        #expect(Self.texts(events, "plain") == ["plain & simple"])
        #expect(Self.texts(events, "name") == ["Open Data <Basel-Stadt>"])
        #expect(Self.attribute(events, element: "Thing", "about") == ["http://example.org/thing?a=1&b=2"])
        #expect(Self.attribute(events, element: "link", "resource") == ["https://example.org/a%20b%3Cc%3E%22d%22%7Be%7D%7Cf%5Eg%60h%5Ci"])
    }

    @Test func literalsCarryTheirLanguageOrDatatype() throws {
        let text = try RDFXMLSerializer().string(try RDFSamples.graph())
        #expect(text.contains("<ex:label xml:lang=\"fr\">Bâle</ex:label>"))
        #expect(text.contains("<ex:date rdf:datatype=\"http://www.w3.org/2001/XMLSchema#date\">2026-11-30</ex:date>"))
        #expect(text.contains("<ex:size rdf:datatype=\"http://www.w3.org/2001/XMLSchema#decimal\">30754</ex:size>"))
        #expect(text.contains("<ex:plain>plain &amp; simple</ex:plain>"))
    }

    @Test func typedNodeElementsNestedAndLabelledBlankNodes() throws {
        let text = try RDFXMLSerializer().string(try RDFSamples.graph())
        #expect(text.contains("""
              <ex:Thing rdf:about="http://example.org/thing?a=1&amp;b=2">
            """))
        #expect(text.contains("""
                <ex:contact>
                  <ex:Contact>
                    <ex:name>Open Data &lt;Basel-Stadt&gt;</ex:name>
                    <ex:mail rdf:resource="mailto:opendata@bs.ch"/>
                  </ex:Contact>
                </ex:contact>
            """))
        #expect(text.contains("<ex:period rdf:nodeID=\"b1\"/>"))
        #expect(text.contains("<rdf:Description rdf:nodeID=\"b1\">"))
        #expect(text.contains("<rdf:Description rdf:about=\"http://example.org/thing/2\">"))
        #expect(!text.contains("b0"))
        _ = try Self.events(text)
    }

    @Test func aSecondTypeIsAnRDFTypeProperty() throws {
        var graph = RDFGraph()
        try graph.bind("ex", IRI(RDFSamples.ex))
        let s = try IRI("http://example.org/s")
        graph.add(s, RDF.type, try IRI("http://other.example/Unprefixed"))
        graph.add(s, RDF.type, RDFSamples.ex("A"))
        graph.add(s, RDF.type, RDFSamples.ex("B"))
        let text = try RDFXMLSerializer().string(graph)
        #expect(text.contains("""
              <ex:A rdf:about="http://example.org/s">
                <rdf:type rdf:resource="http://other.example/Unprefixed"/>
                <rdf:type rdf:resource="http://example.org/ns#B"/>
              </ex:A>
            """))
    }

    @Test func predicatesWithoutAPrefixGetANamespace() throws {
        var graph = RDFGraph()
        try graph.bind("ns1", IRI("http://taken.example/"))
        let s = try IRI("http://example.org/s")
        graph.add(s, try IRI("http://other.example/vocab/1size"), RDFLiteral("1"))
        graph.add(s, try IRI("http://third.example/terms#name"), RDFLiteral("2"))
        let text = try RDFXMLSerializer().string(graph)
        #expect(text.contains("xmlns:ns1=\"http://taken.example/\""))
        #expect(text.contains("xmlns:ns2=\"http://other.example/vocab/1\""))
        #expect(text.contains("xmlns:ns3=\"http://third.example/terms#\""))
        #expect(text.contains("<ns2:size>1</ns2:size>"))
        #expect(text.contains("<ns3:name>2</ns3:name>"))
        _ = try Self.events(text)
    }

    @Test func predicatesThatCannotBeElementNamesAreErrors() throws {
        for predicate in ["http://example.org/ns/", "http://example.org/123", RDF.namespace + "li", RDF.namespace + "about"] {
            var graph = RDFGraph()
            graph.add(try IRI("http://example.org/s"), try IRI(predicate), RDFLiteral("x"))
            #expect(throws: RDFError.unwritablePredicate(predicate)) { try RDFXMLSerializer().string(graph) }
        }
    }

    @Test func emptyAndWhitespaceLiteralsSurvive() throws {
        var graph = RDFGraph()
        let s = try IRI("http://example.org/s")
        graph.add(s, RDFSamples.ex("empty"), RDFLiteral(""))
        graph.add(s, RDFSamples.ex("space"), RDFLiteral("  "))
        let events = try Self.events(try RDFXMLSerializer().string(graph))
        #expect(Self.texts(events, "empty") == [""])
        #expect(Self.texts(events, "space") == ["  "])
    }

    @Test func outputIsDeterministic() throws {
        #expect(try RDFXMLSerializer().string(try RDFSamples.graph()) == RDFXMLSerializer().string(try RDFSamples.graph()))
    }
}
