/// An operational failure of the file system: the run cannot go on, whatever the data says.
///
/// Said in the run's language where kompass writes the words: `cannot read PATH: reason` or `PATH kann nicht
/// gelesen werden: reason`; the reason is the system's own (strerror) where the system gave it.
public struct IOError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// What kompass tried to do with `path`.
    public var action: Action
    /// Why it failed.
    public var cause: Cause
    /// The folder the user named, when `path` is one kompass derives from it (the state folder beside the output
    /// folder): the message names both.
    public var given: String?
    /// What to do about it, where kompass can say.
    public var advice: Advice?

    public init(path: String, operation action: Action, cause: Cause, given: String? = nil, advice: Advice? = nil) {
        self.path = path
        self.action = action
        self.cause = cause
        self.given = given
        self.advice = advice
    }

    /// `reason`: the system's own description (strerror), or other words as they are.
    public init(path: String, operation action: Action, reason: String) {
        self.init(path: path, operation: action, cause: .text(reason))
    }

    /// For a caller that names what it tried in English words (`"read"`): the action with that phrase, else the
    /// words as they are; `hint` in English words too.
    public init(path: String, operation: String, reason: String, hint: String? = nil) {
        self.init(path: path, operation: Action(english: operation), cause: .text(reason), advice: hint.map(Advice.text))
    }

    /// What kompass tried, in English words ("read", "create the state folder").
    public var operation: String { action.english }
    /// Why it failed, in English (the system's words as it gave them).
    public var reason: String { cause.text.en }
    /// What to do about it, in English.
    public var hint: String? { advice?.text.en }

    public var description: String { description(in: .en) }

    /// `cannot read PATH: reason`, in `language`.
    public func description(in language: ReportLanguage) -> String {
        let text = action.failed(path)
        let beside = given.map(IOError.beside)
        return language == .de ? "\(text.de): \(cause.text.de)\(beside?.de ?? "")" : "\(text.en): \(cause.text.en)\(beside?.en ?? "")"
    }

    /// Why it failed, in `language` (the system's words as it gave them).
    public func reason(in language: ReportLanguage) -> String {
        language == .de ? cause.text.de : cause.text.en
    }

    /// What to do about it, in `language`.
    public func hint(in language: ReportLanguage) -> String? {
        advice.map { language == .de ? $0.text.de : $0.text.en }
    }

    /// What kompass tried to do with a path.
    public enum Action: Sendable, Equatable {
        case open, read, create, write, sync, close, lock, validate
        /// Create a folder (and its missing parents).
        case createFolder(Folder)
        case publish
        /// Publish into an output folder that exists.
        case publishInto
        /// Publish by exchanging the staging folder and the output folder.
        case exchangeFolders
        case writeReport
        case describeCatalogue
        /// Words a caller gave that name no action above, said as they are.
        case other(String)

        /// The actions a caller may name in English words.
        static let named: [Action] = [.open, .read, .create, .write, .sync, .close, .lock, .validate, .createFolder(.plain),
                                      .publish, .publishInto, .exchangeFolders, .writeReport, .describeCatalogue,
                                      .createFolder(.state), .createFolder(.outputParent), .createFolder(.staging)]

        init(english words: String) {
            self = Action.named.first { $0.english == words } ?? .other(words)
        }
    }

    /// The folders kompass creates.
    public enum Folder: Sendable, Equatable {
        /// A folder with no more particular role.
        case plain
        /// The state folder (beside the output folder unless the configuration names it).
        case state
        /// The folder the output folder goes into.
        case outputParent
        /// The folder a publication is prepared in before it replaces the output folder.
        case staging
    }

    /// Why an operation failed.
    public enum Cause: Sendable, Equatable {
        /// The system's description (strerror), or other words, said as they are in either language.
        case text(String)
        /// A file was expected and the path is a folder.
        case isAFolder
        /// A folder was expected and the path is something else.
        case isNotAFolder
    }

    /// What to do when a folder cannot be created.
    public enum Advice: Sendable, Equatable {
        /// kompass may not write in `parent`.
        case permission(parent: String)
        /// `parent` is a file where a folder must go.
        case fileInTheWay(parent: String)
        case diskFull
        case checkPathAndDisk
        /// Words a caller gave, said as they are in either language.
        case text(String)
    }
}

// MARK: - Messages

