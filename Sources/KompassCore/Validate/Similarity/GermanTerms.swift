/// How the TF-IDF comparison (`text.other-project`) reads a German text: its terms and how often each occurs.
///
/// The words are those of `TextNormalisation` (maximal runs of letters, digits and combining marks, lowercased
/// and composed, so `Ä` and `a` + U+0308 + … read alike), then filtered:
/// - a word without a letter (only ASCII digits: a year, a percentage, a count) is dropped: that two texts both
///   name 2025 says nothing about their subject. A word of letters and digits stays whole (`basel2go`, `3kp`);
/// - a word of fewer than `minimumLength` (2) characters is dropped (`z. B.` → nothing); two letters stay,
///   because the texts' acronyms carry their subject (`KI`, `IT`, `BS`);
/// - the German function words of `stopWords` are dropped (articles, pronouns, prepositions, conjunctions,
///   auxiliary and modal verbs, common adverbs), and the words of time that every "Bisher" or every
///   "In Zukunft" text uses (`bisher`, `heute`, `künftig`, …): they would link texts of the same kind across
///   projects rather than texts of the same project.
///
/// There is no stemming: a light suffix stripper (-en, -er, -e, -n, -s, …) was measured on the real page and
/// raised the similarity of unrelated texts more than that of the text it should single out (see docs/rules.md).
///
/// `"Die Rückmeldungen liegen seit 2025 direkt im Tool vor, z. B. für KI."` →
/// `rückmeldungen`, `liegen`, `direkt`, `tool`, `ki`.
enum GermanTerms {
    /// Words shorter than this many characters are dropped.
    static let minimumLength = 2

    /// The German function words and the words of time common to all texts of one kind, lowercased.
    static let stopWords: [String] = [
        // articles and pronouns
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
        "kein", "keine", "keiner", "keines", "keinem", "keinen", "ich", "du", "er", "sie", "es", "wir", "ihr",
        "man", "sich", "mich", "mir", "dich", "dir", "uns", "euch", "ihm", "ihn", "ihnen",
        "sein", "seine", "seiner", "seines", "seinem", "seinen", "ihre", "ihrer", "ihres", "ihrem", "ihren",
        "unser", "unsere", "unserer", "unseres", "unserem", "unseren", "dessen", "deren", "denen",
        "dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes",
        "welche", "welcher", "welches", "welchem", "welchen", "alle", "allen", "aller", "alles",
        "jede", "jeder", "jedes", "jedem", "jeden", "andere", "anderen", "anderer", "anderes",
        // prepositions
        "ab", "an", "am", "auf", "aus", "bei", "beim", "bis", "durch", "für", "gegen", "hinter", "in", "im", "ins",
        "mit", "nach", "neben", "ohne", "seit", "über", "um", "unter", "vom", "von", "vor", "während", "wegen",
        "zu", "zum", "zur", "zwischen", "via", "dank", "gemäss", "gemäß", "trotz", "innerhalb", "ausserhalb",
        // conjunctions
        "und", "oder", "aber", "als", "also", "bzw", "da", "dass", "daß", "denn", "doch", "ob", "sondern",
        "sowie", "sowohl", "weder", "wenn", "weil", "wie", "wo", "zwar", "sodass", "damit",
        // auxiliary and modal verbs
        "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "worden", "bin", "bist", "sei",
        "gewesen", "hat", "haben", "hatte", "hatten", "habe", "kann", "können", "konnte", "konnten", "könnte",
        "soll", "sollen", "sollte", "muss", "müssen", "musste", "darf", "dürfen", "will", "wollen",
        // adverbs and particles
        "auch", "nur", "noch", "schon", "bereits", "sehr", "so", "nicht", "nun", "dann", "hier", "dort",
        "dabei", "dadurch", "dafür", "daher", "darauf", "darüber", "daran", "davon", "dazu", "zudem", "ebenso",
        "ebenfalls", "etwa", "mehr", "weiter", "weitere", "weiteren", "immer", "wieder", "jedoch", "usw",
        // time: every "Bisher" or every "In Zukunft" text says it
        "bisher", "bislang", "heute", "künftig", "zukünftig", "zukunft", "derzeit", "aktuell",
    ]

    /// The hashes of the stop words, as `terms(_:)` hashes words.
    static let stopWordHashes = HashSet(stopWords.flatMap { word in
        var sink = TermSink(filtering: false)
        TextNormalisation.scan(word, into: &sink)
        return sink.hashes
    })

