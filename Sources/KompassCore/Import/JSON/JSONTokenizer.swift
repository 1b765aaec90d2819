/// A streaming, byte-level JSON pull tokenizer (RFC 8259) over chunks of input.
///
/// The shape of swift-nio's `ByteToMessageDecoder`: `feed` appends a chunk, `next` decodes the next
/// complete token and returns nil when the bytes fed so far end inside one; the incomplete rest is
/// kept for the next chunk. Strings and numbers resume where they stopped, so a long value costs
/// one pass whatever the chunk size. After the last chunk, `finish` lets `next` decide the tail.
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

    // The input not yet consumed: base[index..<count]. base[0] is at `offsetOfBase` in the input.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var index = 0
    private var offsetOfBase = 0
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

    private enum Expect {
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

    private struct Container {
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
        capacity = 1 << 16
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    // MARK: - Input

    /// Appends a chunk of input.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        precondition(!finished, "feed after finish")
        if index > 0 {
            let rest = count - index
            if rest > 0 { UnsafeMutableRawPointer(base).copyMemory(from: base + index, byteCount: rest) }
            offsetOfBase += index
            count = rest
            index = 0
        }
        if count + chunk.count > capacity {
            var newCapacity = capacity * 2
            while newCapacity < count + chunk.count { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = newCapacity
        }
        if let source = chunk.baseAddress, chunk.count > 0 {
            UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: chunk.count)
            count += chunk.count
        }
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

    // MARK: - Tokens

    /// The next complete token; nil when the input fed so far holds no more complete token
    /// (feed more), or, after `finish`, at the end.
    ///
    /// In `.lines` mode, after an error the next call goes on with the next line.
    mutating func next() throws(JSONSyntaxError) -> Token? {
        switch partial {
        case .none:
            break
        case .string(let isKey):
            guard try scanString(decodes: decodesText && (isKey || decodesValues)) else { return nil }
            return completeString(isKey: isKey)
        case .number(let state):
            return try scanNumber(from: state)
        }
        if !checkedBOM, !skipBOM() { return nil }
        while true {
            guard index < count else { return try endOfInput() }
            let byte = base[index]
            switch expect {
            case .failed:
                return nil
            case .skippingLine:
                skipLine()
                continue
            default:
                break
            }
            if byte == .space || byte == .tab || byte == .carriageReturn || byte == .lineFeed {
                var position = index
                while position < count {
                    let next = base[position]
                    guard next == .space || next == .tab || next == .carriageReturn else { break }
                    position += 1
                }
                index = position
                if position < count, base[position] == .lineFeed { try lineBreak() }
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
                guard byte == .quote else {
                    if isCut(at: index) { return nil }
                    throw unexpected(at: index)
                }
                startToken()
                index += 1
                textBytes.removeAll(keepingCapacity: true)
                partial = .string(isKey: true)
                guard try scanString(decodes: decodesText) else { return nil }
                return completeString(isKey: true)
            case .colon:
                guard byte == .colon else {
                    if isCut(at: index) { return nil }
                    throw unexpected(at: index)
                }
                index += 1
                expect = .memberValue
            case .afterValue:
                guard let top = containers.last else {
                    if isCut(at: index) { return nil }
                    throw unexpected(at: index)
                }
                if byte == .comma {
                    index += 1
                    expect = top.isObject ? .key : .element
                } else if byte == (top.isObject ? .closeBrace : .closeBracket) {
                    return close(isObject: top.isObject)
                } else {
                    if isCut(at: index) { return nil }
                    throw unexpected(at: index)
                }
            case .skippingLine, .failed:
                return nil
            }
        }
    }

    private mutating func skipBOM() -> Bool {
        if offsetOfBase + index == 0 {
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let available = min(count - index, 3)
            for offset in 0..<available where base[index + offset] != bom[offset] {
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
                throw fail(at: index, Bilingual(en: "the line ends inside \(openValue().en); expected \(expectation().en)",
                                                de: "die Zeile endet innerhalb \(openValue().de); erwartet: \(expectation().de)"),
                           hint: Bilingual(en: "in JSON Lines each record is written on one line",
                                           de: "in JSON Lines steht jeder Datensatz auf einer einzigen Zeile"))
            }
        }
        index += 1
        line += 1
        lineStart = offsetOfBase + index
        continuationBytes = 0
    }

    /// `.lines` after an error: consumes up to and including the next line feed.
    private mutating func skipLine() {
        while index < count {
            if base[index] == .lineFeed {
                index += 1
                line += 1
                lineStart = offsetOfBase + index
                continuationBytes = 0
                expect = .documentStart
                return
            }
            index += 1
        }
    }

    private mutating func endOfInput() throws(JSONSyntaxError) -> Token? {
        guard finished else { return nil }
        switch expect {
        case .failed, .skippingLine:
            return nil
        case .documentStart:
            if mode == .document {
                expect = .failed
                if !sawToken {
                    throw JSONSyntaxError(kind: .noValue, line: line, column: column(at: index),
                                          message: offsetOfBase + count == 0
                                              ? Bilingual(en: "the file is empty", de: "die Datei ist leer")
                                              : Bilingual(en: "the file holds no JSON value, only white space",
                                                          de: "die Datei enthält keinen JSON-Wert, nur Leerraum"),
                                          hint: Bilingual(en: "a JSON file holds one value, e.g. an array of records [ {…}, {…} ]",
                                                          de: "eine JSON-Datei enthält einen Wert, z. B. ein Array von Datensätzen [ {…}, {…} ]"))
                }
            }
            return nil
        case .afterValue where containers.isEmpty:
            return nil
        default:
            throw fail(at: index, Bilingual(en: "the file ends inside \(openValue().en); expected \(expectation().en)",
                                            de: "die Datei endet innerhalb \(openValue().de); erwartet: \(expectation().de)"),
                       hint: JSONTokenizer.cutOffHint)
        }
    }

    private mutating func startToken() {
        tokenLine = line
        tokenColumn = column(at: index)
        sawToken = true
    }

    private func column(at position: Int) -> Int {
        offsetOfBase + position - lineStart - continuationBytes + 1
    }

    private mutating func beginValue(_ byte: UInt8) throws(JSONSyntaxError) -> Token? {
        switch byte {
        case .openBrace, .openBracket:
            let isObject = byte == .openBrace
            let column = column(at: index)
            guard containers.count < maxDepth else {
                throw fail(at: index, Bilingual(en: "the values are nested deeper than \(maxDepth) levels",
                                                de: "die Werte sind tiefer als \(maxDepth) Ebenen verschachtelt"),
                           hint: Bilingual(en: "a record is an object of strings, numbers and lists; deeper structures are not read",
                                           de: "ein Datensatz ist ein Objekt aus Texten, Zahlen und Listen; tiefere Strukturen werden nicht gelesen"))
            }
            containers.append(Container(isObject: isObject, line: line, column: column))
            sawToken = true
            index += 1
            expect = isObject ? .firstKey : .firstElement
            return Token(kind: isObject ? .beginObject : .beginArray, line: line, column: column)
        case .quote:
            startToken()
            index += 1
            textBytes.removeAll(keepingCapacity: true)
            partial = .string(isKey: false)
            guard try scanString(decodes: decodesText && decodesValues) else { return nil }
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
            if isCut(at: index) { return nil }
            throw unexpected(at: index)
        }
    }

    private mutating func close(isObject: Bool) -> Token {
        let token = Token(kind: isObject ? .endObject : .endArray, line: line, column: column(at: index))
        containers.removeLast()
        index += 1
        expect = .afterValue
        return token
    }

    private mutating func completeString(isKey: Bool) -> Token {
        partial = .none
        expect = isKey ? .colon : .afterValue
        return Token(kind: isKey ? .key : .string, line: tokenLine, column: tokenColumn)
    }

    private mutating func scanLiteral(_ word: StaticString, _ kind: Token.Kind) throws(JSONSyntaxError) -> Token? {
        let length = word.utf8CodeUnitCount
        let available = count - index
        let letters = word.utf8Start
        var matches = true
        for offset in 0..<min(length, available) where base[index + offset] != letters[offset] {
            matches = false
            break
        }
        // One byte more, to tell `true` from `trueish`.
        if matches, available <= length {
            if !finished { return nil }
            matches = available == length
        } else if matches, JSONTokenizer.isWordByte(base[index + length]) {
            matches = false
        }
        guard matches else {
            if isCut(at: index) { return nil }
            throw unexpected(at: index)
        }
        startToken()
        index += length
        expect = .afterValue
        return Token(kind: kind, line: tokenLine, column: tokenColumn)
    }

    // MARK: - Strings

    /// Scans (and decodes, if `decodes`) a string from `index`, just after the opening quote or where an
    /// earlier call stopped. True when the closing quote was consumed; false when the input fed so far ends
    /// inside the string (everything before is consumed).
    private mutating func scanString(decodes: Bool) throws(JSONSyntaxError) -> Bool {
        let bytes = base
        let end = count
        var position = index
        while true {
            let runStart = position
            while position < end {
                let byte = bytes[position]
                if byte == .quote || byte == .backslash || byte < 0x20 || byte >= 0x80 { break }
                position += 1
            }
            if decodes, position > runStart {
                textBytes.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: position - runStart))
            }
            guard position < end else { return try stringNeedsInput(at: position) }
            let byte = bytes[position]
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
                throw fail(at: position, Bilingual(en: "a control character (\(JSONTokenizer.scalarName(byte))) inside a string",
                                                   de: "ein Steuerzeichen (\(JSONTokenizer.scalarName(byte, german: true))) in einer Zeichenkette"),
                           hint: byte == .lineFeed || byte == .carriageReturn
                               ? Bilingual(en: "write a line break inside a string as \\n; is a closing '\"' missing?",
                                           de: "schreiben Sie einen Zeilenumbruch in einer Zeichenkette als \\n; fehlt ein schliessendes '\"'?")
                               : Bilingual(en: "write control characters inside strings as \\u00XX, e.g. \\t for a tab",
                                           de: "schreiben Sie Steuerzeichen in Zeichenketten als \\u00XX, z. B. \\t für einen Tabulator"))
            }
            let length = JSONTokenizer.utf8Length(bytes, at: position, end: end)
            if length == 0 {
                if finished { throw encodingError(at: position) }
                return try stringNeedsInput(at: position)
            }
            if length < 0 { throw encodingError(at: position) }
            if decodes {
                textBytes.append(contentsOf: UnsafeBufferPointer(start: bytes + position, count: length))
            }
            continuationBytes += length - 1
            position += length
        }
    }

    /// The input ends inside a string at `position`: wait for more, or report it at the end.
    private mutating func stringNeedsInput(at position: Int) throws(JSONSyntaxError) -> Bool {
        index = position
        if finished {
            let isKey = if case .string(true) = partial { true } else { false }
            throw fail(at: position, Bilingual(en: "the file ends inside the \(isKey ? "key" : "string") that starts at line \(tokenLine), column \(tokenColumn); expected a closing '\"'",
                                               de: "die Datei endet innerhalb \(isKey ? "des Schlüssels, der" : "der Zeichenkette, die") in Zeile \(tokenLine), Spalte \(tokenColumn) beginnt; erwartet: ein schliessendes '\"'"),
                       hint: Bilingual(en: "the file may have been cut off, or a '\"' inside the text is not written as \\\"",
                                       de: "die Datei ist womöglich abgeschnitten, oder ein '\"' im Text ist nicht als \\\" geschrieben"))
        }
        return false
    }

    /// Decodes the escape at `position` (a backslash); returns its length in bytes, or nil when
    /// the input fed so far ends inside it.
    private mutating func escape(at position: Int, decodes: Bool) throws(JSONSyntaxError) -> Int? {
        let bytes = base
        guard position + 1 < count else { return nil }
        let decoded: UInt8
        switch bytes[position + 1] {
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
            let found = describe(at: position + 1)
            throw fail(at: position, Bilingual(en: "the escape '\\' followed by \(found.en) is not JSON",
                                               de: "die Escape-Sequenz '\\' gefolgt von \(found.de) ist kein JSON"),
                       hint: Bilingual(en: "JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash itself as \\\\",
                                       de: "JSON kennt die Escape-Sequenzen \\\" \\\\ \\/ \\b \\f \\n \\r \\t und \\uXXXX; schreiben Sie einen Backslash selbst als \\\\"))
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
            if next < count, base[next] != .backslash { throw loneSurrogate(first, at: position) }
            if next + 1 < count, base[next + 1] != UInt8(ascii: "u") { throw loneSurrogate(first, at: position) }
            if next + 6 > count {
                if finished { throw loneSurrogate(first, at: position) }
                return nil
            }
            guard let second = try hexValue(at: next) else { return nil }
            guard (0xDC00...0xDFFF).contains(second) else { throw loneSurrogate(first, at: position) }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            length = 12
        }
        if decodes {
            let scalar = Unicode.Scalar(scalarValue)!
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
            let byte = base[position + offset]
            let digit: UInt8
            switch byte {
            case .zero...UInt8(ascii: "9"): digit = byte - .zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                if isCut(at: position + offset) { return nil }
                let found = describe(at: position + offset)
                throw fail(at: position, Bilingual(en: "the escape \\u is followed by \(found.en) instead of four hex digits",
                                                   de: "auf die Escape-Sequenz \\u folgt \(found.de) statt vier Hex-Ziffern"),
                           hint: Bilingual(en: "write \\u and exactly four hex digits, e.g. \\u00E4 for ä",
                                           de: "schreiben Sie \\u und genau vier Hex-Ziffern, z. B. \\u00E4 für ä"))
            }
            value = value << 4 | UInt32(digit)
        }
        guard position + 5 < count else {
            throw fail(at: position, Bilingual(en: "the file ends inside the escape \\u; expected four hex digits",
                                               de: "die Datei endet innerhalb der Escape-Sequenz \\u; erwartet: vier Hex-Ziffern"),
                       hint: JSONTokenizer.cutOffHint)
        }
        return value
    }

    private mutating func loneSurrogate(_ value: UInt32, at position: Int) -> JSONSyntaxError {
        let hex = String(value, radix: 16, uppercase: true)
        let isHigh = value < 0xDC00
        return fail(at: position, Bilingual(en: "the escape \\u\(hex) is a lone \(isHigh ? "high" : "low") surrogate",
                                            de: "die Escape-Sequenz \\u\(hex) ist ein einzelnes \(isHigh ? "hohes" : "tiefes") Surrogat"),
                    hint: isHigh
                        ? Bilingual(en: "a \\uD800–\\uDBFF escape must be followed by a \\uDC00–\\uDFFF escape (a surrogate pair), or write the character itself",
                                    de: "auf \\uD800–\\uDBFF muss \\uDC00–\\uDFFF folgen (ein Surrogatpaar), oder schreiben Sie das Zeichen selbst")
                        : Bilingual(en: "a \\uDC00–\\uDFFF escape must follow a \\uD800–\\uDBFF escape (a surrogate pair), or write the character itself",
                                    de: "\\uDC00–\\uDFFF muss auf \\uD800–\\uDBFF folgen (ein Surrogatpaar), oder schreiben Sie das Zeichen selbst"))
    }

    /// The length of the UTF-8 sequence at `position`: its length when valid, 0 when the input
    /// ends inside a sequence that is valid so far, -1 when invalid.
    @inline(__always)
    static func utf8Length(_ bytes: UnsafeMutablePointer<UInt8>, at position: Int, end: Int) -> Int {
        let lead = bytes[position]
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let continuations: Int
        switch lead {
        case 0xC2...0xDF: continuations = 1
        case 0xE0: continuations = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuations = 2
        case 0xED: continuations = 2; high = 0x9F
        case 0xF0: continuations = 3; low = 0x90
        case 0xF1...0xF3: continuations = 3
        case 0xF4: continuations = 3; high = 0x8F
        default: return -1
        }
        for offset in 1...continuations {
            guard position + offset < end else { return 0 }
            let byte = bytes[position + offset]
            if byte < low || byte > high { return -1 }
            low = 0x80
            high = 0xBF
        }
        return continuations + 1
    }

    // MARK: - Numbers

    /// Scans a number from `index` (its first byte, or where an earlier call stopped in `state`).
    private mutating func scanNumber(from initial: NumberState) throws(JSONSyntaxError) -> Token? {
        let bytes = base
        let end = count
        let start = index
        var state = initial
        var position = index
        scan: while position < end {
            let byte = bytes[position]
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
                if isDigit {
                    throw numberError(start, position,
                                      Bilingual(en: "a number cannot start with 0 followed by more digits",
                                                de: "eine Zahl kann nicht mit 0 und weiteren Ziffern beginnen"),
                                      hint: Bilingual(en: "write the number without leading zeros, or as a string if the zeros matter (\"007\")",
                                                      de: "schreiben Sie die Zahl ohne führende Nullen, oder als Text, wenn die Nullen wichtig sind (\"007\")"))
                }
                if byte == .period { state = .dot } else if byte | 0x20 == UInt8(ascii: "e") { state = .exponent } else { break scan }
            case .integer:
                if isDigit { break }
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
        textBytes.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: position - start))
        index = position
        if !finished, position == end || !state.isComplete {
            // The input ends inside the number, or after a word that it cuts (for the message).
            partial = .number(state)
            return nil
        }
        partial = .none
        guard state.isComplete else {
            let expected: Bilingual = switch state {
            case .minus: .digitAfterMinus
            case .dot: .digitAfterPoint
            default: .digitInExponent
            }
            throw numberError(position, position, expected)
        }
        expect = .afterValue
        return Token(kind: .number, line: tokenLine, column: tokenColumn)
    }

    private mutating func numberError(_ start: Int, _ position: Int, _ expected: Bilingual,
                                      hint: Bilingual = Bilingual(
                                          en: "write numbers as 12, -3, 0.5 or 1e6; anything else as a string in double quotes",
                                          de: "schreiben Sie Zahlen als 12, -3, 0.5 oder 1e6; alles andere als Text in doppelten Anführungszeichen"))
        -> JSONSyntaxError {
        if position > start {
            textBytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: position - start))
        }
        let literal = String(decoding: textBytes, as: UTF8.self)
        let message: Bilingual
        if expected.en.hasPrefix("a number") {
            let shown = "'\(literal)\(JSONTokenizer.isWordByte(base[position]) ? String(UnicodeScalar(base[position])) : "")'"
            message = Bilingual(en: "\(expected.en): \(shown)", de: "\(expected.de): \(shown)")
        } else {
            let found = describe(at: position)
            message = Bilingual(en: "\(expected.en) in the number '\(literal)', found \(found.en)",
                                de: "in der Zahl '\(literal)' \(expected.de); gefunden: \(found.de)")
        }
        var hint = hint
        if literal == "-", word(at: position) == "Infinity" {
            hint = JSONTokenizer.noInfinityHint
        }
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
        let hex = String(base[position], radix: 16, uppercase: true)
        return fail(at: position, Bilingual(en: "byte 0x\(hex) is not UTF-8; the file was probably saved as Windows-1252 or Latin-1",
                                            de: "das Byte 0x\(hex) ist kein UTF-8; die Datei wurde wohl als Windows-1252 oder Latin-1 gespeichert"),
                    hint: Bilingual(en: "save the file as UTF-8 and run again",
                                    de: "speichern Sie die Datei als UTF-8 und starten Sie erneut"),
                    kind: .encoding)
    }

    /// The error for an unexpected byte (or the end) at `position`, saying what was expected.
    private mutating func unexpected(at position: Int) -> JSONSyntaxError {
        if position < count, base[position] >= 0x80, JSONTokenizer.utf8Length(base, at: position, end: count) < 0 {
            return encodingError(at: position)
        }
        let found = describe(at: position)
        let byte: UInt8? = position < count ? base[position] : nil
        let word = word(at: position)
        var hint: Bilingual?
        switch word {
        case "True", "False", "TRUE", "FALSE", "None", "NULL", "Null", "nil", "undefined":
            hint = Bilingual(en: "JSON writes true, false and null in lower case",
                             de: "JSON schreibt true, false und null klein")
        case "NaN", "Infinity":
            hint = Bilingual(en: "JSON has no NaN or Infinity: write null, or the value as a string",
                             de: "JSON kennt weder NaN noch Infinity: schreiben Sie null, oder den Wert als Text")
        default:
            break
        }
        if hint == nil, let byte {
            switch (expect, byte) {
            case (_, .apostrophe):
                hint = Bilingual(en: "JSON strings and keys are written in double quotes",
                                 de: "in JSON stehen Texte und Schlüssel in doppelten Anführungszeichen")
            case (_, .slash):
                hint = Bilingual(en: "JSON has no comments", de: "JSON kennt keine Kommentare")
            case (.element, .closeBracket), (.key, .closeBrace):
                hint = Bilingual(en: "JSON allows no comma after the last element; remove the ','",
                                 de: "JSON erlaubt kein Komma nach dem letzten Element; entfernen Sie das ','")
            case (.firstKey, _), (.key, _):
                if !word.isEmpty {
                    hint = Bilingual(en: "write the key in double quotes: \"\(word)\"",
                                     de: "schreiben Sie den Schlüssel in doppelten Anführungszeichen: \"\(word)\"")
                }
            case (.afterValue, .quote), (.afterValue, .openBrace), (.afterValue, .openBracket):
                if let top = containers.last {
                    hint = top.isObject
                        ? Bilingual(en: "a ',' is missing between two members", de: "zwischen zwei Einträgen fehlt ein ','")
                        : Bilingual(en: "a ',' is missing between two elements", de: "zwischen zwei Elementen fehlt ein ','")
                } else if mode == .document {
                    hint = Bilingual(en: "a JSON file holds one value; for one record per line, use a .jsonl (JSON Lines) file",
                                     de: "eine JSON-Datei enthält einen einzigen Wert; für einen Datensatz pro Zeile verwenden Sie eine .jsonl-Datei (JSON Lines)")
                } else {
                    hint = Bilingual(en: "write each record on its own line", de: "schreiben Sie jeden Datensatz auf eine eigene Zeile")
                }
            case (.afterValue, .closeBrace), (.afterValue, .closeBracket):
                if let top = containers.last {
                    hint = Bilingual(
                        en: "the \(top.isObject ? "object" : "array") opened at line \(top.line), column \(top.column) must be closed with '\(top.isObject ? "}" : "]")' first",
                        de: "\(top.isObject ? "das Objekt" : "das Array"), das in Zeile \(top.line), Spalte \(top.column) geöffnet wurde, muss zuerst mit '\(top.isObject ? "}" : "]")' geschlossen werden")
                }
            case (.documentStart, _), (.firstElement, _), (.element, _), (.memberValue, _):
                if !word.isEmpty {
                    hint = Bilingual(en: "write text in double quotes: \"\(word)\"",
                                     de: "schreiben Sie Text in doppelten Anführungszeichen: \"\(word)\"")
                }
            default:
                break
            }
        }
        let expected = expectation()
        return fail(at: position, Bilingual(en: "expected \(expected.en), found \(found.en)",
                                            de: "erwartet: \(expected.de); gefunden: \(found.de)"),
                    hint: hint)
    }

    /// What the grammar expects now, in words.
    private func expectation() -> Bilingual {
        switch expect {
        case .documentStart: Bilingual(en: "a JSON value", de: "ein JSON-Wert")
        case .firstElement: Bilingual(en: "a value or ']'", de: "ein Wert oder ']'")
        case .element: Bilingual(en: "a value after ','", de: "ein Wert nach ','")
        case .firstKey: Bilingual(en: "a key in double quotes or '}'", de: "ein Schlüssel in doppelten Anführungszeichen oder '}'")
        case .key: Bilingual(en: "a key in double quotes after ','", de: "ein Schlüssel in doppelten Anführungszeichen nach ','")
        case .colon: Bilingual(en: "':' after the key", de: "':' nach dem Schlüssel")
        case .memberValue: Bilingual(en: "a value after ':'", de: "ein Wert nach ':'")
        case .afterValue:
            if let top = containers.last {
                top.isObject
                    ? Bilingual(en: "',' or '}' after the member", de: "',' oder '}' nach dem Eintrag")
                    : Bilingual(en: "',' or ']' after the element", de: "',' oder ']' nach dem Element")
            } else {
                mode == .lines
                    ? Bilingual(en: "the end of the line after the value", de: "das Zeilenende nach dem Wert")
                    : Bilingual(en: "the end of the file after the top-level value", de: "das Dateiende nach dem Wert der obersten Ebene")
            }
        case .skippingLine, .failed: Bilingual(en: "nothing", de: "nichts")
        }
    }

    /// The innermost open value, in words.
    /// (The German is in the genitive, after "innerhalb".)
    private func openValue() -> Bilingual {
        if case .string(let isKey) = partial {
            return Bilingual(en: "the \(isKey ? "key" : "string") that starts at line \(tokenLine), column \(tokenColumn)",
                             de: "\(isKey ? "des Schlüssels, der" : "der Zeichenkette, die") in Zeile \(tokenLine), Spalte \(tokenColumn) beginnt")
        }
        guard let top = containers.last else { return Bilingual(en: "a value", de: "eines Werts") }
        return Bilingual(en: "the \(top.isObject ? "object" : "array") opened at line \(top.line), column \(top.column)",
                         de: "\(top.isObject ? "des Objekts" : "des Arrays"), das in Zeile \(top.line), Spalte \(top.column) geöffnet wurde")
    }

    /// What stands at `position`, for a message: a quoted character or word, or the end.
    private func describe(at position: Int) -> Bilingual {
        guard position < count else {
            return finished ? Bilingual(en: "the end of the file", de: "das Dateiende")
                : Bilingual(en: "the end of the input", de: "das Ende der Eingabe")
        }
        let byte = base[position]
        if byte == .lineFeed { return Bilingual(en: "the end of the line", de: "das Zeilenende") }
        if byte < 0x20 || byte == 0x7F {
            return Bilingual(en: "the control character \(JSONTokenizer.scalarName(byte))",
                             de: "das Steuerzeichen \(JSONTokenizer.scalarName(byte, german: true))")
        }
        let quoted: String
        let word = word(at: position)
        if !word.isEmpty {
            quoted = "'\(word)'"
        } else if byte >= 0x80 {
            let length = JSONTokenizer.utf8Length(base, at: position, end: count)
            guard length > 0 else {
                let hex = String(byte, radix: 16, uppercase: true)
                return Bilingual(en: "byte 0x\(hex)", de: "das Byte 0x\(hex)")
            }
            quoted = "'\(String(decoding: UnsafeBufferPointer(start: base + position, count: length), as: UTF8.self))'"
        } else {
            quoted = "'\(String(UnicodeScalar(byte)))'"
        }
        return Bilingual(en: quoted, de: quoted)
    }

    /// Whether the input fed so far ends inside the word (or character) at `position`, so that
    /// a message about it would depend on where the chunks are cut: then wait for more input.
    private func isCut(at position: Int) -> Bool {
        guard !finished else { return false }
        var end = position
        while end < count, end - position < 24, JSONTokenizer.isWordByte(base[end]) { end += 1 }
        if end == count, end - position < 24 { return true }
        if end == position, base[position] >= 0x80 {
            return JSONTokenizer.utf8Length(base, at: position, end: count) == 0
        }
        return false
    }

    /// The run of ASCII letters, digits and `_` at `position` (at most 24 characters), or "".
    private func word(at position: Int) -> String {
        var end = position
        while end < count, end - position < 24, JSONTokenizer.isWordByte(base[end]) { end += 1 }
        return String(decoding: UnsafeBufferPointer(start: base + position, count: end - position), as: UTF8.self)
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

    static func scalarName(_ byte: UInt8, german: Bool = false) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        switch byte {
        case .lineFeed: return "\(code), \(german ? "ein Zeilenumbruch" : "a line break")"
        case .carriageReturn: return "\(code), \(german ? "ein Wagenrücklauf" : "a carriage return")"
        case .tab: return "\(code), \(german ? "ein Tabulator" : "a tab")"
        default: return code
        }
    }

    static let cutOffHint = Bilingual(en: "the file may have been cut off: take the complete export",
                                      de: "die Datei ist womöglich abgeschnitten: nehmen Sie den vollständigen Export")
    static let noInfinityHint = Bilingual(en: "JSON has no Infinity or NaN: write null, or the value as a string",
                                          de: "JSON kennt weder Infinity noch NaN: schreiben Sie null, oder den Wert als Text")
}

