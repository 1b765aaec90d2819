import Foundation
import Testing
@testable import KompassCore

@Suite("Timestamp")
struct TimestampTests {
    static let zurich = TimeZone(identifier: "Europe/Zurich")!

    @Test func documentedExampleInWinter() {
        // 2025-01-06T07:00:00Z is 08:00 in Zurich (+01:00), a Monday.
        let timestamp = Timestamp(date: Date(timeIntervalSince1970: 1_736_146_800), zone: Self.zurich)
        #expect(timestamp.offsetSeconds == 3_600)
        #expect(timestamp.rfc822 == "Mon, 06 Jan 2025 08:00:00 +0100")
        #expect(timestamp.iso8601 == "2025-01-06T08:00:00+01:00")
    }

    @Test func summerTimeIsPlusTwoHours() {
        // 2025-07-15T10:30:45Z is 12:30:45 in Zurich (+02:00), a Tuesday.
        let timestamp = Timestamp(date: Date(timeIntervalSince1970: 1_752_575_445), zone: Self.zurich)
        #expect(timestamp.offsetSeconds == 7_200)
        #expect(timestamp.rfc822 == "Tue, 15 Jul 2025 12:30:45 +0200")
        #expect(timestamp.iso8601 == "2025-07-15T12:30:45+02:00")
    }

    @Test(arguments: [
        ("2026-11-30", "Mon, 30 Nov 2026 00:00:00 +0100", "2026-11-30T00:00:00+01:00"),
        ("2025-01-01", "Wed, 01 Jan 2025 00:00:00 +0100", "2025-01-01T00:00:00+01:00"),
        ("2024-02-29", "Thu, 29 Feb 2024 00:00:00 +0100", "2024-02-29T00:00:00+01:00"),
        ("2025-07-01", "Tue, 01 Jul 2025 00:00:00 +0200", "2025-07-01T00:00:00+02:00"),
        ("2026-06-21", "Sun, 21 Jun 2026 00:00:00 +0200", "2026-06-21T00:00:00+02:00"),
        ("2025-09-06", "Sat, 06 Sep 2025 00:00:00 +0200", "2025-09-06T00:00:00+02:00"),
        ("2025-12-05", "Fri, 05 Dec 2025 00:00:00 +0100", "2025-12-05T00:00:00+01:00"),
    ])
    func startOfDayInZurich(day: String, rfc822: String, iso8601: String) throws {
        let date = try #require(CalendarDate(iso: day))
        let timestamp = Timestamp(startOf: date, zone: Self.zurich)
        #expect(timestamp.rfc822 == rfc822)
        #expect(timestamp.iso8601 == iso8601)
    }

    /// The days the clocks change: midnight is still in the offset of the night before.
    @Test(arguments: [
        ("2025-03-30", "Sun, 30 Mar 2025 00:00:00 +0100", "2025-03-30T00:00:00+01:00"),
        ("2025-10-26", "Sun, 26 Oct 2025 00:00:00 +0200", "2025-10-26T00:00:00+02:00"),
    ])
    func startOfDayWhenTheClocksChange(day: String, rfc822: String, iso8601: String) throws {
        let date = try #require(CalendarDate(iso: day))
        let timestamp = Timestamp(startOf: date, zone: Self.zurich)
        #expect(timestamp.rfc822 == rfc822)
        #expect(timestamp.iso8601 == iso8601)
    }

    @Test func englishWeekdayMatchesFoundationForAYearOfDays() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = Self.zurich
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let first = try #require(CalendarDate(iso: "2025-01-01"))
        for offset in 0..<400 {
            // Noon UTC avoids any question about the start of the day.
            let date = Date(timeIntervalSince1970: TimeInterval((first.daysSinceEpoch + offset) * 86_400 + 12 * 3_600))
            let timestamp = Timestamp(date: date, zone: Self.zurich)
            #expect(timestamp.rfc822 == formatter.string(from: date))
        }
    }

    @Test func negativeAndOddOffsets() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let date = Date(timeIntervalSince1970: 1_736_146_800)  // 2025-01-06T07:00:00Z
        let east = Timestamp(date: date, zone: newYork)
        #expect(east.rfc822 == "Mon, 06 Jan 2025 02:00:00 -0500")
        #expect(east.iso8601 == "2025-01-06T02:00:00-05:00")
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        #expect(Timestamp(date: date, zone: kolkata).iso8601 == "2025-01-06T12:30:00+05:30")
        let utc = try #require(TimeZone(identifier: "UTC"))
        // The previous day in Honolulu and a date before 1970.
        #expect(Timestamp(date: date, zone: utc).rfc822 == "Mon, 06 Jan 2025 07:00:00 +0000")
        let honolulu = try #require(TimeZone(identifier: "Pacific/Honolulu"))
        #expect(Timestamp(date: date, zone: honolulu).iso8601 == "2025-01-05T21:00:00-10:00")
        #expect(Timestamp(date: Date(timeIntervalSince1970: -1), zone: utc).iso8601 == "1969-12-31T23:59:59+00:00")
    }
}
