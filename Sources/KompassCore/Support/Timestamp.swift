public import Foundation

/// An instant with the UTC offset it is shown in, formatted for RSS (RFC 822) and RDF (xsd:dateTime).
public struct Timestamp: Sendable, Hashable {
    public var date: Date
    /// Seconds east of UTC.
    public var offsetSeconds: Int

    public init(date: Date, zone: TimeZone) {
        self.date = date
        self.offsetSeconds = zone.secondsFromGMT(for: date)
    }

    /// The start of a civil date in `zone`.
    public init(startOf day: CalendarDate, zone: TimeZone) {
        self.init(date: day.startOfDay(in: zone), zone: zone)
    }

    private var local: (date: CalendarDate, hour: Int, minute: Int, second: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        return (CalendarDate(daysSinceEpoch: days), secondOfDay / 3_600, secondOfDay % 3_600 / 60, secondOfDay % 60)
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private var offsetText: (sign: String, hours: String, minutes: String) {
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds)
        return (sign, two(magnitude / 3_600), two(magnitude % 3_600 / 60))
    }

    /// `Mon, 06 Jan 2025 08:00:00 +0100`: English names, the matching weekday, four-digit year.
    public var rfc822: String {
        let (day, hour, minute, second) = local
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let zone = offsetText
        return "\(weekdays[day.weekday]), \(two(day.day)) \(months[day.month - 1]) \(day.year) "
            + "\(two(hour)):\(two(minute)):\(two(second)) \(zone.sign)\(zone.hours)\(zone.minutes)"
    }

    /// `2025-01-06T08:00:00+01:00`: xsd:dateTime with its offset.
    public var iso8601: String {
        let (day, hour, minute, second) = local
        let zone = offsetText
        return "\(day.iso)T\(two(hour)):\(two(minute)):\(two(second))\(zone.sign)\(zone.hours):\(zone.minutes)"
    }
}

extension CalendarDate {
    /// The date `days` after 1970-01-01.
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)!
    }
}
