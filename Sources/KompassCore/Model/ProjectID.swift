/// The stable, readable identifier of a project: lowercase ASCII letters, digits and hyphens,
/// e.g. `digital-lab`. Harvesters and the change feed key on it, so it never changes.
public struct ProjectID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts only well-formed identifiers: 1–80 characters of `a-z`, `0-9` and `-`,
    /// starting with a letter or digit, with no `--` and no trailing `-`.
    public init?(_ text: String) {
        guard ProjectID.isWellFormed(text) else { return nil }
        rawValue = text
    }

    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...80).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
        else { return false }
        var previousWasHyphen = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return true
    }

    public var description: String { rawValue }

    public static func < (lhs: ProjectID, rhs: ProjectID) -> Bool { lhs.rawValue < rhs.rawValue }
}
