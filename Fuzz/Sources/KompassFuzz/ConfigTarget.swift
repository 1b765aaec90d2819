import Foundation
import KompassCore

/// The configuration reader: the input is a configuration file at `config/examples/fuzz.json` of a copy of the
/// repository's `config/` (its `kompass.json`, mappings and register) and `schemas/`, so that the relative paths of
/// the shipped configurations (`../mappings/kompass-csv.json`, `"publication": "../kompass.json"`) resolve. What
/// a configuration that loads sets up is used as a run uses it: the validator is built from its rule settings and
/// run over the first projects of the real portfolio, and the files of its fingerprint are listed.
struct ConfigTarget: FuzzTarget {
    let input: String
    let projects: [Project]
    let referenceDate = CalendarDate(year: 2026, month: 11, day: 30)!

    init(workspace: Workspace) throws {
        let files = FileManager.default
        for folder in ["config/mappings", "config/sources", "config/examples", "schemas"] {
            try files.createDirectory(atPath: workspace.temp(folder), withIntermediateDirectories: true)
        }
        for file in ["config/kompass.json", "config/sources/register.csv", "schemas/kompass-input.xsd"]
            + (try files.contentsOfDirectory(atPath: workspace.repo("config/mappings"))).map({ "config/mappings/" + $0 }) {
            try files.copyItem(atPath: workspace.repo(file), toPath: workspace.temp(file))
        }
        input = workspace.temp("config/examples/fuzz.json")
        let real = try ConfigurationLoader().load(path: workspace.repo("config/kompass.json"))
        projects = Array(try PortfolioLoader().load(real.sources).portfolio.projects.prefix(6))
        guard !projects.isEmpty else { throw SetupError("the real portfolio gives no project") }
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        writeFile(input, bytes)
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader().load(path: input)
        } catch {
            // Its message, with the line and column it names, is what the user sees.
            let message = "\(error)"
            if verbose { FileHandle.standardError.write(Data("kompass-fuzz: thrown: \(message)\n".utf8)) }
            return
        }
        blackHole(Pipeline(configuration: configuration).configurationFiles)
        blackHole(configuration.stateDirectory)
        let findings = Validator(settings: configuration.validation)
            .validate(Portfolio(projects: projects), context: ValidationContext(referenceDate: referenceDate))
        if verbose { describe(findings, projects: projects.count) }
    }
}
