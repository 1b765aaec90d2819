/// Text from the input as a report shows it: a control character never reaches the steward's terminal as
/// itself (an ESC sequence could retitle the window or clear the screen, a BEL ring, a NUL cut a log line), and
/// a value never makes a message larger than a person reads (a 20 MB header line is not a 20 MB message).
///
/// Shown escaped: the C0 and C1 controls and DEL, the byte-order mark U+FEFF (invisible, but it changes what a
/// header cell is called), the bidirectional embeddings, overrides and isolates (they reorder what is shown
/// around them) and the line and paragraph separators U+2028 and U+2029.
public enum ShownText {
    /// The most characters of one value a message quotes; a longer one is cut and ends in `…`.
    public static let valueLimit = 100
    /// The most characters of a whole message or hint.
    public static let messageLimit = 1_000

    /// `value` as a message quotes it: invisible and control characters as `\u{1B}`, at most `valueLimit`
    /// characters of it.
    public static func value(_ value: some StringProtocol) -> String {
        cut(escaped(String(value)), limit: valueLimit)
    }

    /// The most characters of a hint (a hint may hold a whole proposed file, e.g. a converted register).
    public static let hintLimit = 20_000

    /// A whole message or hint: the same escapes except line breaks and tabs (a hint may span lines, e.g. a file
    /// it proposes), at most `limit` characters. Every finding's texts go through it, whatever its rule quoted.
    public static func message(_ text: String, limit: Int = messageLimit) -> String {
        guard text.utf8.count > limit
            || needsEscape(text, keepingLineBreaks: true)
        else { return text }
        return cut(escaped(text, except: ["\n", "\t"]), limit: limit)
    }

    /// A hint: `message` with the hint's limit.
    public static func hint(_ text: String) -> String {
        message(text, limit: hintLimit)
    }

    /// A source line as an excerpt shows it: each control character as its Unicode control picture (␛ for ESC,
    /// ␀ for NUL, ␡ for DEL), any other scalar shown escaped as U+FFFD, one scalar for one, so that the caret stays
    /// under its column; `tabsAsSpaces`: a tab as a space instead (as an excerpt shows it). One pass over the UTF-8
    /// bytes (every excerpt of a report passes here, and a line may be long).
    public static func line(_ text: String, tabsAsSpaces: Bool = false) -> String {
        guard needsEscape(text, keepingLineBreaks: false) else { return text }
        var text = text
        return text.withUTF8 { utf8 in
            var shown: [UInt8] = []
            shown.reserveCapacity(utf8.count + 16)
            var index = 0
            while index < utf8.count {
                let length = escapedLength(utf8, at: index)
                guard length > 0 else {
                    shown.append(utf8[index])
                    index += 1
                    continue
                }
                let byte = utf8[index]
                switch byte {
                case 0x09 where tabsAsSpaces: shown.append(0x20)
                case 0x00...0x1F: shown += [0xE2, 0x90, 0x80 + byte]  // U+2400 + byte
                case 0x7F: shown += [0xE2, 0x90, 0xA1]  // U+2421
                default: shown += [0xEF, 0xBF, 0xBD]  // U+FFFD
                }
                index += length
            }
            return String(decoding: shown, as: UTF8.self)
        }
    }

    /// Whether `scalar` is shown escaped.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xFEFF, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether `text` holds a scalar that is shown escaped, read from its UTF-8 bytes (every finding's texts pass here,
    /// so this is on the hot path). `keepingLineBreaks`: a line break and a tab do not count (as in a message).
    static func needsEscape(_ text: String, keepingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                // Printable ASCII, the bulk of any text, in one comparison.
                if byte &- 0x20 < 0x5F {
                    index += 1
                    continue
                }
                if escapedLength(utf8, at: index) > 0, !(keepingLineBreaks && (byte == 0x0A || byte == 0x09)) { return true }
                index += 1
            }
            return false
        }
    }

    /// The length in bytes of the scalar shown escaped that starts at `index` of valid UTF-8, or 0 when none does
    /// there (a String's bytes are valid UTF-8, so the patterns are exact): a byte below 0x20 or 0x7F, C2 80…9F (the
    /// C1 controls), EF BB BF (U+FEFF), E2 80 A8…AE (U+2028, U+2029, U+202A…202E) and E2 81 A6…A9 (U+2066…2069).
    private static func escapedLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch utf8[index] {
        case 0x00...0x1F, 0x7F:
            return 1
        case 0xC2:
            return index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]) ? 2 : 0
        case 0xE2:
            guard index + 2 < utf8.count else { return 0 }
            let second = utf8[index + 1], third = utf8[index + 2]
            return (second == 0x80 && (0xA8...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) ? 3 : 0
        case 0xEF:
            return index + 2 < utf8.count && utf8[index + 1] == 0xBB && utf8[index + 2] == 0xBF ? 3 : 0
        default:
            return 0
        }
    }

    private static func escaped(_ text: String, except kept: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !kept.contains($0) }) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) && !kept.contains(scalar) {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }
}
