import Testing
@testable import KompassCore

@Suite("Similarity: German terms")
struct GermanTermsTests {
    @Test func numbersShortWordsAndStopWordsAreDropped() {
        let terms = GermanTerms.terms("Die Rückmeldungen liegen seit 2025 direkt im Tool vor, z. B. für KI.")
        #expect(terms.dictionary == ["rückmeldungen": 1, "liegen": 1, "direkt": 1, "tool": 1, "ki": 1])
        #expect(terms.dictionary["ki"] == 1, "two letters stay: the texts' acronyms carry their subject")
        #expect(terms.dictionary["2025"] == nil && terms.dictionary["z"] == nil && terms.dictionary["die"] == nil)
    }

    @Test func wordsAreLowercasedComposedAndCounted() {
        let terms = GermanTerms.terms("Daten, DATEN und da\u{0308}ten; Bevölkerung – BEVÖLKERUNG!")
        #expect(terms.dictionary == ["daten": 2, "däten": 1, "bevölkerung": 2])
        #expect(GermanTerms.terms("Bevo\u{0308}lkerung") == GermanTerms.terms("Bevölkerung"))
    }

    @Test func lettersAndDigitsStayOneWordPureNumbersGo() {
        let terms = GermanTerms.terms("Basel2Go ersetzt 3KP; 20% von 365 Tagen, eCH-0200")
        #expect(terms.dictionary == ["basel2go": 1, "ersetzt": 1, "3kp": 1, "tagen": 1, "ech": 1])
    }

    @Test func theWordsOfTimeEveryTextOfAKindUsesAreStopWords() {
        let terms = GermanTerms.terms("Bisher fehlt heute derzeit aktuell bislang; künftig und zukünftig in Zukunft")
        #expect(terms.dictionary == ["fehlt": 1])
    }

    @Test func termsAreOrderedByHashWithTheirWords() {
        let terms = GermanTerms.terms("Plattform Daten Plattform Zugang Plattform")
        #expect(terms.hashes == terms.hashes.sorted())
        #expect(terms.count == 3)
        for index in 0..<terms.count {
            #expect(GermanTerms.hash(terms.word(at: index)) == terms.hashes[index])
        }
        #expect(terms.dictionary == ["plattform": 3, "daten": 1, "zugang": 1])
    }

    @Test func aTextWithoutTermsIsEmpty() {
        #expect(GermanTerms.terms("").isEmpty)
        #expect(GermanTerms.terms("Die – 2025, 30 % und so weiter.").isEmpty)
    }

    @Test func everyStopWordIsDropped() {
        for word in GermanTerms.stopWords {
            #expect(GermanTerms.terms(word).isEmpty, "\(word)")
            #expect(GermanTerms.terms(word.uppercased()).isEmpty, "\(word.uppercased())")
        }
    }
}
