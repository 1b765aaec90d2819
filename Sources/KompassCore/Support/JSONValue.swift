/// A JSON value as `JSONDocumentReader` reads it: what it holds and where it starts in its file.
///
/// Objects keep their members in the order of the file, each with the line and column of its key, so a
/// reader of configuration can say where a wrong value stands. Numbers keep their literal text, so no
/// precision is lost before a reader decides what kind of number it wants.
struct JSONValue: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        /// The members in the order of the file; no key appears twice (the reader refuses duplicates).
        case object([Member])
        case array([JSONValue])
        case string(String)
        /// The number as written, e.g. `-12`, `0.5`, `1e6`.
        case number(String)
        case bool(Bool)
        case null
    }

    /// One member of an object: its key, where the key starts, and its value.
    struct Member: Sendable, Equatable {
        var key: String
        var line: Int
        var column: Int
        var value: JSONValue
    }

    var content: Content
    /// The 1-based line of the value's first character.
    var line: Int
    /// The 1-based column of the value's first character, counted in characters (Unicode scalars).
    var column: Int

    init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The members of an object, in the order of the file; nil for any other value.
    var members: [Member]? {
        if case .object(let members) = content { members } else { nil }
    }

    /// The member named `key` of an object; nil when there is none or the value is no object.
    func member(_ key: String) -> Member? {
        members?.first { $0.key == key }
    }

    /// The elements of an array; nil for any other value.
    var elements: [JSONValue]? {
        if case .array(let elements) = content { elements } else { nil }
    }

    /// The text of a string; nil for any other value.
    var string: String? {
        if case .string(let text) = content { text } else { nil }
    }

    /// The value of a number (the nearest double); nil for any other value.
    var number: Double? {
        if case .number(let literal) = content { Double(literal) } else { nil }
    }

    /// A number that is a whole number an `Int` holds (`3`, `3.0`, `3e2`); nil for any other value.
    var integer: Int? {
        guard case .number(let literal) = content else { return nil }
        if let exact = Int(literal) { return exact }
        guard let double = Double(literal), double == double.rounded(), abs(double) < 0x1p63 else { return nil }
        return Int(double)
    }

    /// The value of `true` or `false`; nil for any other value.
    var bool: Bool? {
        if case .bool(let flag) = content { flag } else { nil }
    }

    var isNull: Bool { content == .null }

    /// What kind of value this is, for a message: "an object", "a string", "true", …
    var kindDescription: String {
        switch content {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }
}
