/// One of a project's two texts.
enum TextSide: Int, Sendable, CaseIterable {
    case before = 0
    case future = 1

    /// The project's other text.
    var other: TextSide { self == .before ? .future : .before }
}

/// The TF-IDF index of a portfolio's texts: for each project's "Bisher" and "In Zukunft", how similar it is to
/// the project's other text, and which other project's texts it is most similar to, in time and memory that grow
/// linearly with the number of projects.
///
/// Feed it project by project (`add(before:future:)`, positions 0, 1, 2, …), then weigh it (`weighted()`) and
/// search (`Weighted.search`). Words become term identifiers through a vocabulary kept once (64-bit word hash →
/// identifier, and the word's bytes to name it in a finding). Per text the index keeps its distinct terms and their
/// counts, delta- and varint-coded (one to three bytes per term; a text of 60 distinct terms takes about 100 bytes),
/// and per term its document frequency: the number of projects that use it.
///
/// **Documents.** The idf counts projects, and a text is compared with each other project's *document*, its
/// "Bisher" and "In Zukunft" together (counts added up): the question is which project a text describes, and a
/// project is described by both its texts. A text's own project is represented by its other text only.
///
/// **Ignored terms.** A term used by more than `maximumDocumentShare` (a quarter) of the projects, and by more
/// than 2, is ignored altogether, as if it were a stop word: it cannot single out one project (`kantons`,
/// `basel`, `digitale`, `verwaltung` on the real page), and on generated portfolios, whose texts are drawn from a
/// few shared sentences, it is what makes every text resemble every other.
///
/// **Cost.** `Weighted.search` finds each text's candidates through the postings of its terms (term → the
/// projects using it, with their weights): only projects sharing a term with the text are looked at, never all
/// pairs. A term's postings are capped at `postingsPerTerm` (64): a term used by more projects keeps the 64 in
/// which it weighs most (the shortest documents, the most repeated uses). So a text of t terms visits at most
/// 64 × t postings, and the `candidatesPerText` (4) projects with the highest partial sums are scored exactly
/// (a merge of two sparse vectors). The search costs O(n × t × 64) for n projects: linear. Memory: the coded
/// texts, the vocabulary, at most 64 postings per term (8 bytes each), and while searching 12 bytes per project
/// (the documents' norms and the partial sums).
/// While no kept term is used by more than 64 projects (the real page; any portfolio of up to 256 projects,
/// given the quarter), the search is exact: it finds what comparing every text with every project finds
/// (`bruteForceSearch`). Beyond, a project that shares with a text only terms used by more than 64 projects,
/// and is not among their 64 heaviest, can be missed: such terms say little about which project a text
/// describes.
struct TermIndex: Sendable {
    static let defaultMaximumDocumentShare = 0.25
    /// A term is never ignored while at most this many projects use it (small portfolios).
    static let minimumDocumentLimit = 2
    static let defaultPostingsPerTerm = 64
    static let defaultCandidatesPerText = 4

    /// Word hash → term identifier (its index in `wordEnds` and `documentFrequencies`).
    private var vocabulary = TermTable()
    private var wordBytes: [UInt8] = []
    private var wordEnds: [UInt32] = []
    private var documentFrequencies: [UInt32] = []
    /// Each text's terms (ascending identifiers) and counts, coded; texts 2p ("Bisher") and 2p + 1 ("In Zukunft")
    /// are project p's.
    private var codes: [UInt8] = []
    private var textEnds: [UInt32] = []
    private var scratch: [(term: UInt32, count: UInt32)] = []

    init() {}

    /// How many projects were added.
    var projectCount: Int { textEnds.count / 2 }
    /// How many distinct terms the texts use.
    var termCount: Int { wordEnds.count }

    /// Adds the next project's texts (at position `projectCount`).
    mutating func add(before: TermCounts, future: TermCounts) {
        append(before)
        append(future)
        // Each term the project uses counts once.
        var document = DocumentCursor(self, position: projectCount - 1)
        while let entry = document.next() { documentFrequencies[Int(entry.term)] += 1 }
    }

