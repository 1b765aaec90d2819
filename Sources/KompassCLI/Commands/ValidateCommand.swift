import Foundation
import KompassCore

/// `kompass validate`: check sources and print every finding; writes nothing (but an HTML report asked for).
enum ValidateCommand: KompassCommand {
    static let name = CommandName.validate
    static let summary = Bilingual(en: "check sources without writing anything", de: "Quellen prüfen, ohne etwas zu schreiben")
    static let description = Bilingual(en: "check sources and print every finding; writes nothing.",
                                       de: "Quellen prüfen und jeden Befund ausgeben; schreibt nichts.")
    static let notes: Bilingual? = Bilingual(en: "Exit code 0 when no error was found, 1 when one was.",
                                             de: "Exit-Code 0, wenn kein Fehler gefunden wurde, 1, wenn einer gefunden wurde.")
    static let positional: PositionalDeclaration? = PositionalDeclaration(
        name: "FILE...", help: Bilingual(en: "check these files instead of the configured sources",
                                         de: "diese Dateien statt der konfigurierten Quellen prüfen"), isPath: true
    ) { options, argument in
        options.sources.append((argument, nil))
    }

    static func run(_ options: CommandOptions) throws -> ExitCode {
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
        return options.finalCode(findings)
    }
}
