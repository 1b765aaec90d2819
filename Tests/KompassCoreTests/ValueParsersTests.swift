import Testing
@testable import KompassCore

@Suite("ValueParsers")
struct ValueParsersTests {
    @Test(arguments: [
        ("30%", 30), ("30 %", 30), ("30", 30), ("0%", 0), ("100%", 100), ("8%", 8), ("5", 5),
        ("  30%  ", 30), ("\t65%", 65), ("30\u{00A0}%", 30), ("007%", 7),
        // Out of range but a number: the validator's progress.range reports it, the parser does not guess.
        ("200%", 200), ("999", 999),
    ])
    func percentAccepts(text: String, expected: Int) {
        #expect(ValueParsers.percent(text) == expected, "'\(text)'")
    }

    @Test(arguments: [
        "abc", "", " ", "%", "1000", "1000%", "-5%", "+5%", "30,5%", "30.5%", "30%%", "% 30", "dreissig",
        "3 0%", "٣٠%", "30 Prozent", "1e2",
    ])
    func percentRejects(text: String) {
        #expect(ValueParsers.percent(text) == nil, "'\(text)'")
    }

    @Test(arguments: [
        ("2023–2028", 2023, 2028 as Int?),
        ("2023-2028", 2023, 2028),
        ("2023—2028", 2023, 2028),
        ("2023 – 2028", 2023, 2028),
        ("2023 - 2028", 2023, 2028),
        ("2023 bis 2028", 2023, 2028),
        ("2024", 2024, nil),
        (" 2024 ", 2024, nil),
        ("2028–2023", 2028, 2023),  // reversed: parsed as written, period.order reports it
    ])
    func periodAccepts(text: String, start: Int, end: Int?) throws {
        let period = try #require(ValueParsers.period(text), "'\(text)'")
        #expect(period.startYear == start)
        #expect(period.endYear == end)
    }

    @Test(arguments: [
        "23–28", "2023–", "–2028", "2023-", "-2028", "", "abcd", "2023–2028–2030", "2023 bis", "bis 2028",
        "202–2028", "20233–2028", "2023/2028", "2023 2028", "2023bis2028", "ab 2023", "2023–28", "24",
    ])
    func periodRejects(text: String) {
        #expect(ValueParsers.period(text) == nil, "'\(text)'")
    }

    @Test func periodDisplayText() throws {
        #expect(try #require(ValueParsers.period("2023-2028")).displayText == "2023–2028")
        #expect(try #require(ValueParsers.period("2024")).displayText == "2024")
        #expect(try #require(ValueParsers.period("2024")).lastYear == 2024)
        #expect(try #require(ValueParsers.period("2023 bis 2028")).lastYear == 2028)
    }
}
