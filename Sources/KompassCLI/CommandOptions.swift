import Foundation
import KompassCore

/// What a command line asks for, once parsed (`CommandOptions+Parsing.swift`, from the declarations in `OptionTable`).
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
    /// The options given (by their long names), for the check of the options a command cannot do without.
    var given: Set<String> = []
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
    /// `help COMMAND`: the command whose help to print.
    var helpTopic: String?
    /// `help --man`: print the manual page.
    var manPage = false
    /// `help --completion bash`: print the completion script for this shell.
    var completionShell: String?

    static let defaultConfigPath = "config/kompass.json"

    enum ReportFormat: String {
        case text, json
    }

    /// `--format F`: the format of the `--source` just before, or, before any (or after one that has its
    /// format), the format of the files that follow and of `validate`'s files.
    mutating func setSourceFormat(_ value: String) {
        guard let format = SourceFormat(rawValue: value) else { return }
        if sources.isEmpty || sources[sources.count - 1].format != nil {
            defaultFormat = format
        } else {
            sources[sources.count - 1].format = format
        }
    }

    /// Exit code 5 for a run with warnings when `--warnings-exit` asks for it (and `--strict` does not), else 0.
    func finalCode(_ findings: FindingList) -> ExitCode {
        if warningsExit && !strict && findings.count(of: .warning) > 0 { return .successWithWarnings }
        return .success
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
