import Foundation
import KompassCore

/// `kompass convert`: the portfolio written in one of the input formats.
enum ConvertCommand: KompassCommand {
    static let name = CommandName.convert
    static let summary = Bilingual(en: "write the portfolio in an input format", de: "das Portfolio in einem Eingabeformat schreiben")
    static let description = Bilingual(en: """
    read the sources, check them, and write the portfolio in one of the input
    formats (to move a portfolio between systems, or to start a register or a spreadsheet from it).
    """, de: """
    die Quellen lesen, prüfen und das Portfolio in einem der Eingabeformate schreiben
    (um ein Portfolio von einem System ins andere zu bringen, oder als Anfang eines Registers oder einer Tabelle).
    """)
    static let notes: Bilingual? = Bilingual(en: "Nothing is written when the sources have errors (exit code 1).",
                                             de: "Haben die Quellen Fehler, wird nichts geschrieben (Exit-Code 1).")

    static func run(_ options: CommandOptions) throws -> ExitCode {
        guard let target = options.convertTo, let path = options.outputDirectory else {
            preconditionFailure("--to and --output are required (OptionTable)")
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
}
