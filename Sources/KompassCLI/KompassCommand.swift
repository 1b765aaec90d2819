import KompassCore

/// One command of `kompass`: its name, its help, its positional arguments, its checks and its run. Its options are
/// the declarations of `OptionTable` that name it.
protocol KompassCommand {
    static var name: CommandName { get }
    /// One line for the overview and the man page: what it does.
    static var summary: Bilingual { get }
    /// The help's first paragraph, after `kompass NAME: `.
    static var description: Bilingual { get }
    /// The help's last paragraph (what happens on errors, exit codes); nil when there is nothing to add.
    static var notes: Bilingual? { get }
    /// The arguments it takes besides options; nil when it takes none.
    static var positional: PositionalDeclaration? { get }
    /// Refuses options that cannot go together; run after `--help` and the check of the required options.
    static func validate(_ options: CommandOptions) throws
    /// Does the work, prints, and says how it ended.
    static func run(_ options: CommandOptions) throws -> ExitCode
}

extension KompassCommand {
    static var notes: Bilingual? { nil }
    static var positional: PositionalDeclaration? { nil }
    static func validate(_ options: CommandOptions) throws {}

    /// The options it takes, in the table's order.
    static var options: [OptionDeclaration] { OptionTable.options(of: name) }
}
