import Foundation
import KompassCore

/// Dispatches the command line to a command and maps its outcome to an exit code.
enum Commands {
    static func main(_ arguments: [String]) -> ExitCode {
        var rest = arguments.dropFirst()
        // Help and errors speak the run's language even when the options cannot be parsed: a valid --lang
        // anywhere on the command line, else the locale. Once parsed, the options name the same language.
        let language = CommandOptions.language(of: rest)
        let command: String
        switch rest.first {
        case nil: command = "run"
        case "--version": Terminal.printOut(HelpText.version); return .success
        case "--help", "-h": Terminal.printOut(HelpText.overview.text(in: language)); return .success
        case "help":
            // `kompass help run --lang de`: the topic is the first argument besides the language.
            let topic = CommandOptions.removingLanguage(rest.dropFirst()).first
            Terminal.printOut((HelpText.text(for: topic) ?? HelpText.overview).text(in: language))
            return .success
        case let first? where first.hasPrefix("-"): command = "run"
        case let first?:
            command = first
            rest = rest.dropFirst()
        }
        do {
            switch command {
            case "run": return try run(rest)
            case "validate": return try validate(rest)
            case "convert": return try convert(rest)
            case "generate": return try generate(rest)
            case "rules": return try rules(rest)
            case "diff": return try diff(rest)
            case "status": return try status(rest)
            default: throw UsageError(.unknownCommand(command), command: nil)
            }
        } catch let error as UsageError {
            error.lines(in: language).forEach(Terminal.printError)
            return .usage
        } catch {
            let failure = Failure(error, publishes: command == "run")
            failure.lines(in: language).forEach(Terminal.printError)
            return failure.exitCode
        }
    }

    /// Prints the help of `command` in the options' language.
    private static func printHelp(_ command: String, _ options: CommandOptions) -> ExitCode {
        if let text = HelpText.text(for: command) { Terminal.printOut(text.text(in: options.language)) }
        return .success
    }

    static func run(_ arguments: ArraySlice<String>) throws -> ExitCode {
        let options = try CommandOptions.parse(arguments, command: "run", allowed: [
            "--config", "--source", "--format", "--output", "--as-of", "--dry-run", "--strict", "--quiet", "-q",
            "--verbose", "-v", "--warnings-exit", "--lang", "--log-format", "--retire", "--full",
            "--examples", "--max-findings", "--report-html",
        ], positional: false)
        if options.showHelp { return printHelp("run", options) }
        let pipeline = Pipeline(configuration: try options.configuration())
        var runOptions = options.runOptions
        let indicator = ProgressIndicator(enabled: isatty(2) == 1 && !options.quiet && !options.jsonLog)
        runOptions.progress = indicator.show
        let report = try pipeline.run(options: runOptions)
        indicator.clear()
        if let path = options.htmlReport {
            // The page says what happened in the run's language, as the text log's last line does.
            let summary = RunSummary(report: report, language: options.language, findings: options.reporter(colour: false)
                .summary(report.findings, projects: report.projectCount))
            try HTMLReport.write(HTMLReport(language: options.language, headline: summary.line).render(report.findings), to: path)
        }
        if options.jsonLog {
            let minimum: Severity = options.quiet ? .error : options.verbose ? .info : .warning
            for entry in options.reporter(colour: false).entries(report.findings, minimum: minimum, folded: false).shown {
                Terminal.printError(JSONLog.finding(entry, language: options.language))
            }
            report.deliveries.forEach { Terminal.printError(JSONLog.delivery($0)) }
            Terminal.printError(JSONLog.summary(report))
            return report.outcome == .refused ? .dataErrors : report.deliveryFailed ? .deliveryFailed : finalCode(report.findings, options)
        }
        let terminal = Terminal()
        let reporter = options.reporter(colour: terminal.colourOnStandardError)
        // A scheduled run that changes nothing stays silent (no terminal, no --verbose): it said all this
        // when it published. A person at a terminal is always told.
        let talkative = options.verbose || terminal.isInteractive
        let minimum: Severity = options.quiet ? .error : options.verbose ? .info : (report.outcome == .unchanged && !talkative ? .error : .warning)
        let shown = reporter.text(report.findings, minimum: minimum)
        if !shown.isEmpty { Terminal.printError(shown) }
        let summary = RunSummary(report: report, language: options.language,
                                 findings: reporter.summary(report.findings, projects: report.projectCount))

        let changes = ChangeList(report)
        switch report.outcome {
        case .refused:
            Terminal.printError(summary.refused)
            return .dataErrors
        case .unchanged:
            if options.verbose && report.shortcut { Terminal.printOut(summary.shortcut) }
            if talkative && !options.quiet { Terminal.printOut(summary.unchanged) }
        case .dryRun:
            if !options.quiet {
                Terminal.printOut(summary.dryRun)
                changes.lines(in: options.language).forEach { Terminal.printOut("  \($0)") }
                DeliveryText.notOnDryRun(pipeline.configuration.publication.deliver, language: options.language).map(Terminal.printOut)
            }
        case .published:
            if options.verbose {
                for timing in report.stageTimings {
                    Terminal.printOut("  \(timing.stage): \(String(format: "%.3f", timing.seconds)) s")
                }
                for file in report.files { Terminal.printOut(WrittenText.published(file).text(in: options.language)) }
                changes.lines(in: options.language).forEach { Terminal.printOut("  \($0)") }
            }
            if !options.quiet { Terminal.printOut(summary.published) }
        }
        let deliveries = DeliveryText(outcomes: report.deliveries, language: options.language, outputDirectory: report.outputDirectory)
        if !options.quiet { deliveries.successes(verbose: options.verbose).forEach(Terminal.printOut) }
        deliveries.failures().forEach(Terminal.printError)
        return report.deliveryFailed ? .deliveryFailed : finalCode(report.findings, options)
    }


