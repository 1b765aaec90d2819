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

    /// The next argument, without taking it.
    func peek() -> String? {
        remaining.first
    }

    /// The values after an option that takes several (`--retire a b c`): every argument up to the next
    /// option; at least one.
    mutating func values(for option: String) throws -> [String] {
        var values: [String] = []
        while let next = remaining.first, !next.hasPrefix("-") {
            values.append(next)
            remaining.removeFirst()
        }
        guard !values.isEmpty else { throw UsageError(.missingValues(option: option), command: command) }
        return values
    }

    /// The value of the option just read; `--name=value` or `--name value`.
    mutating func value(for option: String) throws -> String {
        guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
            throw UsageError(.missingValue(option: option), command: command)
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
