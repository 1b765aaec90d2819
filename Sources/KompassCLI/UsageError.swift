/// A command line that cannot be run as given: a one-line reason and the command whose help applies.
struct UsageError: Error {
    var message: String
    var command: String?
}
