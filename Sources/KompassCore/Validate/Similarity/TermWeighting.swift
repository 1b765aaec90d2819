import Foundation

/// TF-IDF weights: how much a term of a text says about what the text is about.
///
/// A term's weight in a text is its sublinear term frequency times its smoothed inverse document frequency,
/// and a text's vector is L2-normalised (`SparseVector`), so that the cosine of two texts is the dot product of
/// their vectors: 1 for texts with the same terms in the same proportions, 0 for texts without a common term.
enum TermWeighting {
    /// Sublinear term frequency, 1 + ln(count): a word said three times counts about twice, not three times
    /// (a long text repeating its subject does not outweigh a short one naming it once).
    static func termFrequency(_ count: UInt32) -> Double {
        1 + log(Double(count))
    }

    /// Smoothed inverse document frequency, ln((1 + n) / (1 + df)) + 1, for a term used by `documentFrequency`
    /// of `documents` documents: high for rare terms, 1 for a term every document uses (never 0, never
    /// infinite; the +1s are those of scikit-learn's `smooth_idf`).
    static func inverseDocumentFrequency(_ documentFrequency: Int, documents: Int) -> Double {
        log(Double(1 + documents) / Double(1 + documentFrequency)) + 1
    }
}

/// An L2-normalised sparse vector: term identifiers in ascending order with their weights (unit length, or
/// empty).
struct SparseVector: Sendable, Equatable {
    private(set) var terms: [UInt32] = []
    private(set) var weights: [Double] = []

    init() {}

    /// The TF-IDF vector of a text given as distinct `terms` (ascending) and their `counts`; `idf` gives each
    /// term identifier's inverse document frequency, 0 for a term that is ignored.
    init(terms: [UInt32], counts: [UInt32], idf: [Double]) {
        self.init(zip(terms, counts).lazy.map { (term: $0, count: $1) }, idf: idf)
    }

    /// The same from (term, count) pairs with ascending terms.
    init(_ entries: some Sequence<(term: UInt32, count: UInt32)>, idf: [Double]) {
        var squares = 0.0
        for (term, count) in entries {
            let inverse = idf[Int(term)]
            guard inverse > 0 else { continue }
            let weight = TermWeighting.termFrequency(count) * inverse
            self.terms.append(term)
            weights.append(weight)
            squares += weight * weight
        }
        guard squares > 0 else { return }
        let norm = squares.squareRoot()
        for index in weights.indices { weights[index] /= norm }
    }

    var isEmpty: Bool { terms.isEmpty }
    var count: Int { terms.count }

    /// The cosine of the two texts: the dot product of the unit vectors (0 when either is empty).
    func dot(_ other: SparseVector) -> Double {
        var sum = 0.0
        forEachSharedTerm(with: other) { i, j in sum += weights[i] * other.weights[j] }
        return sum
    }

    /// Calls `body` with the positions (here, there) of each term both vectors have, in term order: one
    /// merge of the two sorted term lists.
    private func forEachSharedTerm(with other: SparseVector, _ body: (Int, Int) -> Void) {
        var i = 0, j = 0
        while i < terms.count && j < other.terms.count {
            if terms[i] == other.terms[j] {
                body(i, j)
                i += 1
                j += 1
            } else if terms[i] < other.terms[j] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    /// The terms both vectors have, with their share of the dot product, largest first (ties: smaller
    /// term identifier first).
    func contributions(with other: SparseVector) -> [(term: UInt32, product: Double)] {
        var shared: [(term: UInt32, product: Double)] = []
        forEachSharedTerm(with: other) { i, j in shared.append((terms[i], weights[i] * other.weights[j])) }
        return shared.sorted { ($0.product, $1.term) > ($1.product, $0.term) }
    }
}
