public import Foundation

/// Reading a timestamp back: `--as-of` with a time, and the detection times the publication state keeps.
extension Timestamp {
    /// Parses exactly `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM` (RFC 3339 without fractions of a second);
    /// the instant keeps the offset it was written with.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), let day = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? { CalendarDate.digits(bytes[range]) }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 60 else { return nil }
        var offset = 0
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                  let hours = number(20..<22), let minutes = number(23..<25), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 3_600 + minutes * 60) * (bytes[19] == UInt8(ascii: "-") ? -1 : 1)
        }
        let local = TimeInterval(day.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second)
        date = Date(timeIntervalSince1970: local - TimeInterval(offset))
        offsetSeconds = offset
    }

    /// The same instant, shown with the offset `zone` has then.
    public func shown(in zone: TimeZone) -> Timestamp { Timestamp(date: date, zone: zone) }

    /// The civil date of this instant in `zone`.
    public func day(in zone: TimeZone) -> CalendarDate {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        return CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    /// This instant to the whole second (what `iso8601` and `rfc822` show, and what reads back the same).
    public var wholeSeconds: Timestamp {
        var copy = self
        copy.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        return copy
    }
}

/// Kept as its `iso8601` text (whole seconds, with its offset), so a state file reads like the feeds.
extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let timestamp = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a date-time of the form YYYY-MM-DDTHH:MM:SS+HH:MM"))
        }
        self = timestamp
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
