/// What changed in a text, word by word: the words both versions share, those removed and those added, in
/// order (the longest common subsequence of the two word sequences). Words are separated by white space, which
/// the diff does not compare.
public struct WordDiff: Sendable, Equatable {
    public enum Operation: String, Sendable {
        case equal, delete, insert
    }

    /// A run of words with one operation.
    public struct Part: Sendable, Equatable {
        public var operation: Operation
        public var words: [Substring]

        public var text: String { words.joined(separator: " ") }
    }

    public var parts: [Part]

    /// Beyond this many word pairs the texts are compared as wholes (one deletion, one insertion): the
    /// comparison's table grows with the product of the two lengths.
    static let cellLimit = 4_000_000

    public init(from old: String, to new: String) {
        let a = old.split(whereSeparator: \.isWhitespace), b = new.split(whereSeparator: \.isWhitespace)
        var parts: [Part] = []
        func add(_ operation: Operation, _ word: Substring) {
            if parts.last?.operation == operation { parts[parts.count - 1].words.append(word) } else { parts.append(Part(operation: operation, words: [word])) }
        }
        if a.count * b.count > WordDiff.cellLimit {
            a.forEach { add(.delete, $0) }
            b.forEach { add(.insert, $0) }
            self.parts = parts
            return
        }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        let width = b.count + 1
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = a[i] == b[j] ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                add(.equal, a[i]); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                // Removed words before added ones, as git's word diff shows them.
                add(.delete, a[i]); i += 1
            } else {
                add(.insert, b[j]); j += 1
            }
        }
        self.parts = parts
    }

    /// Whether the two texts have the same words.
    public var isEmpty: Bool { parts.allSatisfy { $0.operation == .equal } }

    /// The parts with long runs of shared words shortened to their edges (`context` words each side, `…` between):
    /// what a person reads to see the change.
    public func condensed(context: Int = 3) -> [Part] {
        parts.enumerated().map { index, part in
            guard part.operation == .equal, part.words.count > 2 * context + 1 else { return part }
            let first = index == 0, last = index == parts.count - 1
            var words: [Substring] = []
            if !first { words += part.words.prefix(context) }
            words.append("…")
            if !last { words += part.words.suffix(context) }
            return Part(operation: .equal, words: words)
        }
    }
}
