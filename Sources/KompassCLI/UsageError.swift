import KompassCore

/// A command line that cannot be run as given: what is wrong with it, and the command whose help applies.
/// Printed in the run's language as two lines: `kompass: ` and the reason, then where the help is.
struct UsageError: Error, Equatable {
    var problem: Problem
    /// The command whose `--help` applies; nil for `kompass --help`.
    var command: String?

    init(_ problem: Problem, command: String?) {
        self.problem = problem
        self.command = command
    }

    /// What is wrong with a command line.
    enum Problem: Equatable {
        /// `kompass publish-everything`.
        case unknownCommand(String)
        /// An option the command does not take.
        case unknownOption(String, command: String)
        /// A positional argument where the command takes none.
        case unexpectedArgument(String)
        /// `--config` at the end, or followed by another option.
        case missingValue(option: String)
        /// `--retire` followed by nothing.
        case missingValues(option: String)
        /// A value the option does not take: `--as-of 30.11.2026`.
        case invalidValue(option: String, value: String, expected: Expected)
        /// Two options that cannot be given together.
        case exclusive(String, String)
        /// An option the command cannot do without: `convert` without `--to`; `option` is its syntax.
        case missingOption(command: String, option: String)
        /// A `--source` whose extension names no input format, and no `--format`.
        case unknownSourceFormat(path: String)
    }

    /// What an option takes.
    enum Expected: Equatable {
        /// One of these words (`text` or `json`; `csv`, `json`, …).
        case oneOf([String])
        /// A whole number from `minimum`.
        case wholeNumber(from: Int)
        /// A calendar date `YYYY-MM-DD`.
        case date
    }

    /// The two lines to print, in `language`.
    func lines(in language: ReportLanguage) -> [String] {
        ["kompass: " + problem.message.text(in: language), helpLine.text(in: language)]
    }

    /// Where the help is: `kompass run --help`, or `kompass --help` without a command.
    var helpLine: Bilingual {
        let help = "kompass \(command.map { "\($0) " } ?? "")--help"
        return Bilingual(en: "Run '\(help)' for usage.", de: "'\(help)' zeigt Aufruf und Optionen.")
    }
}

extension Bilingual {
    /// The text in `language`.
    func text(in language: ReportLanguage) -> String {
        language == .de ? de : en
    }
}

// MARK: - Messages

/// Each problem's reason in English and German, apart from the parsing that finds it.
extension UsageError.Problem {
    var message: Bilingual {
        switch self {
        case .unknownCommand(let command):
            Bilingual(en: "unknown command '\(command)'", de: "unbekannter Befehl '\(command)'")
        case .unknownOption(let option, let command):
            Bilingual(en: "unknown option '\(option)' for '\(command)'", de: "unbekannte Option '\(option)' für '\(command)'")
        case .unexpectedArgument(let argument):
            Bilingual(en: "unexpected argument '\(argument)'", de: "unerwartetes Argument '\(argument)'")
        case .missingValue(let option):
            Bilingual(en: "\(option) needs a value", de: "\(option) braucht einen Wert")
        case .missingValues(let option):
            Bilingual(en: "\(option) needs at least one value", de: "\(option) braucht mindestens einen Wert")
        case .invalidValue(let option, let value, let expected):
            Bilingual(en: "\(option) takes \(expected.description.en), not '\(value)'",
                      de: "\(option) erwartet \(expected.description.de), nicht '\(value)'")
        case .exclusive(let first, let second):
            Bilingual(en: "\(first) and \(second) exclude each other", de: "\(first) und \(second) schliessen einander aus")
        case .missingOption(let command, let option):
            Bilingual(en: "\(command) needs \(option)", de: "'\(command)' braucht \(option)")
        case .unknownSourceFormat(let path):
            Bilingual(en: "cannot tell the format of '\(path)' from its extension; add --format",
                      de: "die Endung von '\(path)' sagt nicht, in welchem Format die Datei ist; geben Sie --format an")
        }
    }
}

extension UsageError.Expected {
    /// What the option takes, to follow "takes" and "erwartet".
    var description: Bilingual {
        switch self {
        case .oneOf(let words) where words.count == 2:
            Bilingual(en: "\(words[0]) or \(words[1])", de: "\(words[0]) oder \(words[1])")
        case .oneOf(let words):
            Bilingual(en: "one of " + words.joined(separator: ", "), de: "einen der Werte " + words.joined(separator: ", "))
        case .wholeNumber(let minimum):
            Bilingual(en: "a whole number from \(minimum)", de: "eine ganze Zahl ab \(minimum)")
        case .date:
            Bilingual(en: "a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM:SS+01:00 (or Z)",
                      de: "ein Datum der Form YYYY-MM-DD oder eine Zeit der Form YYYY-MM-DDTHH:MM:SS+01:00 (oder Z)")
        }
    }
}
