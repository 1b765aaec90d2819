import KompassCore

/// `kompass help [COMMAND]`: the overview or a command's help; `--man` and `--completion bash` print the manual
/// page and the completion script that `scripts/install` installs.
enum HelpCommand: KompassCommand {
    static let name = CommandName.help
    static let summary = Bilingual(en: "this overview, a command's help, the man page or the bash completion",
                                   de: "diese Übersicht, die Hilfe eines Befehls, die Handbuchseite oder die Vervollständigung für bash")
    static let description = Bilingual(en: """
    print the overview, or the help of COMMAND (the same as kompass COMMAND --help).
    kompass help --man prints the manual page kompass(1), kompass help --completion bash the bash completion script.
    """, de: """
    die Übersicht ausgeben, oder die Hilfe von COMMAND (dasselbe wie kompass COMMAND --help).
    kompass help --man gibt die Handbuchseite kompass(1) aus, kompass help --completion bash das Skript, das bash vervollständigen lässt.
    """)
    static let notes: Bilingual? = Bilingual(en: """
    scripts/install installs both; by hand, write the man page to man1/kompass.1 in a manual folder (such as
    /usr/local/share/man) and the completion to /etc/bash_completion.d/kompass.
    """, de: """
    scripts/install installiert beide; von Hand schreibt man die Handbuchseite nach man1/kompass.1 in einem
    Handbuchordner (etwa /usr/local/share/man) und die Vervollständigung nach /etc/bash_completion.d/kompass.
    """)
    static let positional: PositionalDeclaration? = PositionalDeclaration(
        name: "COMMAND", help: Bilingual(en: "the command whose help to print", de: "der Befehl, dessen Hilfe ausgegeben wird"),
        isPath: false
    ) { options, argument in
        // `kompass help run --lang de`: the topic is the first argument besides the options.
        if options.helpTopic == nil { options.helpTopic = argument }
    }

    static func validate(_ options: CommandOptions) throws {
        if options.manPage && options.completionShell != nil {
            throw UsageError(.exclusive("--man", "--completion"), command: name.rawValue)
        }
    }

    static func run(_ options: CommandOptions) throws -> ExitCode {
        if options.manPage {
            Terminal.printOut(ManPage().text)
        } else if options.completionShell != nil {
            Terminal.printOut(BashCompletion().script)
        } else if let topic = options.helpTopic.flatMap(CommandName.init(rawValue:)) {
            Terminal.printOut(HelpText.help(of: Commands.command(topic)).text(in: options.language))
        } else {
            // No command, or a word that names none: the overview, as `kompass --help`.
            Terminal.printOut(HelpText.overview.text(in: options.language))
        }
        return .success
    }
}
