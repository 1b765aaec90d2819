/// Where a value came from: a file, a line and, where the format has them, a column or a field name.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The path as the user named it (relative paths stay relative, so messages match what they typed).
    public var file: String
    /// 1-based line; 0 when the problem concerns the file as a whole.
    public var line: Int
    /// 1-based column, where known.
    public var column: Int?
    /// The source's own name of the field, where known (a CSV header, a JSON key, an XML element).
    public var field: String?

    public init(file: String, line: Int, column: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
    }

    /// `file:line:column`, the form editors and terminals turn into links.
    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if line > 0, let column { text += ":\(column)" }
        return text
    }
}
