import KompassCore

/// An error that stops a command (other than a usage error): the lines the command line prints for it, in the
/// run's language, and its exit code.
struct Failure {
    let error: any Error
    /// Whether the command publishes (`run`): an error that stops it before the exchange then says that nothing was
    /// published (only `PublishedWithoutState` comes after it).
    let publishes: Bool

    init(_ error: any Error, publishes: Bool = false) {
        self.error = error
        self.publishes = publishes
    }

    var exitCode: ExitCode {
        switch error {
        case is ConfigurationError: .usage
        case is LockError: .locked
        default: .ioFailure
        }
    }

    func lines(in language: ReportLanguage) -> [String] {
        switch error {
        case let error as ConfigurationError:
            ["kompass: " + Words.configurationError.text(in: language) + ": " + error.description(in: language)]
        case let error as IOError:
            ["kompass: " + error.description(in: language)]
                + (error.hint(in: language).map { ["    " + Words.hint.text(in: language) + ": " + $0] } ?? [])
                + (publishes ? ["kompass: " + Words.nothingPublished.text(in: language)] : [])
        case let error as LockError:
            ["kompass: " + error.description(in: language)]
        case let error as PublishedWithoutState:
            ["kompass: " + error.description(in: language), "    " + Words.hint.text(in: language) + ": " + error.hint(in: language)]
        case let error as StateError:
            ["kompass: " + Words.publicationState.text(in: language) + " " + error.description(in: language)]
        default:
            // An error kompass does not know how to say: as the system describes it.
            ["kompass: \(error)"]
        }
    }

    // MARK: - Messages

    /// The words the command line puts before an error's own.
    enum Words {
        static let configurationError = Bilingual(en: "configuration error", de: "Konfigurationsfehler")
        static let hint = Bilingual(en: "hint", de: "Vorschlag")
        static let publicationState = Bilingual(en: "the publication state", de: "der Publikationszustand")
        static let nothingPublished = Bilingual(en: "nothing was published: the output folder and the state are as they were",
                                                de: "nichts wurde publiziert: der Ausgabeordner und der Zustand sind, wie sie waren")
    }
}