    /// The terms of `text`, each once with how often it occurs.
    static func terms(_ text: String) -> TermCounts {
        var sink = TermSink(filtering: true)
        TextNormalisation.scan(text, into: &sink)
        return sink.counts()
    }

    /// The 64-bit hash of a lowercased word as the comparison keys it: FNV-1a 64 of its UTF-8 bytes, then mixed
    /// (the word hash of `TextNormalisation.hashWords`).
    static func hash(_ word: String) -> UInt64 {
        var sink = TermSink(filtering: false)
        TextNormalisation.scan(word, into: &sink)
        return sink.hashes.first ?? 0
    }
}

/// The distinct terms of one text: their hashes in ascending order, how often each occurs, and each term's
/// word (its UTF-8 bytes, one after another), to name it in a finding.
struct TermCounts: Sendable, Equatable {
    var hashes: [UInt64] = []
    var counts: [UInt32] = []
    var wordBytes: [UInt8] = []
    var wordEnds: [UInt32] = []

    var count: Int { hashes.count }
    var isEmpty: Bool { hashes.isEmpty }

    /// The word of the `index`-th term.
    func word(at index: Int) -> String {
        String(decoding: wordBytes[(index == 0 ? 0 : Int(wordEnds[index - 1]))..<Int(wordEnds[index])], as: UTF8.self)
    }

    /// Term → count, for tests and messages.
    var dictionary: [String: Int] {
        Dictionary(uniqueKeysWithValues: (0..<count).map { (word(at: $0), Int(counts[$0])) })
    }
}

/// Collects the kept words of a text (`TextNormalisation.scan` hands over lowercased bytes), hashing each.
struct TermSink: WordSink {
    /// Drop numbers, short words and stop words (false: keep every word, to hash the stop words themselves).
    let filtering: Bool
    private(set) var hashes: [UInt64] = []
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    private var hash = TextNormalisation.fnvOffsetBasis
    private var characters = 0
    private var hasLetter = false

    init(filtering: Bool) {
        self.filtering = filtering
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
        hash = (hash ^ UInt64(byte)) &* TextNormalisation.fnvPrime
        if byte & 0xC0 != 0x80 { characters += 1 }
        if byte &- 0x30 >= 10 { hasLetter = true }
    }

    mutating func endWord() {
        let mixed = TextNormalisation.mix64(hash)
        let start = ends.last.map(Int.init) ?? 0
        if !filtering || (hasLetter && characters >= GermanTerms.minimumLength && !GermanTerms.stopWordHashes.contains(mixed)) {
            hashes.append(mixed)
            ends.append(UInt32(bytes.count))
        } else {
            bytes.removeLast(bytes.count - start)
        }
        hash = TextNormalisation.fnvOffsetBasis
        characters = 0
        hasLetter = false
    }

    mutating func reset() {
        self = TermSink(filtering: filtering)
    }

    /// The distinct words, ordered by hash, with their counts.
    func counts() -> TermCounts {
        // Equal hashes are the same word: which occurrence comes first does not matter.
        var order = hashes.enumerated().map { (hash: $0.element, index: UInt32($0.offset)) }
        order.sort { $0.hash < $1.hash }
        var result = TermCounts()
        result.hashes.reserveCapacity(order.count)
        result.counts.reserveCapacity(order.count)
        for (hash, position) in order {
            let index = Int(position)
            if let last = result.hashes.last, last == hash {
                result.counts[result.counts.count - 1] += 1
                continue
            }
            result.hashes.append(hash)
            result.counts.append(1)
            result.wordBytes += bytes[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])]
            result.wordEnds.append(UInt32(result.wordBytes.count))
        }
        return result
    }
}

/// A fixed set of well-mixed 64-bit hashes (the stop words), looked up without hashing them again: open
/// addressing over a power-of-two table at most a quarter full, probed from the hash's low bits.
struct HashSet: Sendable {
    private var slots: [UInt64]
    private var hasZero = false
    private let mask: Int

    init(_ hashes: [UInt64]) {
        var size = 16
        while size < 4 * hashes.count { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for hash in hashes where !contains(hash) {
            if hash == 0 { hasZero = true; continue }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash
        }
    }

    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        if hash == 0 { return hasZero }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == hash { return true }
            if value == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}