    /// Codes one text's terms.
    private mutating func append(_ text: TermCounts) {
        scratch.removeAll(keepingCapacity: true)
        for index in 0..<text.count {
            scratch.append((identifier(of: text, at: index), text.counts[index]))
        }
        scratch.sort { $0.term < $1.term }
        var previous: UInt32 = 0
        for (offset, entry) in scratch.enumerated() {
            // The gap to the previous identifier (the first identifier itself), doubled, plus one if the count
            // follows (counts of 1, most of them, take no byte).
            let gap = offset == 0 ? entry.term : entry.term - previous
            Self.appendVarint(UInt64(gap) << 1 | (entry.count > 1 ? 1 : 0), to: &codes)
            if entry.count > 1 { Self.appendVarint(UInt64(entry.count), to: &codes) }
            previous = entry.term
        }
        precondition(codes.count <= Int(UInt32.max), "TermIndex: more than 4 GB of coded texts")
        textEnds.append(UInt32(codes.count))
    }

    private mutating func identifier(of text: TermCounts, at index: Int) -> UInt32 {
        let hash = text.hashes[index]
        let term = vocabulary.identifier(hash, next: UInt32(wordEnds.count))
        guard term == UInt32(wordEnds.count) else { return term }
        let wordStart = index == 0 ? 0 : Int(text.wordEnds[index - 1])
        wordBytes += text.wordBytes[wordStart..<Int(text.wordEnds[index])]
        wordEnds.append(UInt32(wordBytes.count))
        documentFrequencies.append(0)
        return term
    }

    /// The word of term `term`.
    func word(_ term: UInt32) -> String {
        let index = Int(term)
        return String(decoding: wordBytes[(index == 0 ? 0 : Int(wordEnds[index - 1]))..<Int(wordEnds[index])], as: UTF8.self)
    }

    /// How many projects use `term`.
    func documentFrequency(_ term: UInt32) -> Int { Int(documentFrequencies[Int(term)]) }

    /// The terms and counts of a project's text.
    func terms(position: Int, side: TextSide) -> [(term: UInt32, count: UInt32)] {
        var result: [(term: UInt32, count: UInt32)] = []
        var cursor = Cursor(self, position: position, side: side)
        while let entry = cursor.next() { result.append(entry) }
        return result
    }

    /// A text's terms and counts, read from its codes one at a time (ascending terms, nothing allocated).
    struct Cursor: Sequence, IteratorProtocol {
        private let codes: [UInt8]
        private var offset: Int
        private let end: Int
        private var term: UInt32 = 0
        private var started = false

        init(_ index: TermIndex, position: Int, side: TextSide) {
            let text = 2 * position + side.rawValue
            codes = index.codes
            offset = text == 0 ? 0 : Int(index.textEnds[text - 1])
            end = Int(index.textEnds[text])
        }

        mutating func next() -> (term: UInt32, count: UInt32)? {
            guard offset < end else { return nil }
            let value = TermIndex.readVarint(codes, at: &offset)
            term = started ? term + UInt32(value >> 1) : UInt32(value >> 1)
            started = true
            let count = value & 1 == 1 ? UInt32(TermIndex.readVarint(codes, at: &offset)) : 1
            return (term, count)
        }
    }

    /// A project's document: the terms of its two texts, ascending, each once with its counts added up.
    struct DocumentCursor: Sequence, IteratorProtocol {
        private var before: Cursor
        private var future: Cursor
        private var nextBefore: (term: UInt32, count: UInt32)?
        private var nextFuture: (term: UInt32, count: UInt32)?

        init(_ index: TermIndex, position: Int) {
            before = Cursor(index, position: position, side: .before)
            future = Cursor(index, position: position, side: .future)
            nextBefore = before.next()
            nextFuture = future.next()
        }

