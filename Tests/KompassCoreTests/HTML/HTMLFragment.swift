import Foundation
import KompassXML
import Testing

/// A part of the landing page read as a tree, so that tests assert structure rather than substrings.
///
/// The page is HTML, not XML, but its timeline list and its project sections hold no void element
/// and no entity other than XML's: cut out of the page, each is a well-formed XML fragment, which
/// kompass's own XML reader parses.
struct HTMLElement {
    var name: String
    var attributes: [String: String]
    var children: [Child]

    enum Child {
        case element(HTMLElement)
        case text(String)
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    /// The text of the element and its descendants, with white space collapsed.
    var text: String {
        rawText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    private var rawText: String {
        children.map { child -> String in
            switch child {
            case .element(let element): element.rawText
            case .text(let text): text
            }
        }.joined()
    }

    var elements: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// Every descendant element (not the element itself), in document order.
    var descendants: [HTMLElement] {
        elements.flatMap { [$0] + $0.descendants }
    }

    func all(_ name: String, class className: String? = nil) -> [HTMLElement] {
        descendants.filter { $0.name == name && (className == nil || $0.classes.contains(className!)) }
    }

    /// Parses the first fragment of `html` that starts with `start` and ends with the matching
    /// `</name>`, where `name` is the start tag's element name.
    static func fragment(of html: String, startingWith start: String) throws -> HTMLElement {
        let begin = try #require(html.range(of: start), "no \(start) in the page").lowerBound
        let name = String(start.dropFirst().prefix { $0 != " " && $0 != ">" })
        // Find the end tag that closes this element (elements of the same name may nest).
        var depth = 0
        var index = begin
        while true {
            let open = html.range(of: "<\(name)", range: index..<html.endIndex)
            let close = try #require(html.range(of: "</\(name)>", range: index..<html.endIndex), "unclosed <\(name)>")
            if let open, open.lowerBound < close.lowerBound {
                let next = html[open.upperBound]
                if next == " " || next == ">" { depth += 1 }
                index = open.upperBound
            } else {
                depth -= 1
                index = close.upperBound
                if depth == 0 { break }
            }
        }
        return try parse(String(html[begin..<index]))
    }

    static func parse(_ xml: String) throws -> HTMLElement {
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), name: "fragment")
        var stack = [HTMLElement(name: "#fragment", attributes: [:], children: [])]
        while let event = reader.next() {
            switch event {
            case .startElement(let name, let attributes, let isEmpty, _):
                let element = HTMLElement(name: name.localName,
                                          attributes: Dictionary(attributes.map { ($0.name.localName, $0.value) }) { a, _ in a },
                                          children: [])
                if isEmpty {
                    stack[stack.count - 1].children.append(.element(element))
                } else {
                    stack.append(element)
                }
            case .endElement:
                let element = stack.removeLast()
                stack[stack.count - 1].children.append(.element(element))
            case .text(let text, _):
                stack[stack.count - 1].children.append(.text(text))
            }
        }
        #expect(reader.problems.isEmpty, "the fragment is well-formed: \(reader.problems)")
        return try #require(stack.first?.elements.first)
    }
}
