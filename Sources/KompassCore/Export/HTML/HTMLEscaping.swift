extension Escaping {
    /// Escapes `& < > " '` for HTML text and (quoted) attribute values, so that a value can never
    /// open or close a tag, an attribute or a character reference.
    ///
    /// HTML is stricter than XML about the characters it lets through: C0 controls other than tab
    /// and line feed, DEL, the C1 controls and the Unicode noncharacters are parse errors in an HTML
    /// document (even written as character references), so each becomes U+FFFD. A carriage return
    /// becomes a line feed (what the parser would make of it). Validation reports such characters
    /// before anything is exported; this keeps the page valid whatever reaches it.
    public static func html(_ text: String) -> String {
        guard text.containsUTF8Byte(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
            || $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF || $0 >= 0xF0 })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "\n"
            default:
                out.unicodeScalars.append(isForbiddenInHTML(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// Controls (other than white space) and noncharacters: parse errors wherever they appear in HTML.
    static func isForbiddenInHTML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0C && value != 0x0D }
        if (0x7F...0x9F).contains(value) { return true }
        if (0xFDD0...0xFDEF).contains(value) { return true }
        return value & 0xFFFE == 0xFFFE
    }
}
