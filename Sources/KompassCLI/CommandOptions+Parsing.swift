/// Parsing a command's arguments with the declarations of `OptionTable` and the command's positional arguments.
extension CommandOptions {
    /// The options of `command` as given in `arguments` (the command line after the command's name).
    /// Unknown options, missing and refused values, and positional arguments where the command takes none are
    /// usage errors; the options a command cannot do without are checked by `checkRequired(of:)`, after `--help`.
    static func parse(_ arguments: ArraySlice<String>, for command: any KompassCommand.Type) throws -> CommandOptions {
        var options = CommandOptions()
        let name = command.name
        var scanner = ArgumentScanner(arguments, command: name.rawValue)
        while let argument = scanner.next() {
            let (given, inline) = argument.optionAndInlineValue
            guard given.hasPrefix("-") && given != "-" else {
                guard let positional = command.positional else {
                    throw UsageError(.unexpectedArgument(argument), command: name.rawValue)
                }
                positional.set(&options, argument)
                continue
            }
            guard let option = OptionTable.option(given, of: name) else {
                throw UsageError(.unknownOption(given, command: name.rawValue), command: name.rawValue)
            }
            options.given.insert(option.name)
            switch option.takes {
            case .nothing:
                try option.set(&options, "", &scanner)
            case .several:
                // `--retire a b`, `--retire a,b`, `--retire=a,b`, or the option repeated.
                let values = try inline.map { [$0] } ?? scanner.values(for: given)
                for value in values.flatMap({ $0.split(separator: ",") }) { try option.set(&options, String(value), &scanner) }
            default:
                let value = try inline ?? scanner.value(for: given)
                try option.check(value, command: name)
                try option.set(&options, value, &scanner)
            }
        }
        if options.quiet && options.verbose {
            throw UsageError(.exclusive("--quiet", "--verbose"), command: name.rawValue)
        }
        return options
    }

    /// Refuses a command line without an option its command cannot do without (`convert` without `--to`), in the
    /// order the table declares them.
    func checkRequired(of command: CommandName) throws {
        for option in OptionTable.options(of: command) where option.required && !given.contains(option.name) {
            throw UsageError(.missingOption(command: command.rawValue, option: option.usage), command: command.rawValue)
        }
    }
}
