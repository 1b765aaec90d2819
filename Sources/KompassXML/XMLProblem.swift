/// A problem libxml2 or the reader found in an XML document, with its position.
public struct XMLProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line, or 0 when libxml2 did not know it.
    public var line: Int
    /// 1-based column, or nil when libxml2 did not report one (schema errors carry none).
    public var column: Int?
    public var message: String

    public init(line: Int, column: Int?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if let column { return "\(line):\(column): \(message)" }
        return "\(line): \(message)"
    }
}
