/// A problem libxml2 or the reader found in an XML document, with its position.
public struct XMLProblem: Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The document is not well-formed XML (or not namespace-well-formed), or cannot be decoded.
        case syntax
        /// The document does not match the schema it is validated against (or the schema does not compile).
        case schema
        /// An entity reference, an entity declaration problem or a document type declaration:
        /// constructs the reader refuses, whose content never reaches the caller.
        case entity
        /// A warning of libxml2's: the document is well-formed, but something in it is unusual (an XML version
        /// other than 1.0, a namespace name that is not an absolute URI, an `xml:space` value other than
        /// `default` or `preserve`, a processing instruction named like `xml…`). Reading goes on.
        case warning
    }

    /// 1-based line, or 0 when libxml2 did not know it.
    public var line: Int
    /// 1-based column, or nil when libxml2 did not report one (schema errors carry none).
    public var column: Int?
    public var message: String
    public var kind: Kind

    public init(line: Int, column: Int?, message: String, kind: Kind = .syntax) {
        self.line = line
        self.column = column
        self.message = message
        self.kind = kind
    }

    public var description: String {
        if let column { return "\(line):\(column): \(message)" }
        return "\(line): \(message)"
    }
}
