import Foundation
import KompassCore

/// Dispatches the command line to a command and maps its outcome to an exit code.
enum Commands {
    /// Every command, in `CommandName`'s order.
    static var all: [any KompassCommand.Type] { CommandName.allCases.map(command) }

    /// The type of the command `name`.
    static func command(_ name: CommandName) -> any KompassCommand.Type {
        switch name {
        case .run: RunCommand.self
        case .validate: ValidateCommand.self
        case .diff: DiffCommand.self
        case .status: StatusCommand.self
        case .convert: ConvertCommand.self
        case .generate: GenerateCommand.self
        case .rules: RulesCommand.self
        case .help: HelpCommand.self
        }
    }

    static func main(_ arguments: [String]) -> ExitCode {
        var rest = arguments.dropFirst()
        // Help and errors speak the run's language even when the options cannot be parsed: a valid --lang
        // anywhere on the command line, else the locale. Once parsed, the options name the same language.
        let language = CommandOptions.language(of: rest)
        var command: any KompassCommand.Type = RunCommand.self
        switch rest.first {
        case "--version": Terminal.printOut(HelpText.version); return .success
        case "--help", "-h": Terminal.printOut(HelpText.overview.text(in: language)); return .success
        case nil: break
        case let first? where first.hasPrefix("-"): break
        case let first?:
            guard let name = CommandName(rawValue: first) else {
                UsageError(.unknownCommand(first), command: nil).lines(in: language).forEach(Terminal.printError)
                return .usage
            }
            command = self.command(name)
            rest = rest.dropFirst()
        }
        do {
            let options = try CommandOptions.parse(rest, for: command)
            if options.showHelp {
                Terminal.printOut(HelpText.help(of: command).text(in: options.language))
                return .success
            }
            try options.checkRequired(of: command.name)
            try command.validate(options)
            return try command.run(options)
        } catch let error as UsageError {
            error.lines(in: language).forEach(Terminal.printError)
            return .usage
        } catch {
            let failure = Failure(error, publishes: command.name == .run)
            failure.lines(in: language).forEach(Terminal.printError)
            return failure.exitCode
        }
    }
}
