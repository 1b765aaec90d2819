/// Reads one whole JSON document strictly (RFC 8259) into a `JSONValue`: the reader of the files kompass is
/// configured with (the configuration, its mapping files) and of the state it keeps (`state.json`).
///
/// The grammar is checked by `JSONTokenizer`, the importer's tokenizer: strict UTF-8, escapes (a lone
/// surrogate is an error), numbers (no leading zeros, no `NaN`), no trailing commas, no comments, one
/// top-level value, and a line and column for every error. On top of it this reader refuses
///
/// - a key that appears twice in one object (naming both places: JSON readers disagree on which one wins),
/// - a file larger than `maxBytes` and values nested deeper than `maxDepth` (against hostile input),
///
/// and it says more than the tokenizer where it knows more: a trailing comma is reported at the comma, a
/// comment as a comment (with the caller's `commentHint`), and a missing comma after a member by the
/// member's key (`expected ',' or '}' after the value of "output", found '"'`).
enum JSONDocumentReader {
    /// Far more than any configuration or state file holds.
    static let defaultMaxBytes = 16 << 20
    static let defaultMaxDepth = 512

    /// The document in `bytes`.
    ///
    /// - Parameter commentHint: what to say about a comment, e.g. where the file's notes belong instead;
    ///   nil: "JSON has no comments".
    static func read(_ bytes: [UInt8], maxBytes: Int = defaultMaxBytes, maxDepth: Int = defaultMaxDepth,
                     commentHint: String? = nil) throws(JSONDocumentError) -> JSONValue {
        guard bytes.count <= maxBytes else {
            throw JSONDocumentError(kind: .tooLarge, line: 1, column: 1,
                                    message: "the file is larger than \(describe(bytes: maxBytes))",
                                    hint: "this is not a file kompass wrote or expects; check the path")
        }
        var tokenizer = JSONTokenizer(mode: .document, maxDepth: maxDepth)
        tokenizer.feed(bytes)
        tokenizer.finish()
        var builder = Builder()
        while true {
            let step: JSONTokenizer.Step
            do throws(JSONSyntaxError) {
                step = try tokenizer.next()
            } catch {
                throw explain(error, in: bytes, open: builder.stack, commentHint: commentHint)
            }
            guard case .token(let token) = step else { break }
            try builder.add(token, text: token.kind == .key || token.kind == .string || token.kind == .number ? tokenizer.text : "")
        }
        guard let root = builder.root else {
            // The tokenizer reports an empty document itself; this is a guard, not a path.
            throw JSONDocumentError(kind: .noValue, line: 1, column: 1, message: "the file holds no JSON value", hint: nil)
        }
        return root
    }

    // MARK: - Building the value

    /// An object or array whose closing bracket has not come yet.
    struct OpenContainer {
        var isObject: Bool
        var line: Int
        var column: Int
        /// The key under which the container stands in its parent object; nil in an array or at the top.
        var name: String?
        var members: [JSONValue.Member] = []
        var elements: [JSONValue] = []
        /// Where each key of `members` stands, to find a key given twice.
        var keys: [String: (line: Int, column: Int)] = [:]
        /// The key whose value comes next.
        var pendingKey: (key: String, line: Int, column: Int)?
    }

    /// Builds the value from the tokens, with a stack of the open containers (no recursion, whatever the depth).
    private struct Builder {
        var stack: [OpenContainer] = []
        var root: JSONValue?

