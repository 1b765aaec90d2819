import Foundation
import Testing
import KompassXML
@testable import KompassCore

@Suite("Escaping")
struct EscapingTests {
    // MARK: XML

    @Test func xmlEscapesTheFiveSpecialCharacters() {
        #expect(Escaping.xml("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect(Escaping.xml("&amp;") == "&amp;amp;")
        #expect(Escaping.xml("<script>") == "&lt;script&gt;")
    }

    @Test func xmlLeavesPlainTextAlone() {
        #expect(Escaping.xml("Grüezi Basel – «Kompass» 30 % ✓") == "Grüezi Basel – «Kompass» 30 % ✓")
        #expect(Escaping.xml("") == "")
        // U+FFFD and other characters whose UTF-8 starts with 0xEF are allowed and kept.
        #expect(Escaping.xml("\u{FFFD}\u{FEFF}\u{F8FF}") == "\u{FFFD}\u{FEFF}\u{F8FF}")
    }

    @Test func xmlKeepsTabAndNewline() {
        #expect(Escaping.xml("a\tb\nc") == "a\tb\nc")
    }

    @Test func xmlEncodesCarriageReturnAsACharacterReference() {
        #expect(Escaping.xml("a\r\nb") == "a&#13;\nb")
    }

    @Test(arguments: [0x00, 0x01, 0x08, 0x0B, 0x0C, 0x0E, 0x1B, 0x1F] as [UInt32])
    func xmlReplacesForbiddenC0Controls(value: UInt32) {
        let control = String(Character(Unicode.Scalar(value)!))
        #expect(Escaping.xml("a" + control + "b") == "a\u{FFFD}b")
    }

    @Test func xmlReplacesNonCharactersFFFEAndFFFF() {
        #expect(Escaping.xml("x\u{FFFE}y\u{FFFF}z") == "x\u{FFFD}y\u{FFFD}z")
    }

    @Test func xmlOutputIsWellFormedForEveryC0Control() throws {
        var text = "start "
        for value in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt32(value))!) }
        text += " & <tag> \"q\" 'a' \u{FFFE} end"
        let document = "<r a=\"\(Escaping.xml(text))\">\(Escaping.xml(text))</r>"
        let reader = try XMLStreamReader(bytes: Array(document.utf8), name: "escaped.xml")
        var texts: [String] = []
        var attributes: [String] = []
        while let event = reader.next() {
            switch event {
            case .text(let value, _): texts.append(value)
            case .startElement(_, let list, _, _): attributes += list.map(\.value)
            case .endElement: break
            }
        }
        #expect(reader.problems.isEmpty, "\(reader.problems)")
        let joined = texts.joined()
        #expect(joined.hasPrefix("start "))
        #expect(joined.contains(" & <tag> \"q\" 'a' "))
        #expect(joined.contains("\t\n\u{FFFD}\u{FFFD}\r"))
        #expect(attributes.count == 1)
    }

    // MARK: CSV

    @Test func csvLeavesSimpleCellsUnquoted() {
        #expect(Escaping.csv("Digital Lab") == "Digital Lab")
        #expect(Escaping.csv("Prozesse,Daten") == "Prozesse,Daten")
        #expect(Escaping.csv("") == "")
        #expect(Escaping.csv("Bevölkerung") == "Bevölkerung")
    }

    @Test func csvQuotesWhenNeeded() {
        #expect(Escaping.csv("a;b") == "\"a;b\"")
        #expect(Escaping.csv("line\nbreak") == "\"line\nbreak\"")
        #expect(Escaping.csv("cr\rhere") == "\"cr\rhere\"")
        #expect(Escaping.csv(" leading") == "\" leading\"")
        #expect(Escaping.csv("trailing ") == "\"trailing \"")
        #expect(Escaping.csv("\ttab") == "\"\ttab\"")
        // White space at an edge that is not ASCII (no-break space, em space), and the other ASCII kinds.
        #expect(Escaping.csv("\u{00A0}x") == "\"\u{00A0}x\"")
        #expect(Escaping.csv("x\u{2003}") == "\"x\u{2003}\"")
        #expect(Escaping.csv("\u{0B}x") == "\"\u{0B}x\"" && Escaping.csv("x\u{0C}") == "\"x\u{0C}\"")
        #expect(Escaping.csv("ébène") == "ébène" && Escaping.csv("Zürich") == "Zürich")
    }

    /// The pass's buffer escapes exactly as `Escaping` does.
    @Test(arguments: ["", "plain", "a;b", "\"q\"", " lead", "trail ", "\u{00A0}nbsp", "x\u{2003}", "line\nbreak", "Zürich",
                      "\u{2028}sep", "back\\slash", "ctl\u{01}", "e\u{301}"])
    func theBufferEscapesAsEscapingDoes(_ text: String) {
        var buffer = ByteBuffer()
        buffer.writeCSVCell(text)
        #expect(buffer.bytes == Array(Escaping.csv(text).utf8))
        buffer.removeAll()
        buffer.writeJSONString(text)
        #expect(buffer.bytes == Array(Escaping.json(text).utf8))
    }

    @Test func csvDoublesQuotes() {
        #expect(Escaping.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Escaping.csv("\"") == "\"\"\"\"")
    }

    @Test func csvRespectsTheDelimiter() {
        #expect(Escaping.csv("a,b", delimiter: UInt8(ascii: ",")) == "\"a,b\"")
        #expect(Escaping.csv("a;b", delimiter: UInt8(ascii: ",")) == "a;b")
    }

    // MARK: JSON

    @Test func jsonQuotesAndEscapesQuotesAndBackslashes() {
        #expect(Escaping.json("plain") == "\"plain\"")
        #expect(Escaping.json("") == "\"\"")
        #expect(Escaping.json("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(Escaping.json("C:\\path") == "\"C:\\\\path\"")
    }

    @Test func jsonEscapesControls() {
        #expect(Escaping.json("a\nb\rc\td") == "\"a\\nb\\rc\\td\"")
        #expect(Escaping.json("\u{00}") == "\"\\u0000\"")
        #expect(Escaping.json("\u{01}\u{1F}") == "\"\\u0001\\u001f\"")
        #expect(Escaping.json("\u{08}\u{0C}") == "\"\\u0008\\u000c\"")
        #expect(Escaping.json("\u{2028}\u{2029}") == "\"\\u2028\\u2029\"")
    }

    @Test func jsonKeepsNonASCII() {
        #expect(Escaping.json("Bâle-Ville «ä» 😀") == "\"Bâle-Ville «ä» 😀\"")
        #expect(Escaping.json("</script>") == "\"</script>\"")
    }

    @Test func jsonRoundTripsThroughJSONSerialization() throws {
        var text = "Ä \"q\" \\ / \u{2028} \u{2029} 😀 "
        for value in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt32(value))!) }
        let document = "[" + Escaping.json(text) + "]"
        let parsed = try JSONSerialization.jsonObject(with: Data(document.utf8))
        let array = try #require(parsed as? [String])
        #expect(array == [text])
    }
}
