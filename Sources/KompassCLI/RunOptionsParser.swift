import Foundation
import KompassCore

/// The options `run` and `validate` share, as given on the command line.
struct CommandOptions {
    var configPath = CommandOptions.defaultConfigPath
    /// `--source FILE [--format F]`: replaces the configuration's sources.
    var sources: [(path: String, format: SourceFormat?)] = []
    /// `--format F` given before any `--source`, or for `validate`'s positional files.
    var defaultFormat: SourceFormat?
    var outputDirectory: String?
    var asOf: CalendarDate?
    /// `--as-of DATE-TIME`: the run's time too (the feeds' time of the changes it detects).
    var asOfTime: Timestamp?
    var dryRun = false
    var strict = false
    /// `--retire ID…`: removals from the publication that are intended.
    var retire: Set<String> = []
    /// `--full`: publish every file anew.
    var full = false
    /// `--examples N`: places listed per grouped finding; `--max-findings N`: entries per report (0: all).
    var examples = FindingReporter.defaultExamples
    var maxFindings = FindingReporter.defaultMaxEntries
    var quiet = false
    var verbose = false
    var warningsExit = false
    var report = ReportFormat.text
    var showHelp = false
    /// `--log-format json`: findings and the summary as JSON lines on standard error.
    var jsonLog = false
    /// The language of reports: `--lang`, else German when the locale is German, else English.
    var language = ReportLanguage(environment: ProcessInfo.processInfo.environment)
    /// `generate --projects N --seed S`.
    var projectCount: Int?
    var seed: UInt64 = 1
    /// `convert --to F`.
    var convertTo: SourceFormat?
    /// `--report html FILE` (validate) or `--report-html FILE` (run, validate): where to write the HTML report.
    var htmlReport: String?

    static let defaultConfigPath = "config/kompass.json"

    enum ReportFormat: String {
        case text, json
    }

    /// Parses the options of `command`; `allowed` names the options that command takes.
    static func parse(_ arguments: ArraySlice<String>, command: String, allowed: Set<String>,
                      positional: Bool) throws -> CommandOptions {
        var options = CommandOptions()
        var scanner = ArgumentScanner(arguments, command: command)
        while let argument = scanner.next() {
            let (option, inline) = argument.optionAndInlineValue
            func value() throws -> String {
                if let inline { return inline }
                return try scanner.value(for: option)
            }
            if option.hasPrefix("-") && option != "-" {
                // Every command takes --help and --lang: whatever it prints, it prints in the run's language.
                guard allowed.contains(option) || ["--help", "-h", "--lang"].contains(option) else {
                    throw UsageError(.unknownOption(option, command: command), command: command)
                }
            }
            switch option {
            case "--help", "-h": options.showHelp = true
            case "--config": options.configPath = try value()
            case "--source": options.sources.append((try value(), nil))
            case "--format":
                let text = try value()
                guard let format = SourceFormat(rawValue: text) else {
                    throw UsageError(.invalidValue(option: option, value: text, expected: .oneOf(SourceFormat.allCases.map(\.rawValue))),
                                     command: command)
                }
                if options.sources.isEmpty || options.sources[options.sources.count - 1].format != nil {
                    options.defaultFormat = format
                } else {
                    options.sources[options.sources.count - 1].format = format
                }
            case "--output": options.outputDirectory = try value()
            case "--projects":
                let text = try value()
                guard let count = Int(text), count >= 1 else {
                    throw UsageError(.invalidValue(option: option, value: text, expected: .wholeNumber(from: 1)), command: command)
                }
                options.projectCount = count
            case "--seed":
                let text = try value()
                guard let seed = UInt64(text) else {
                    throw UsageError(.invalidValue(option: option, value: text, expected: .wholeNumber(from: 0)), command: command)
                }
                options.seed = seed
            case "--to":
                let text = try value()
                guard let format = SourceFormat(rawValue: text) else {
                    throw UsageError(.invalidValue(option: option, value: text, expected: .oneOf(SourceFormat.allCases.map(\.rawValue))),
                                     command: command)
                }
                options.convertTo = format
            case "--as-of":
                let text = try value()
                if let date = CalendarDate(iso: text) {
                    options.asOf = date
                    options.asOfTime = nil
                } else if let time = Timestamp(iso8601: text) {
                    options.asOf = time.day(in: Pipeline.cantonZone)
                    options.asOfTime = time
                } else {
                    throw UsageError(.invalidValue(option: option, value: text, expected: .date), command: command)
                }
            case "--report-html":
                options.htmlReport = try value()
            case "--report" where (inline ?? "") == "html" || (inline == nil && scanner.peek() == "html"):
                // `--report html FILE`: the HTML page goes to FILE; the text report still goes to the terminal.
                if inline == nil { _ = try scanner.value(for: option) }
                options.htmlReport = try scanner.value(for: "--report html")
            case "--report":
                let text = try value()
                guard let format = ReportFormat(rawValue: text) else {
                    throw UsageError(.invalidValue(option: option, value: text, expected: .oneOf(["text", "json"])), command: command)
                }
                options.report = format
            case "--lang":
                let text = try value()
                guard let language = ReportLanguage(rawValue: text) else {
                    throw UsageError(.invalidValue(option: option, value: text, expected: .oneOf(["de", "en"])), command: command)
                }
                options.language = language
            case "--log-format":
                let text = try value()
                guard text == "text" || text == "json" else {
                    throw UsageError(.invalidValue(option: option, value: text, expected: .oneOf(["text", "json"])), command: command)
                }
                options.jsonLog = text == "json"
            case "--retire":
                // `--retire a b`, `--retire a,b`, `--retire=a,b`, or the option repeated.
                let values = try inline.map { [$0] } ?? scanner.values(for: option)
                for name in values.flatMap({ $0.split(separator: ",") }) { options.retire.insert(String(name)) }
            case "--full": options.full = true
            case "--examples", "--max-findings":
                let text = try value()
                guard let number = Int(text), number >= (option == "--examples" ? 1 : 0) else {
                    throw UsageError(.invalidValue(option: option, value: text, expected: .wholeNumber(from: option == "--examples" ? 1 : 0)),
                                     command: command)
                }
                if option == "--examples" { options.examples = number } else { options.maxFindings = number }
            case "--dry-run": options.dryRun = true
            case "--strict": options.strict = true
            case "--quiet", "-q": options.quiet = true
            case "--verbose", "-v": options.verbose = true
            case "--warnings-exit": options.warningsExit = true
            default:
                guard positional else {
                    throw UsageError(.unexpectedArgument(argument), command: command)
                }
                options.sources.append((argument, nil))
            }
        }
        if options.quiet && options.verbose {
            throw UsageError(.exclusive("--quiet", "--verbose"), command: command)
        }
        return options
    }

