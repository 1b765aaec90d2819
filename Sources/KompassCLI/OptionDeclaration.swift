import KompassCore

/// One option of the command line, declared once: the parser, the help, the man page and the bash completion all
/// read it from `OptionTable`. An option whose placeholder or meaning differs between commands (`--output DIR` of
/// `run`, `--output FILE` of `convert`) has one declaration per meaning, each naming its commands.
struct OptionDeclaration: Sendable {
    /// Sets what the option asks for; `value` is checked against `takes` first ("" for a flag). The scanner is
    /// there for an option that reads one more argument (`--report html FILE`).
    typealias Setter = @Sendable (_ options: inout CommandOptions, _ value: String, _ scanner: inout ArgumentScanner) throws -> Void

    /// `--config`.
    var name: String
    /// `-q` for `--quiet`.
    var shortName: String?
    /// The value's placeholder in the usage and the help (`PATH`, `text|json`); nil for a flag.
    var valueName: String?
    var takes: Takes
    /// May be given more than once (each adds to the others).
    var repeatable: Bool
    /// The commands that take it.
    var commands: [CommandName]
    /// The command cannot do without it (`convert --to`).
    var required: Bool
    /// How the usage line shows it, when not as `[--name VALUE]`; "" when another option's part shows it
    /// (`--format` in `[--source FILE [--format F]]...`).
    var synopsis: String?
    /// What it does, one line (the help wraps longer ones).
    var help: Bilingual
    /// A value after which the option reads one more argument, and what that takes (`--report html FILE`: a file).
    var followedBy: (value: String, takes: Takes)?
    var set: Setter

    init(_ name: String, short: String? = nil, _ valueName: String? = nil, takes: Takes, repeatable: Bool = false,
         required: Bool = false, for commands: [CommandName], synopsis: String? = nil, help: Bilingual,
         followedBy: (value: String, takes: Takes)? = nil, set: @escaping Setter) {
        self.name = name
        self.shortName = short
        self.valueName = valueName
        self.takes = takes
        self.repeatable = repeatable
        self.commands = commands
        self.required = required
        self.synopsis = synopsis
        self.help = help
        self.followedBy = followedBy
        self.set = set
    }

    /// What an option takes after its name.
    enum Takes: Sendable, Equatable {
        /// Nothing: a flag.
        case nothing
        /// Any word.
        case word
        /// A file's path (completed as a file).
        case file
        /// A folder's path (completed as a folder).
        case directory
        /// One of `words`; `also` are taken too, but not named when a value is refused (`--report html FILE`).
        case oneOf([String], also: [String] = [])
        /// A whole number from `minimum`.
        case wholeNumber(from: Int)
        /// A calendar date `YYYY-MM-DD`.
        case date
        /// Every argument up to the next option, each split at commas (`--retire a b,c`); at least one.
        case several
    }

    /// `--quiet, -q`, or `--config PATH`: how the help and the man page name it.
    var heading: String {
        [name + (shortName.map { ", " + $0 } ?? ""), valueName].compactMap { $0 }.joined(separator: " ")
    }

    /// `--config PATH`: how the usage line and a missing option's error name it.
    var usage: String {
        [name, valueName].compactMap { $0 }.joined(separator: " ")
    }

    /// The words a completion offers for its value; nil where any word (or a path) goes.
    var completions: [String]? {
        if case .oneOf(let words, let also) = takes { return words + also }
        return nil
    }

    /// Refuses a value the option does not take, in the usage error's words.
    func check(_ value: String, command: CommandName) throws {
        let expected: UsageError.Expected
        switch takes {
        case .oneOf(let words, let also):
            if words.contains(value) || also.contains(value) { return }
            expected = .oneOf(words)
        case .wholeNumber(let minimum):
            if let number = Int(value), number >= minimum { return }
            expected = .wholeNumber(from: minimum)
        case .date:
            if CalendarDate(iso: value) != nil || Timestamp(iso8601: value) != nil { return }
            expected = .date
        case .nothing, .word, .file, .directory, .several:
            return
        }
        throw UsageError(.invalidValue(option: name, value: value, expected: expected), command: command.rawValue)
    }
}
