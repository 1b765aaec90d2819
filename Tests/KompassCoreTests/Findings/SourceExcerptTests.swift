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

    /// The excerpt walks a long line only as far as its window, and shows what cutting the whole line as an array of
    /// characters shows (the reference below): for lines of ASCII, of combining marks, emoji and control characters,
    /// around and at the window's length, for every column and none.
    @Test func theWindowIsTheOneTheWholeLineGives() {
        func reference(_ fullLine: String, column: Int?) -> SourceExcerpt {
            let characters = Array(ShownText.line(fullLine, tabsAsSpaces: true))
            let window = SourceExcerpt.window
            guard characters.count > window else {
                return SourceExcerpt(line: 1, text: String(characters), column: column.map { min($0, characters.count + 1) })
            }
            let at = (column ?? 1) - 1
            let start = max(0, min(at - window / 3, characters.count - window))
            let end = min(characters.count, start + window)
            let text = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
            return SourceExcerpt(line: 1, text: text, column: column.map { $0 - start + (start > 0 ? 1 : 0) })
        }
        let pieces = ["a", "ä", "e\u{301}", "👩‍💻", "\t", "\u{1B}", "\r", "語"]
        var lines: [String] = []
        for (index, piece) in pieces.enumerated() {
            for count in [1, 119, 120, 121, 200, 400] {
                lines.append(String(repeating: "x", count: count / 2) + String(repeating: piece, count: count - count / 2))
                lines.append((0..<count).map { pieces[($0 * 7 + index) % pieces.count] }.joined())
            }
        }
        for line in lines {
            let count = Array(ShownText.line(line, tabsAsSpaces: true)).count
            for column in [nil] + Array(1...(count + 3)) {
                #expect(SourceExcerpt(line: 1, fullLine: line, column: column) == reference(line, column: column),
                        "\(line.unicodeScalars.count) scalars, column \(column.map(String.init) ?? "none")")
            }
        }
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