/// A place where the input is not JSON: where, what was expected, and what would be right.
struct JSONSyntaxError: Error, Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// The grammar is broken.
        case syntax
        /// A byte that is not UTF-8.
        case encoding
        /// The input holds no value at all (empty, or only white space).
        case noValue
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// What is wrong, saying what was expected and what was found.
    var message: String
    /// What would be right.
    var hint: String?
    /// The message and hint in German.
    var messageDE: String
    var hintDE: String?
}

extension JSONSyntaxError {
    init(kind: Kind, line: Int, column: Int, message: Bilingual, hint: Bilingual?) {
        self.init(kind: kind, line: line, column: column, message: message.en, hint: hint?.en,
                  messageDE: message.de, hintDE: hint?.de)
    }
}

/// The German of the number errors (the English says what was expected; the German what is missing).
extension Bilingual {
    fileprivate static let digitAfterMinus = Bilingual(en: "expected a digit after '-'", de: "fehlt eine Ziffer nach '-'")
    fileprivate static let digitAfterPoint = Bilingual(en: "expected a digit after the decimal point",
                                                       de: "fehlt eine Ziffer nach dem Dezimalpunkt")
    fileprivate static let digitInExponent = Bilingual(en: "expected a digit in the exponent", de: "fehlt eine Ziffer im Exponenten")
}

extension UInt8 {
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let apostrophe = UInt8(ascii: "'")
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
