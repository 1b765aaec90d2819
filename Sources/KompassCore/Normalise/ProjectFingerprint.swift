/// A short, stable fingerprint of a project's texts ("Bisher" and "In Zukunft"), by which the
/// register recognises a project on the page wherever it moves to.
///
/// The register keeps one fingerprint per text (`of(text:)`), so that a project whose one text was edited is
/// still recognised by the other; the fingerprint of both texts together (`of(before:future:)`) is that of the
/// register's old form and of the publication state.
public enum ProjectFingerprint {
    /// Hex digits kept of the SHA-256: 64 bits, plenty for a portfolio, short enough to read.
    public static let length = 16

    /// The fingerprint of one text: the first 16 hex digits of the SHA-256 of its UTF-8.
    public static func of(text: String) -> String {
        String(SHA256.hex(of: Array(text.utf8)).prefix(length))
    }

    public static func of(before: String, future: String) -> String {
        let digest = SHA256.hex(of: Array(before.utf8) + [0x0A, 0x0A] + Array(future.utf8))
        return String(digest.prefix(length))
    }

    /// The same fingerprint as a number: the first eight bytes of the digest, big-endian (its 16 hex digits).
    public static func digest(before: String, future: String) -> UInt64 {
        var hasher = SHA256()
        hasher.update(before.utf8)
        hasher.update([0x0A, 0x0A])
        hasher.update(future.utf8)
        return hasher.finalize().prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
