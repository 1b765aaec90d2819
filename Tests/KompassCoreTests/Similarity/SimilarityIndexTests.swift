import Foundation
import Testing
@testable import KompassCore

@Suite("Similarity: index")
struct SimilarityIndexTests {
    /// Sixty words of a plausible project text.
    static let sixtyWords = """
        Heute reichen Gesuchstellende ihre Unterlagen auf Papier ein. Die Fachstelle prüft jedes Dossier von Hand, \
        fordert fehlende Belege per Post nach und erfasst die Angaben anschliessend ein zweites Mal im Fachsystem. \
        Rückfragen dauern oft Wochen, der Stand eines Verfahrens ist für niemanden sichtbar, und Auswertungen über \
        mehrere Jahre lassen sich nur mit grossem Aufwand erstellen. Zudem fehlen einheitliche Vorlagen überall.
        """

    static let unrelated = """
        Die neue Plattform bündelt Geodaten aus allen Departementen. Karten, Luftbilder und Leitungspläne stehen \
        rund um die Uhr zur Verfügung; Schnittstellen erlauben Fachanwendungen den direkten Zugriff, und die \
        Bevölkerung findet Auskünfte zu Grundstücken ohne Umweg über den Schalter.
        """

    static func index(_ texts: [String]) -> SimilarityIndex {
        var index = SimilarityIndex(expectedCount: texts.count)
        for (id, text) in texts.enumerated() { index.add(id: id, text: text) }
        return index
    }

    static func text(of project: Project) -> String {
        project.before + "\n" + project.future
    }

