import Foundation
import Testing
import KompassXML

private func read(_ document: String) throws -> (events: [XMLEvent], problems: [XMLProblem]) {
    let reader = try XMLStreamReader(bytes: Array(document.utf8), name: "test.xml")
    var events: [XMLEvent] = []
    while let event = reader.next() { events.append(event) }
    // After the end, the reader stays at the end.
    #expect(reader.next() == nil)
    return (events, reader.problems)
}

private func readFile(_ path: String) throws -> (events: [XMLEvent], problems: [XMLProblem]) {
    let reader = try XMLStreamReader(path: path)
    var events: [XMLEvent] = []
    while let event = reader.next() { events.append(event) }
    return (events, reader.problems)
}

/// An end element with its line set to 0, to compare names only.
private func withoutEndLines(_ event: XMLEvent) -> XMLEvent {
    if case .endElement(let name, _) = event { return .endElement(name, line: 0) }
    return event
}

/// The events without whitespace-only text (indentation between elements).
private func significant(_ events: [XMLEvent]) -> [XMLEvent] {
    events.filter {
        if case .text(let text, _) = $0 { return !text.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" } }
        return true
    }
}

private func allText(_ events: [XMLEvent]) -> String {
    events.map { event -> String in
        switch event {
        case .text(let text, _): return text
        case .startElement(let name, let attributes, _, _): return name.description + attributes.map { "\($0.name)=\($0.value)" }.joined()
        case .endElement(let name, _): return name.description
        }
    }.joined(separator: "|")
}

@Suite("XMLStreamReader")
struct XMLStreamReaderTests {
    @Test func namespacedDocumentWithCDATA() throws {
        let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <r:root xmlns:r="urn:example:r" xmlns="urn:example:default" plain="1" r:qualified="2">
          <child>Grüezi &amp; &lt;Basel&gt; &#x263A;</child>
          <data><![CDATA[x < y && z > "w" ]]></data>
          <r:empty r:flag="yes"/>
          <other xmlns="">no namespace</other>
        </r:root>
        """
        let (events, problems) = try read(document)
        #expect(problems.isEmpty, "\(problems)")
        let r = "urn:example:r"
        let d = "urn:example:default"
        let expected: [XMLEvent] = [
            .startElement(XMLName(namespaceURI: r, localName: "root"), attributes: [
                XMLAttribute(name: XMLName(namespaceURI: nil, localName: "plain"), value: "1"),
                XMLAttribute(name: XMLName(namespaceURI: r, localName: "qualified"), value: "2"),
            ], isEmpty: false, line: 2),
            .startElement(XMLName(namespaceURI: d, localName: "child"), attributes: [], isEmpty: false, line: 3),
            .text("Grüezi & <Basel> ☺", line: 3),
            .endElement(XMLName(namespaceURI: d, localName: "child"), line: 3),
            .startElement(XMLName(namespaceURI: d, localName: "data"), attributes: [], isEmpty: false, line: 4),
            .text("x < y && z > \"w\" ", line: 4),
            .endElement(XMLName(namespaceURI: d, localName: "data"), line: 4),
            .startElement(XMLName(namespaceURI: r, localName: "empty"), attributes: [
                XMLAttribute(name: XMLName(namespaceURI: r, localName: "flag"), value: "yes"),
            ], isEmpty: true, line: 5),
            .startElement(XMLName(namespaceURI: nil, localName: "other"), attributes: [], isEmpty: false, line: 6),
            .text("no namespace", line: 6),
            .endElement(XMLName(namespaceURI: nil, localName: "other"), line: 6),
            .endElement(XMLName(namespaceURI: r, localName: "root"), line: 7),
        ]
        // End elements are compared by name here; their lines are checked in endElementLineIsTheLineOfItsEndTag.
        #expect(significant(events).map(withoutEndLines) == expected.map(withoutEndLines))
        #expect(significant(events).count == expected.count)
    }

    @Test func endElementLineIsTheLineOfItsEndTag() throws {
        let (events, problems) = try read("<root>\n  <a>\n    text\n  </a>\n</root>\n")
        #expect(problems.isEmpty)
        let ends = events.compactMap { event -> (String, Int)? in
            if case .endElement(let name, let line) = event { return (name.localName, line) }
            return nil
        }
        #expect(ends.map(\.0) == ["a", "root"])
        #expect(ends.map(\.1) == [4, 5], "the line of '</a>' and of '</root>'")
    }

    @Test func readsAFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("doc.xml", text: "<a><b>text</b></a>\n")
        let (events, problems) = try readFile(path)
        #expect(problems.isEmpty)
        #expect(events.count == 5)
        #expect(events[2] == .text("text", line: 1))
    }

    @Test func aMissingFileCannotBeOpened() {
        // libxml2 may open lazily; either the initialiser throws or reading reports a problem.
        do {
            let reader = try XMLStreamReader(path: "/nonexistent/kompass/file.xml")
            #expect(reader.next() == nil)
            #expect(!reader.problems.isEmpty)
        } catch {
            #expect(error as? XMLReaderError == .cannotOpen("/nonexistent/kompass/file.xml"))
        }
    }

    @Test func mismatchedTagIsReportedAtItsLine() throws {
        let (_, problems) = try read("<a>\n  <b>\n    text\n  </c>\n</a>\n")
        let first = try #require(problems.first)
        #expect(first.line == 4, "\(problems)")
        #expect(first.message.contains("mismatch") || first.message.contains("tag"), "\(first.message)")
    }

    @Test func unclosedDocumentIsReported() throws {
        let (_, problems) = try read("<a>\n<b>text</b>\n")
        #expect(!problems.isEmpty)
    }

    @Test func badCharacterIsReportedAtItsLine() throws {
        let (_, problems) = try read("<a>\n<b>ok</b>\n<c>a & b</c>\n</a>\n")
        #expect(problems.first?.line == 3, "\(problems)")
        #expect(problems.first?.column != nil)
    }

    @Test func textBeforeAndAfterTheRootIsReported() throws {
        let (_, problems) = try read("<a/>\n<b/>\n")
        #expect(problems.first?.line == 2, "\(problems)")
    }

    @Test func invalidUTF8IsReported() throws {
        let reader = try XMLStreamReader(bytes: Array("<a>Bev".utf8) + [0xE4] + Array("lkerung</a>".utf8), name: "latin.xml")
        let problems = reader.readToEnd()
        #expect(!problems.isEmpty)
    }

    @Test func emptyInputIsReported() throws {
        let reader = try XMLStreamReader(bytes: [], name: "empty.xml")
        #expect(reader.next() == nil)
        #expect(!reader.problems.isEmpty)
    }

    @Test func internalEntityReferenceIsReportedAndNotExpanded() throws {
        let document = """
        <?xml version="1.0"?>
        <!DOCTYPE r [
          <!ENTITY secret "INTERNAL-ENTITY-MARKER-91c2">
        ]>
        <r>before &secret; after</r>
        """
        let (events, problems) = try read(document)
        #expect(problems.contains { $0.message.contains("entity reference '&secret;'") }, "\(problems)")
        #expect(problems.contains { $0.message.contains("DOCTYPE") })
        #expect(!allText(events).contains("INTERNAL-ENTITY-MARKER-91c2"), "\(events)")
        #expect(!problems.contains { $0.message.contains("INTERNAL-ENTITY-MARKER-91c2") })
        #expect(allText(events).contains("before "))
    }

    /// A secret file on disk: an external entity must never bring its content into events or messages.
    @Test func externalEntityToALocalFileIsNeverRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let marker = "KOMPASS-SECRET-MARKER-5e7d"
        let secret = try directory.write("secret.txt", text: marker + "\n")
        let dtd = try directory.write("evil.dtd", text: "<!ENTITY leak \"\(marker)-DTD\">\n")
        let documents = [
            // A general external entity.
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "file://\(secret)">]>
            <r>&xxe;</r>
            """,
            // The same in an attribute-free element nested deeper, and a relative URI.
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "secret.txt">]>
            <r><a><b>&xxe;</b></a></r>
            """,
            // A parameter entity that would pull in a DTD defining another entity.
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY % remote SYSTEM "file://\(dtd)"> %remote;]>
            <r>&leak;</r>
            """,
            // An external DTD subset.
            """
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "file://\(dtd)">
            <r>&leak;</r>
            """,
            // /etc/hostname exists on most Linux systems.
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY host SYSTEM "file:///etc/hostname">]>
            <r>&host;</r>
            """,
        ]
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        for (index, document) in documents.enumerated() {
            // Read from memory and from a file next to the secret (so relative URIs would resolve to it).
            let path = try directory.write("doc\(index).xml", text: document)
            for (events, problems) in [try read(document), try readFile(path)] {
                #expect(!problems.isEmpty, "document \(index) must be reported")
                let text = allText(events)
                #expect(!text.contains(marker), "document \(index): \(events)")
                #expect(!problems.contains { $0.message.contains(marker) }, "document \(index): \(problems)")
                if index == 4, hostname.count >= 4 {
                    #expect(!text.contains(hostname), "document \(index): \(events)")
                }
            }
        }
    }

    @Test func billionLaughsIsRejectedQuickly() throws {
        var document = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n"
        document += "  <!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            document += "  <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        document += "]>\n<lolz>&lol9;</lolz>\n"
        let clock = ContinuousClock()
        var result: (events: [XMLEvent], problems: [XMLProblem]) = ([], [])
        let elapsed = try clock.measure { result = try read(document) }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        #expect(!result.problems.isEmpty)
        #expect(result.problems.contains { $0.message.lowercased().contains("entity") || $0.message.contains("DOCTYPE") },
                "\(result.problems)")
        let text = allText(result.events)
        #expect(text.count < 1_000, "entities were expanded: \(text.count) characters")
        #expect(!text.contains("lollol"))
    }

    @Test func quadraticBlowupIsNotExpanded() throws {
        let big = String(repeating: "A", count: 50_000)
        var document = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"\(big)\">]>\n<r>"
        document += String(repeating: "&a;", count: 2_000)
        document += "</r>\n"
        let clock = ContinuousClock()
        var result: (events: [XMLEvent], problems: [XMLProblem]) = ([], [])
        let elapsed = try clock.measure { result = try read(document) }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        #expect(!result.problems.isEmpty)
        #expect(allText(result.events).count < 10_000)
    }

    @Test func linesAreCountedBelow65535() throws {
        var document = "<r>\n"
        for index in 0..<65_000 { document += "<i n=\"\(index)\"/>\n" }
        document += "<last/>\n</r>\n"
        let (events, problems) = try read(document)
        #expect(problems.isEmpty)
        let last = events.last { if case .startElement(let name, _, _, _) = $0 { return name.localName == "last" } else { return false } }
        #expect(last == .startElement(XMLName(namespaceURI: nil, localName: "last"), attributes: [], isEmpty: true, line: 65_002))
    }

    /// The reader parses with XML_PARSE_BIG_LINES ("big line numbers"): lines past 65535 are exact too.
    @Test func linesAreCountedPastManyLines() throws {
        var document = "<r>\n"
        for index in 0..<70_000 { document += "<i n=\"\(index)\"/>\n" }
        document += "<last/>\n</r>\n"
        let (events, problems) = try read(document)
        #expect(problems.isEmpty)
        let last = events.last { if case .startElement(let name, _, _, _) = $0 { return name.localName == "last" } else { return false } }
        #expect(last == .startElement(XMLName(namespaceURI: nil, localName: "last"), attributes: [], isEmpty: true, line: 70_002))
    }

    @Test func xmlNameDescription() {
        #expect(XMLName(namespaceURI: "urn:x", localName: "a").description == "{urn:x}a")
        #expect(XMLName(namespaceURI: nil, localName: "a").description == "a")
        #expect(XMLProblem(line: 3, column: 7, message: "bad").description == "3:7: bad")
        #expect(XMLProblem(line: 3, column: nil, message: "bad").description == "3: bad")
    }
}
