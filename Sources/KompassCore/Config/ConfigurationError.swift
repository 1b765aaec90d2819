/// A configuration that cannot be used: the run stops before reading any source (exit code 2).
///
/// Printed as `path:line:column: keyPath: message — hint`, the parts that are known: a file that is not JSON
/// names the place of the error (`kompass.json:12:5: expected ',' or '}' after the value of "output", found '"'`);
/// a value that is wrong names the place of its key and its key path.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The key path inside the file, e.g. `publication.contact.email`; empty for the file as a whole.
    public var keyPath: String
    public var message: String
    /// The 1-based line of the error in `path`, when it is known.
    public var line: Int?
    /// The 1-based column (in characters) of the error in `path`, when it is known.
    public var column: Int?
    /// What would be right, when the message alone does not say it.
    public var hint: String?
    /// The message and the hint in German, where the error has them; without, a German run prints the English ones.
    public var messageDE: String?
    public var hintDE: String?

    public init(path: String, keyPath: String, message: String, line: Int? = nil, column: Int? = nil, hint: String? = nil) {
        self.path = path
        self.keyPath = keyPath
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
    }

    /// The error for a file that is not the JSON it must be (`JSONDocumentReader`), at its line and column.
    init(path: String, _ error: JSONDocumentError) {
        self.init(path: path, keyPath: "", message: error.message, line: error.line, column: error.column, hint: error.hint)
    }

    public var description: String { description(in: .en) }

    /// `path:line:column: keyPath: message — hint`, in `language` where the error has German words.
    public func description(in language: ReportLanguage) -> String {
        let german = language == .de && messageDE != nil
        let message = german ? messageDE ?? message : message
        let hint = german ? hintDE ?? hint : hint
        var text = path
        if let line { text += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        text += keyPath.isEmpty ? ": \(message)" : ": \(keyPath): \(message)"
        if let hint { text += " — \(hint)" }
        return text
    }
}
