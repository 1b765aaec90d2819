import CKompassBuildInfo
import KompassCore

/// The help texts, in English and German, made from the commands' declarations and `OptionTable`. Options, command
/// names, placeholders and exit codes are the contract and read the same in both; only the prose is translated.
enum HelpText {
    /// `kompass 0.4.0 (commit 1a2b3c4)`; the commit is the one given at build time (`KOMPASS_COMMIT`), else `unknown`.
    static let version = "kompass \(KompassVersion.current) (commit \(String(cString: kompass_build_commit())))"

    /// Every command that has a help text.
    static let commands = CommandName.allCases.map(\.rawValue)

    /// The widest line the help writes.
    static let width = 110
    /// The column where an option's help starts.
    static let helpColumn = 22

    /// `kompass [run]` (bare `kompass` is `run`), `kompass validate`.
    static func invocation(of command: CommandName) -> String {
        command == .run ? "kompass [run]" : "kompass \(command.rawValue)"
    }

    /// The parts of a command's usage after its invocation: the options it cannot do without, then the others in
    /// brackets as the table declares them, then its positional arguments.
    static func synopsis(of command: any KompassCommand.Type) -> [String] {
        let options = command.options
        var parts = options.filter(\.required).map(\.usage)
        for option in options where !option.required && option.synopsis != "" {
            let repeated = option.repeatable && option.takes != .several ? "..." : ""
            parts.append(option.synopsis ?? "[\(option.usage)]\(repeated)")
        }
        if let positional = command.positional { parts.append("[\(positional.name)]") }
        return parts
    }

    /// The usage lines of `command`, wrapped below its invocation.
    static func usageLines(of command: any KompassCommand.Type) -> [String] {
        let invocation = "  " + invocation(of: command.name) + " "
        return wrapped(synopsis(of: command), width: width, first: invocation, rest: String(repeating: " ", count: invocation.count))
    }

    /// `  --config PATH       the configuration …`, wrapped at the help's column.
    static func optionLines(_ heading: String, _ help: String) -> [String] {
        let indent = String(repeating: " ", count: helpColumn)
        let words = help.split(separator: " ").map(String.init)
        let head = "  " + heading
        if head.count > helpColumn - 2 {
            return [head] + wrapped(words, width: width, first: indent, rest: indent)
        }
        return wrapped(words, width: width, first: head.padding(toLength: helpColumn, withPad: " ", startingAt: 0), rest: indent)
    }

    /// The help of `command` (`kompass help run`, `kompass run --help`).
    static func help(of command: any KompassCommand.Type) -> Bilingual {
        func text(_ language: ReportLanguage) -> String {
            var lines = ["kompass \(command.name.rawValue): " + command.description.text(in: language), ""]
            lines.append(language == .de ? "AUFRUF" : "USAGE")
            lines += usageLines(of: command)
            lines += ["", language == .de ? "OPTIONEN" : "OPTIONS"]
            if let positional = command.positional {
                lines += optionLines(positional.name, positional.help.text(in: language))
            }
            for option in command.options {
                lines += optionLines(option.heading, option.help.text(in: language))
            }
            if let notes = command.notes { lines += ["", notes.text(in: language)] }
            return lines.joined(separator: "\n")
        }
        return Bilingual(en: text(.en), de: text(.de))
    }

    /// `kompass convert --to … --output FILE [options]`: a command's usage in brief, for the overview.
    static func briefUsage(of command: any KompassCommand.Type) -> String {
        ([invocation(of: command.name)] + command.options.filter(\.required).map(\.usage) + ["[options]"]
            + (command.positional.map { ["[\($0.name)]"] } ?? [])).joined(separator: " ")
    }

    /// `kompass --help`, `kompass help`: every command, where the options are, and the exit codes.
    static var overview: Bilingual {
        func text(_ language: ReportLanguage) -> String {
            let de = language == .de
            var lines = [de ? "kompass: die Open-Data-Exportpipeline des Digitalisierungs-Kompasses."
                            : "kompass: the Digitalisierungs-Kompass open-data export pipeline.", ""]
            lines.append(de ? "AUFRUF" : "USAGE")
            let rows = Commands.all.map { (briefUsage(of: $0), $0.summary.text(in: language)) }
                + [("kompass --version", de ? "die Version und der Commit, aus dem kompass gebaut ist"
                                             : "the version and the commit kompass was built from")]
            let column = 44
            for (usage, summary) in rows {
                let head = "  " + usage
                lines += head.count > column - 2
                    ? [head, String(repeating: " ", count: column) + summary]
                    : [head.padding(toLength: column, withPad: " ", startingAt: 0) + summary]
            }
            lines.append("")
            lines += de ? [
                "Die Optionen zeigen 'kompass help run' und 'kompass validate --help'.",
                "Jeder Befehl kennt --lang de|en: Hilfe, Befunde, Zusammenfassungen und Fehlermeldungen erscheinen in",
                "dieser Sprache (Standard: Deutsch bei deutscher Locale, LC_ALL, LC_MESSAGES oder LANG).",
                "Handbuchseite und Vervollständigung: 'kompass help --man', 'kompass help --completion bash'.",
            ] : [
                "Run 'kompass help run' or 'kompass validate --help' for the options.",
                "Every command takes --lang de|en: help, findings, summaries and errors follow it (default: German",
                "with a German locale, LC_ALL, LC_MESSAGES or LANG).",
                "The man page and the bash completion: 'kompass help --man', 'kompass help --completion bash'.",
            ]
            lines += ["", de ? "EXIT-CODES" : "EXIT CODES"]
            for code in ExitCode.allCases {
                lines += wrapped(code.meaning.text(in: language).split(separator: " ").map(String.init), width: width,
                                 first: "  \(code.rawValue)  ", rest: "     ")
            }
            return lines.joined(separator: "\n")
        }
        return Bilingual(en: text(.en), de: text(.de))
    }
}