    /// The reporter of findings these options ask for.
    func reporter(colour: Bool) -> FindingReporter {
        FindingReporter(colour: colour, language: language, examples: examples, maxEntries: maxFindings)
    }

    /// The language of a command line before (or without) parsing it: a valid `--lang de|en` anywhere in
    /// `arguments` (the last one given), else the locale. Help and usage errors speak it.
    static func language(of arguments: some Collection<String>,
                         environment: [String: String] = ProcessInfo.processInfo.environment) -> ReportLanguage {
        var language: ReportLanguage?
        var previous: String?
        for argument in arguments {
            let (option, inline) = argument.optionAndInlineValue
            if option == "--lang", let inline {
                language = ReportLanguage(rawValue: inline) ?? language
            } else if previous == "--lang" {
                language = ReportLanguage(rawValue: argument) ?? language
            }
            previous = argument
        }
        return language ?? ReportLanguage(environment: environment)
    }

    /// `arguments` without `--lang X` and `--lang=X`.
    static func removingLanguage(_ arguments: some Collection<String>) -> [String] {
        var result: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--lang" { skipNext = true; continue }
            if argument.hasPrefix("--lang=") { continue }
            result.append(argument)
        }
        return result
    }

    /// The configuration with the command line's replacements applied.
    func configuration() throws -> Configuration {
        var configuration: Configuration
        do {
            configuration = try ConfigurationLoader().load(path: configPath)
        } catch let error as IOError {
            let atDefault = configPath == CommandOptions.defaultConfigPath
            var unreadable = ConfigurationError(path: configPath, keyPath: "", message: "cannot be read: \(error.reason)"
                + (atDefault ? " (run kompass from the repository's folder, or name the configuration with --config)" : ""))
            unreadable.messageDE = "kann nicht gelesen werden: \(error.reason(in: .de))"
                + (atDefault ? " (starten Sie kompass im Ordner des Repositorys, oder nennen Sie die Konfiguration mit --config)" : "")
            throw unreadable
        }
        if !sources.isEmpty {
            configuration.replaceSources(with: try sources.map { source in
                guard let format = source.format ?? defaultFormat ?? SourceFormat(pathExtensionOf: source.path) else {
                    throw UsageError(.unknownSourceFormat(path: source.path), command: nil)
                }
                return (source.path, format)
            })
        }
        if let outputDirectory { configuration.outputDirectory = outputDirectory }
        return configuration
    }

    var runOptions: RunOptions {
        // Without --as-of, the run is now: today, and the wall-clock time for the feeds (one reading of the clock for both).
        // --as-of DATE reproduces a run at midnight of DATE; --as-of DATE-TIME a run at that time.
        let now = Timestamp(date: Date(), zone: Pipeline.cantonZone).wholeSeconds
        var options = RunOptions(referenceDate: asOf ?? now.day(in: Pipeline.cantonZone), dryRun: dryRun, strict: strict)
        options.runTime = asOf == nil ? now.date : asOfTime?.date
        options.retire = retire
        options.full = full
        options.findingsRetainedPerGroup = max(FindingList.defaultRetainPerGroup, examples)
        return options
    }
}
