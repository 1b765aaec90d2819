/// An operational failure of the file system: the run cannot go on, whatever the data says.
public struct IOError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var operation: String
    /// The system's own description (strerror).
    public var reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}
