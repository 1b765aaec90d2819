/// An operational failure of the file system: the run cannot go on, whatever the data says.
public struct IOError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var operation: String
    /// The system's own description (strerror).
    public var reason: String
    /// What to do about it, where kompass can say.
    public var hint: String?

    public init(path: String, operation: String, reason: String, hint: String? = nil) {
        self.path = path
        self.operation = operation
        self.reason = reason
        self.hint = hint
    }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}
