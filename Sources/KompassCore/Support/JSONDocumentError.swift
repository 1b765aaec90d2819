/// Why `JSONDocumentReader` refused a file, and where: the line and column (1-based, the column counted in
/// characters), what was expected and what was found, and what would be right.
///
/// Callers turn it into their own error (`ConfigurationError`, `StateError`) with the file's path.
struct JSONDocumentError: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// The grammar is broken (a missing or extra comma, a comment, an unterminated string, a bad number,
        /// values nested too deep, …).
        case syntax
        /// A byte that is not UTF-8.
        case encoding
        /// The file holds no value at all (empty, or only white space).
        case noValue
        /// A key appears twice in one object.
        case duplicateKey
        /// The file is larger than the reader accepts.
        case tooLarge
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// What is wrong, saying what was expected and what was found.
    var message: String
    /// What would be right.
    var hint: String?

    /// `message — hint`, the way the errors that carry it print it.
    var text: String {
        hint.map { "\(message) — \($0)" } ?? message
    }
}
