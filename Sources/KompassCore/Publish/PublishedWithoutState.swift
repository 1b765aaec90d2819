/// The new outputs are published (the folders were exchanged), but what records them could not be saved
/// afterwards: the only failures that can come after the exchange. The run says exactly that, and how the next
/// run recovers.
public struct PublishedWithoutState: Error, Sendable, CustomStringConvertible {
    /// What was not saved.
    public enum Part: Sendable {
        /// `state.json`: the next run finds the published files different from the state it reads and publishes
        /// them again, with their state.
        case state
        /// The copy of a CSV source the next run compares with (spreadsheet damage): the state is saved; the next
        /// run compares with the copy before, or with none.
        case acceptedSource
        /// Nothing: the state is saved too, but syncing the folder that holds the output folder failed, so the
        /// system did not confirm that the exchange reached the disk.
        case notOnDisk
    }

    public var outputDirectory: String
    public var stateDirectory: String
    public var part: Part
    /// What failed.
    public var cause: IOError

    public init(outputDirectory: String, stateDirectory: String, part: Part, cause: IOError) {
        self.outputDirectory = outputDirectory
        self.stateDirectory = stateDirectory
        self.part = part
        self.cause = cause
    }

    public var description: String { description(in: .en) }

    /// What happened, in `language`.
    public func description(in language: ReportLanguage) -> String {
        let cause = cause.description(in: language)
        switch (part, language) {
        case (.state, .en):
            return "the new outputs are published in \(outputDirectory) (they are live), but their state was not saved: \(cause)"
        case (.state, .de):
            return "die neuen Ausgaben sind in \(outputDirectory) publiziert (sie sind öffentlich), aber ihr Zustand wurde nicht "
                + "gespeichert: \(cause)"
        case (.acceptedSource, .en):
            return "the new outputs are published in \(outputDirectory) (they are live) and their state is saved, but the copy of "
                + "a source kept for the next comparison was not: \(cause)"
        case (.acceptedSource, .de):
            return "die neuen Ausgaben sind in \(outputDirectory) publiziert (sie sind öffentlich) und ihr Zustand ist gespeichert, "
                + "aber die Kopie einer Quelle für den nächsten Vergleich nicht: \(cause)"
        case (.notOnDisk, .en):
            return "the new outputs are published in \(outputDirectory) (they are live) and their state is saved, but the system "
                + "did not confirm that they reached the disk: \(cause)"
        case (.notOnDisk, .de):
            return "die neuen Ausgaben sind in \(outputDirectory) publiziert (sie sind öffentlich) und ihr Zustand ist gespeichert, "
                + "aber das System hat nicht bestätigt, dass sie auf dem Datenträger sind: \(cause)"
        }
    }

    /// What to do, in `language`.
    public func hint(in language: ReportLanguage) -> String {
        switch (part, language) {
        case (.state, .en):
            "make \(stateDirectory) writable (or free space there), then run kompass again: it sees that the published "
                + "files differ from the saved state and publishes them again, recording their state"
        case (.state, .de):
            "machen Sie \(stateDirectory) beschreibbar (oder schaffen Sie dort Platz) und starten Sie kompass erneut: es sieht, "
                + "dass die publizierten Dateien vom gespeicherten Zustand abweichen, und publiziert sie erneut, mit ihrem Zustand"
        case (.acceptedSource, .en):
            "make \(stateDirectory) writable (or free space there); the next run compares the spreadsheet with the copy "
                + "kept before this one"
        case (.acceptedSource, .de):
            "machen Sie \(stateDirectory) beschreibbar (oder schaffen Sie dort Platz); der nächste Lauf vergleicht die Tabelle "
                + "mit der zuvor behaltenen Kopie"
        case (.notOnDisk, .en):
            "check the disk (a failing sync usually means a failing device, or a full or read-only file system), then run "
                + "kompass again: it compares every published file with the saved state and publishes again what differs"
        case (.notOnDisk, .de):
            "prüfen Sie den Datenträger (ein fehlschlagendes Synchronisieren bedeutet meist ein defektes Gerät oder ein volles "
                + "oder schreibgeschütztes Dateisystem) und starten Sie kompass erneut: es vergleicht jede publizierte Datei "
                + "mit dem gespeicherten Zustand und publiziert erneut, was abweicht"
        }
    }
}
