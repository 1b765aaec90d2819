import Testing
@testable import KompassCore

/// Word by word: what a text kept, lost and gained.
@Suite struct WordDiffTests {
    static func ops(_ diff: WordDiff) -> [String] {
        diff.parts.map { "\($0.operation.rawValue):\($0.text)" }
    }

    @Test func equalTextsHaveNoChangeWhateverTheirSpacing() {
        let diff = WordDiff(from: "Die Daten  liegen\nverstreut.", to: "Die Daten liegen verstreut.")
        #expect(diff.isEmpty && Self.ops(diff) == ["equal:Die Daten liegen verstreut."])
    }

    @Test func aReplacedWordIsRemovedThenAdded() {
        let diff = WordDiff(from: "Mitarbeitende haben kaum Möglichkeiten", to: "Angestellte haben kaum Möglichkeiten")
        #expect(Self.ops(diff) == ["delete:Mitarbeitende", "insert:Angestellte", "equal:haben kaum Möglichkeiten"])
    }

    @Test func wordsAddedAndRemovedAtEitherEnd() {
        #expect(Self.ops(WordDiff(from: "a b c", to: "a b c d e")) == ["equal:a b c", "insert:d e"])
        #expect(Self.ops(WordDiff(from: "x a b", to: "a b")) == ["delete:x", "equal:a b"])
        #expect(Self.ops(WordDiff(from: "", to: "neu")) == ["insert:neu"])
        #expect(WordDiff(from: "", to: "").parts.isEmpty)
    }

    @Test func longRunsOfSharedWordsAreCondensedToTheirEdges() {
        let words = (1...20).map { "w\($0)" }
        let diff = WordDiff(from: (words + ["alt"] + words).joined(separator: " "), to: (words + ["neu"] + words).joined(separator: " "))
        #expect(diff.condensed().map(\.text) == ["… w18 w19 w20", "alt", "neu", "w1 w2 w3 …"])
        // Every part of the full diff is kept.
        #expect(diff.parts.map(\.words.count) == [20, 1, 1, 20])
    }

    @Test func veryLongTextsAreComparedAsWholes() {
        let a = (1...2_100).map { "a\($0)" }.joined(separator: " "), b = (1...2_100).map { "b\($0)" }.joined(separator: " ")
        let diff = WordDiff(from: a, to: b)
        #expect(diff.parts.map(\.operation) == [.delete, .insert] && diff.parts.map(\.words.count) == [2_100, 2_100])
    }
}