    static func validate(_ arguments: ArraySlice<String>) throws -> ExitCode {
        let options = try CommandOptions.parse(arguments, command: "validate", allowed: [
            "--config", "--format", "--report", "--as-of", "--lang", "--strict", "--warnings-exit", "--quiet", "-q", "--verbose", "-v",
            "--retire", "--examples", "--max-findings", "--report-html",
        ], positional: true)
        if options.showHelp { return printHelp("validate", options) }
        let pipeline = Pipeline(configuration: try options.configuration())
        // For the HTML report, the first projects as read (it shows the values of those with findings).
        var projects: [Project] = []
        let keep: ((Project) throws -> Void)? = options.htmlReport == nil ? nil : { project in
            if projects.count < HTMLReport.projectLimit { projects.append(project) }
        }
        let (projectCount, findings) = try pipeline.check(options: options.runOptions, each: keep)
        let reporter = options.reporter(colour: Terminal().colourOnStandardOutput)
        if let path = options.htmlReport {
            let page = HTMLReport(language: options.language, headline: reporter.summary(findings, projects: projectCount),
                                  examples: options.reporter(colour: false).examples)
            try HTMLReport.write(page.render(findings, projects: projects), to: path)
        }
        switch options.report {
        case .json:
            Terminal.printOut(reporter.json(findings, projects: projectCount))
        case .text:
            let shown = reporter.text(findings, minimum: options.quiet ? .error : options.verbose ? .info : .warning)
            if !shown.isEmpty { Terminal.printOut(shown) }
            Terminal.printOut(reporter.summary(findings, projects: projectCount))
        }
        if findings.hasErrors || (options.strict && findings.count(of: .warning) > 0) { return .dataErrors }
        return finalCode(findings, options)
    }

