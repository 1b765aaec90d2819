import Foundation
import KompassCore

/// `kompass generate`: a synthetic portfolio and a configuration that reads it, for benchmarks.
enum GenerateCommand: KompassCommand {
    static let name = CommandName.generate
    static let summary = Bilingual(en: "write a synthetic portfolio for benchmarks", de: "ein synthetisches Portfolio für Messungen schreiben")
    static let description = Bilingual(en: """
    write a synthetic portfolio of N projects in one input format, with a
    configuration that reads it, so that anyone can reproduce a benchmark.
    """, de: """
    ein synthetisches Portfolio aus N Vorhaben in einem Eingabeformat schreiben, dazu
    eine Konfiguration, die es liest, damit jede und jeder eine Messung wiederholen kann.
    """)
    static let notes: Bilingual? = Bilingual(en: "Then: kompass run --config DIR/kompass.json (publishes into DIR/output).",
                                             de: "Danach: kompass run --config DIR/kompass.json (publiziert nach DIR/output).")

    static func run(_ options: CommandOptions) throws -> ExitCode {
        guard let count = options.projectCount, let format = options.defaultFormat else {
            preconditionFailure("--projects and --format are required (OptionTable)")
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
}
