/// Walks the arguments of one command: options with values, flags, and positional arguments.
/// Unknown options and missing values are usage errors.
struct ArgumentScanner {
    private var remaining: ArraySlice<String>
    let command: String

    init(_ arguments: ArraySlice<String>, command: String) {
        remaining = arguments
        self.command = command
    }

    /// The next argument, or nil at the end.
    mutating func next() -> String? {
        remaining.popFirst()
    }

    /// The value of the option just read; `--name=value` or `--name value`.
    mutating func value(for option: String) throws -> String {
        guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
            throw UsageError(message: "\(option) needs a value", command: command)
        }
        return value
    }
}

extension String {
    /// Splits `--name=value` into its parts.
    var optionAndInlineValue: (option: String, value: String?) {
        guard hasPrefix("--"), let equals = firstIndex(of: "=") else { return (self, nil) }
        return (String(self[..<equals]), String(self[index(after: equals)...]))
    }
}
