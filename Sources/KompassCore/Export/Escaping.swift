/// Escaping for every text kompass writes into XML, CSV and JSON. Nothing reaches an output unescaped.
public enum Escaping {
    /// Escapes `& < > " '` for XML text and attribute values, and replaces the characters
    /// XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF)
    /// with U+FFFD. Validation reports such characters as errors before anything is exported;
    /// this is the last line of defence that keeps every written document well-formed.
    public static func xml(_ text: String) -> String {
        guard text.containsUTF8Byte(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0xEF })
        else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&apos;".utf8)
            case 0x09, 0x0A: out.append(byte)
            case 0x0D: out += Array("&#13;".utf8)
            case 0x00..<0x20: out += replacementCharacter
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                out += replacementCharacter  // U+FFFE, U+FFFF
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// U+FFFD in UTF-8.
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// One CSV cell (RFC 4180): quoted when it holds the delimiter, a quote, a line break,
    /// or leading or trailing white space; quotes inside are doubled.
    public static func csv(_ text: String, delimiter: UInt8 = UInt8(ascii: ";")) -> String {
        guard csvNeedsQuotes(text, delimiter: delimiter) else { return text }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a CSV cell must be quoted: it holds the delimiter, a quote or a line break, or starts or ends
    /// with white space.
    static func csvNeedsQuotes(_ text: String, delimiter: UInt8) -> Bool {
        text.containsUTF8Byte { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || edgeIsWhitespace(text)
    }

    /// Whether a JSON string needs more than its quotes (a control character, a quote, a backslash, or a
    /// byte that may start U+2028 or U+2029).
    static func jsonNeedsEscapes(_ text: String) -> Bool {
        text.containsUTF8Byte(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 })
    }

    /// Whether the first or the last character is white space. An ASCII byte at an edge is a character of
    /// its own there, so it is judged by its byte; other edges by their `Character` (e.g. U+00A0, U+2003).
    static func edgeIsWhitespace(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        let firstIsWhitespace = first < 0x80 ? isASCIIWhitespace(first) : text.first?.isWhitespace == true
        if firstIsWhitespace { return true }
        return last < 0x80 ? isASCIIWhitespace(last) : text.last?.isWhitespace == true
    }

    /// Tab, line feed, vertical tab, form feed, carriage return, space: the ASCII characters Swift counts as white space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// A JSON string literal with its quotes. Control characters are escaped, and so are U+2028
    /// and U+2029 so that the text is also safe inside a script.
    public static func json(_ text: String) -> String {
        // Most texts need no escape at all: one scan, then the text between quotes.
        if !jsonNeedsEscapes(text) { return "\"" + text + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        var iterator = text.utf8.makeIterator()
        var pending: [UInt8] = []
        func emit(_ byte: UInt8) {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x00..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        while let byte = iterator.next() {
            // U+2028 and U+2029 (E2 80 A8/A9) are escaped so that the text is also safe inside a script.
            if byte == 0xE2 || !pending.isEmpty {
                pending.append(byte)
                if pending.count == 3 {
                    if pending[1] == 0x80 && (pending[2] == 0xA8 || pending[2] == 0xA9) {
                        out += Array((pending[2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    } else {
                        out += pending
                    }
                    pending.removeAll(keepingCapacity: true)
                } else if pending.count == 2 && pending[1] != 0x80 {
                    out += pending
                    pending.removeAll(keepingCapacity: true)
                }
                continue
            }
            emit(byte)
        }
        out += pending
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