        mutating func next() -> (term: UInt32, count: UInt32)? {
            switch (nextBefore, nextFuture) {
            case (nil, nil):
                return nil
            case (let b?, nil):
                nextBefore = before.next()
                return b
            case (nil, let f?):
                nextFuture = future.next()
                return f
            case (let b?, let f?):
                if b.term < f.term {
                    nextBefore = before.next()
                    return b
                }
                if f.term < b.term {
                    nextFuture = future.next()
                    return f
                }
                nextBefore = before.next()
                nextFuture = future.next()
                return (b.term, b.count + f.count)
            }
        }
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    fileprivate static func readVarint(_ bytes: [UInt8], at offset: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// The index weighed: idf per term, the documents' postings. Terms used by more than
    /// `maximumDocumentShare` of the projects (and by more than `minimumDocumentLimit`) are ignored.
    func weighted(maximumDocumentShare: Double = defaultMaximumDocumentShare,
                  postingsPerTerm: Int = defaultPostingsPerTerm) -> Weighted {
        Weighted(self, maximumDocumentShare: maximumDocumentShare, postingsPerTerm: postingsPerTerm)
    }
}

extension TermIndex {
    /// What the search tells of one text.
    struct TextMatch: Sendable, Equatable {
        var position: Int
        var side: TextSide
        /// The cosine of the text and its project's other text.
        var ownSimilarity: Double
        /// The other project whose document is most similar to the text (ties: the earlier project), and that
        /// similarity; nil when no other project shares a term with it.
        var other: Int?
        var otherSimilarity: Double
    }

    /// The index with its weights: what the search needs.
    struct Weighted: Sendable {
        let index: TermIndex
        /// Per term its idf, 0 for an ignored term.
        let idf: [Double]
        let postingsPerTerm: Int
        /// Term t's postings are `postingOffsets[t] ..< postingOffsets[t + 1]`: projects and the term's weight in
        /// their documents. Only terms that are not ignored and that two or more projects use have postings.
        private let postingOffsets: [UInt32]
        private let postingProjects: [UInt32]
        private let postingWeights: [Float]
        /// Per project the L2 norm of its document's tf × idf weights.
        private let documentNorms: [Double]

        var projectCount: Int { index.projectCount }
        /// How many terms are ignored as too common.
        var ignoredTermCount: Int { idf.count(where: { $0 == 0 }) }

        init(_ index: TermIndex, maximumDocumentShare: Double, postingsPerTerm: Int) {
            self.index = index
            self.postingsPerTerm = max(1, postingsPerTerm)
            let documents = index.projectCount
            let limit = max(maximumDocumentShare * Double(documents), Double(TermIndex.minimumDocumentLimit))
            idf = index.documentFrequencies.map { frequency in
                Double(frequency) > limit ? 0 : TermWeighting.inverseDocumentFrequency(Int(frequency), documents: documents)
            }
            // Room for min(df, cap) postings per term that is kept and used by two projects or more.
            var offsets: [UInt32] = [0]
            offsets.reserveCapacity(idf.count + 1)
            var total = 0
            for (term, frequency) in index.documentFrequencies.enumerated() {
                if idf[term] > 0 && frequency >= 2 { total += min(Int(frequency), self.postingsPerTerm) }
                offsets.append(UInt32(total))
            }
            var projects = [UInt32](repeating: 0, count: total)
            var weights = [Float](repeating: 0, count: total)
            var filled = [UInt32](repeating: 0, count: idf.count)
            var norms = [Double](repeating: 0, count: documents)
            for position in 0..<documents {
                // The norm as SparseVector computes it (the same sums in the same order), then the weights.
                var squares = 0.0
                var document = DocumentCursor(index, position: position)
                while let entry = document.next() {
                    guard idf[Int(entry.term)] > 0 else { continue }
                    let weight = TermWeighting.termFrequency(entry.count) * idf[Int(entry.term)]
                    squares += weight * weight
                }
                let norm = squares.squareRoot()
                norms[position] = norm
                document = DocumentCursor(index, position: position)
                while let entry = document.next() {
                    let term = entry.term
                    guard idf[Int(term)] > 0 else { continue }
                    let weight = TermWeighting.termFrequency(entry.count) * idf[Int(term)] / norm
                    let start = Int(offsets[Int(term)]), capacity = Int(offsets[Int(term) + 1]) - start
                    guard capacity > 0 else { continue }
                    let count = Int(filled[Int(term)])
                    if count < capacity {
                        projects[start + count] = UInt32(position)
                        weights[start + count] = Float(weight)
                        filled[Int(term)] += 1
                        if count + 1 == capacity && capacity < index.documentFrequencies[Int(term)] {
                            // More projects will come: keep the heaviest in a min-heap (the lightest at its root).
                            for node in stride(from: capacity / 2 - 1, through: 0, by: -1) {
                                Self.siftDown(node, start: start, count: capacity, projects: &projects, weights: &weights)
                            }
                        }
                    } else if Float(weight) > weights[start] {
                        // Heavier than the lightest kept (at equal weight, the earlier project stays).
                        projects[start] = UInt32(position)
                        weights[start] = Float(weight)
                        Self.siftDown(0, start: start, count: capacity, projects: &projects, weights: &weights)
                    }
                }
            }
            postingOffsets = offsets
            postingProjects = projects
            postingWeights = weights
            documentNorms = norms
        }

