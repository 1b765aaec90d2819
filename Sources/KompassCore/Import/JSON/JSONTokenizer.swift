/// A streaming, byte-level JSON pull tokenizer (RFC 8259) over chunks of input: the grammar.
///
/// The shape of swift-nio's `ByteToMessageDecoder`: `feed` appends a chunk, `next` decodes the next
/// complete token, or says that the bytes fed so far end inside one (`.needsInput`: the incomplete rest is
/// kept for the next chunk), or that the input is over (`.end`). Strings and numbers resume where they
/// stopped, so a long value costs one pass whatever the chunk size. After the last chunk, `finish` lets
/// `next` decide the tail.
///
/// It checks the whole grammar, not only the tokens: `:` after a key, `,` between members and
/// elements, matching brackets, one top-level value, a nesting depth limit. Strings are checked for
/// strict UTF-8, control characters and escapes (a lone surrogate is an error) and decoded into
/// `textBytes`; numbers keep their literal text. Every token and every error carries a 1-based line
/// and column; the column counts characters (Unicode scalars), not bytes.
///
/// In `.lines` mode (JSON Lines) each line holds one value; blank lines are allowed, a line break
/// inside a value is an error, and after an error the tokenizer goes on with the next line. In
/// `.document` mode the first error ends the tokenization.
///
/// The bytes live in a `JSONChunkBuffer` (checked reads); the words of the errors in `JSONSyntaxError.swift`.
struct JSONTokenizer: ~Copyable {
    enum Mode: Sendable {
        /// One JSON text: a single top-level value.
        case document
        /// JSON Lines: one value per line.
        case lines
    }

    /// A token: its kind and where it starts (the line and column of its first character).
    struct Token: Equatable, Sendable {
        enum Kind: Equatable, Sendable {
            case beginObject, endObject, beginArray, endArray
            /// A member name; its decoded text is in `textBytes`.
            case key
            /// A string value; its decoded text is in `textBytes`.
            case string
            /// A number; its literal text (as written) is in `textBytes`.
            case number
            case `true`, `false`, null
        }

        var kind: Kind
        var line: Int
        var column: Int
    }

    /// What `next` found.
    enum Step: Equatable, Sendable {
        /// A complete token.
        case token(Token)
        /// The bytes fed so far hold no further complete token: feed more (never after `finish`).
        case needsInput
        /// The input is over (after `finish`), or, in `.document` mode, an error ended it.
        case end
    }

    let mode: Mode
    /// The deepest nesting of objects and arrays accepted.
    let maxDepth: Int
    /// When false, strings are checked but not decoded, and `textBytes` of string and key tokens is
    /// empty: for values the reader skips. Numbers always keep their text.
    var decodesText = true
    /// When false (and `decodesText` is true), keys are decoded but string values are only checked: for a
    /// reader that looks at keys alone (the JSON-LD key check after the context).
    var decodesValues = true

    /// The decoded text of the last `.key` or `.string` token, or the literal of the last `.number`;
    /// valid until the next call of `next`.
    private(set) var textBytes: [UInt8] = []

    /// `textBytes` as a string.
    var text: String { String(decoding: textBytes, as: UTF8.self) }

    private var buffer = JSONChunkBuffer()
    private var finished = false
    private var checkedBOM = false

    // The position: the line, where it starts in the input, and how many UTF-8 continuation bytes
    // were consumed on it (column = bytes since the line start - continuation bytes + 1).
    private var line = 1
    private var lineStart = 0
    private var continuationBytes = 0

    // The grammar.
    private var expect = Expect.documentStart
    private var containers: [Container] = []
    private var partial = Partial.none
    private var tokenLine = 0
    private var tokenColumn = 0
    private var sawToken = false

    enum Expect {
        /// A top-level value; in `.lines` mode also a blank line.
        case documentStart
        /// After `[`: a value or `]`.
        case firstElement
        /// After `,` in an array: a value.
        case element
        /// After `{`: a key or `}`.
        case firstKey
        /// After `,` in an object: a key.
        case key
        /// After a key: `:`.
        case colon
        /// After `:`: a value.
        case memberValue
        /// After a value: `,` or the closing bracket; at the top level, the end of the document (line).
        case afterValue
        /// `.lines` after an error: the rest of the line is skipped.
        case skippingLine
        /// `.document` after an error (or at the end): nothing more is read.
        case failed
    }

