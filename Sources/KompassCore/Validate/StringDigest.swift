import Foundation

/// A string as a fixed-size key: the first 128 bits of the SHA-256 of its UTF-8 bytes, 16 bytes whatever the
/// string's length. The comparing rules key their tables by it instead of keeping the strings.
///
/// Two strings that Swift takes as equal have the same digest: Swift compares strings by canonical equivalence
/// (`"é"` precomposed equals `"e"` + U+0301), so a string with a scalar from U+0300 up (UTF-8 lead byte 0xCC or
/// above) is hashed in its composed form (NFC); below U+0300 every string is composed already. Two different
/// strings share a digest only by accident: for a million strings the chance that any two of them do is about
/// n²/2¹²⁹ ≈ 10⁻²⁷, so equal digests are taken to mean equal strings.
struct StringDigest: Sendable, Hashable {
    /// Bytes 0–7 and 8–15 of the SHA-256, big-endian.
    var first: UInt64
    var second: UInt64

    init(first: UInt64, second: UInt64) {
        self.first = first
        self.second = second
    }

    init(_ string: String) {
        var composed = string.utf8.allSatisfy { $0 < 0xCC } ? string : string.precomposedStringWithCanonicalMapping
        var hasher = SHA256()
        composed.withUTF8 { hasher.update(buffer: UnsafeRawBufferPointer($0)) }
        let digest = hasher.finalize()
        first = digest[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        second = digest[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The digest's bits are uniform already: a table needs no more than the first half.
    func hash(into hasher: inout Hasher) {
        hasher.combine(first)
    }
}
