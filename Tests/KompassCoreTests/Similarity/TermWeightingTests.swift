import Foundation
import Testing
@testable import KompassCore

@Suite("Similarity: TF-IDF weights")
struct TermWeightingTests {
    @Test func termFrequencyIsSublinear() {
        #expect(TermWeighting.termFrequency(1) == 1)
        #expect(abs(TermWeighting.termFrequency(3) - (1 + log(3.0))) < 1e-12)
        #expect(TermWeighting.termFrequency(3) < 2.1)
    }

    @Test func inverseDocumentFrequencyIsSmoothed() {
        // ln((1 + n) / (1 + df)) + 1: a term every document uses weighs 1, a term of one document of 34 weighs most.
        #expect(TermWeighting.inverseDocumentFrequency(34, documents: 34) == 1)
        #expect(abs(TermWeighting.inverseDocumentFrequency(1, documents: 34) - (log(35.0 / 2) + 1)) < 1e-12)
        #expect(TermWeighting.inverseDocumentFrequency(1, documents: 34) > TermWeighting.inverseDocumentFrequency(2, documents: 34))
        #expect(TermWeighting.inverseDocumentFrequency(0, documents: 0) == 1)
    }

    @Test func vectorsAreUnitLengthAndSkipIgnoredTerms() {
        let idf = [2.0, 1.0, 0.0, 3.0]
        let vector = SparseVector(terms: [0, 1, 2, 3], counts: [1, 4, 7, 1], idf: idf)
        #expect(vector.terms == [0, 1, 3])
        let length = vector.weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-12)
        // Proportional to tf × idf: 2, 1 + ln 4, 3.
        #expect(abs(vector.weights[0] / vector.weights[2] - 2.0 / 3.0) < 1e-12)
        #expect(abs(vector.weights[1] / vector.weights[2] - (1 + log(4.0)) / 3.0) < 1e-12)
        #expect(SparseVector(terms: [2], counts: [5], idf: idf).isEmpty)
    }

    @Test func theCosineIsTheDotProductOfUnitVectors() {
        let idf = [1.0, 1.0, 1.0, 1.0]
        let a = SparseVector(terms: [0, 1], counts: [1, 1], idf: idf)
        let b = SparseVector(terms: [1, 2], counts: [1, 1], idf: idf)
        let c = SparseVector(terms: [2, 3], counts: [1, 1], idf: idf)
        #expect(abs(a.dot(a) - 1) < 1e-12)
        #expect(abs(a.dot(b) - 0.5) < 1e-12)
        #expect(a.dot(c) == 0)
        #expect(a.dot(b) == b.dot(a))
        #expect(a.dot(SparseVector()) == 0)
        #expect(a.contributions(with: b).map(\.term) == [1])
    }

    @Test func contributionsNameTheHeaviestSharedTermsFirst() {
        let idf = [1.0, 4.0, 2.0, 1.0]
        let a = SparseVector(terms: [0, 1, 2, 3], counts: [1, 1, 1, 1], idf: idf)
        let b = SparseVector(terms: [0, 1, 2], counts: [1, 1, 1], idf: idf)
        let shared = a.contributions(with: b)
        #expect(shared.map(\.term) == [1, 2, 0])
        #expect(abs(shared.map(\.product).reduce(0, +) - a.dot(b)) < 1e-12)
    }
}
