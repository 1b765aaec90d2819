import Foundation
import Testing
@testable import KompassCore

@Suite("Turtle serializer")
struct RDFTurtleSerializerTests {
    @Test func stringLiteralsAreEscaped() {
        #expect(TurtleSerializer.quoted("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(TurtleSerializer.quoted("\u{1}\u{7F}") == #""\u0001\u007F""#)
        // Non-ASCII is written as it is (UTF-8), markup needs nothing in Turtle.
        #expect(TurtleSerializer.quoted("Grüezi «Basel» ✓ 😀 <&>") == "\"Grüezi «Basel» ✓ 😀 <&>\"")
        #expect(TurtleSerializer.quoted("") == "\"\"")
    }

    @Test func writesPrefixesTypesLiteralsAndEscapedIRIs() throws {
        let text = try TurtleSerializer().string(try RDFSamples.graph())
        #expect(text.hasPrefix("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n@prefix ex: <http://example.org/ns#> .\n"))
        #expect(text.contains("<http://example.org/thing?a=1&b=2>\n    a ex:Thing ;\n"))
        #expect(text.contains(#"ex:label "Zitat: \"a\" \\ b\nzweite Zeile\r\n\tTab & <tag attr='x'> – Grüezi «Basel» ✓ 😀"@de,"#))
        #expect(text.contains("\"Bâle\"@fr"))
        #expect(text.contains("ex:plain \"plain & simple\" ;"))
        #expect(text.contains("ex:date \"2026-11-30\"^^xsd:date ;"))
        #expect(text.contains("ex:size \"30754\"^^xsd:decimal ;"))
        #expect(text.contains("ex:link <https://example.org/a%20b%3Cc%3E%22d%22%7Be%7D%7Cf%5Eg%60h%5Ci> ;"))
        #expect(text.contains("<mailto:opendata@bs.ch>"))
        // Every line but the prefixes and blank lines is inside a statement: nothing unescaped breaks out.
        #expect(!text.contains("\n\"") && !text.split(separator: "\n").contains { $0.hasPrefix("zweite") })
    }

    @Test func nestsABlankNodeReferredToOnceAndLabelsASharedOne() throws {
        let text = try TurtleSerializer().string(try RDFSamples.graph())
        #expect(text.contains("""
            ex:contact [
                    a ex:Contact ;
                    ex:name "Open Data <Basel-Stadt>" ;
                    ex:mail <mailto:opendata@bs.ch>
                ] ;
            """))
        #expect(text.contains("ex:period _:b1 ."))
        #expect(text.contains("\n_:b1\n    ex:start \"2019-01-01\"^^xsd:date .\n"))
        #expect(text.contains("<http://example.org/thing/2>\n    ex:period _:b1 .\n"))
        #expect(!text.contains("_:b0"))
    }

    @Test func cyclesOfBlankNodesAreWrittenOnce() throws {
        var graph = RDFGraph()
        let p = try IRI("http://example.org/p")
        let a = graph.newBlankNode()
        let b = graph.newBlankNode()
        graph.add(a, p, b)
        graph.add(b, p, a)
        let text = try TurtleSerializer().string(graph)
        #expect(text.hasSuffix("\n_:b0\n    <http://example.org/p> [\n        <http://example.org/p> _:b0\n    ] .\n"))
    }

    @Test func emptyNestedBlankNodeIsAnEmptyBracket() throws {
        var graph = RDFGraph()
        graph.add(try IRI("http://example.org/s"), try IRI("http://example.org/p"), graph.newBlankNode())
        #expect(try TurtleSerializer().string(graph).hasSuffix("<http://example.org/s>\n    <http://example.org/p> [] .\n"))
    }

    @Test func onlySimpleLocalNamesAreAbbreviated() throws {
        var graph = RDFGraph()
        try graph.bind("ex", IRI("http://example.org/"))
        let s = try IRI("http://example.org/s")
        graph.add(s, try IRI("http://example.org/a.b"), RDFLiteral("1"))
        graph.add(s, try IRI("http://example.org/1a"), RDFLiteral("2"))
        graph.add(s, try IRI("http://example.org/x/y"), RDFLiteral("3"))
        graph.add(s, try IRI("http://example.org/ok_name-2"), RDFLiteral("4"))
        let text = try TurtleSerializer().string(graph)
        #expect(text.contains("ex:s\n"))
        #expect(text.contains("<http://example.org/a.b> \"1\""))
        #expect(text.contains("<http://example.org/1a> \"2\""))
        #expect(text.contains("<http://example.org/x/y> \"3\""))
        #expect(text.contains("ex:ok_name-2 \"4\""))
    }

    @Test func shortObjectListsShareALine() throws {
        var graph = RDFGraph()
        try graph.bind("ex", IRI(RDFSamples.ex))
        let s = try IRI("http://example.org/s")
        graph.add(s, RDF.type, RDFSamples.ex("A"))
        graph.add(s, RDF.type, RDFSamples.ex("B"))
        #expect(try TurtleSerializer().string(graph).hasSuffix("<http://example.org/s>\n    a ex:A, ex:B .\n"))
    }

    @Test func outputIsDeterministic() throws {
        let one = try TurtleSerializer().string(try RDFSamples.graph())
        let two = try TurtleSerializer().string(try RDFSamples.graph())
        #expect(one == two)
    }

    @Test func writesToAFileThroughTheWriter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ByteFileWriter(path: directory.file("g.ttl"))
        try TurtleSerializer().write(try RDFSamples.graph(), to: writer)
        let written = try writer.finish()
        let expected = try TurtleSerializer().string(try RDFSamples.graph())
        #expect(try TestFiles.text(atPath: directory.file("g.ttl")) == expected)
        #expect(written.byteCount == expected.utf8.count)
    }
}
