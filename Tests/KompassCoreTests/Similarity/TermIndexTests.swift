import Foundation
import Testing
@testable import KompassCore

@Suite("Similarity: TF-IDF index")
struct TermIndexTests {
    static func index(_ projects: some Sequence<Project>) -> TermIndex {
        var index = TermIndex()
        for project in projects { index.add(before: GermanTerms.terms(project.before), future: GermanTerms.terms(project.future)) }
        return index
    }

    static func index(_ texts: [(before: String, future: String)]) -> TermIndex {
        var index = TermIndex()
        for text in texts { index.add(before: GermanTerms.terms(text.before), future: GermanTerms.terms(text.future)) }
        return index
    }

    static func matches(_ weighted: TermIndex.Weighted, bruteForce: Bool = false) -> [TermIndex.TextMatch] {
        var matches: [TermIndex.TextMatch] = []
        if bruteForce {
            weighted.bruteForceSearch { matches.append($0) }
        } else {
            weighted.search { matches.append($0) }
        }
        return matches
    }

    static func realProjects() throws -> [Project] {
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        return try PortfolioLoader().load(configuration.sources).portfolio.projects
    }

    @Test func readsBackEveryTextsTermsAndCounts() {
        // Many distinct words (identifiers beyond one varint byte) and a count beyond one byte.
        let many = (0..<400).map { "wort\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\($0 / 26)x" }.joined(separator: " ")
        let texts: [(before: String, future: String)] = [
            ("Plattform Daten Plattform", "Zugang"),
            ("", many),
            (String(repeating: "Register ", count: 300), "Plattform Zugang Register"),
        ]
        let index = Self.index(texts)
        #expect(index.projectCount == 3)
        for (position, text) in texts.enumerated() {
            for (side, string) in [(TextSide.before, text.before), (.future, text.future)] {
                let read = Dictionary(uniqueKeysWithValues: index.terms(position: position, side: side).map { (index.word($0.term), Int($0.count)) })
                #expect(read == GermanTerms.terms(string).dictionary)
                let ids = index.terms(position: position, side: side).map(\.term)
                #expect(ids == ids.sorted() && Set(ids).count == ids.count)
            }
        }
        // A project counts once per term, whichever of its texts use it.
        let term = { (word: String) in (0..<UInt32(index.termCount)).first { index.word($0) == word }! }
        #expect(index.documentFrequency(term("plattform")) == 2)
        #expect(index.documentFrequency(term("register")) == 1)
        #expect(index.documentFrequency(term("zugang")) == 2)
    }

    @Test func termsOfMoreThanAQuarterOfTheProjectsAreIgnored() {
        // "gemeinsam" in 3 of 8 projects (more than a quarter, and more than 2): ignored; "selten" in 2: kept.
        var texts = (0..<8).map { (before: "Thema\($0)a eins", future: "Thema\($0)b zwei") }
        for position in 0..<3 { texts[position].before += " gemeinsam" }
        for position in 3..<5 { texts[position].future += " selten" }
        let weighted = Self.index(texts).weighted()
        let index = weighted.index
        let term = { (word: String) in (0..<UInt32(index.termCount)).first { index.word($0) == word }! }
        #expect(weighted.idf[Int(term("gemeinsam"))] == 0)
        #expect(weighted.idf[Int(term("selten"))] == TermWeighting.inverseDocumentFrequency(2, documents: 8))
        // "eins" and "zwei" are in every project.
        #expect(weighted.ignoredTermCount == 3)
        // In a portfolio of 4, a term of 2 projects is never ignored (half of them, but only 2).
        let small = Self.index(Array(texts[3..<7])).weighted()
        #expect(small.idf[Int((0..<UInt32(small.index.termCount)).first { small.index.word($0) == "selten" }!)] > 0)
    }

    @Test func theSearchFindsWhatComparingEveryTextWithEveryProjectFinds() throws {
        // A generated portfolio and the real page together; no term ignored and no postings capped, so that
        // every term counts: the index must find exactly the brute-force matches.
        let projects = Array(SyntheticPortfolio(count: 300, seed: 11)) + (try Self.realProjects())
        let weighted = Self.index(projects).weighted(maximumDocumentShare: 1, postingsPerTerm: .max / 2)
        let found = Self.matches(weighted)
        #expect(found.count == 2 * projects.count)
        #expect(found == Self.matches(weighted, bruteForce: true))
        #expect(found.allSatisfy { $0.other != nil })
    }

