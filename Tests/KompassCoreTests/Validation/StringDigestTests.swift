import Testing
@testable import KompassCore

/// The fixed-size key that stands for a string in the comparing rules' tables.
@Suite("String digest")
struct StringDigestTests {
    @Test func isTheFirstHalfOfTheSHA256() {
        // FIPS 180-4's example: SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 ...
        #expect(StringDigest("abc") == StringDigest(first: 0xBA78_16BF_8F01_CFEA, second: 0x4141_40DE_5DAE_2223))
        #expect(MemoryLayout<StringDigest>.size == 16)
    }

    @Test func equalStringsHaveEqualDigests() {
        #expect(StringDigest("Digitale Akte") == StringDigest("Digitale " + "Akte"))
        #expect(StringDigest("") == StringDigest(String()))
        let long = String(repeating: "Bürgerportal ", count: 50)
        #expect(StringDigest(long) == StringDigest(String(long)))
    }

    @Test func canonicallyEquivalentStringsHaveEqualDigests() {
        // Swift takes them as equal, and so did a table keyed by the string.
        let composed = "Geb\u{00FC}hren f\u{00FC}r Caf\u{00E9}s", decomposed = "Gebu\u{0308}hren fu\u{0308}r Cafe\u{0301}s"
        #expect(composed == decomposed)
        #expect(StringDigest(composed) == StringDigest(decomposed))
        #expect(StringDigest("\u{1E9B}\u{0323}") == StringDigest("\u{017F}\u{0323}\u{0307}"))
        #expect(StringDigest("한") == StringDigest("\u{1112}\u{1161}\u{11AB}"))
    }

    @Test func differentStringsHaveDifferentDigests() {
        let strings = ["", " ", "a", "A", "ab", "ba", "a b", "ab ", "Akte", "akte", "Gebühren", "Gebuhren", "Gebuehren", "ß", "ss"]
            + (0..<10_000).map { "Vorhaben \($0)" }
        #expect(Set(strings.map(StringDigest.init)).count == strings.count)
        #expect(Set(strings.map { StringDigest($0).first }).count == strings.count)
    }
}
