/// A configuration that cannot be used: the run stops before reading any source (exit code 2).
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The key path inside the file, e.g. `publication.contact.email`; empty for the file as a whole.
    public var keyPath: String
    public var message: String

    public init(path: String, keyPath: String, message: String) {
        self.path = path
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        keyPath.isEmpty ? "\(path): \(message)" : "\(path): \(keyPath): \(message)"
    }
}
