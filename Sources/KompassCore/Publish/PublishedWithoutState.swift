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

    public var description: String {
        switch part {
        case .state:
            "the new outputs are published in \(outputDirectory) (they are live), but their state was not saved: \(cause)"
        case .acceptedSource:
            "the new outputs are published in \(outputDirectory) (they are live) and their state is saved, but the copy of "
                + "a source kept for the next comparison was not: \(cause)"
        }
    }

    public var hint: String {
        switch part {
        case .state:
            "make \(stateDirectory) writable (or free space there), then run kompass again: it sees that the published "
                + "files differ from the saved state and publishes them again, recording their state"
        case .acceptedSource:
            "make \(stateDirectory) writable (or free space there); the next run compares the spreadsheet with the copy "
                + "kept before this one"
        }
    }
}
