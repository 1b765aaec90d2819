import Testing
@testable import KompassCore

@Suite("Similarity: MinHash signature")
struct SimilarityMinHashSignatureTests {
    /// `count` distinct made-up words, `prefix` keeping sets of different trials apart.
    static func words(_ range: Range<Int>, prefix: String) -> String {
        range.map { "\(prefix)wort\($0)" }.joined(separator: " ")
    }

    @Test func equalTextsHaveEqualSignatures() {
        let a = MinHashSignature(text: "Die Daten stehen zentral, sicher und in hoher Qualität zur Verfügung.")
        let b = MinHashSignature(text: "die daten stehen zentral sicher und in hoher qualität zur verfügung")
        #expect(a == b)
        #expect(a.estimatedJaccard(with: b) == 1)
        #expect(a.equalSlotCount(with: b) == MinHashSignature.slotCount)
    }

    @Test func theSignatureIsTheSameInEveryRun() {
        // Pinned: a signature must not depend on the process (no `Hasher`, no random seeds).
        let signature = MinHashSignature(text: "Die Abläufe sind heute papierbasiert und aufwendig.")
        let hex = (0..<MinHashSignature.slotCount).map { slot -> String in
            let byte = signature.slot(slot)
            return String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
        }.joined()
        #expect(hex == Self.pinnedSignature)
    }

    static let pinnedSignature = "6278115296308cb67d8377b92a87a8da32c17e60bb055427f1b719e4b797eea9"
        + "c6065afe1150ba33dc261e3d692629667c4ac45803d105bbae528ec389c207f9"

    @Test func textsOfFewerThanThreeWordsUseTheirWords() {
        let one = MinHashSignature(text: "eins zwei")
        #expect(one == MinHashSignature(text: "Zwei, eins."))
        #expect(one.estimatedJaccard(with: MinHashSignature(text: "eins")) > 0.2)
        #expect(one.estimatedJaccard(with: MinHashSignature(text: "drei")) < 0.2)
    }

    @Test func aTextWithoutWordsHasTheZeroSignature() {
        #expect(MinHashSignature(text: " – ; ") == MinHashSignature(words: .zero))
    }

    @Test func bandsPackConsecutiveSlots() {
        let signature = MinHashSignature(text: Self.words(0..<40, prefix: "b"))
        let band = signature.band(2, rows: 5)
        let expected = (10..<15).reduce(UInt64(0)) { $0 << 8 | UInt64(signature.slot($1)) }
        #expect(band == expected)
    }

    /// Sets of n shingles overlapping in a known share: the estimate is unbiased and about as precise as
    /// 64 one-byte slots allow (standard deviation ≈ 0.06 at J = 0.5).
    @Test(arguments: [0.0, 0.25, 0.5, 0.8, 0.9])
    func theEstimateTracksTheTrueJaccardSimilarity(target: Double) {
        let length = 120
        // Two windows of the same word sequence: A = words 0..<120, B = words s..<s+120; their 3-shingles
        // are distinct, and they share the shingles of the overlap.
        let shingles = length - 2
        var shift = 0
        while shift < length {
            let shared = max(0, length - shift - 2)
            if Double(shared) / Double(2 * shingles - shared) <= target { break }
            shift += 1
        }
        let shared = max(0, length - shift - 2)
        let truth = Double(shared) / Double(2 * shingles - shared)
        var total = 0.0
        var worst = 0.0
        let trials = 200
        for trial in 0..<trials {
            let a = MinHashSignature(text: Self.words(0..<length, prefix: "t\(trial)"))
            let b = MinHashSignature(text: Self.words(shift..<shift + length, prefix: "t\(trial)"))
            let estimate = a.estimatedJaccard(with: b)
            total += estimate
            worst = max(worst, abs(estimate - truth))
        }
        let mean = total / Double(trials)
        #expect(abs(mean - truth) < 0.02, "J = \(truth): mean estimate \(mean)")
        #expect(worst < 0.3, "J = \(truth): an estimate off by \(worst)")
    }
}