    static func convert(_ arguments: ArraySlice<String>) throws -> ExitCode {
        let options = try CommandOptions.parse(arguments, command: "convert", allowed: [
            "--config", "--source", "--format", "--to", "--output", "--as-of", "--lang", "--quiet", "-q",
        ], positional: false)
        if options.showHelp { return printHelp("convert", options) }
        guard let target = options.convertTo else {
            throw UsageError(.missingOption(command: "convert", option: "--to csv|json|jsonl|xml|page-text"), command: "convert")
        }
        guard let path = options.outputDirectory else {
            throw UsageError(.missingOption(command: "convert", option: "--output FILE"), command: "convert")
        }
        let pipeline = Pipeline(configuration: try options.configuration())
        let (portfolio, findings) = try pipeline.collect(options: options.runOptions, previous: .some(nil))
        let reporter = options.reporter(colour: Terminal().colourOnStandardError)
        let shown = reporter.text(findings, minimum: options.quiet ? .error : .warning)
        if !shown.isEmpty { Terminal.printError(shown) }
        if findings.hasErrors {
            Terminal.printError(WrittenText.nothingWritten(reporter.summary(findings, projects: portfolio.projects.count)).text(in: options.language))
            return .dataErrors
        }
        let written = try PortfolioConverter().write(portfolio, as: target, to: path)
        if !options.quiet {
            Terminal.printOut(WrittenText.converted(projects: portfolio.projects.count, as: target, to: written.path).text(in: options.language))
        }
        return .success
    }

    static func generate(_ arguments: ArraySlice<String>) throws -> ExitCode {
        let options = try CommandOptions.parse(arguments, command: "generate", allowed: [
            "--projects", "--format", "--seed", "--output", "--quiet", "-q",
        ], positional: false)
        if options.showHelp { return printHelp("generate", options) }
        guard let count = options.projectCount else {
            throw UsageError(.missingOption(command: "generate", option: "--projects N"), command: "generate")
        }
        guard let format = options.defaultFormat else {
            throw UsageError(.missingOption(command: "generate", option: "--format csv|json|jsonl|xml|page-text"), command: "generate")
        }
        let directory = options.outputDirectory ?? "generated-\(format.rawValue)-\(count)"
        let generator = PortfolioGenerator(count: count, seed: options.seed, format: format)
        let written = try generator.write(into: directory)
        if !options.quiet {
            Terminal.printOut(WrittenText.generated(projects: count, seed: options.seed, as: format, written, directory: directory)
                .text(in: options.language))
        }
        return .success
    }

    static func rules(_ arguments: ArraySlice<String>) throws -> ExitCode {
        let options = try CommandOptions.parse(arguments, command: "rules", allowed: ["--lang", "--report"], positional: false)
        if options.showHelp { return printHelp("rules", options) }
        let q = Escaping.json
        switch options.report {
        case .json:
            let rules = Validator.catalogue.map { rule in
                let parameters = rule.defaultParameters.sorted { $0.key < $1.key }
                    .map { "\(q($0.key)): \(plainNumber($0.value))" }.joined(separator: ", ")
                return "  {\"rule\": \(q(rule.id.rawValue)), \"severity\": \(q(rule.defaultSeverity.rawValue)), "
                    + "\"summary\": \(q(options.language == .de ? rule.summary.de : rule.summary.en)), \"parameters\": {\(parameters)}}"
            }
            Terminal.printOut("[\n" + rules.joined(separator: ",\n") + "\n]")
        case .text:
            for rule in Validator.catalogue {
                let parameters = rule.defaultParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\(plainNumber($0.value))" }
                Terminal.printOut("\(rule.id)  \(rule.defaultSeverity.rawValue)"
                    + (parameters.isEmpty ? "" : "  (" + parameters.joined(separator: ", ") + ")"))
                Terminal.printOut("    " + (options.language == .de ? rule.summary.de : rule.summary.en))
            }
        }
        return .success
    }

