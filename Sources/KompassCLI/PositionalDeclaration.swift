import KompassCore

/// The arguments a command takes besides options (`validate`'s files, `help`'s command), declared with the command.
struct PositionalDeclaration: Sendable {
    /// `FILE...`, `COMMAND`.
    var name: String
    var help: Bilingual
    /// Completed as files (else as the command names).
    var isPath: Bool
    var set: @Sendable (_ options: inout CommandOptions, _ argument: String) -> Void
}
