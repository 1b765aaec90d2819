/// Parsers for the value forms sources use. Each accepts only its declared forms: a value that does
/// not fit is reported, never guessed.
public enum ValueParsers {
    /// Whether `text` is a percentage in the form kompass writes: digits, optionally followed by `%`, nothing else.
    public static func isCanonicalPercent(_ text: String) -> Bool {
        let digits = text.hasSuffix("%") ? text.dropLast() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `30%`, `30 %` or `30`: a whole number of percent. Returns nil for anything else.
    public static func percent(_ text: String) -> Int? {
        var digits = text.trimmingWhitespace()
        if digits.hasSuffix("%") { digits = String(digits.dropLast()).trimmingWhitespace() }
        guard (1...3).contains(digits.utf8.count), digits.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(digits)
    }

    /// `2023–2028` (en dash), `2023-2028`, `2023 – 2028`, `2023 bis 2028`, or a single year `2024`.
    public static func period(_ text: String) -> ProjectPeriod? {
        let trimmed = text.trimmingWhitespace()
        if let year = year(trimmed) { return ProjectPeriod(startYear: year) }
        for separator in ["–", "—", "-", " bis "] {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, let start = year(parts[0].trimmingWhitespace()), let end = year(parts[1].trimmingWhitespace()) {
                return ProjectPeriod(startYear: start, endYear: end)
            }
        }
        return nil
    }

    /// A share from 0 to 1 (`0.3`, `0,3` is not accepted) that is a whole number of percent: 30.
    public static func fraction(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }) else { return nil }
        let whole = Int(parts[0]) ?? -1
        var decimals = parts.count == 2 ? String(parts[1]) : ""
        while decimals.hasSuffix("0") { decimals.removeLast() }
        guard decimals.count <= 2 else { return nil }
        let percent = whole * 100 + (Int(decimals.zeroPadded(to: 2)) ?? 0)
        return (0...100).contains(percent) ? percent : nil
    }

    /// Exactly four digits.
    /// The year of a date written in `form` (`31.12.2025`, `2025-12-31`), when it is a real date of the
    /// calendar; nil for anything else. `.year` takes a four-digit year.
    public static func year(_ text: String, form: FieldMapping.DateForm) -> Int? {
        switch form {
        case .year:
            return year(text)
        case .dayMonthYear:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count) else { return nil }
            return calendarYear(day: parts[0], month: parts[1], year: parts[2])
        case .isoDate:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[1].count == 2, parts[2].count == 2 else { return nil }
            return calendarYear(day: parts[2], month: parts[1], year: parts[0])
        }
    }

    /// The date form `text` has, if any: to tell a steward which form to declare.
    public static func dateForm(of text: String) -> FieldMapping.DateForm? {
        FieldMapping.DateForm.allCases.first { $0 != .year && year(text, form: $0) != nil }
    }

    private static func calendarYear(day: Substring, month: Substring, year yearText: Substring) -> Int? {
        guard let year = year(String(yearText)),
              day.utf8.allSatisfy({ (48...57).contains($0) }), month.utf8.allSatisfy({ (48...57).contains($0) }),
              let d = Int(day), let m = Int(month), (1...12).contains(m) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d) ? year : nil
    }

    static func year(_ text: String) -> Int? {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }
}


extension String {
    /// Right-padded with zeros to `length` characters.
    fileprivate func zeroPadded(to length: Int) -> String {
        count >= length ? self : self + String(repeating: "0", count: length - count)
    }
}
