/// Checks a date as RSS requires it (RFC 822): `Mon, 06 Jan 2025 08:00:00 +0100`, English names,
/// a four-digit year, a numeric zone or GMT, and a weekday that matches the date.
enum RFC822Date {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// What is wrong with `text`, or nil when it is a valid RFC 822 date with the right weekday.
    static func problem(in text: String) -> String? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0].hasSuffix(","), let weekday = weekdays.firstIndex(of: String(parts[0].dropLast())) else {
            return "'\(text)' is not of the form 'Mon, 06 Jan 2025 08:00:00 +0100'"
        }
        guard let day = Int(parts[1]), parts[1].count == 2, let month = months.firstIndex(of: parts[2]),
              let year = Int(parts[3]), parts[3].count == 4,
              let date = CalendarDate(year: year, month: month + 1, day: day) else {
            return "'\(text)' has no valid day, English month and four-digit year"
        }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, time.allSatisfy({ $0.count == 2 && Int($0) != nil }) else {
            return "'\(text)' has no time of the form HH:MM:SS"
        }
        let zone = parts[5]
        let numericZone = zone.count == 5 && (zone.hasPrefix("+") || zone.hasPrefix("-")) && Int(zone.dropFirst()) != nil
        guard numericZone || zone == "GMT" else { return "'\(text)' has no zone like +0100 or GMT" }
        guard date.weekday == weekday else {
            return "'\(text)': \(date.iso) is a \(weekdays[date.weekday]), not a \(weekdays[weekday])"
        }
        return nil
    }
}