    @Test func withTheDefaultsTheSearchIsExactWhileNoTermIsCapped() throws {
        // 200 generated projects: no kept term is used by more than 64 of them.
        let projects = Array(SyntheticPortfolio(count: 200, seed: 5)) + (try Self.realProjects())
        let weighted = Self.index(projects).weighted()
        let found = Self.matches(weighted)
        #expect(found == Self.matches(weighted, bruteForce: true))
        #expect(found.contains { $0.other != nil && $0.otherSimilarity > 0.5 }, "the generated siblings are found")
    }

    @Test func cappedPostingsStillFindTheMatchesOfRareWords() throws {
        // The real page among 3,000 generated projects: each generated subject is used by about 200 projects,
        // its postings capped at 64. The real texts share rare words with their matches: the index finds the
        // same matches for them as comparing with every project does. Every 50th text besides: the index scores
        // real candidates exactly, so it may miss a better match, never overstate one.
        let real = try Self.realProjects()
        let projects = Array(SyntheticPortfolio(count: 3_000, seed: 2)) + real
        let weighted = Self.index(projects).weighted()
        let found = Self.matches(weighted)
        let documents = projects.indices.map { weighted.documentVector(position: $0) }
        func best(_ match: TermIndex.TextMatch) -> (other: Int?, similarity: Double) {
            let text = weighted.textVector(position: match.position, side: match.side)
            var best: (other: Int?, similarity: Double) = (nil, 0)
            for other in documents.indices where other != match.position {
                let similarity = text.dot(documents[other])
                if similarity > best.similarity { best = (other, similarity) }
            }
            return best
        }
        let realMatches = found.filter { $0.position >= 3_000 }
        #expect(realMatches.count == 2 * real.count)
        for match in realMatches {
            let exact = best(match)
            #expect(match.other == exact.other && match.otherSimilarity == exact.similarity, "\(match)")
        }
        for match in stride(from: 0, to: found.count, by: 50).map({ found[$0] }) {
            #expect(match.otherSimilarity <= best(match).similarity)
        }
    }

    @Test func aCappedTermKeepsItsHeaviestProjects() {
        // "solar" in projects 0–9; project q adds q words of its own, so "solar" weighs less in each later
        // project. With 3 postings per term, the query (project 10: only "solar") sees projects 0, 1, 2.
        var texts = (0..<10).map { q in
            (before: "Solar " + (0..<q).map { "eigen\(q)x\($0)" }.joined(separator: " "), future: "Projekt\(q)ende")
        }
        texts.append((before: "Solar", future: "Anfrage"))
        let weighted = Self.index(texts).weighted(maximumDocumentShare: 1, postingsPerTerm: 3)
        var last: TermIndex.TextMatch?
        let evaluations = weighted.search { if $0.position == 10 && $0.side == .before { last = $0 } }
        #expect(last?.other == 0)
        #expect(abs((last?.otherSimilarity ?? 0) - weighted.textVector(position: 10, side: .before).dot(weighted.documentVector(position: 0))) < 1e-12)
        // 11 projects × 2 texts; "solar" is the only shared term: its 3 postings (fewer for the texts that own one
        // of them) and at most 3 exact scorings each.
        #expect(evaluations <= 11 * (3 + 3))
    }

    @Test func theWorkGrowsLinearlyWithThePortfolio() {
        // Candidate evaluations (postings visited, exact scorings), not time: ten times the projects take about
        // ten times the work, not a hundred.
        func evaluations(_ count: Int) -> (total: Int, terms: Int) {
            let weighted = Self.index(SyntheticPortfolio(count: count, seed: 1)).weighted()
            var terms = 0
            let total = weighted.search { match in terms += weighted.textVector(position: match.position, side: match.side).count }
            return (total, terms)
        }
        let small = evaluations(1_000), large = evaluations(10_000)
        let growth = Double(large.total) / Double(small.total)
        #expect(growth > 8 && growth < 12, "1,000 projects: \(small.total), 10,000: \(large.total) (× \(growth))")
        // The bound: at most 64 postings per term and 4 exact scorings per text.
        #expect(large.total <= 64 * large.terms + 4 * 2 * 10_000)
    }
}
