import Testing
@testable import KompassCore

/// Values from the input never reach a terminal as control characters, and never make a message unbounded.
@Suite struct ShownTextTests {
    /// Every scalar that must not reach a terminal as itself.
    static let hostile: [Unicode.Scalar] = [
        "\u{0}", "\u{7}", "\u{8}", "\u{1B}", "\u{7F}", "\u{9B}", "\u{FEFF}", "\u{202E}", "\u{2066}", "\u{2028}",
    ]

    static func hasHostile(_ text: String) -> Bool {
        text.unicodeScalars.contains { hostile.contains($0) }
    }

    @Test func controlCharactersInAValueAreEscaped() {
        #expect(ShownText.value("a\u{1B}]0;pwned\u{7}b") == "a\\u{1B}]0;pwned\\u{7}b")
        #expect(ShownText.value("\u{FEFF}id") == "\\u{FEFF}id")
        #expect(ShownText.value("x\u{0}") == "x\\u{0}")
        for scalar in Self.hostile {
            #expect(!Self.hasHostile(ShownText.value("a" + String(scalar) + "b")), "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// The byte scan that spares every finding's texts the walk by scalar finds exactly the scalars shown escaped:
    /// each scalar of the Basic Multilingual Plane and a sample beyond it, alone and between other text, whose
    /// UTF-8 shares lead bytes with the escaped ones (C2, E2, EF).
    @Test func theByteScanFindsExactlyTheEscapedScalars() {
        let scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init) + (0x10000...0x10FFFF).lazy.filter { $0 % 997 == 0 }
            .compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let expected = ShownText.needsEscape(scalar)
            let lineBreak = scalar == "\n" || scalar == "\t"
            for text in [String(scalar), "ä" + String(scalar) + "…", "x" + String(scalar)] {
                #expect(ShownText.needsEscape(text, keepingLineBreaks: false) == expected, "U+\(String(scalar.value, radix: 16))")
                #expect(ShownText.needsEscape(text, keepingLineBreaks: true) == (expected && !lineBreak),
                        "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    /// `line` (one pass over the bytes) shows each scalar as the rule by scalar says: a C0 control as its picture
    /// (a tab as a space where asked), DEL as ␡, any other escaped scalar as U+FFFD, everything else as itself.
    @Test func aLineShowsEachScalarAsTheRuleSays() {
        func expected(_ text: String, tabsAsSpaces: Bool) -> String {
            var shown = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x09 where tabsAsSpaces: shown.append(" ")
                case 0x00...0x1F: shown.append(Unicode.Scalar(0x2400 + scalar.value)!)
                case 0x7F: shown.append("\u{2421}")
                default: shown.append(ShownText.needsEscape(scalar) ? "\u{FFFD}" : scalar)
                }
            }
            return String(shown)
        }
        let scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init) + (0x10000...0x10FFFF).lazy.filter { $0 % 997 == 0 }
            .compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for text in [String(scalar), "\t»" + String(scalar) + "\u{1B}é", String(scalar) + String(scalar)] {
                for tabsAsSpaces in [false, true] {
                    #expect(ShownText.line(text, tabsAsSpaces: tabsAsSpaces) == expected(text, tabsAsSpaces: tabsAsSpaces),
                            "U+\(String(scalar.value, radix: 16))")
                }
            }
        }
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Fortschritt 30 % – «Bisher» für Mitarbeitende 👩‍💻"
        #expect(ShownText.value(text) == text)
        #expect(ShownText.message(text) == text)
    }

    @Test func aLongValueIsCut() {
        let shown = ShownText.value(String(repeating: "X", count: 20_000_000))
        #expect(shown.count == ShownText.valueLimit + 1)
        #expect(shown.hasSuffix("…"))
    }

    @Test func everyFindingIsShownSafelyAndBounded() {
        let header = "\u{1B}]0;pwned\u{7}" + String(repeating: "X", count: 2_000_000)
        let finding = Finding(ruleID: .sourceFieldUnknown, severity: .info, location: nil,
                              message: Bilingual(en: "the column '\(header)' is not used", de: "die Spalte '\(header)' wird nicht verwendet"),
                              hint: Bilingual(en: "\u{1B}[2J", de: "\u{1B}[2J"))
        for text in [finding.message, finding.messageDE ?? "", finding.hint ?? "", finding.hintDE ?? ""] {
            #expect(!Self.hasHostile(text))
            #expect(text.count <= ShownText.messageLimit + 1)
        }
        // A hint may span lines (a proposed file); a line break in a message is kept, every other control escaped.
        let multiLine = Finding(ruleID: .registerOldForm, severity: .info, location: nil, message: "a\nb\u{1B}", hint: "1;x\n2;y")
        #expect(multiLine.message == "a\nb\\u{1B}")
        #expect(multiLine.hint == "1;x\n2;y")
        #expect(finding.message.hasPrefix("the column '\\u{1B}]0;pwned\\u{7}XXX"))
        #expect(finding.hint == "\\u{1B}[2J")
    }

    @Test func anExcerptShowsControlPicturesAndKeepsTheCaretInPlace() {
        let excerpt = SourceExcerpt(line: 2, fullLine: "bad\u{7}id\u{0};\u{1B}[2J50;x", column: 11)
        #expect(excerpt.text == "bad\u{2407}id\u{2400};\u{241B}[2J50;x")
        #expect(!Self.hasHostile(excerpt.text))
        // Column 11 is the "2" of "[2J" before and after: one shown character per character.
        let characters = Array(excerpt.text)
        #expect(characters[(excerpt.column ?? 0) - 1] == "2")
    }
}