    static func diff(_ arguments: ArraySlice<String>) throws -> ExitCode {
        let options = try CommandOptions.parse(reportFormatAsFormat(arguments), command: "diff", allowed: [
            "--config", "--source", "--format", "--report", "--as-of", "--lang", "--output", "--retire",
            "--examples", "--max-findings",
        ], positional: false)
        if options.showHelp { return printHelp("diff", options) }
        let pipeline = Pipeline(configuration: try options.configuration())
        let (changes, texts, findings, first) = try pipeline.diff(options: options.runOptions)
        let reporter = options.reporter(colour: Terminal().colourOnStandardError)
        let shown = reporter.text(findings, minimum: .error)
        if !shown.isEmpty { Terminal.printError(shown) }
        switch options.report {
        case .json:
            let q = Escaping.json
            func optional(_ value: String?) -> String { value.map(q) ?? "null" }
            // A change of texts carries its word diff: per text the runs of words kept, removed and added.
            func parts(_ diff: WordDiff) -> String {
                "[" + diff.parts.map { "{\"op\": \(q($0.operation.rawValue)), \"text\": \(q($0.text))}" }.joined(separator: ", ") + "]"
            }
            let items = changes.map { change in
                let words = texts[change.projectID].map { "{\"bisher\": \(parts($0.before)), \"in_zukunft\": \(parts($0.future))}" } ?? "null"
                return "    {\"project\": \(q(change.projectID)), \"change\": \(q(change.kind.rawValue)), \"title\": \(q(change.title)), "
                    + "\"before\": \(optional(change.before)), \"after\": \(optional(change.after)), "
                    + "\"words\": \(change.kind == .texts ? words : "null")}"
            }
            Terminal.printOut("{\n  \"firstPublication\": \(first),\n  \"errors\": \(findings.count(of: .error)),\n  \"changes\": [\n"
                + items.joined(separator: ",\n") + (items.isEmpty ? "" : "\n") + "  ]\n}")
        case .text:
            let list = ChangeList(changes, first: first)
            if changes.isEmpty {
                Terminal.printOut(options.language == .de ? "keine Änderung gegenüber der letzten Publikation" : "no change against the last publication")
            } else {
                Terminal.printOut(list.headline(in: options.language))
                list.lines(in: options.language, texts: texts, colour: Terminal().colourOnStandardOutput).forEach { Terminal.printOut("  \($0)") }
            }
        }
        return findings.hasErrors ? .dataErrors : .success
    }

    /// The contract names the diff's output `--format text|json`: before any `--source`, a `--format` of
    /// `text` or `json` is the report's format (after a `--source`, `--format` names that source's format).
    static func reportFormatAsFormat(_ arguments: ArraySlice<String>) -> ArraySlice<String> {
        var result: [String] = []
        var sawSource = false
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            let (option, inline) = argument.optionAndInlineValue
            if option == "--source" { sawSource = true }
            if option == "--format", !sawSource {
                let next = arguments.index(after: index)
                if let inline, inline == "text" || inline == "json" {
                    result.append("--report=\(inline)")
                    index = next
                    continue
                }
                if inline == nil, next < arguments.endIndex, arguments[next] == "text" || arguments[next] == "json" {
                    result += ["--report", arguments[next]]
                    index = arguments.index(after: next)
                    continue
                }
            }
            result.append(argument)
            index = arguments.index(after: index)
        }
        return result[...]
    }

    static func status(_ arguments: ArraySlice<String>) throws -> ExitCode {
        let options = try CommandOptions.parse(arguments, command: "status", allowed: ["--config", "--output", "--report", "--lang"],
                                               positional: false)
        if options.showHelp { return printHelp("status", options) }
        let configuration = try options.configuration()
        let store = PublicationStateStore(directory: configuration.stateDirectory)
        let text = StatusText(language: options.language)
        guard let state = try store.load() else {
            Terminal.printOut(text.nothingPublished(output: configuration.outputDirectory, state: store.path))
            return .success
        }
        let pipeline = Pipeline(configuration: configuration)
        let currentConfig = pipeline.configurationFingerprint()
        // The same decision the next run makes (PublishDecision), said in words.
        let sameVersion = !PublishDecision.needsFullPublication(asked: false, previous: state, configurationFingerprint: state.configurationFingerprint)
        let sameConfiguration = !PublishDecision.needsFullPublication(asked: false, previous: state, configurationFingerprint: currentConfig,
                                                                      version: state.kompassVersion)
        let files = pipeline.configurationFiles.map { ($0, SHA256.hex(ofFileAt: $0)) }
        for line in text.lines(state, output: configuration.outputDirectory, sameVersion: sameVersion,
                               sameConfiguration: sameConfiguration, configurationFiles: files) {
            Terminal.printOut(line)
        }
        return .success
    }

    /// `15` for 15.0, `0.8` for 0.8: the form JSON and the configuration use.
    private static func plainNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func finalCode(_ findings: FindingList, _ options: CommandOptions) -> ExitCode {
        if options.warningsExit && !options.strict && findings.count(of: .warning) > 0 { return .successWithWarnings }
        return .success
    }
}
