import Foundation

/// How the similarity index reads a text: as a sequence of lowercased words.
///
/// A word is a maximal run of letters, digits and combining marks, Unicode-aware (`ä`, `é`, `ß`, `Σ`
/// are letters, `²` is a digit). Everything else (whitespace, punctuation, quotes, dashes, symbols)
/// separates words and is dropped. Each scalar is lowercased with Unicode's lowercase mapping
/// (`Ä` → `ä`, `ẞ` → `ß`; `ß` stays `ß`, there is no case folding to `ss`). A text with decomposed
/// accents (`u` + U+0308) is composed first (NFC), so it reads like its precomposed twin (`ü`).
///
/// `"Die Abläufe sind – heute – «papierbasiert»!"` → `["die", "abläufe", "sind", "heute", "papierbasiert"]`.
public enum TextNormalisation {
    /// The lowercased words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        var collector = WordCollector()
        scan(text, into: &collector)
        return collector.words
    }

    /// Feeds the lowercased words of `text` to `sink`, byte by byte, without making strings.
    static func scan(_ text: String, into sink: inout some WordSink) {
        var text = text
        let composed = text.withUTF8 { scan(utf8: $0, into: &sink) }
        if !composed {
            // Decomposed accents: start again on the composed text (which has none left to compose).
            sink.reset()
            var precomposed = text.precomposedStringWithCanonicalMapping
            precomposed.withUTF8 { _ = scan(utf8: $0, into: &sink, composing: false) }
        }
    }

    /// Scans valid UTF-8. Returns false, having stopped, at a combining diacritical mark (U+0300–U+036F,
    /// lead bytes 0xCC/0xCD; a few Greek letters share them and merely cost a needless composition),
    /// unless `composing` is false.
    private static func scan(utf8: UnsafeBufferPointer<UInt8>, into sink: inout some WordSink,
                             composing: Bool = true) -> Bool {
        var index = 0
        var inWord = false
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                index += 1
                let lower = lead | 0x20
                if lower &- 0x61 < 26 {
                    sink.append(lower)
                    inWord = true
                } else if lead &- 0x30 < 10 {
                    sink.append(lead)
                    inWord = true
                } else if inWord {
                    sink.endWord()
                    inWord = false
                }
                continue
            }
            if composing && (lead == 0xCC || lead == 0xCD) { return false }
            // Valid UTF-8 (a Swift string): the lead byte tells the length.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
            let bytes = UnsafeBufferPointer(rebasing: utf8[index..<index + length])
            index += length
            if appendLowercased(value: value, bytes: bytes, to: &sink) {
                inWord = true
            } else if inWord {
                sink.endWord()
                inWord = false
            }
        }
        if inWord { sink.endWord() }
        return true
    }

    /// Appends a non-ASCII scalar, lowercased, if it belongs to a word; returns false if it separates words.
    @inline(__always)
    private static func appendLowercased(value: UInt32, bytes: UnsafeBufferPointer<UInt8>,
                                         to sink: inout some WordSink) -> Bool {
        // Latin-1 letters À–Þ (not ×): the lowercase letter is 0x20 further; ß–ÿ (not ÷) are lowercase already.
        if value >= 0xC0 && value <= 0xFF && value != 0xD7 && value != 0xF7 {
            sink.append(bytes[0])
            sink.append(value <= 0xDE ? bytes[1] &+ 0x20 : bytes[1])
            return true
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        guard isWordScalar(properties) else { return false }
        if properties.changesWhenLowercased {
            for byte in properties.lowercaseMapping.utf8 { sink.append(byte) }
        } else {
            for byte in bytes { sink.append(byte) }
        }
        return true
    }

    private static func isWordScalar(_ properties: Unicode.Scalar.Properties) -> Bool {
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

/// Receives the words of a text from `TextNormalisation.scan`: the bytes of a word, then its end.
protocol WordSink {
    mutating func append(_ byte: UInt8)
    mutating func endWord()
    /// Forget everything received so far (the text is scanned again).
    mutating func reset()
}

/// Collects the words as strings.
struct WordCollector: WordSink {
    var words: [String] = []
    private var word: [UInt8] = []

    mutating func append(_ byte: UInt8) { word.append(byte) }

    mutating func endWord() {
        words.append(String(decoding: word, as: UTF8.self))
        word.removeAll(keepingCapacity: true)
    }

    mutating func reset() {
        words.removeAll()
        word.removeAll()
    }
}

/// A 128-bit hash of a text's normalised word sequence: two texts with the same words in the same
/// order (whatever their case, spacing and punctuation) have the same hash.
///
/// Made of two independently computed 64-bit hashes: FNV-1a 64 over the words' bytes with a separator
/// between words, and a multiply-mix chain over the words' mixed hashes. Different word sequences share
/// a hash only by accident: for a portfolio of a million distinct texts the chance that any two of them
/// do is about n²/2¹²⁹ ≈ 10⁻²⁷, so equal hashes are taken to mean identical texts.
public struct NormalisedTextHash: Sendable, Hashable, Comparable {
    public var first: UInt64
    public var second: UInt64

    public static func < (lhs: NormalisedTextHash, rhs: NormalisedTextHash) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
    }
}

extension TextNormalisation {
    static let fnvOffsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// Replaces `wordHashes` with one well-mixed 64-bit hash per word of `text` (FNV-1a 64 of the
    /// lowercased word, then a finalising mix) and returns the hash of the whole word sequence.
    static func hashWords(_ text: String, into wordHashes: inout [UInt64]) -> NormalisedTextHash {
        wordHashes.removeAll(keepingCapacity: true)
        var hasher = WordHasher(wordHashes: wordHashes)
        wordHashes = []  // the hasher holds the only reference: appending does not copy
        scan(text, into: &hasher)
        wordHashes = hasher.wordHashes
        return hasher.textHash
    }

    /// The finaliser of SplitMix64 / MurmurHash3: every input bit affects every output bit.
    @inline(__always)
    static func mix64(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Hashes each word (FNV-1a 64, then `mix64`) and the whole sequence (see `NormalisedTextHash`).
struct WordHasher: WordSink {
    var wordHashes: [UInt64]
    private var word = TextNormalisation.fnvOffsetBasis
    private var sequence = TextNormalisation.fnvOffsetBasis
    private var chain: UInt64 = 0x243F_6A88_85A3_08D3

    init(wordHashes: [UInt64]) {
        self.wordHashes = wordHashes
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        word = (word ^ UInt64(byte)) &* TextNormalisation.fnvPrime
        sequence = (sequence ^ UInt64(byte)) &* TextNormalisation.fnvPrime
    }

    @inline(__always)
    mutating func endWord() {
        sequence = (sequence ^ 0x20) &* TextNormalisation.fnvPrime
        let mixed = TextNormalisation.mix64(word)
        wordHashes.append(mixed)
        chain = TextNormalisation.mix64(chain &+ mixed &* 0x9E37_79B9_7F4A_7C15)
        word = TextNormalisation.fnvOffsetBasis
    }

    mutating func reset() {
        wordHashes.removeAll(keepingCapacity: true)
        self = WordHasher(wordHashes: wordHashes)
    }

    var textHash: NormalisedTextHash {
        NormalisedTextHash(first: sequence, second: TextNormalisation.mix64(chain ^ UInt64(wordHashes.count)))
    }
}