    /// Pairs are unique, ordered within and sorted by (first, second).
    static func isWellFormed(_ pairs: [SimilarPair]) -> Bool {
        pairs.allSatisfy { $0.first < $0.second }
            && zip(pairs, pairs.dropFirst()).allSatisfy { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    @Test func theTestTextHasSixtyWords() {
        #expect(TextNormalisation.words(Self.sixtyWords).count == 60)
    }

    @Test func textsDifferingInCaseSpacingAndPunctuationAreIdentical() {
        let copy = "  HEUTE reichen   Gesuchstellende, ihre Unterlagen auf Papier ein – die Fachstelle prüft jedes Dossier "
            + "von Hand; fordert fehlende Belege per Post nach und erfasst die Angaben anschliessend ein zweites Mal im "
            + "Fachsystem! Rückfragen dauern oft Wochen der Stand eines Verfahrens ist für niemanden sichtbar und "
            + "Auswertungen über mehrere Jahre lassen sich nur mit grossem Aufwand erstellen zudem fehlen einheitliche "
            + "Vorlagen ÜBERALL"
        let pairs = Self.index([Self.sixtyWords, Self.unrelated, copy]).pairs(threshold: 0.8)
        #expect(pairs == [SimilarPair(first: 0, second: 2, identical: true, estimatedJaccard: 1)])
    }

    @Test func aCopyWithOneWordChangedIsANearPair() throws {
        let changed = Self.sixtyWords.replacingOccurrences(of: "Wochen", with: "Monate")
        #expect(changed != Self.sixtyWords)
        let pairs = Self.index([Self.unrelated, Self.sixtyWords, changed]).pairs(threshold: 0.8)
        #expect(pairs.count == 1)
        let pair = try #require(pairs.first)
        #expect(pair.first == 1 && pair.second == 2)
        #expect(!pair.identical)
        #expect(pair.estimatedJaccard >= 0.8)
        #expect(pair.estimatedJaccard < 1)
    }

    @Test func unrelatedTextsAreNoPair() {
        let index = Self.index([Self.sixtyWords, Self.unrelated])
        #expect(index.pairs(threshold: 0.8).isEmpty)
        #expect(index.pairs(threshold: 0.3).isEmpty)
        #expect(MinHashSignature(text: Self.sixtyWords).estimatedJaccard(with: MinHashSignature(text: Self.unrelated)) < 0.1)
    }

    @Test func textsWithoutWordsAreNotIndexed() {
        let index = Self.index(["", " – ", "", Self.unrelated])
        #expect(index.count == 1)
        #expect(index.pairs(threshold: 0.8).isEmpty)
    }

    @Test func theRealPortfolioHasNoSimilarTexts() throws {
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        let projects = try PortfolioLoader().load(configuration.sources).portfolio.projects
        #expect(projects.count == 34)
        let index = Self.index(projects.map(Self.text))
        #expect(index.count == 34)
        #expect(index.pairs(threshold: 0.8).isEmpty)
        // Not even close: the most similar two share few word triples.
        let signatures = projects.map { MinHashSignature(text: Self.text(of: $0)) }
        var closest = 0.0
        for i in signatures.indices {
            for j in signatures.indices where j > i {
                closest = max(closest, signatures[i].estimatedJaccard(with: signatures[j]))
            }
        }
        #expect(closest < 0.2, "closest pair of the real portfolio: \(closest)")
    }

    @Test func tenThousandCopiesGiveOnePairEachWithTheFirst() {
        let n = 10_000
        var index = SimilarityIndex(expectedCount: n)
        for id in 0..<n {
            // The same words; case and punctuation vary.
            index.add(id: id, text: id.isMultiple(of: 2) ? Self.sixtyWords : Self.sixtyWords.uppercased() + " !")
        }
        let (pairs, comparisons) = index.search(threshold: 0.8)
        #expect(pairs.count == n - 1)
        #expect(pairs.allSatisfy { $0.first == 0 && $0.identical && $0.estimatedJaccard == 1 })
        #expect(pairs.map(\.second) == Array(1..<n))
        // All copies fold into one text: nothing left to compare.
        #expect(comparisons < 20 * n)
        #expect(comparisons == 0)
    }

    @Test func aBoilerplateSharedByThousandsStaysLinear() {
        // Near (not exactly) identical: the same 60 words and a number of its own per project.
        let n = 5_000
        var index = SimilarityIndex(expectedCount: n)
        for id in 0..<n { index.add(id: id, text: Self.sixtyWords + " Vorhaben \(id)") }
        let (pairs, comparisons) = index.search(threshold: 0.8)
        #expect(comparisons <= SimilarityIndex.bands * SimilarityIndex.bucketComparisonLimit * n)
        #expect(pairs.count <= comparisons)
        #expect(Self.isWellFormed(pairs))
        #expect(pairs.allSatisfy { !$0.identical && $0.estimatedJaccard >= 0.8 })
        // The cluster is visible: every project is paired with one of the first ones.
        let paired = Set(pairs.map(\.second))
        #expect(paired == Set(1..<n))
    }

    @Test func aLargeSyntheticPortfolioStaysLinear() {
        let n = 20_000
        var index = SimilarityIndex(expectedCount: n)
        for (id, project) in SyntheticPortfolio(count: n).enumerated() {
            index.add(id: id, text: Self.text(of: project))
        }
        #expect(index.count == n)
        let (pairs, comparisons) = index.search(threshold: 0.8)
        #expect(comparisons <= SimilarityIndex.bands * SimilarityIndex.bucketComparisonLimit * n)
        #expect(Self.isWellFormed(pairs))
        #expect(pairs.allSatisfy { $0.identical || $0.estimatedJaccard >= 0.8 })
    }

    @Test func theSamePairsInTheSameOrderEveryTime() {
        // Synthetic texts (which share many sentences) plus near and exact copies of some of them.
        var texts = SyntheticPortfolio(count: 2_000, seed: 7).map(Self.text)
        for source in stride(from: 0, to: 400, by: 7) {
            texts.append(texts[source])
            texts.append(texts[source].replacingOccurrences(of: "Die ", with: "Diese "))
        }
        let first = Self.index(texts).pairs(threshold: 0.8)
        let second = Self.index(texts).pairs(threshold: 0.8)
        #expect(first == second)
        #expect(first.contains { $0.identical })
        #expect(first.contains { !$0.identical })
        #expect(Self.isWellFormed(first))
        // Nor does the order of adding matter.
        var reversed = SimilarityIndex()
        for (id, text) in texts.enumerated().reversed() { reversed.add(id: id, text: text) }
        #expect(reversed.pairs(threshold: 0.8) == first)
    }

    @Test func aHigherThresholdGivesFewerPairs() {
        let texts = SyntheticPortfolio(count: 2_000, seed: 3).map(Self.text)
        let index = Self.index(texts)
        let loose = index.pairs(threshold: 0.8)
        let strict = index.pairs(threshold: 0.95)
        #expect(strict.count <= loose.count)
        #expect(Set(strict).isSubset(of: Set(loose)))
    }

    @Test func theIndexKeepsAFewBytesPerProject() {
        #expect(MemoryLayout<MinHashSignature>.size == 64)
        #expect(MemoryLayout<NormalisedTextHash>.size == 16)
        #expect(SimilarityIndex.bytesPerProject == 84)
        #expect(SimilarityIndex.bytesPerProject <= 100)
    }
}
