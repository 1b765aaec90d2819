import Foundation
import KompassCore

/// `kompass status`: what the last publication published, when, from which sources.
enum StatusCommand: KompassCommand {
    static let name = CommandName.status
    static let summary = Bilingual(en: "what was published when, from which sources", de: "was wann aus welchen Quellen publiziert wurde")
    static let description = Bilingual(en: """
    what the last publication published, when, by which kompass and configuration,
    from which sources, with which checksums.
    """, de: """
    was die letzte Publikation publiziert hat, wann, mit welchem kompass und welcher
    Konfiguration, aus welchen Quellen, mit welchen Prüfsummen.
    """)

    static func run(_ options: CommandOptions) throws -> ExitCode {
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
}