    struct Container {
        var isObject: Bool
        var line: Int
        var column: Int
    }

    /// A string or number that the input fed so far ends inside.
    private enum Partial {
        case none
        case string(isKey: Bool)
        case number(NumberState)
    }

    private enum NumberState {
        case start, minus, zero, integer, dot, fraction, exponent, exponentSign, exponentDigits

        var isComplete: Bool {
            switch self {
            case .zero, .integer, .fraction, .exponentDigits: true
            default: false
            }
        }
    }

    init(mode: Mode = .document, maxDepth: Int = 64) {
        self.mode = mode
        self.maxDepth = maxDepth
    }

    // MARK: - Input

    /// Appends a chunk of input.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        precondition(!finished, "feed after finish")
        // After an error that ends a document nothing more is read: the input is not kept.
        guard expect != .failed else { return }
        buffer.append(chunk)
    }

    /// Appends bytes (for tests and small inputs).
    mutating func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Marks the end of the input: `next` then completes a final number and reports a value
    /// that the input ends inside.
    mutating func finish() {
        finished = true
    }

    private var index: Int {
        get { buffer.index }
        set { buffer.index = newValue }
    }

    private var count: Int { buffer.count }

    // MARK: - Tokens

    /// The next complete token, or whether more input is needed or the input is over.
    ///
    /// In `.lines` mode, after an error the next call goes on with the next line.
    mutating func next() throws(JSONSyntaxError) -> Step {
        try checkLength()
        switch partial {
        case .none:
            break
        case .string(let isKey):
            guard try scanString(decodes: decodesText && (isKey || decodesValues)) else { return .needsInput }
            return completeString(isKey: isKey)
        case .number(let state):
            return try scanNumber(from: state)
        }
        if !checkedBOM, !skipBOM() { return .needsInput }
        while true {
            guard index < count else { return try endOfInput() }
            switch expect {
            case .failed:
                return .end
            case .skippingLine:
                skipLine()
                continue
            default:
                break
            }
            let byte = buffer[index]
            if byte == .space || byte == .tab || byte == .carriageReturn || byte == .lineFeed {
                var position = index
                while position < count {
                    let next = buffer[position]
                    guard next == .space || next == .tab || next == .carriageReturn else { break }
                    position += 1
                }
                index = position
                if position < count, buffer[position] == .lineFeed { try lineBreak() }
                continue
            }
            switch expect {
            case .documentStart, .element, .memberValue:
                return try beginValue(byte)
            case .firstElement:
                if byte == .closeBracket { return close(isObject: false) }
                return try beginValue(byte)
            case .firstKey, .key:
                if byte == .closeBrace, expect == .firstKey { return close(isObject: true) }
                guard byte == .quote else { return try unexpectedUnlessCut(at: index) }
                startToken()
                index += 1
                textBytes.removeAll(keepingCapacity: true)
                partial = .string(isKey: true)
                guard try scanString(decodes: decodesText) else { return .needsInput }
                return completeString(isKey: true)
            case .colon:
                guard byte == .colon else { return try unexpectedUnlessCut(at: index) }
                index += 1
                expect = .memberValue
            case .afterValue:
                guard let top = containers.last else { return try unexpectedUnlessCut(at: index) }
                if byte == .comma {
                    index += 1
                    expect = top.isObject ? .key : .element
                } else if byte == (top.isObject ? .closeBrace : .closeBracket) {
                    return close(isObject: top.isObject)
                } else {
                    return try unexpectedUnlessCut(at: index)
                }
            case .skippingLine, .failed:
                return .end
            }
        }
    }

    /// The most bytes of one token (a string, a number, a word), and in `.lines` mode of one line:
    /// `InputLimits.lineBytes`. What is longer ends the tokenization with a `.tooLong` error instead of growing
    /// without end (a file of NUL bytes, a string that is never closed).
    let maxTokenBytes = InputLimits.lineBytes

    private mutating func checkLength() throws(JSONSyntaxError) {
        guard expect != .failed else { return }
        let lineLength = mode == .lines ? buffer.inputOffset(index) - lineStart : 0
        guard buffer.remaining > maxTokenBytes || textBytes.count > maxTokenBytes || lineLength > maxTokenBytes else { return }
        let error = JSONSyntaxError(kind: .tooLong, line: line, column: column(at: index), message: Message.tooLong(maxTokenBytes),
                                    hint: nil)
        partial = .none
        containers.removeAll()
        textBytes = []
        expect = .failed
        throw error
    }

    /// A byte the grammar does not expect at `position`: an error, unless the bytes fed so far end inside the
    /// word there (the message would depend on where the chunks are cut).
    private mutating func unexpectedUnlessCut(at position: Int) throws(JSONSyntaxError) -> Step {
        if isCut(at: position) { return .needsInput }
        throw unexpected(at: position)
    }

    /// Skips a UTF-8 byte order mark at the start of the input; false while the bytes fed so far are too few
    /// to tell.
    private mutating func skipBOM() -> Bool {
        if buffer.inputOffset(index) == 0 {
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let available = min(count - index, 3)
            for offset in 0..<available where buffer[index + offset] != bom[offset] {
                checkedBOM = true
                return true
            }
            if available < 3 {
                if !finished { return false }
                checkedBOM = true
                return true
            }
            index += 3
            lineStart = 3
        }
        checkedBOM = true
        return true
    }

    private mutating func lineBreak() throws(JSONSyntaxError) {
        if mode == .lines {
            if expect == .documentStart || (expect == .afterValue && containers.isEmpty) {
                expect = .documentStart
            } else {
                throw fail(at: index, Message.lineEndsInside(openValue(), expected: expectation()), hint: Message.oneRecordPerLineHint)
            }
        }
        index += 1
        line += 1
        lineStart = buffer.inputOffset(index)
        continuationBytes = 0
    }

    /// `.lines` after an error: consumes up to and including the next line feed.
    private mutating func skipLine() {
        while index < count {
            if buffer[index] == .lineFeed {
                index += 1
                line += 1
                lineStart = buffer.inputOffset(index)
                continuationBytes = 0
                expect = .documentStart
                return
            }
            index += 1
        }
    }

    private mutating func endOfInput() throws(JSONSyntaxError) -> Step {
        guard finished else { return .needsInput }
        switch expect {
        case .failed, .skippingLine:
            return .end
        case .documentStart:
            if mode == .document {
                expect = .failed
                if !sawToken {
                    throw JSONSyntaxError(kind: .noValue, line: line, column: column(at: index),
                                          message: Message.noValue(fileIsEmpty: buffer.inputOffset(count) == 0),
                                          hint: Message.oneValueHint)
                }
            }
            return .end
        case .afterValue where containers.isEmpty:
            return .end
        default:
            throw fail(at: index, Message.fileEndsInside(openValue(), expected: expectation()), hint: Message.cutOffHint)
        }
    }

    private mutating func startToken() {
        tokenLine = line
        tokenColumn = column(at: index)
        sawToken = true
    }

    private func column(at position: Int) -> Int {
        buffer.inputOffset(position) - lineStart - continuationBytes + 1
    }

    private mutating func beginValue(_ byte: UInt8) throws(JSONSyntaxError) -> Step {
        switch byte {
        case .openBrace, .openBracket:
            let isObject = byte == .openBrace
            let column = column(at: index)
            guard containers.count < maxDepth else {
                throw fail(at: index, Message.nestedTooDeep(maxDepth), hint: Message.nestingHint)
            }
            containers.append(Container(isObject: isObject, line: line, column: column))
            sawToken = true
            index += 1
            expect = isObject ? .firstKey : .firstElement
            return .token(Token(kind: isObject ? .beginObject : .beginArray, line: line, column: column))
        case .quote:
            startToken()
            index += 1
            textBytes.removeAll(keepingCapacity: true)
            partial = .string(isKey: false)
            guard try scanString(decodes: decodesText && decodesValues) else { return .needsInput }
            return completeString(isKey: false)
        case .minus, .zero...UInt8(ascii: "9"):
            startToken()
            textBytes.removeAll(keepingCapacity: true)
            return try scanNumber(from: .start)
        case UInt8(ascii: "t"):
            return try scanLiteral("true", .true)
        case UInt8(ascii: "f"):
            return try scanLiteral("false", .false)
        case UInt8(ascii: "n"):
            return try scanLiteral("null", .null)
        default:
            return try unexpectedUnlessCut(at: index)
        }
    }

    private mutating func close(isObject: Bool) -> Step {
        let token = Token(kind: isObject ? .endObject : .endArray, line: line, column: column(at: index))
        containers.removeLast()
        index += 1
        expect = .afterValue
        return .token(token)
    }

    private mutating func completeString(isKey: Bool) -> Step {
        partial = .none
        expect = isKey ? .colon : .afterValue
        return .token(Token(kind: isKey ? .key : .string, line: tokenLine, column: tokenColumn))
    }

    private mutating func scanLiteral(_ word: StaticString, _ kind: Token.Kind) throws(JSONSyntaxError) -> Step {
        let length = word.utf8CodeUnitCount
        let available = count - index
        var matches = buffer.matchesPrefix(of: word, at: index)
        // One byte more, to tell `true` from `trueish`.
        if matches, available <= length {
            if !finished { return .needsInput }
            matches = available == length
        } else if matches, JSONTokenizer.isWordByte(buffer[index + length]) {
            matches = false
        }
        guard matches else { return try unexpectedUnlessCut(at: index) }
        startToken()
        index += length
        expect = .afterValue
        return .token(Token(kind: kind, line: tokenLine, column: tokenColumn))
    }

    // MARK: - Strings

    /// Scans (and decodes, if `decodes`) a string from `index`, just after the opening quote or where an
    /// earlier call stopped. True when the closing quote was consumed; false when the input fed so far ends
    /// inside the string (everything before is consumed).
    private mutating func scanString(decodes: Bool) throws(JSONSyntaxError) -> Bool {
        var position = index
        while true {
            let runStart = position
            position = buffer.endOfPlainStringRun(from: position)
            if decodes { buffer.copy(runStart..<position, to: &textBytes) }
            guard position < count else { return try stringNeedsInput(at: position) }
            let byte = buffer[position]
            if byte == .quote {
                index = position + 1
                return true
            }
            if byte == .backslash {
                guard let length = try escape(at: position, decodes: decodes) else {
                    return try stringNeedsInput(at: position)
                }
                position += length
                continue
            }
            if byte < 0x20 {
                throw fail(at: position, Message.controlCharacterInString(byte), hint: Message.controlCharacterHint(byte))
            }
            let length = buffer.utf8Length(at: position)
            if length == 0 {
                if finished { throw encodingError(at: position) }
                return try stringNeedsInput(at: position)
            }
            if length < 0 { throw encodingError(at: position) }
            if decodes { buffer.copy(position..<position + length, to: &textBytes) }
            continuationBytes += length - 1
            position += length
        }
    }

    /// The input ends inside a string at `position`: wait for more, or report it at the end.
    private mutating func stringNeedsInput(at position: Int) throws(JSONSyntaxError) -> Bool {
        index = position
        if finished {
            let isKey = if case .string(true) = partial { true } else { false }
            throw fail(at: position, Message.fileEndsInsideString(isKey: isKey, line: tokenLine, column: tokenColumn),
                       hint: Message.unclosedStringHint)
        }
        return false
    }

    /// Decodes the escape at `position` (a backslash); returns its length in bytes, or nil when
    /// the input fed so far ends inside it.
    private mutating func escape(at position: Int, decodes: Bool) throws(JSONSyntaxError) -> Int? {
        guard position + 1 < count else { return nil }
        let decoded: UInt8
        switch buffer[position + 1] {
        case .quote: decoded = .quote
        case .backslash: decoded = .backslash
        case .slash: decoded = .slash
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = .lineFeed
        case UInt8(ascii: "r"): decoded = .carriageReturn
        case UInt8(ascii: "t"): decoded = .tab
        case UInt8(ascii: "u"):
            return try unicodeEscape(at: position, decodes: decodes)
        default:
            if isCut(at: position + 1) { return nil }
            throw fail(at: position, Message.unknownEscape(found: describe(at: position + 1)), hint: Message.escapesHint)
        }
        if decodes { textBytes.append(decoded) }
        return 2
    }

    private mutating func unicodeEscape(at position: Int, decodes: Bool) throws(JSONSyntaxError) -> Int? {
        guard let first = try hexValue(at: position) else { return nil }
        var scalarValue = first
        var length = 6
        if (0xDC00...0xDFFF).contains(first) {
            throw loneSurrogate(first, at: position)
        }
        if (0xD800...0xDBFF).contains(first) {
            // A high surrogate must be followed by an escaped low surrogate.
            let next = position + 6
            if next < count, buffer[next] != .backslash { throw loneSurrogate(first, at: position) }
            if next + 1 < count, buffer[next + 1] != UInt8(ascii: "u") { throw loneSurrogate(first, at: position) }
            if next + 6 > count {
                if finished { throw loneSurrogate(first, at: position) }
                return nil
            }
            guard let second = try hexValue(at: next) else { return nil }
            guard (0xDC00...0xDFFF).contains(second) else { throw loneSurrogate(first, at: position) }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            length = 12
        }
        if decodes, let scalar = Unicode.Scalar(scalarValue) {
            textBytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        return length
    }

    /// The value of the four hex digits after `\u` at `position`; nil when the input fed so far
    /// ends before them.
    private mutating func hexValue(at position: Int) throws(JSONSyntaxError) -> UInt32? {
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard position + offset < count else {
                if finished { break }
                return nil
            }
            let byte = buffer[position + offset]
            let digit: UInt8
            switch byte {
            case .zero...UInt8(ascii: "9"): digit = byte - .zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                if isCut(at: position + offset) { return nil }
                throw fail(at: position, Message.badUnicodeEscape(found: describe(at: position + offset)),
                           hint: Message.unicodeEscapeHint)
            }
            value = value << 4 | UInt32(digit)
        }
        guard position + 5 < count else {
            throw fail(at: position, Message.fileEndsInsideUnicodeEscape, hint: Message.cutOffHint)
        }
        return value
    }

    private mutating func loneSurrogate(_ value: UInt32, at position: Int) -> JSONSyntaxError {
        let isHigh = value < 0xDC00
        return fail(at: position, Message.loneSurrogate(value, isHigh: isHigh), hint: Message.loneSurrogateHint(isHigh: isHigh))
    }

    // MARK: - Numbers

    /// Scans a number from `index` (its first byte, or where an earlier call stopped in `state`).
    private mutating func scanNumber(from initial: NumberState) throws(JSONSyntaxError) -> Step {
        let end = count
        let start = index
        var state = initial
        var position = index
        scan: while position < end {
            let byte = buffer[position]
            let isDigit = byte &- .zero < 10
            switch state {
            case .start:
                state = byte == .minus ? .minus : byte == .zero ? .zero : .integer
            case .minus:
                guard isDigit else {
                    if isCut(at: position) { break scan }
                    throw numberError(start, position, .digitAfterMinus)
                }
                state = byte == .zero ? .zero : .integer
            case .zero:
                if isDigit { throw numberError(start, position, .leadingZero) }
                if byte == .period { state = .dot } else if byte | 0x20 == UInt8(ascii: "e") { state = .exponent } else { break scan }
            case .integer:
                if isDigit {
                    position = buffer.endOfDigits(from: position)
                    continue scan
                }
                if byte == .period { state = .dot } else if byte | 0x20 == UInt8(ascii: "e") { state = .exponent } else { break scan }
            case .dot:
                guard isDigit else {
                    if isCut(at: position) { break scan }
                    throw numberError(start, position, .digitAfterPoint)
                }
                state = .fraction
            case .fraction:
                if isDigit { break }
                if byte | 0x20 == UInt8(ascii: "e") { state = .exponent } else { break scan }
            case .exponent:
                if byte == .plus || byte == .minus {
                    state = .exponentSign
                } else {
                    guard isDigit else {
                        if isCut(at: position) { break scan }
                        throw numberError(start, position, .digitInExponent)
                    }
                    state = .exponentDigits
                }
            case .exponentSign:
                guard isDigit else {
                    if isCut(at: position) { break scan }
                    throw numberError(start, position, .digitInExponent)
                }
                state = .exponentDigits
            case .exponentDigits:
                if !isDigit { break scan }
            }
            position += 1
        }
        buffer.copy(start..<position, to: &textBytes)
        index = position
        if !finished, position == end || !state.isComplete {
            // The input ends inside the number, or after a word that it cuts (for the message).
            partial = .number(state)
            return .needsInput
        }
        partial = .none
        guard state.isComplete else {
            let problem: NumberProblem = switch state {
            case .minus: .digitAfterMinus
            case .dot: .digitAfterPoint
            default: .digitInExponent
            }
            throw numberError(position, position, problem)
        }
        expect = .afterValue
        return .token(Token(kind: .number, line: tokenLine, column: tokenColumn))
    }

    /// What is wrong in a number.
    enum NumberProblem {
        case leadingZero, digitAfterMinus, digitAfterPoint, digitInExponent
    }

    private mutating func numberError(_ start: Int, _ position: Int, _ problem: NumberProblem) -> JSONSyntaxError {
        buffer.copy(start..<max(start, position), to: &textBytes)
        let literal = String(decoding: textBytes, as: UTF8.self)
        let message: Bilingual
        if problem == .leadingZero {
            let next = position < count && JSONTokenizer.isWordByte(buffer[position]) ? String(UnicodeScalar(buffer[position])) : ""
            message = Message.leadingZero(shown: "'\(literal)\(next)'")
        } else {
            message = Message.number(problem, literal: literal, found: describe(at: position))
        }
        let hint = literal == "-" && word(at: position) == "Infinity" ? Message.noInfinityHint : Message.numberHint(problem)
        return fail(at: position, message, hint: hint)
    }

    // MARK: - Errors

    /// Builds an error at `position` and puts the tokenizer where it goes on: the next line in
    /// `.lines` mode, nowhere in `.document` mode.
    private mutating func fail(at position: Int, _ message: Bilingual, hint: Bilingual?,
                               kind: JSONSyntaxError.Kind = .syntax) -> JSONSyntaxError {
        let error = JSONSyntaxError(kind: kind, line: line, column: column(at: position), message: message, hint: hint)
        partial = .none
        containers.removeAll(keepingCapacity: true)
        index = min(position, count)
        expect = mode == .lines ? .skippingLine : .failed
        return error
    }

    private mutating func encodingError(at position: Int) -> JSONSyntaxError {
        fail(at: position, Message.notUTF8(buffer[position]), hint: Message.saveAsUTF8Hint, kind: .encoding)
    }

    /// The error for an unexpected byte (or the end) at `position`, saying what was expected.
    private mutating func unexpected(at position: Int) -> JSONSyntaxError {
        if position < count, buffer[position] >= 0x80, buffer.utf8Length(at: position) < 0 {
            return encodingError(at: position)
        }
        let byte: UInt8? = position < count ? buffer[position] : nil
        let hint = Message.unexpectedHint(word: word(at: position), byte: byte, expect: expect, open: containers.last,
                                          mode: mode)
        return fail(at: position, Message.unexpected(expected: expectation(), found: describe(at: position)), hint: hint)
    }

    /// What the grammar expects now, in words.
    private func expectation() -> Bilingual {
        Message.expectation(expect, open: containers.last, mode: mode)
    }

    /// The innermost open value, in words (the German in the genitive, after "innerhalb").
    private func openValue() -> Bilingual {
        if case .string(let isKey) = partial {
            return Message.openString(isKey: isKey, line: tokenLine, column: tokenColumn)
        }
        return Message.openContainer(containers.last)
    }

    /// What stands at `position`, for a message: a quoted character or word, or the end.
    private func describe(at position: Int) -> Bilingual {
        guard position < count else { return Message.endOfInput(finished: finished) }
        let byte = buffer[position]
        if byte == .lineFeed { return Message.endOfLine }
        if byte < 0x20 || byte == 0x7F { return Message.controlCharacter(byte) }
        let word = word(at: position)
        if !word.isEmpty { return Message.quoted(word) }
        if byte >= 0x80 {
            let length = buffer.utf8Length(at: position)
            guard length > 0 else { return Message.byte(byte) }
            return Message.quoted(buffer.string(position..<position + length))
        }
        return Message.quoted(String(UnicodeScalar(byte)))
    }

    /// Whether the input fed so far ends inside the word (or character) at `position`, so that
    /// a message about it would depend on where the chunks are cut: then wait for more input.
    private func isCut(at position: Int) -> Bool {
        guard !finished else { return false }
        let end = endOfWord(at: position)
        if end == count, end - position < 24 { return true }
        if end == position, position < count, buffer[position] >= 0x80 {
            return buffer.utf8Length(at: position) == 0
        }
        return false
    }

    /// The run of ASCII letters, digits and `_` at `position` (at most 24 characters), or "".
    private func word(at position: Int) -> String {
        buffer.string(position..<endOfWord(at: position))
    }

    private func endOfWord(at position: Int) -> Int {
        var end = position
        while end < count, end - position < 24, JSONTokenizer.isWordByte(buffer[end]) { end += 1 }
        return end
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), .zero...UInt8(ascii: "9"),
             UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}

extension UInt8 {
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let minus = UInt8(ascii: "-")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let period = UInt8(ascii: ".")
    fileprivate static let zero = UInt8(ascii: "0")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
}
