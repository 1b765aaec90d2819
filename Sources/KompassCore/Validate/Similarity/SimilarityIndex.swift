/// Two projects whose texts are identical or nearly identical.
public struct SimilarPair: Sendable, Hashable {
    /// The smaller of the two ids.
    public var first: Int
    public var second: Int
    /// The normalised word sequences are equal (same words in the same order; case, spacing and
    /// punctuation aside).
    public var identical: Bool
    /// The estimated Jaccard similarity of the two texts' word 3-shingles; 1 for identical texts.
    public var estimatedJaccard: Double

    public init(first: Int, second: Int, identical: Bool, estimatedJaccard: Double) {
        self.first = first
        self.second = second
        self.identical = identical
        self.estimatedJaccard = estimatedJaccard
    }
}

/// Finds the texts of a portfolio that are identical or nearly identical (a copy-paste left on a page)
/// in time and memory that grow linearly with the number of projects.
///
/// Feed it project by project with `add(id:text:)`, then ask for `pairs(threshold:)`. Per project it keeps
/// 84 bytes and no strings: the id (4 bytes), a 128-bit hash of the normalised text (`NormalisedTextHash`,
/// 16 bytes) and a 64-byte `MinHashSignature`. Reserve room up front (`init(expectedCount:)`) for large
/// portfolios, so that the arrays do not grow by doubling. `pairs(threshold:)` needs about 20 bytes per
/// project more while it runs (sort keys for one band at a time), plus 32 bytes per pair it returns.
///
/// **Identical texts** (equal normalised word sequences, detected by equal text hashes) are grouped:
/// each project of a group is paired with the group's first project (the smallest id) only, so a
/// boilerplate text in n projects gives n − 1 pairs, not n²/2. Only the first project of each group takes
/// part in the search for near-duplicates; the others are represented by it.
///
/// **Near-identical texts** are found by locality-sensitive hashing on the signatures: the first 60 of the
/// 64 slots form 12 bands of 5 slots; two texts whose signatures agree in all slots of some band become a
/// candidate, and a candidate is reported when its estimated Jaccard similarity (all 64 slots) is at least
/// the threshold. The chance that a pair with true shingle similarity J becomes a candidate is
/// 1 − (1 − p⁵)¹² with p = J + (1 − J)/256 (the byte slots agree by chance too):
///
/// | J   | 0.3   | 0.5  | 0.6  | 0.7  | 0.8    | 0.9        |
/// |-----|-------|------|------|------|--------|------------|
/// | P   | 0.030 | 0.32 | 0.63 | 0.89 | 0.9917 | 0.99998    |
///
/// So a pair at J = 0.8 is missed as a candidate in fewer than 1 in 100 cases; at J = 0.5 a third of pairs
/// are compared (and then dismissed); unrelated texts almost never are. The banding is tuned for thresholds
/// from 0.8 up: at lower thresholds pairs are missed increasingly often.
///
/// The estimate itself has a standard deviation of about 0.05 near J = 0.8, so the threshold is soft: at
/// threshold 0.8, a candidate with true J = 0.7 is reported in 3 % of cases, J = 0.75 in 16 %, J = 0.8 in
/// 48 %, J = 0.85 in 85 %, J = 0.9 in 99 % (a copy with one word changed in 60 has J ≈ 0.9).
///
/// **Large buckets.** A band value shared by very many projects (the same paragraph in thousands of texts)
/// would make comparing every pair of its bucket quadratic. Instead each project is compared with at most
/// the first `bucketComparisonLimit` (8) projects of the bucket (in id order), so there are at most
/// 12 × 8 comparisons per project, whatever the data. The trade-off: in a bucket of more than 9 projects,
/// two later projects are not compared with each other in that band; the pair can still be found through
/// another band it shares, and both of them are reported together with the bucket's first projects, so
/// the cluster is visible, but not every pair within it is listed.
///
/// The output is deterministic: the same texts under the same ids give the same pairs in the same order,
/// in every run, whatever the order in which they were added.
public struct SimilarityIndex: Sendable {
    /// LSH bands and slots per band (12 × 5 = 60 of the signature's 64 slots).
    public static let bands = 12
    public static let rows = 5
    /// Per band, each project is compared with at most this many earlier projects of its bucket.
    public static let bucketComparisonLimit = 8
    /// The bytes kept per indexed project.
    public static let bytesPerProject = MemoryLayout<UInt32>.stride + MemoryLayout<NormalisedTextHash>.stride
        + MemoryLayout<MinHashSignature>.stride

    private var ids: [UInt32] = []
    private var textHashes: [NormalisedTextHash] = []
    private var signatures: [MinHashSignature] = []
    /// Reused for each text's word hashes; not per project.
    private var wordHashes: [UInt64] = []

    /// - Parameter expectedCount: how many projects will be added, to allocate the storage once.
    public init(expectedCount: Int = 0) {
        ids.reserveCapacity(expectedCount)
        textHashes.reserveCapacity(expectedCount)
        signatures.reserveCapacity(expectedCount)
    }

    /// How many texts are indexed.
    public var count: Int { ids.count }

    /// Indexes the text of project `id` (its index in the portfolio: 0 … 2³² − 1; each id once).
    /// A text without a single word (empty, or only punctuation) is not indexed: there is nothing to compare.
    public mutating func add(id: Int, text: String) {
        if let entry = SimilarityIndex.entry(text: text, scratch: &wordHashes) { add(id: id, entry: entry) }
    }

