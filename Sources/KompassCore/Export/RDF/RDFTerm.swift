/// A tiny RDF model: IRIs, literals (with a language tag or a datatype), blank nodes and triples.
///
/// Every term is checked or normalised when it is made, so that the three serializers (RDF/XML,
/// Turtle, JSON-LD) can write the same graph without a term that one of them cannot express:
/// IRIs are absolute and free of the characters Turtle forbids inside `<…>`, literal text holds
/// only characters XML 1.0 can carry, language tags are well-formed and lowercase.

/// Why a term or a graph cannot be made or written.
public enum RDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not an absolute IRI (no scheme): relative IRIs would be resolved differently by each parser.
    case relativeIRI(String)
    case invalidLanguageTag(String)
    case invalidPrefix(String, reason: String)
    /// A predicate that RDF/XML cannot write as an element name.
    case unwritablePredicate(String)
    /// Writing the serialized text failed.
    case output(IOError)

    public var description: String {
        switch self {
        case .relativeIRI(let text): "'\(text)' is not an absolute IRI"
        case .invalidLanguageTag(let tag): "'\(tag)' is not a language tag"
        case .invalidPrefix(let prefix, let reason): "prefix '\(prefix)': \(reason)"
        case .unwritablePredicate(let iri): "the predicate <\(iri)> cannot be written as an RDF/XML element name"
        case .output(let error): error.description
        }
    }
}

/// An absolute IRI. Characters that may not appear inside a Turtle `<…>` (space and other controls,
/// `<>"{}|^` and backquote and backslash) are %-encoded (UTF-8, upper-case hex), so every format
/// writes the same IRI.
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(RDFError) {
        guard IRI.hasScheme(text) else { throw .relativeIRI(text) }
        value = IRI.percentEncodingForbiddenCharacters(text)
    }

    /// For the constant IRIs of vocabularies in this module (checked by the tests).
    init(constant text: String) {
        precondition(IRI.hasScheme(text) && IRI.percentEncodingForbiddenCharacters(text) == text, "bad constant IRI \(text)")
        value = text
    }

    public var description: String { value }

    /// The scheme, e.g. `https` or `mailto`.
    public var scheme: Substring { value.prefix { $0 != ":" } }

    /// The IRI with `suffix` appended (percent-encoded like the rest).
    public func appending(_ suffix: String) -> IRI {
        IRI(checked: value + IRI.percentEncodingForbiddenCharacters(suffix))
    }

    private init(checked: String) { value = checked }

    public static func < (lhs: IRI, rhs: IRI) -> Bool { lhs.value < rhs.value }

    /// RFC 3986: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`.
    static func hasScheme(_ text: String) -> Bool {
        var sawLetter = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { return sawLetter }
            let isLetter = (65...90).contains(byte) || (97...122).contains(byte)
            if !sawLetter {
                guard isLetter else { return false }
                sawLetter = true
            } else if !(isLetter || (48...57).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                        || byte == UInt8(ascii: ".")) {
                return false
            }
        }
        return false
    }

    static func isForbidden(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, 0x7F: true
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"): true
        default: false
        }
    }

    static func percentEncodingForbiddenCharacters(_ text: String) -> String {
        guard text.containsUTF8Byte(where: isForbidden) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if isForbidden(byte) {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A blank node, made by `RDFGraph.newBlankNode()`; its label (`b0`, `b1`, …) is the same in every format.
public struct BlankNode: Hashable, Comparable, Sendable {
    public let id: Int

    init(id: Int) { self.id = id }

    public var label: String { "b\(id)" }

    public static func < (lhs: BlankNode, rhs: BlankNode) -> Bool { lhs.id < rhs.id }
}

/// A literal: a lexical form with a language tag (`rdf:langString`), or with a datatype, or plain
/// (`xsd:string`, which RDF 1.1 makes the same as a plain literal: it is stored as plain).
public struct RDFLiteral: Hashable, Sendable {
    public let lexicalForm: String
    /// Lowercase, e.g. `de`.
    public let language: String?
    /// Nil for a plain string or a language-tagged one.
    public let datatype: IRI?

    /// A plain string.
    public init(_ text: String) {
        lexicalForm = RDFLiteral.xmlSafe(text)
        language = nil
        datatype = nil
    }

    public init(_ text: String, language tag: String) throws(RDFError) {
        guard RDFLiteral.isLanguageTag(tag) else { throw .invalidLanguageTag(tag) }
        lexicalForm = RDFLiteral.xmlSafe(text)
        language = tag.lowercased()
        datatype = nil
    }

    public init(_ text: String, datatype: IRI) {
        lexicalForm = RDFLiteral.xmlSafe(text)
        language = nil
        self.datatype = datatype == XSD.string ? nil : datatype
    }

    /// BCP 47 in the form RDF's serializations share: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.utf8.count),
              first.utf8.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.utf8.count)
                && part.utf8.allSatisfy { (65...90).contains($0) || (97...122).contains($0) || (48...57).contains($0) }
        }
    }

    /// XML 1.0 cannot carry C0 controls other than tab, line feed and carriage return, nor U+FFFE
    /// and U+FFFF; they become U+FFFD here, so that RDF/XML holds the same literal as Turtle and JSON-LD.
    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isXMLForbidden) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isXMLForbidden(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    private static func isXMLForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}

/// What can be the subject of a triple.
public enum RDFNode: Hashable, Sendable {
    case iri(IRI)
    case blank(BlankNode)

    public var term: RDFTerm {
        switch self {
        case .iri(let iri): .iri(iri)
        case .blank(let node): .blank(node)
        }
    }
}

/// What can be the object of a triple.
public enum RDFTerm: Hashable, Sendable {
    case iri(IRI)
    case blank(BlankNode)
    case literal(RDFLiteral)
}

public struct RDFTriple: Hashable, Sendable {
    public let subject: RDFNode
    public let predicate: IRI
    public let object: RDFTerm

    public init(_ subject: RDFNode, _ predicate: IRI, _ object: RDFTerm) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}

/// Terms that can stand as a subject.
public protocol RDFSubjectConvertible {
    var rdfNode: RDFNode { get }
}

/// Terms that can stand as an object.
public protocol RDFObjectConvertible {
    var rdfTerm: RDFTerm { get }
}

extension IRI: RDFSubjectConvertible, RDFObjectConvertible {
    public var rdfNode: RDFNode { .iri(self) }
    public var rdfTerm: RDFTerm { .iri(self) }
}

extension BlankNode: RDFSubjectConvertible, RDFObjectConvertible {
    public var rdfNode: RDFNode { .blank(self) }
    public var rdfTerm: RDFTerm { .blank(self) }
}

extension RDFLiteral: RDFObjectConvertible {
    public var rdfTerm: RDFTerm { .literal(self) }
}

extension RDFNode: RDFSubjectConvertible, RDFObjectConvertible {
    public var rdfNode: RDFNode { self }
    public var rdfTerm: RDFTerm { term }
}

extension RDFTerm: RDFObjectConvertible {
    public var rdfTerm: RDFTerm { self }
}
