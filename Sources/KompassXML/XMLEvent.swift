/// One step of a streaming read: what the reader is on.
public enum XMLEvent: Sendable, Equatable {
    case startElement(XMLName, attributes: [XMLAttribute], isEmpty: Bool, line: Int)
    case endElement(XMLName, line: Int)
    /// Character data: text and CDATA sections alike.
    case text(String, line: Int)
}

/// An element or attribute name with its namespace.
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
    public var namespaceURI: String?
    public var localName: String

    public init(namespaceURI: String?, localName: String) {
        self.namespaceURI = namespaceURI
        self.localName = localName
    }

    public var description: String {
        if let namespaceURI { return "{\(namespaceURI)}\(localName)" }
        return localName
    }
}

public struct XMLAttribute: Sendable, Equatable {
    public var name: XMLName
    public var value: String

    public init(name: XMLName, value: String) {
        self.name = name
        self.value = value
    }
}