    /// What the index keeps of a text: the hash of its normalised words and its signature; nil for a text
    /// without words. Independent of any index, so it can be computed on another thread.
    public struct Entry: Sendable {
        let textHash: NormalisedTextHash
        let signature: MinHashSignature
    }

    /// The entry of `text`; `scratch` is reused between calls to save allocations.
    public static func entry(text: String, scratch wordHashes: inout [UInt64]) -> Entry? {
        let textHash = TextNormalisation.hashWords(text, into: &wordHashes)
        guard !wordHashes.isEmpty else { return nil }
        return Entry(textHash: textHash, signature: MinHashSignature(wordHashes: wordHashes))
    }

    /// Adds a text by its entry.
    public mutating func add(id: Int, entry: Entry) {
        precondition(id >= 0 && id <= Int(UInt32.max), "SimilarityIndex: id \(id) out of range")
        ids.append(UInt32(id))
        textHashes.append(entry.textHash)
        signatures.append(entry.signature)
    }

    /// Every pair of indexed texts that are identical, or whose estimated Jaccard similarity is at least
    /// `threshold` (0…1, e.g. 0.8), each pair once with `first < second`, sorted by (`first`, `second`).
    public func pairs(threshold: Double) -> [SimilarPair] {
        search(threshold: threshold).pairs
    }

    /// The pairs, and how many signature comparisons finding them took (at most 12 × 8 per text).
    func search(threshold: Double) -> (pairs: [SimilarPair], comparisons: Int) {
        precondition(threshold >= 0 && threshold <= 1, "SimilarityIndex: threshold \(threshold) outside 0…1")
        var (pairs, representatives) = identicalGroups()
        var comparisons = 0
        // Near pairs as (earlier rank, later rank), 8 bytes each. A pair sharing several bands is found in
        // each of them: the list is made unique after every band, so it never holds a pair more than twice.
        var near: [UInt64] = []
        var keys: [UInt64] = []
        keys.reserveCapacity(representatives.count)
        let limit = Self.bucketComparisonLimit
        for band in 0..<Self.bands {
            // Key: the band's 32-bit hash above the representative's rank; sorting groups equal bands
            // into buckets with their members in id order. Two different band values sharing a hash only
            // add a candidate that the comparison dismisses.
            keys.removeAll(keepingCapacity: true)
            for (rank, index) in representatives.enumerated() {
                let value = signatures[Int(index)].band(band, rows: Self.rows)
                let bucket = TextNormalisation.mix64(value &+ UInt64(band) << 40) >> 32
                keys.append(bucket << 32 | UInt64(rank))
            }
            keys.sort()
            var start = 0
            while start < keys.count {
                var end = start + 1
                while end < keys.count && keys[end] >> 32 == keys[start] >> 32 { end += 1 }
                for later in (start + 1)..<end {
                    let laterRank = keys[later] & 0xFFFF_FFFF
                    let laterSignature = signatures[Int(representatives[Int(laterRank)])]
                    for earlier in start..<min(later, start + limit) {
                        let earlierRank = keys[earlier] & 0xFFFF_FFFF
                        comparisons += 1
                        let estimate = signatures[Int(representatives[Int(earlierRank)])]
                            .estimatedJaccard(with: laterSignature)
                        if estimate >= threshold { near.append(earlierRank << 32 | laterRank) }
                    }
                }
                start = end
            }
            Self.sortRemovingDuplicates(&near)
        }
        pairs.reserveCapacity(pairs.count + near.count)
        for rankPair in near {
            let earlier = Int(representatives[Int(rankPair >> 32)])
            let later = Int(representatives[Int(rankPair & 0xFFFF_FFFF)])
            let first = Int(ids[earlier]), second = Int(ids[later])
            if first != second {
                pairs.append(SimilarPair(first: first, second: second, identical: false,
                                         estimatedJaccard: signatures[earlier].estimatedJaccard(with: signatures[later])))
            }
        }
        pairs.sort { ($0.first, $0.second) < ($1.first, $1.second) }
        return (pairs, comparisons)
    }

    private static func sortRemovingDuplicates(_ values: inout [UInt64]) {
        values.sort()
        var kept = 0
        for index in values.indices where kept == 0 || values[index] != values[kept - 1] {
            values[kept] = values[index]
            kept += 1
        }
        values.removeLast(values.count - kept)
    }

    /// Groups the texts by their hash: a pair of each text with the first (smallest id) of its group, and
    /// the positions of the groups' first texts, in id order.
    private func identicalGroups() -> (pairs: [SimilarPair], representatives: [UInt32]) {
        var order = [UInt32](0..<UInt32(ids.count))
        order.sort { (textHashes[Int($0)], ids[Int($0)], $0) < (textHashes[Int($1)], ids[Int($1)], $1) }
        var pairs: [SimilarPair] = []
        var representatives: [UInt32] = []
        var groupStart = 0
        for position in order.indices {
            let index = Int(order[position])
            if position > 0 && textHashes[index] == textHashes[Int(order[groupStart])] {
                let first = Int(ids[Int(order[groupStart])]), second = Int(ids[index])
                if first != second {
                    pairs.append(SimilarPair(first: first, second: second, identical: true, estimatedJaccard: 1))
                }
            } else {
                groupStart = position
                representatives.append(UInt32(index))
            }
        }
        representatives.sort { (ids[Int($0)], $0) < (ids[Int($1)], $1) }
        return (pairs, representatives)
    }
}
