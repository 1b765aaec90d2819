/// Decodes the bytes of a source as UTF-8 or Windows-1252, detecting which when not told.
///
/// Detection: as long as the source is plain ASCII, both agree. The first byte sequence that is not
/// valid UTF-8 decides for Windows-1252 (and is reported as such); valid multi-byte UTF-8 decides for
/// UTF-8. A later sequence that breaks the decided encoding is an error with its line, never a
/// silent replacement character. When detection chose Windows-1252 and a later line is valid multi-byte UTF-8,
/// the file mixes encodings: the decoder goes on in UTF-8 (no "Ã¼" from then on) and says where both were
/// seen (`mixed`), so that the one stray byte is reported as the error it is.
struct TextDecoder {
    enum State: Equatable {
        case undecided
        case decided(TextEncoding, detected: Bool, line: Int)
    }

    private(set) var state: State
    /// Where detection chose Windows-1252, and the later line that is UTF-8.
    private(set) var mixed: (windows1252Line: Int, utf8Line: Int)?

    init(encoding: TextEncoding?) {
        state = encoding.map { .decided($0, detected: false, line: 0) } ?? .undecided
    }

    /// The decided encoding, if any.
    var encoding: TextEncoding? {
        if case .decided(let encoding, _, _) = state { return encoding }
        return nil
    }

    /// Decodes `bytes` found at `line`; nil when they fit no acceptable encoding (the caller reports it).
    mutating func decode(_ bytes: ArraySlice<UInt8>, line: Int) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        switch state {
        case .undecided:
            if let text = String(validating: bytes, as: UTF8.self) {
                state = .decided(.utf8, detected: true, line: line)
                return text
            }
            // Valid multi-byte UTF-8 beside bytes that break it: the text mixes encodings, and
            // reading it as Windows-1252 would turn the UTF-8 letters into "Ã¼".
            if TextDecoder.containsMultibyteUTF8(bytes) {
                state = .decided(.utf8, detected: true, line: line)
                return nil
            }
            guard let text = TextDecoder.windows1252(bytes) else { return nil }
            state = .decided(.windows1252, detected: true, line: line)
            return text
        case .decided(.utf8, _, _):
            return String(validating: bytes, as: UTF8.self)
        case .decided(.windows1252, true, let decidedAt):
            if TextDecoder.containsMultibyteUTF8(bytes), let text = String(validating: bytes, as: UTF8.self) {
                mixed = (decidedAt, line)
                state = .decided(.utf8, detected: true, line: line)
                return text
            }
            return TextDecoder.windows1252(bytes)
        case .decided(.windows1252, false, _):
            return TextDecoder.windows1252(bytes)
        }
    }

    /// Whether `bytes` hold at least one complete, valid UTF-8 sequence of two to four bytes.
    static func containsMultibyteUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1
            if length > 1, index + length <= bytes.endIndex,
               String(validating: bytes[index..<index + length], as: UTF8.self) != nil {
                return true
            }
            index += 1
        }
        return false
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F; the five unassigned bytes fail.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte) {
                let value = high[Int(byte - 0x80)]
                guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
