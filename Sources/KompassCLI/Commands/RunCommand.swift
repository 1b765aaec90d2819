import Foundation
import KompassCore

/// `kompass run` (and bare `kompass`): read, validate, export and publish.
enum RunCommand: KompassCommand {
    static let name = CommandName.run
    static let summary = Bilingual(en: "import, validate, export and publish (the default)",
                                   de: "importieren, prüfen, exportieren und publizieren (der Normalfall)")
    static let description = Bilingual(en: "read the sources, validate them, write every output and publish it.",
                                       de: "die Quellen lesen, prüfen, alle Ausgaben schreiben und publizieren.")
    static let notes: Bilingual? = Bilingual(en: """
    Any error in the data means nothing is published and the output folder stays as it was.
    So does a published project that is missing from the sources and not named with --retire.
    A run whose sources hold what was published changes nothing (and, without a terminal or
    --verbose, prints nothing). Only one run publishes at a time (exit code 4 for the other).
    """, de: """
    Ein einziger Fehler in den Daten heisst: nichts wird publiziert, der Ausgabeordner bleibt, wie er war.
    Ebenso, wenn ein publiziertes Vorhaben in den Quellen fehlt und nicht mit --retire genannt ist.
    Ein Lauf, dessen Quellen enthalten, was publiziert ist, ändert nichts (und gibt ohne Terminal oder
    --verbose nichts aus). Es publiziert immer nur ein Lauf gleichzeitig (Exit-Code 4 für den anderen).
    """)

    static func run(_ options: CommandOptions) throws -> ExitCode {
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
            return report.outcome == .refused ? .dataErrors : report.deliveryFailed ? .deliveryFailed : options.finalCode(report.findings)
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
        return report.deliveryFailed ? .deliveryFailed : options.finalCode(report.findings)
    }
}