        mutating func add(_ token: JSONTokenizer.Token, text: String) throws(JSONDocumentError) {
            switch token.kind {
            case .beginObject, .beginArray:
                stack.append(OpenContainer(isObject: token.kind == .beginObject, line: token.line, column: token.column,
                                           name: stack.last?.pendingKey?.key))
            case .key:
                let top = stack.count - 1
                if let first = stack[top].keys[text] {
                    throw JSONDocumentError(
                        kind: .duplicateKey, line: token.line, column: token.column,
                        message: "the key \"\(text)\" appears twice in one object: at line \(first.line), column \(first.column) and at line \(token.line), column \(token.column)",
                        hint: "keep one of the two: JSON readers disagree on which one counts")
                }
                stack[top].keys[text] = (token.line, token.column)
                stack[top].pendingKey = (text, token.line, token.column)
            case .endObject, .endArray:
                let closed = stack.removeLast()
                let content: JSONValue.Content = closed.isObject ? .object(closed.members) : .array(closed.elements)
                attach(JSONValue(content, line: closed.line, column: closed.column))
            case .string:
                attach(JSONValue(.string(text), line: token.line, column: token.column))
            case .number:
                attach(JSONValue(.number(text), line: token.line, column: token.column))
            case .true, .false:
                attach(JSONValue(.bool(token.kind == .true), line: token.line, column: token.column))
            case .null:
                attach(JSONValue(.null, line: token.line, column: token.column))
            }
        }

        private mutating func attach(_ value: JSONValue) {
            guard !stack.isEmpty else {
                root = value
                return
            }
            let top = stack.count - 1
            if let key = stack[top].pendingKey {
                stack[top].members.append(JSONValue.Member(key: key.key, line: key.line, column: key.column, value: value))
                stack[top].pendingKey = nil
            } else {
                stack[top].elements.append(value)
            }
        }
    }

    // MARK: - Errors

    /// The tokenizer's error, said more precisely where the open containers and the bytes tell more.
    static func explain(_ error: JSONSyntaxError, in bytes: [UInt8], open: [OpenContainer],
                        commentHint: String?) -> JSONDocumentError {
        let kind: JSONDocumentError.Kind = switch error.kind {
        case .syntax: .syntax
        case .encoding: .encoding
        case .noValue: .noValue
        case .tooLong: .tooLarge
        }
        var result = JSONDocumentError(kind: kind, line: error.line, column: error.column, message: error.message, hint: error.hint)
        guard kind == .syntax else { return result }
        if error.message.hasPrefix("the values are nested deeper than") {
            result.hint = "no file kompass reads nests its values that deep"
            return result
        }
        guard let offset = offset(line: error.line, column: error.column, in: bytes), offset < bytes.count else { return result }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "/"), offset + 1 < bytes.count,
           bytes[offset + 1] == UInt8(ascii: "/") || bytes[offset + 1] == UInt8(ascii: "*") {
            let marker = bytes[offset + 1] == UInt8(ascii: "/") ? "//" : "/*"
            if result.message.hasSuffix("found '/'") {
                result.message = result.message.dropLast(3) + "the comment '\(marker)'"
            }
            result.hint = commentHint ?? "JSON has no comments; remove it"
            return result
        }
        if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
            var before = offset - 1
            while before >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[before]) { before -= 1 }
            if before >= 0, bytes[before] == UInt8(ascii: ","), let container = open.last {
                let (line, column) = position(of: before, in: bytes)
                let what = container.isObject ? "member" : "element"
                let name = container.name.map { " of \"\($0)\"" } ?? ""
                return JSONDocumentError(
                    kind: .syntax, line: line, column: column,
                    message: "a ',' after the last \(what)\(name), before the '\(Character(Unicode.Scalar(byte)))' at line \(error.line), column \(error.column)",
                    hint: "remove the comma after the last \(what): JSON allows none")
            }
        }
        let afterMember = "expected ',' or '}' after the member"
        if result.message.hasPrefix(afterMember), let container = open.last, container.isObject,
           let last = container.members.last {
            result.message = "expected ',' or '}' after the value of \"\(last.key)\"" + result.message.dropFirst(afterMember.count)
        }
        return result
    }

    /// The offset in `bytes` of `line` and `column`, counted as the tokenizer counts them (a byte order mark
    /// is not counted, a column is a Unicode scalar); nil when the text is shorter.
    static func offset(line: Int, column: Int, in bytes: [UInt8]) -> Int? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for _ in 1..<max(line, 1) {
            guard let lineFeed = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            index = lineFeed + 1
        }
        for _ in 1..<max(column, 1) {
            guard index < bytes.count else { return nil }
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        return index
    }

    /// The line and column of `offset` in `bytes` (the inverse of `offset(line:column:in:)`).
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < offset {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    /// `16 MiB`, `512 KiB`, `100 bytes`.
    static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
