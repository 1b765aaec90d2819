import Foundation
import Testing
@testable import KompassCore

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test(arguments: [
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("2026-11-30", 2026, 11, 30),
        ("1970-01-01", 1970, 1, 1),
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
        ("2025-04-30", 2025, 4, 30),
    ])
    func parsesValidDates(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.year == year)
        #expect(date.month == month)
        #expect(date.day == day)
        #expect(date.iso == text)
        #expect(date.description == text)
    }

    @Test(arguments: [
        "2025-02-29",   // not a leap year
        "1900-02-29",   // century, not a leap year
        "2025-04-31",   // April has 30 days
        "2025-13-01", "2025-00-10", "2025-01-00", "2025-01-32",
        "0000-01-01",   // there is no year 0
        "2025-1-01", "2025-01-1", "25-01-01", "20250101", "2025/01/01", "2025.01.01",
        " 2025-01-01", "2025-01-01 ", "2025-01-01T00:00", "+025-01-01", "-025-01-01",
        "2025-0a-01", "abcd-ef-gh", "", "2025–01–01",
        "２０２５-01-01",   // full-width digits
    ])
    func rejectsInvalidDatesAndWrongShapes(text: String) {
        #expect(CalendarDate(iso: text) == nil, "'\(text)' must not parse")
    }

    @Test func memberwiseInitialiserChecksTheCalendar() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2023, month: 6, day: 31) == nil)
        #expect(CalendarDate(year: 2023, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
    }

    @Test(arguments: [
        ("1970-01-01", 4),  // Thursday
        ("1969-12-31", 3),  // Wednesday
        ("1969-12-26", 5),  // Friday
        ("2000-01-01", 6),  // Saturday
        ("2024-02-29", 4),  // Thursday
        ("2025-01-06", 1),  // Monday
        ("2026-11-30", 1),  // Monday
        ("2026-11-29", 0),  // Sunday
        ("1900-01-01", 1),  // Monday
        ("0001-01-01", 1),  // Monday (proleptic Gregorian)
    ])
    func weekday(text: String, expected: Int) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.weekday == expected, "\(text)")
    }

    @Test func weekdayAgreesWithFoundationOverManyDays() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: -800, through: 25_000, by: 37) {
            let date = CalendarDate(daysSinceEpoch: days)
            let foundation = calendar.component(.weekday, from: Date(timeIntervalSince1970: TimeInterval(days) * 86_400))
            #expect(date.weekday == foundation - 1, "\(date)")
        }
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017),
        ("2024-02-29", 19_782), ("2026-11-30", 20_787), ("0001-01-01", -719_162),
    ])
    func daysSinceEpoch(text: String, days: Int) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.daysSinceEpoch == days)
        #expect(CalendarDate(daysSinceEpoch: days) == date)
    }

    @Test func daysSinceEpochRoundTripsAndIsConsecutive() throws {
        var previous: CalendarDate?
        for days in -1_000...30_000 {
            let date = CalendarDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(CalendarDate(iso: date.iso) == date)
            if let previous {
                #expect(previous < date)
                #expect(date.weekday == (previous.weekday + 1) % 7)
            }
            previous = date
        }
    }

    @Test func daysSinceEpochAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: -3_000, through: 40_000, by: 97) {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(days) * 86_400))
            let date = try #require(CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(date.daysSinceEpoch == days, "\(date)")
        }
    }

    @Test func ordering() throws {
        let a = try #require(CalendarDate(iso: "2024-12-31"))
        let b = try #require(CalendarDate(iso: "2025-01-01"))
        let c = try #require(CalendarDate(iso: "2025-01-02"))
        #expect(a < b && b < c && a < c)
        #expect(!(b < b))
        #expect([c, a, b].sorted() == [a, b, c])
    }

    @Test func codableAsISOString() throws {
        let date = try #require(CalendarDate(iso: "2024-02-29"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2024-02-29\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2025-02-29\"]".utf8))
        }
    }

    @Test func startOfDayInZurich() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Zurich"))
        let winter = try #require(CalendarDate(iso: "2026-11-30"))
        // 2026-11-30T00:00+01:00 = 2026-11-29T23:00Z
        #expect(winter.startOfDay(in: zone) == Date(timeIntervalSince1970: TimeInterval(winter.daysSinceEpoch) * 86_400 - 3_600))
        let summer = try #require(CalendarDate(iso: "2025-07-01"))
        #expect(summer.startOfDay(in: zone) == Date(timeIntervalSince1970: TimeInterval(summer.daysSinceEpoch) * 86_400 - 7_200))
    }

    /// On the days the clocks change (last Sunday of March and of October), midnight still has the
    /// offset of the day before: +01:00 on 2025-03-30, +02:00 on 2025-10-26.
    @Test(arguments: [("2025-03-30", 3_600), ("2025-10-26", 7_200), ("2026-03-29", 3_600), ("2026-10-25", 7_200)])
    func startOfDayOnDaysTheClocksChange(text: String, offsetAtMidnight: Int) throws {
        let zone = try #require(TimeZone(identifier: "Europe/Zurich"))
        let day = try #require(CalendarDate(iso: text))
        let expected = Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch * 86_400 - offsetAtMidnight))
        #expect(day.startOfDay(in: zone) == expected, "start of \(text) in Europe/Zurich")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        #expect(day.startOfDay(in: zone) == calendar.startOfDay(for: expected.addingTimeInterval(6 * 3_600)))
    }
}
