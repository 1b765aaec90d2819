/// The commands of `kompass`, in the order the help, the man page and the completion list them.
enum CommandName: String, CaseIterable, Sendable {
    case run, validate, diff, status, convert, generate, rules, help
}
