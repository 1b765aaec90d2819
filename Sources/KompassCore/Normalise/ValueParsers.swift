/// Parsers for the value forms sources use. Each accepts only its declared forms: a value that does
/// not fit is reported, never guessed.
public enum ValueParsers {
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

    /// Exactly four digits.
    static func year(_ text: String) -> Int? {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }
}

