public import Foundation

/// A civil date (no time, no zone), as the reference date of a run and the dates in catalogues.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Accepts only real dates.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        guard let y = CalendarDate.digits(bytes[0..<4]), let m = CalendarDate.digits(bytes[5..<7]),
              let d = CalendarDate.digits(bytes[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The number the ASCII digits spell; nil if any byte is not a digit (no sign, no spaces).
    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Today in the given time zone (Europe/Zurich for the canton).
    public static func today(in zone: TimeZone) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let days = daysSinceEpoch
        return ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
    }

    /// Midnight at the start of this date in `zone`.
    public func startOfDay(in zone: TimeZone) -> Date {
        let utcMidnight = Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch) * 86_400)
        // Local midnight is UTC midnight minus the offset in force at local midnight. Guess with the
        // offset at UTC midnight, then correct once with the offset at the guess: on the days the
        // clocks change (in the small hours) the two differ.
        let guess = utcMidnight.addingTimeInterval(TimeInterval(-zone.secondsFromGMT(for: utcMidnight)))
        return utcMidnight.addingTimeInterval(TimeInterval(-zone.secondsFromGMT(for: guess)))
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date of the form YYYY-MM-DD")
        }
        self = date
    }
}