        /// Whether posting a is lighter than posting b (at equal weight: the later project is).
        @inline(__always)
        private static func lighter(_ a: Int, _ b: Int, _ projects: [UInt32], _ weights: [Float]) -> Bool {
            weights[a] < weights[b] || (weights[a] == weights[b] && projects[a] > projects[b])
        }

        private static func siftDown(_ node: Int, start: Int, count: Int, projects: inout [UInt32], weights: inout [Float]) {
            var node = node
            while true {
                var lightest = node
                for child in (2 * node + 1)...(2 * node + 2) where child < count
                    && lighter(start + child, start + lightest, projects, weights) {
                    lightest = child
                }
                if lightest == node { return }
                projects.swapAt(start + node, start + lightest)
                weights.swapAt(start + node, start + lightest)
                node = lightest
            }
        }

        private static func documentVector(_ index: TermIndex, position: Int, idf: [Double]) -> SparseVector {
            SparseVector(DocumentCursor(index, position: position), idf: idf)
        }

        /// The vector of a project's text.
        func textVector(position: Int, side: TextSide) -> SparseVector {
            SparseVector(Cursor(index, position: position, side: side), idf: idf)
        }

        /// `text.dot(documentVector(position: position))`, to the last bit, without making the vector.
        func similarity(_ text: SparseVector, document position: Int) -> Double {
            let norm = documentNorms[position]
            guard norm > 0 else { return 0 }
            var document = DocumentCursor(index, position: position)
            var sum = 0.0
            var i = 0
            let terms = text.terms, weights = text.weights
            while i < terms.count, let entry = document.next() {
                while i < terms.count && terms[i] < entry.term { i += 1 }
                guard i < terms.count && terms[i] == entry.term else { continue }
                sum += weights[i] * (TermWeighting.termFrequency(entry.count) * idf[Int(entry.term)] / norm)
                i += 1
            }
            return sum
        }

        /// The vector of a project's document: its two texts together.
        func documentVector(position: Int) -> SparseVector {
            Self.documentVector(index, position: position, idf: idf)
        }

        /// The words both vectors have, those that weigh most in their similarity first, at most `limit`.
        func sharedWords(_ text: SparseVector, _ document: SparseVector, limit: Int) -> [String] {
            text.contributions(with: document).prefix(limit).map { index.word($0.term) }
        }