extension IOError {
    /// After the reason, when the failed folder derives from one the user named.
    static func beside(_ given: String) -> Bilingual {
        Bilingual(en: " (it goes beside \(given), the folder you named)", de: " (er liegt neben \(given), dem Ordner, den Sie genannt haben)")
    }
}

extension IOError.Action {
    /// The words after "cannot" in English, as IOError has always said it.
    var english: String {
        switch self {
        case .open: "open"
        case .read: "read"
        case .create: "create"
        case .write: "write"
        case .sync: "sync"
        case .close: "close"
        case .lock: "lock"
        case .validate: "validate"
        case .createFolder(let folder): "create " + folder.name.en
        case .publish: "publish"
        case .publishInto: "publish into"
        case .exchangeFolders: "publish (exchange the folders)"
        case .writeReport: "write the report"
        case .describeCatalogue: "describe the catalogue in"
        case .other(let words): words
        }
    }

    /// `cannot read PATH` / `PATH kann nicht gelesen werden`.
    func failed(_ path: String) -> Bilingual {
        let de = switch self {
        case .open: "\(path) kann nicht geöffnet werden"
        case .read: "\(path) kann nicht gelesen werden"
        case .create: "\(path) kann nicht erstellt werden"
        case .write: "\(path) kann nicht geschrieben werden"
        case .sync: "\(path) kann nicht auf den Datenträger geschrieben werden"
        case .close: "\(path) kann nicht geschlossen werden"
        case .lock: "\(path) kann nicht gesperrt werden"
        case .validate: "\(path) kann nicht geprüft werden"
        case .createFolder(let folder): "\(folder.name.de) \(path) kann nicht angelegt werden"
        case .publish: "nach \(path) kann nicht publiziert werden"
        case .publishInto: "in \(path) kann nicht publiziert werden"
        case .exchangeFolders: "nach \(path) kann nicht publiziert werden (Austausch der Ordner)"
        case .writeReport: "der Bericht \(path) kann nicht geschrieben werden"
        case .describeCatalogue: "der Katalog kann in \(path) nicht beschrieben werden"
        case .other(let words): "\(path) kann nicht verarbeitet werden («\(words)»)"
        }
        return Bilingual(en: "cannot \(english) \(path)", de: de)
    }
}

extension IOError.Folder {
    /// The folder's name before its path (`the state folder PATH`, `der Zustandsordner PATH`).
    var name: Bilingual {
        switch self {
        case .plain: Bilingual(en: "the folder", de: "der Ordner")
        case .state: Bilingual(en: "the state folder", de: "der Zustandsordner")
        case .outputParent: Bilingual(en: "the folder that holds the output folder", de: "der übergeordnete Ordner des Ausgabeordners")
        case .staging: Bilingual(en: "the staging folder", de: "der Vorbereitungsordner")
        }
    }
}

extension IOError.Cause {
    var text: Bilingual {
        switch self {
        case .text(let words): Bilingual(en: words, de: words)
        case .isAFolder: Bilingual(en: "it is a directory", de: "es ist ein Ordner")
        case .isNotAFolder: Bilingual(en: "it is not a folder", de: "es ist kein Ordner")
        }
    }
}

extension IOError.Advice {
    var text: Bilingual {
        switch self {
        case .permission(let parent):
            Bilingual(en: "kompass needs to write in \(parent): choose a place you can write (--output, or \"output\" and \"state\" in the "
                          + "configuration), or give the user that runs kompass the right to write there",
                      de: "kompass muss in \(parent) schreiben können: wählen Sie einen Ort, an dem Sie schreiben dürfen (--output, oder "
                          + "\"output\" und \"state\" in der Konfiguration), oder geben Sie dem Benutzer, unter dem kompass läuft, dort das Schreibrecht")
        case .fileInTheWay(let parent):
            Bilingual(en: "\(parent) is a file, not a folder: choose another place, or move the file aside",
                      de: "\(parent) ist eine Datei, kein Ordner: wählen Sie einen anderen Ort, oder verschieben Sie die Datei")
        case .diskFull:
            Bilingual(en: "the disk is full: free space, then run again (nothing was published)",
                      de: "der Datenträger ist voll: schaffen Sie Platz und starten Sie erneut (es wurde nichts publiziert)")
        case .checkPathAndDisk:
            Bilingual(en: "check the path and the disk, then run again (nothing was published)",
                      de: "prüfen Sie den Pfad und den Datenträger und starten Sie erneut (es wurde nichts publiziert)")
        case .text(let words):
            Bilingual(en: words, de: words)
        }
    }
}
