import KompassCore

/// Every option of every command, declared once. The parser (`CommandOptions+Parsing.swift`), the help
/// (`HelpText`), the man page (`ManPage`) and the bash completion (`BashCompletion`) read this table; the order
/// here is the order they list the options in (the options a command cannot do without come first).
enum OptionTable {
    /// The options `command` takes, in the table's order.
    static func options(of command: CommandName) -> [OptionDeclaration] {
        all.filter { $0.commands.contains(command) }
    }

    /// The declaration `given` (`--quiet` or `-q`) names for `command`; nil when the command does not take it.
    static func option(_ given: String, of command: CommandName) -> OptionDeclaration? {
        all.first { $0.commands.contains(command) && ($0.name == given || $0.shortName == given) }
    }

    /// The input formats, as `--format` and `--to` take them.
    static let formats = SourceFormat.allCases.map(\.rawValue)
    /// The input formats as the usage of `convert` and `generate` writes them.
    static let formatChoices = "csv|json|jsonl|xml|page-text"

    static let all: [OptionDeclaration] = [
        OptionDeclaration("--projects", "N", takes: .wholeNumber(from: 1), required: true, for: [.generate],
                          help: Bilingual(en: "how many projects", de: "wie viele Vorhaben")) { options, value, _ in
            options.projectCount = Int(value)
        },
        OptionDeclaration("--to", formatChoices, takes: .oneOf(formats), required: true, for: [.convert],
                          help: Bilingual(en: "the format to write (see the README, \"Input formats\")",
                                          de: "das zu schreibende Format (siehe README, «Input formats»)")) { options, value, _ in
            options.convertTo = SourceFormat(rawValue: value)
        },
        OptionDeclaration("--format", formatChoices, takes: .oneOf(formats), required: true, for: [.generate],
                          help: Bilingual(en: "the input format to write", de: "das zu schreibende Eingabeformat")) { options, value, _ in
            options.defaultFormat = SourceFormat(rawValue: value)
        },
        OptionDeclaration("--output", "FILE", takes: .file, required: true, for: [.convert],
                          help: Bilingual(en: "the file to write; it appears only when complete",
                                          de: "die zu schreibende Datei; sie erscheint erst, wenn sie vollständig ist")) { options, value, _ in
            options.outputDirectory = value
        },
        OptionDeclaration("--seed", "S", takes: .word, for: [.generate],
                          help: Bilingual(en: "the seed (default 1): the same seed gives the same files",
                                          de: "der Startwert (Standard 1): derselbe Startwert ergibt dieselben Dateien")) { options, value, scanner in
            // Any 64-bit seed, beyond the whole numbers the other options take.
            guard let seed = UInt64(value) else {
                throw UsageError(.invalidValue(option: "--seed", value: value, expected: .wholeNumber(from: 0)), command: scanner.command)
            }
            options.seed = seed
        },
        OptionDeclaration("--output", "DIR", takes: .directory, for: [.generate],
                          help: Bilingual(en: "the folder to write into (default: generated-F-N)",
                                          de: "der Ordner, in den geschrieben wird (Standard: generated-F-N)")) { options, value, _ in
            options.outputDirectory = value
        },
        OptionDeclaration("--config", "PATH", takes: .file, for: [.run, .validate, .diff, .status, .convert],
                          help: Bilingual(en: "the configuration (default: config/kompass.json)",
                                          de: "die Konfiguration (Standard: config/kompass.json)")) { options, value, _ in
            options.configPath = value
        },
        OptionDeclaration("--source", "FILE", takes: .file, repeatable: true, for: [.run, .diff, .convert],
                          synopsis: "[--source FILE [--format F]]...",
                          help: Bilingual(en: "read FILE instead of the configured sources (repeatable); publication settings and "
                                              + "the page text's register still come from the configuration",
                                          de: "FILE statt der konfigurierten Quellen lesen (wiederholbar); die Einstellungen der "
                                              + "Publikation und das Register des Seitentexts kommen weiter aus der Konfiguration")) { options, value, _ in
            options.sources.append((value, nil))
        },
        OptionDeclaration("--format", "F", takes: .oneOf(formats), for: [.run, .convert], synopsis: "",
                          help: Bilingual(en: "the format of the preceding --source: page-text, csv, json, jsonl, xml "
                                              + "(default: from the extension: .txt .csv .json .jsonl/.ndjson .xml)",
                                          de: "das Format der vorangehenden --source: page-text, csv, json, jsonl, xml "
                                              + "(Standard: nach der Endung: .txt .csv .json .jsonl/.ndjson .xml)")) { options, value, _ in
            options.setSourceFormat(value)
        },
        OptionDeclaration("--format", "F", takes: .oneOf(formats, also: ["text"]), for: [.diff], synopsis: "",
                          help: Bilingual(en: "before any --source: the output, text or json (as --report); after a --source: "
                                              + "that source's format (page-text, csv, json, jsonl, xml)",
                                          de: "vor der ersten --source: die Ausgabe, text oder json (wie --report); nach einer "
                                              + "--source: deren Format (page-text, csv, json, jsonl, xml)")) { options, value, scanner in
            // The contract names the diff's output `--format text|json`: before any `--source`, a `--format` of
            // `text` or `json` is the report's format (after a `--source`, `--format` names that source's format).
            if options.sources.isEmpty, let report = CommandOptions.ReportFormat(rawValue: value) {
                options.report = report
            } else if value == "text" {
                throw UsageError(.invalidValue(option: "--format", value: value, expected: .oneOf(formats)), command: scanner.command)
            } else {
                options.setSourceFormat(value)
            }
        },
        OptionDeclaration("--format", "F", takes: .oneOf(formats), for: [.validate],
                          help: Bilingual(en: "the format of the files: page-text, csv, json, jsonl, xml (default: from the extension)",
                                          de: "das Format der Dateien: page-text, csv, json, jsonl, xml (Standard: nach der Endung)")) { options, value, _ in
            options.setSourceFormat(value)
        },
        OptionDeclaration("--output", "DIR", takes: .directory, for: [.run],
                          help: Bilingual(en: "publish into DIR instead of the configured output folder",
                                          de: "nach DIR publizieren statt in den konfigurierten Ausgabeordner")) { options, value, _ in
            options.outputDirectory = value
        },
        OptionDeclaration("--output", "DIR", takes: .directory, for: [.diff, .status],
                          help: Bilingual(en: "the output folder whose publication to read, instead of the configured one",
                                          de: "der Ausgabeordner, dessen Publikation gelesen wird, statt des konfigurierten")) { options, value, _ in
            options.outputDirectory = value
        },
        OptionDeclaration("--report", "FORMAT", takes: .oneOf(["text", "json"], also: ["html"]), for: [.validate],
                          synopsis: "[--report text|json | --report html FILE]",
                          help: Bilingual(en: "text (default) or json (schema: schemas/report.schema.json); --report html FILE "
                                              + "also writes the findings as one HTML page to FILE (--report-html FILE: the same)",
                                          de: "text (Standard) oder json (Schema: schemas/report.schema.json); --report html FILE "
                                              + "schreibt die Befunde zusätzlich als eine HTML-Seite nach FILE (--report-html FILE: "
                                              + "dasselbe)"),
                          followedBy: ("html", .file)) { options, value, scanner in
            // `--report html FILE`: the HTML page goes to FILE; the text report still goes to the terminal.
            if value == "html" {
                options.htmlReport = try scanner.value(for: "--report html")
            } else {
                options.report = CommandOptions.ReportFormat(rawValue: value) ?? .text
            }
        },
        OptionDeclaration("--report", "text|json", takes: .oneOf(["text", "json"]), for: [.diff, .rules],
                          help: Bilingual(en: "the output: text (default) or json", de: "die Ausgabe: text (Standard) oder json")) { options, value, _ in
            options.report = CommandOptions.ReportFormat(rawValue: value) ?? .text
        },
        OptionDeclaration("--report", "text|json", takes: .oneOf(["text", "json"]), for: [.status],
                          help: Bilingual(en: "taken as by the other commands; status prints text either way",
                                          de: "wie bei den anderen Befehlen angenommen; status gibt immer Text aus")) { options, value, _ in
            options.report = CommandOptions.ReportFormat(rawValue: value) ?? .text
        },
        OptionDeclaration("--as-of", "YYYY-MM-DD", takes: .date, for: [.run, .validate, .diff, .convert],
                          help: Bilingual(en: "the reference date (\"today\") for date rules and output dates; the feeds give this "
                                              + "run's changes midnight of the date. A date-time such as 2026-11-30T14:05:00+01:00 "
                                              + "(or Z) sets the run's time as well. Without --as-of: today, and the feeds give the "
                                              + "run's wall-clock time",
                                          de: "der Stichtag («heute») für die Datumsregeln und die Datumsangaben der Ausgaben; die "
                                              + "Feeds geben den Änderungen dieses Laufs Mitternacht des Datums. Eine Zeit wie "
                                              + "2026-11-30T14:05:00+01:00 (oder Z) setzt auch die Uhrzeit des Laufs. Ohne --as-of: "
                                              + "heute, und die Feeds geben die Uhrzeit des Laufs")) { options, value, _ in
            if let date = CalendarDate(iso: value) {
                options.asOf = date
                options.asOfTime = nil
            } else if let time = Timestamp(iso8601: value) {
                options.asOf = time.day(in: Pipeline.cantonZone)
                options.asOfTime = time
            }
        },
        OptionDeclaration("--dry-run", takes: .nothing, for: [.run],
                          help: Bilingual(en: "do everything except publishing; the output folder is not touched",
                                          de: "alles ausser dem Publizieren; der Ausgabeordner bleibt unberührt")) { options, _, _ in
            options.dryRun = true
        },
        OptionDeclaration("--strict", takes: .nothing, for: [.run, .validate],
                          help: Bilingual(en: "treat warnings (and tolerated header spellings) as errors",
                                          de: "Warnungen (und geduldete Schreibweisen von Spaltennamen) als Fehler behandeln")) { options, _, _ in
            options.strict = true
        },
        OptionDeclaration("--warnings-exit", takes: .nothing, for: [.run, .validate],
                          help: Bilingual(en: "exit 5 instead of 0 when there are warnings but no errors",
                                          de: "Exit-Code 5 statt 0, wenn es Warnungen, aber keine Fehler gibt")) { options, _, _ in
            options.warningsExit = true
        },
        OptionDeclaration("--retire", "ID...", takes: .several, repeatable: true, for: [.run, .validate, .diff],
                          help: Bilingual(en: "the projects (or published files) named here leave the publication on purpose; "
                                              + "without it a published project missing from the sources stops the run (shrink "
                                              + "guard). A retired identifier is never used again. diff and validate preview it.",
                                          de: "die hier genannten Vorhaben (oder publizierten Dateien) verlassen die Publikation "
                                              + "mit Absicht; ohne die Option hält ein publiziertes Vorhaben, das in den Quellen "
                                              + "fehlt, den Lauf an (Schrumpfschutz). Eine zurückgezogene Kennung wird nie wieder "
                                              + "vergeben. diff und validate zeigen es vorab.")) { options, value, _ in
            options.retire.insert(value)
        },
        OptionDeclaration("--full", takes: .nothing, for: [.run],
                          help: Bilingual(en: "publish every file anew instead of trusting the stored checksums (dates and the "
                                              + "feed still change only where content changed); also reads everything when the "
                                              + "inputs are those of the last publication",
                                          de: "jede Datei neu publizieren, statt den gespeicherten Prüfsummen zu vertrauen "
                                              + "(Datumsangaben und Feed ändern sich trotzdem nur, wo sich der Inhalt geändert hat); "
                                              + "liest auch alles, wenn die Eingaben dieselben wie bei der letzten Publikation "
                                              + "sind")) { options, _, _ in
            options.full = true
        },
        OptionDeclaration("--examples", "N", takes: .wholeNumber(from: 1), for: [.run, .validate, .diff],
                          help: Bilingual(en: "findings of one rule in one file are grouped; list N places each (default 5)",
                                          de: "Befunde einer Regel in einer Datei werden gruppiert; je N Stellen aufführen "
                                              + "(Standard 5)")) { options, value, _ in
            options.examples = Int(value) ?? options.examples
        },
        OptionDeclaration("--max-findings", "N", takes: .wholeNumber(from: 0), for: [.run, .validate, .diff],
                          help: Bilingual(en: "report at most N findings (groups), errors first; the first line says when "
                                              + "(default 200; 0: all)",
                                          de: "höchstens N Befunde (Gruppen) melden, Fehler zuerst; die erste Zeile sagt, wann "
                                              + "(Standard 200; 0: alle)")) { options, value, _ in
            options.maxFindings = Int(value) ?? options.maxFindings
        },
        OptionDeclaration("--report-html", "FILE", takes: .file, for: [.run, .validate],
                          help: Bilingual(en: "also write the findings and what happened as one HTML page to FILE",
                                          de: "die Befunde und was geschah zusätzlich als eine HTML-Seite nach FILE "
                                              + "schreiben")) { options, value, _ in
            options.htmlReport = value
        },
        OptionDeclaration("--log-format", "text|json", takes: .oneOf(["text", "json"]), for: [.run],
                          help: Bilingual(en: "text (default) or json: one JSON object per line on standard error",
                                          de: "text (Standard) oder json: ein JSON-Objekt pro Zeile auf der "
                                              + "Standardfehlerausgabe")) { options, value, _ in
            options.jsonLog = value == "json"
        },
        OptionDeclaration("--quiet", short: "-q", takes: .nothing, for: [.run, .validate], synopsis: "[--quiet | --verbose]",
                          help: quietHelp) { options, _, _ in
            options.quiet = true
        },
        OptionDeclaration("--quiet", short: "-q", takes: .nothing, for: [.convert, .generate], help: quietHelp) { options, _, _ in
            options.quiet = true
        },
        OptionDeclaration("--verbose", short: "-v", takes: .nothing, for: [.run], synopsis: "",
                          help: Bilingual(en: "print info findings, the changes and every published file",
                                          de: "auch Hinweise, die Änderungen und jede publizierte Datei ausgeben")) { options, _, _ in
            options.verbose = true
        },
        OptionDeclaration("--verbose", short: "-v", takes: .nothing, for: [.validate], synopsis: "",
                          help: Bilingual(en: "print info findings too", de: "auch Hinweise ausgeben")) { options, _, _ in
            options.verbose = true
        },
        OptionDeclaration("--man", takes: .nothing, for: [.help], synopsis: "[--man | --completion bash]",
                          help: Bilingual(en: "print the manual page kompass(1) as roff (scripts/install installs it)",
                                          de: "die Handbuchseite kompass(1) als roff ausgeben (scripts/install installiert sie)")) { options, _, _ in
            options.manPage = true
        },
        OptionDeclaration("--completion", "bash", takes: .oneOf(["bash"]), for: [.help], synopsis: "",
                          help: Bilingual(en: "print the bash completion script (scripts/install installs it)",
                                          de: "das Vervollständigungsskript für bash ausgeben (scripts/install installiert "
                                              + "es)")) { options, value, _ in
            options.completionShell = value
        },
        // Every command takes --lang and --help: whatever it prints, it prints in the run's language.
        OptionDeclaration("--lang", "de|en", takes: .oneOf(["de", "en"]), for: CommandName.allCases,
                          help: Bilingual(en: "the language of what it prints: findings, summaries, help and errors (default: "
                                              + "German with a German locale)",
                                          de: "die Sprache der Ausgabe: Befunde, Zusammenfassungen, Hilfe und Fehlermeldungen "
                                              + "(Standard: Deutsch bei deutscher Locale)")) { options, value, _ in
            options.language = ReportLanguage(rawValue: value) ?? options.language
        },
        OptionDeclaration("--help", short: "-h", takes: .nothing, for: CommandName.allCases, synopsis: "",
                          help: Bilingual(en: "this text", de: "dieser Text")) { options, _, _ in
            options.showHelp = true
        },
    ]

    private static let quietHelp = Bilingual(en: "print errors only", de: "nur Fehler ausgeben")
}
