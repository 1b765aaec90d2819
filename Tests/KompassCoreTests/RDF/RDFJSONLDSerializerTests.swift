import Foundation
import Testing
@testable import KompassCore

@Suite("JSON-LD serializer")
struct RDFJSONLDSerializerTests {
    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func nodes(_ document: [String: Any]) throws -> [String: [String: Any]] {
        let graph = try #require(document["@graph"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: graph.map { ($0["@id"] as! String, $0) })
    }

    @Test func contextHoldsOnlyPrefixes() throws {
        let document = try Self.parse(try JSONLDSerializer().string(try RDFSamples.graph()))
        #expect(Set(document.keys) == ["@context", "@graph"])
        let context = try #require(document["@context"] as? [String: String])
        #expect(context == ["rdf": RDF.namespace, "ex": RDFSamples.ex, "xsd": XSD.namespace])
    }

    @Test func literalsReadBackUnchanged() throws {
        let text = try JSONLDSerializer().string(try RDFSamples.graph())
        #expect(text.contains(#"\"a\" \\ b\nzweite Zeile\r\n\tTab & <tag attr='x'> – Grüezi «Basel» ✓ 😀"#))
        let nodes = try Self.nodes(try Self.parse(text))
        let thing = try #require(nodes["http://example.org/thing?a=1&b=2"])
        #expect(thing["@type"] as? [String] == ["ex:Thing"])
        let labels = try #require(thing["ex:label"] as? [[String: String]])
        #expect(labels == [["@value": RDFSamples.trickyText, "@language": "de"], ["@value": "Bâle", "@language": "fr"]])
        #expect(thing["ex:plain"] as? [[String: String]] == [["@value": "plain & simple"]])
        #expect(thing["ex:date"] as? [[String: String]] == [["@value": "2026-11-30", "@type": "xsd:date"]])
        #expect(thing["ex:link"] as? [[String: String]] == [["@id": "https://example.org/a%20b%3Cc%3E%22d%22%7Be%7D%7Cf%5Eg%60h%5Ci"]])
    }

    @Test func blankNodesAreFlatWithTheirLabels() throws {
        let nodes = try Self.nodes(try Self.parse(try JSONLDSerializer().string(try RDFSamples.graph())))
        #expect(Set(nodes.keys) == ["http://example.org/thing?a=1&b=2", "_:b0", "http://example.org/thing/2", "_:b1"])
        #expect(nodes["http://example.org/thing?a=1&b=2"]?["ex:contact"] as? [[String: String]] == [["@id": "_:b0"]])
        #expect(nodes["_:b0"]?["@type"] as? [String] == ["ex:Contact"])
        #expect(nodes["http://example.org/thing/2"]?["ex:period"] as? [[String: String]] == [["@id": "_:b1"]])
    }

    @Test func aPrefixNamedLikeASchemeOrWithoutADelimiterStaysOutOfTheContext() throws {
        var graph = RDFGraph()
        try graph.bind("urn", IRI("http://example.org/urn#"))
        try graph.bind("ex", IRI("http://example.org/ns_"))
        try graph.bind("ok", IRI("http://example.org/ok/"))
        let s = try IRI("urn:kompass:1")
        graph.add(s, try IRI("http://example.org/urn#p"), try IRI("http://example.org/ns_q"))
        graph.add(s, try IRI("http://example.org/ok/p"), RDFLiteral("1"))
        let document = try Self.parse(try JSONLDSerializer().string(graph))
        #expect(document["@context"] as? [String: String] == ["rdf": RDF.namespace, "ok": "http://example.org/ok/"])
        let node = try #require(try Self.nodes(document)["urn:kompass:1"])
        #expect(node["http://example.org/urn#p"] as? [[String: String]] == [["@id": "http://example.org/ns_q"]])
        #expect(node["ok:p"] as? [[String: String]] == [["@value": "1"]])
    }

    @Test func aTypeThatIsNotAnIRIIsAnOrdinaryProperty() throws {
        var graph = RDFGraph()
        let s = try IRI("http://example.org/s")
        let b = graph.newBlankNode()
        graph.add(s, RDF.type, b)
        graph.add(b, RDFSamples.ex("p"), RDFLiteral("x"))
        let nodes = try Self.nodes(try Self.parse(try JSONLDSerializer().string(graph)))
        #expect(nodes["http://example.org/s"]?["@type"] == nil)
        #expect(nodes["http://example.org/s"]?["rdf:type"] as? [[String: String]] == [["@id": "_:b0"]])
    }

    @Test func emptyGraph() throws {
        let document = try Self.parse(try JSONLDSerializer().string(RDFGraph()))
        #expect((document["@graph"] as? [Any])?.isEmpty == true)
    }

    @Test func outputIsDeterministic() throws {
        #expect(try JSONLDSerializer().string(try RDFSamples.graph()) == JSONLDSerializer().string(try RDFSamples.graph()))
    }
}
