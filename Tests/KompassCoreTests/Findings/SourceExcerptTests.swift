import Foundation
import Testing
@testable import KompassCore

/// The line a finding points at, read back from its source for the report, with the column its caret marks.
@Suite struct SourceExcerptTests {
    @Test func theLinesAskedForAreReadOnceEachAndOnlyThose() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("a.txt", bytes: Array("\u{FEFF}eins\r\nzwei\n\tdrei\nvier".utf8))
        let lines = SourceExcerpt.lines(at: [SourceLocation(file: path, line: 1), SourceLocation(file: path, line: 3),
                                            SourceLocation(file: path, line: 4), SourceLocation(file: path, line: 9),
                                            SourceLocation(file: directory.file("missing.txt"), line: 1)])
        // The byte-order mark and the CR of a CRLF are not part of a line; the last line needs no line feed.
        #expect(lines[path] == [1: "eins", 3: "\tdrei", 4: "vier"])
        #expect(lines[directory.file("missing.txt")] == nil)
    }

    @Test func aShortLineIsShownWholeWithTabsAsSpaces() {
        let excerpt = SourceExcerpt(line: 3, fullLine: "\tFortschrit", column: 2)
        #expect(excerpt == SourceExcerpt(line: 3, text: " Fortschrit", column: 2))
        // A column past the end marks the end of the line.
        #expect(SourceExcerpt(line: 1, fullLine: "ab", column: 9).column == 3)
        #expect(SourceExcerpt(line: 1, fullLine: "ab", column: nil).column == nil)
    }

    @Test func aLongLineIsAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let excerpt = SourceExcerpt(line: 7, fullLine: line, column: 301)
        #expect(excerpt.text.hasPrefix("…") && excerpt.text.hasSuffix("…"))
        #expect(excerpt.text.count == SourceExcerpt.window + 2)
        let characters = Array(excerpt.text)
        #expect(characters[excerpt.column! - 1] == "X")
        // At the start of a long line: no leading ellipsis, the caret where it was.
        let start = SourceExcerpt(line: 7, fullLine: line, column: 1)
        #expect(!start.text.hasPrefix("…") && start.column == 1 && start.text.hasSuffix("…"))
        // Umlauts count as one character each.
        let umlauts = SourceExcerpt(line: 1, fullLine: "Bevölkerung;Wirtschaft", column: 13)
        #expect(Array(umlauts.text)[umlauts.column! - 1] == "W")
    }
}
