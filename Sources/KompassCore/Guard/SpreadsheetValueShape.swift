/// The shapes of values that Excel produces when it opens a CSV file, guesses a type for each cell and saves
/// the file again. Each recogniser is deliberately narrow: it looks at the value before (in the accepted copy)
/// and after (in the new file), and answers yes only when the change is what Excel's conversion does, so an
/// ordinary edit is never taken for damage.
enum SpreadsheetValueShape {
    // MARK: - Leading zeros

    /// `0870` → `870`: the accepted value is all digits with at least one leading zero, and the current value
    /// is the same number without them (`000` → `0`).
    static func lostLeadingZeros(accepted: String, current: String) -> Bool {
        guard let stripped = withoutLeadingZeros(accepted) else { return false }
        return current == stripped
    }

    /// The value without its leading zeros, when it is all ASCII digits and has some; else nil.
    static func withoutLeadingZeros(_ text: String) -> String? {
        guard text.count >= 2, text.first == "0", text.allSatisfy(isDigit) else { return nil }
        let stripped = text.drop { $0 == "0" }
        return stripped.isEmpty ? "0" : String(stripped)
    }

    // MARK: - Scientific notation

    /// Excel's scientific notation: digits, an optional decimal point or comma with digits, `E`, a sign and
    /// digits: `1.23457E+11`, `1,23E+11`, `8.7E+02`, `-5E-03`. Excel always writes the sign of the exponent.
    static func isScientific(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let mantissa = rest.prefix(while: isDigit)
        guard !mantissa.isEmpty else { return false }
        rest = rest.dropFirst(mantissa.count)
        if let mark = rest.first, mark == "." || mark == "," {
            let fraction = rest.dropFirst().prefix(while: isDigit)
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(1 + fraction.count)
        }
        guard let e = rest.first, e == "E" || e == "e" else { return false }
        rest = rest.dropFirst()
        guard let sign = rest.first, sign == "+" || sign == "-" else { return false }
        rest = rest.dropFirst()
        return !rest.isEmpty && rest.allSatisfy(isDigit)
    }

    /// A value turned into scientific notation: the current value is in Excel's scientific notation, the
    /// accepted one was not, and had digits that Excel could read as a number (`123456789012`, `87E1`).
    static func becameScientific(accepted: String, current: String) -> Bool {
        isScientific(current) && !isScientific(accepted) && accepted.contains(where: isDigit)
    }

    // MARK: - Dates

    /// A value read as a date: the current value has one of the forms Excel writes dates in (`excelDate`),
    /// the accepted value was date-like text but not itself in one of those forms (`dateLikeText`), and every
    /// number of the accepted value is a part of the date (a year also as its last two digits), so that
    /// `1-2` → `01.02.2026` is damage, while `1-2` → `05.06.2026` or `offen` → `01.02.2026` is an edit.
    static func becameDate(accepted: String, current: String) -> Bool {
        guard let parts = excelDate(current), excelDate(accepted) == nil, let numbers = dateLikeText(accepted) else {
            return false
        }
        return numbers.allSatisfy { number in
            parts.contains { part in
                part == number || (part >= 1000 && part % 100 == number) || (number >= 1000 && number % 100 == part)
            }
        }
    }

    /// The parts (day, month, year; a month name as its number) of a date in one of the forms Excel writes:
    /// - `01.02.2026`, `1.2.26` (day, month, year; German and Swiss settings),
    /// - `1/2/2026`, `1/2/26` (month and day in either order, one of them at most 12),
    /// - `2026-02-01` (ISO),
    /// - `02. Jan`, `2. Feb.`, `2.Jan` (day and month name: the format `TT. MMM`),
    /// - `Jan-02`, `Mai 23` (month name and day or year: `MMM-TT`, `MMM JJ`), `2-Jan` (`T-MMM`),
    /// - `1.2.` (day and month: `T.M.`).
    /// Month names are the three-letter English and German ones (`Mär` and `Mrz` both). Nil for anything else.
    static func excelDate(_ text: String) -> [Int]? {
        guard let pieces = DatePieces(text) else { return nil }
        let numbers = pieces.numbers.map(\.value)
        let digits = pieces.numbers.map(\.digits)
        switch pieces.shape {
        case "n.n.n":
            guard days.contains(numbers[0]), months.contains(numbers[1]), digits[2] == 2 || digits[2] == 4 else { return nil }
            return numbers
        case "n/n/n":
            guard days.contains(numbers[0]), days.contains(numbers[1]), min(numbers[0], numbers[1]) <= 12,
                  digits[2] == 2 || digits[2] == 4 else { return nil }
            return numbers
        case "n-n-n":
            guard digits == [4, 2, 2], months.contains(numbers[1]), days.contains(numbers[2]) else { return nil }
            return numbers
        case "n.w", "n. w", "n.w.", "n. w.", "n-w":
            guard days.contains(numbers[0]), let named = month(named: pieces.words[0]) else { return nil }
            return [numbers[0], named]
        case "w-n", "w n":
            guard let named = month(named: pieces.words[0]), digits[0] <= 2 || digits[0] == 4 else { return nil }
            return [named, numbers[0]]
        case "n.n.":
            guard days.contains(numbers[0]), months.contains(numbers[1]) else { return nil }
            return numbers
        default:
            return nil
        }
    }

