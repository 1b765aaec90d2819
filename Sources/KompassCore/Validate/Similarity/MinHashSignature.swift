/// A MinHash signature of a text: 64 bytes from which the Jaccard similarity of two texts' sets of
/// word 3-shingles (three consecutive normalised words) can be estimated without keeping the texts.
///
/// Each of the 64 slots is one min-hash: the smallest value, over all shingles of the text, of a slot-specific
/// hash of the shingle; two texts agree in a slot with probability equal to their Jaccard similarity J.
/// A slot keeps only 8 bits of its minimum ("b-bit minwise hashing", Li & König 2010): 64 one-byte slots
/// take the memory of 16 four-byte ones and estimate J twice as precisely (standard deviation about
/// 0.05 instead of 0.10 at J = 0.8), at the price of a chance agreement of 1/256 per slot, which
/// `estimatedJaccard(with:)` corrects for.
///
/// Hashing: each word is hashed with FNV-1a 64 (then mixed, see `TextNormalisation.hashWords`), each shingle
/// by mixing its three word hashes in order; the top 32 bits of a shingle's hash are its key, and slot `s`
/// hashes a key as `multiplier[s] × key + addend[s]` modulo 2³² (an odd multiplier: a permutation of the keys).
/// Texts of fewer than three words use their words (unigrams) as shingles. Everything is deterministic:
/// fixed constants, never Swift's `Hasher` (seeded anew in every process), so a signature is the same in
/// every run and on every machine.
public struct MinHashSignature: Sendable, Hashable {
    /// Slots per signature.
    public static let slotCount = 64
    /// Words per shingle.
    public static let shingleLength = 3

    /// One byte per slot (bits 16–23 of the slot's minimum hash value), eight slots to a word:
    /// slot `s` is byte `s % 8` (from the least significant) of word `s / 8`.
    var words: SIMD8<UInt64>

    /// The signature of `text`'s normalised words (see `TextNormalisation`).
    public init(text: String) {
        var wordHashes: [UInt64] = []
        _ = TextNormalisation.hashWords(text, into: &wordHashes)
        self.init(wordHashes: wordHashes)
    }

    init(words: SIMD8<UInt64>) {
        self.words = words
    }

    /// The signature of a text given as the hashes of its words (`TextNormalisation.hashWords`).
    /// A text without words has the all-zero signature.
    init(wordHashes words: [UInt64]) {
        guard !words.isEmpty else {
            self.words = .zero
            return
        }
        var minima = [UInt32](repeating: .max, count: Self.slotCount)
        Self.multipliers.withUnsafeBufferPointer { multipliers in
            Self.addends.withUnsafeBufferPointer { addends in
                minima.withUnsafeMutableBufferPointer { minima in
                    // A plain loop over the slots, which the compiler vectorises.
                    @inline(__always) func add(_ shingle: UInt64) {
                        let key = UInt32(truncatingIfNeeded: shingle >> 32)
                        for slot in 0..<Self.slotCount {
                            let value = multipliers[slot] &* key &+ addends[slot]
                            minima[slot] = min(minima[slot], value)
                        }
                    }
                    if words.count < Self.shingleLength {
                        for word in words { add(word) }
                    } else {
                        for start in 0...(words.count - Self.shingleLength) {
                            add(Self.shingleHash(words[start], words[start + 1], words[start + 2]))
                        }
                    }
                }
            }
        }
        var packed = SIMD8<UInt64>()
        for slot in 0..<Self.slotCount {
            packed[slot / 8] |= UInt64((minima[slot] >> 16) & 0xFF) << (8 * UInt64(slot % 8))
        }
        self.words = packed
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets, 0…1: the share of equal slots,
    /// corrected for the 1/256 chance that two different minima agree in their kept byte.
    /// Equal signatures give exactly 1.
    public func estimatedJaccard(with other: MinHashSignature) -> Double {
        let share = Double(equalSlotCount(with: other)) / Double(Self.slotCount)
        let chance = 1.0 / 256.0
        return max(0, (share - chance) / (1 - chance))
    }

    /// How many of the 64 slots hold the same byte in both signatures.
    @inline(__always)
    func equalSlotCount(with other: MinHashSignature) -> Int {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var different = 0
        for word in 0..<8 {
            let x = words[word] ^ other.words[word]
            // The high bit of each byte is set where the byte of x is not zero.
            different += ((((x & low7) &+ low7) | x) & ~low7).nonzeroBitCount
        }
        return Self.slotCount - different
    }

    /// The byte of slot `slot`.
    @inline(__always)
    func slot(_ slot: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: words[slot / 8] >> (8 * UInt64(slot % 8)))
    }

    /// The `rows` consecutive slots starting at slot `band × rows`, packed into one integer (rows ≤ 8).
    @inline(__always)
    func band(_ band: Int, rows: Int) -> UInt64 {
        var value: UInt64 = 0
        for slot in (band * rows)..<(band * rows + rows) {
            value = value << 8 | UInt64(self.slot(slot))
        }
        return value
    }

    /// The hash of three consecutive words (order matters).
    @inline(__always)
    static func shingleHash(_ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
        TextNormalisation.mix64(first &* 0x9E37_79B9_7F4A_7C15
            ^ ((second << 21 | second >> 43) &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (third << 42 | third >> 22))
    }

    /// The slot hashes are `multiplier × key + addend` modulo 2³², with an odd multiplier: 64 fixed
    /// permutations of the 32-bit shingle keys, drawn once from SplitMix64 with a fixed seed.
    static let multipliers: [UInt32] = constants(seed: 0x6B6F_6D70_6173_7331) { $0 | 1 }
    static let addends: [UInt32] = constants(seed: 0x6B6F_6D70_6173_7332) { $0 }

    private static func constants(seed: UInt64, _ adjust: (UInt32) -> UInt32) -> [UInt32] {
        var generator = SeededGenerator(seed: seed)
        var result: [UInt32] = []
        for _ in 0..<slotCount {
            result.append(adjust(UInt32(truncatingIfNeeded: generator.next() >> 32)))
        }
        return result
    }
}