        /// Every text's match, project by project, "Bisher" before "In Zukunft"; returns how many candidate
        /// evaluations it took (postings visited plus exact scorings): at most (64 × terms + 4) per text.
        @discardableResult
        func search(candidatesPerText: Int = TermIndex.defaultCandidatesPerText, visit: (TextMatch) -> Void) -> Int {
            let count = projectCount
            var sums = [Float](repeating: 0, count: count)
            var touched: [UInt32] = []
            var top: [(sum: Float, position: UInt32)] = []
            var evaluations = 0
            for position in 0..<count {
                let texts = TextSide.allCases.map { textVector(position: position, side: $0) }
                let own = texts[0].dot(texts[1])
                for side in TextSide.allCases {
                    let text = texts[side.rawValue]
                    for (term, weight) in zip(text.terms, text.weights) {
                        let weight = Float(weight)
                        for posting in Int(postingOffsets[Int(term)])..<Int(postingOffsets[Int(term) + 1]) {
                            let project = postingProjects[posting]
                            guard project != UInt32(position) else { continue }
                            evaluations += 1
                            if sums[Int(project)] == 0 { touched.append(project) }
                            sums[Int(project)] += weight * postingWeights[posting]
                        }
                    }
                    // The few highest partial sums (ties: the earlier project), then scored exactly.
                    top.removeAll(keepingCapacity: true)
                    for project in touched {
                        let sum = sums[Int(project)]
                        sums[Int(project)] = 0
                        if top.count == candidatesPerText {
                            guard let last = top.last, sum > last.sum || (sum == last.sum && project < last.position) else { continue }
                            top.removeLast()
                        }
                        let slot = top.firstIndex { sum > $0.sum || (sum == $0.sum && project < $0.position) } ?? top.count
                        top.insert((sum, project), at: slot)
                    }
                    touched.removeAll(keepingCapacity: true)
                    var best: (position: Int, similarity: Double)?
                    for candidate in top {
                        evaluations += 1
                        let similarity = similarity(text, document: Int(candidate.position))
                        let candidatePosition = Int(candidate.position)
                        if best.map({ similarity > $0.similarity || (similarity == $0.similarity && candidatePosition < $0.position) }) ?? true {
                            best = (candidatePosition, similarity)
                        }
                    }
                    visit(TextMatch(position: position, side: side, ownSimilarity: own, other: best?.position,
                                    otherSimilarity: best?.similarity ?? 0))
                }
            }
            return evaluations
        }

        /// The same matches from comparing every text with every other project's document: quadratic, for tests.
        func bruteForceSearch(visit: (TextMatch) -> Void) {
            let documents = (0..<projectCount).map { documentVector(position: $0) }
            for position in 0..<projectCount {
                let texts = TextSide.allCases.map { textVector(position: position, side: $0) }
                let own = texts[0].dot(texts[1])
                for side in TextSide.allCases {
                    var best: (position: Int, similarity: Double)?
                    for other in documents.indices where other != position {
                        let similarity = texts[side.rawValue].dot(documents[other])
                        if similarity > 0 && (best.map { similarity > $0.similarity } ?? true) { best = (other, similarity) }
                    }
                    visit(TextMatch(position: position, side: side, ownSimilarity: own, other: best?.position,
                                    otherSimilarity: best?.similarity ?? 0))
                }
            }
        }
    }
}

/// The vocabulary's table, word hash → term identifier: open addressing over a power-of-two table at most half
/// full, probed from the hash's low bits (the hashes are well mixed), 12 bytes a slot; a lookup costs no hashing.
struct TermTable: Sendable {
    private var keys = [UInt64](repeating: 0, count: 1024)
    private var values = [UInt32](repeating: 0, count: 1024)
    private var count = 0
    /// The identifier of hash 0, which marks an empty slot.
    private var zero: UInt32?

    /// The identifier of `hash`; `next` (and kept as its identifier) if the hash is new.
    mutating func identifier(_ hash: UInt64, next: UInt32) -> UInt32 {
        if hash == 0 {
            if let zero { return zero }
            zero = next
            return next
        }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while keys[slot] != 0 {
            if keys[slot] == hash { return values[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = hash
        values[slot] = next
        count += 1
        if 2 * count > keys.count { grow() }
        return next
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: 2 * oldKeys.count)
        values = [UInt32](repeating: 0, count: 2 * oldKeys.count)
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