    /// The numbers of text that Excel would read as a date: two or three parts, each a number of one to four
    /// digits or a month name (at most one), one separator (`-`, `/`, `.` or a space, or a point and a space)
    /// between parts, at least one number, and perhaps a final point: `1-2`, `3/4`, `2023-5`, `1.2`, `12-2024`,
    /// `2 Jan`, `Jan/2`. A month name counts as its number. Nil for anything else.
    static func dateLikeText(_ text: String) -> [Int]? {
        guard let pieces = DatePieces(text), pieces.words.count <= 1, !pieces.numbers.isEmpty else { return nil }
        var shape = Substring(pieces.shape)
        if shape.last == "." { shape = shape.dropLast() }
        var parts = 0
        var separator = ""
        for symbol in shape {
            if symbol == "n" || symbol == "w" {
                guard parts == 0 || ["-", "/", ".", " ", ". "].contains(separator) else { return nil }
                parts += 1
                separator = ""
            } else {
                guard parts > 0 else { return nil }
                separator.append(symbol)
            }
        }
        guard separator.isEmpty, (2...3).contains(parts) else { return nil }
        let monthsNamed = pieces.words.compactMap(month(named:))
        guard monthsNamed.count == pieces.words.count else { return nil }
        // The order does not matter: the check only asks whether each number is a part of the date.
        return monthsNamed + pieces.numbers.map(\.value)
    }

    private static let days = 1...31
    private static let months = 1...12

    /// The month of a three-letter English or German month name, in any case.
    static func month(named name: String) -> Int? {
        monthNames[name.lowercased()]
    }

    private static let monthNames: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "mär": 3, "mrz": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6, "jul": 7,
        "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
    ]

    /// A value cut into runs of digits (`n` in the shape), runs of letters (`w`) and single other characters
    /// (themselves): `02. Jan` has the shape `n. w`, the numbers [2] and the words ["Jan"].
    struct DatePieces {
        var shape = ""
        var numbers: [(value: Int, digits: Int)] = []
        var words: [String] = []

        /// Nil when a run of digits is longer than four: no part of a date is.
        init?(_ text: String) {
            var rest = Substring(text)
            while let first = rest.first {
                if SpreadsheetValueShape.isDigit(first) {
                    let digits = rest.prefix(while: SpreadsheetValueShape.isDigit)
                    guard digits.count <= 4, let value = Int(digits) else { return nil }
                    shape.append("n")
                    numbers.append((value, digits.count))
                    rest = rest.dropFirst(digits.count)
                } else if first.isLetter {
                    let letters = rest.prefix { $0.isLetter }
                    shape.append("w")
                    words.append(String(letters))
                    rest = rest.dropFirst(letters.count)
                } else {
                    shape.append(first)
                    rest = rest.dropFirst()
                }
            }
        }
    }

    // MARK: - Lost characters

    /// The characters a program writes for one it cannot encode: `?`, `_`, or the replacement character U+FFFD.
    static let replacementMarks: Set<Character> = ["?", "_", "\u{FFFD}"]

    /// `Bevölkerung` → `Bev?lkerung`: both values have the same number of characters, and they differ only
    /// where the accepted value has a non-ASCII character and the current one a replacement mark. Returns the
    /// distinct pairs (lost character, replacement) in order of appearance; nil when the change is anything else.
    static func lostCharacters(accepted: String, current: String) -> [(lost: Character, replacement: Character)]? {
        let before = Array(accepted)
        let after = Array(current)
        guard before.count == after.count else { return nil }
        var pairs: [(lost: Character, replacement: Character)] = []
        for (lost, replacement) in zip(before, after) where lost != replacement {
            guard !lost.isASCII, replacementMarks.contains(replacement) else { return nil }
            if !pairs.contains(where: { $0.lost == lost && $0.replacement == replacement }) {
                pairs.append((lost, replacement))
            }
        }
        return pairs.isEmpty ? nil : pairs
    }

    static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }
}
