import Testing
@testable import KompassCore

@Suite("Similarity: text normalisation")
struct SimilarityTextNormalisationTests {
    @Test func lowercasesEveryWord() {
        #expect(TextNormalisation.words("Die DIE die dIE") == ["die", "die", "die", "die"])
        #expect(TextNormalisation.words("Once-Only-Prinzip") == ["once", "only", "prinzip"])
    }

    @Test func dropsPunctuationAndQuotes() {
        let text = "«Once-Only»; E-Mail, Post (oder) Telefon! \"online\" – ohne … Wartezeiten? 'ja' / nein."
        #expect(TextNormalisation.words(text)
            == ["once", "only", "e", "mail", "post", "oder", "telefon", "online", "ohne", "wartezeiten", "ja", "nein"])
    }

    @Test func umlautsAndSharpSAreLetters() {
        #expect(TextNormalisation.words("ÄRGER über Öl, Übergänge; Straße STRAẞE") == ["ärger", "über", "öl", "übergänge", "straße", "straße"])
        #expect(TextNormalisation.words("Élève à Genève, GRÜẞE") == ["élève", "à", "genève", "grüße"])
        #expect(TextNormalisation.words("ΣΟΦΙΑ und Москва") == ["σοφια", "und", "москва"])
    }

    @Test func decomposedAccentsReadLikeComposedOnes() {
        #expect(TextNormalisation.words("Fu\u{308}r die U\u{308}bergabe") == ["für", "die", "übergabe"])
        var scratch: [UInt64] = []
        let composed = TextNormalisation.hashWords("Für die Übergabe", into: &scratch)
        let decomposed = TextNormalisation.hashWords("Fu\u{308}r die U\u{308}bergabe", into: &scratch)
        #expect(composed == decomposed)
    }

    @Test func whitespaceOfAnyKindSeparatesWords() {
        #expect(TextNormalisation.words("  a\n\tb  \r\n c\u{00A0}d\u{2003}e ") == ["a", "b", "c", "d", "e"])
        #expect(TextNormalisation.words("") == [])
        #expect(TextNormalisation.words(" .,;–!? ") == [])
    }

    @Test func digitsAreWordCharacters() {
        #expect(TextNormalisation.words("Bis 2025: 30 % mehr, Version 2.1") == ["bis", "2025", "30", "mehr", "version", "2", "1"])
    }

    @Test func theTextHashIgnoresCaseSpacingAndPunctuation() {
        var scratch: [UInt64] = []
        let a = TextNormalisation.hashWords("Die Abläufe sind heute papierbasiert.", into: &scratch)
        let b = TextNormalisation.hashWords("  DIE abläufe, sind – heute – «papierbasiert»!\n", into: &scratch)
        #expect(a == b)
        #expect(scratch.count == 5)
        let reordered = TextNormalisation.hashWords("Heute sind die Abläufe papierbasiert.", into: &scratch)
        #expect(a != reordered)
        // Word boundaries count: "ab cd" is not "abc d".
        let split = TextNormalisation.hashWords("ab cd", into: &scratch)
        let joined = TextNormalisation.hashWords("abc d", into: &scratch)
        #expect(split != joined)
    }

    @Test func wordHashesAreTheSameInEveryRun() {
        // The word hash is FNV-1a 64 of the lowercased word's UTF-8, then mix64: no per-process seed.
        var hashes: [UInt64] = []
        _ = TextNormalisation.hashWords("Die", into: &hashes)
        var fnv: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "die".utf8 { fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        #expect(hashes == [TextNormalisation.mix64(fnv)])
    }
}
