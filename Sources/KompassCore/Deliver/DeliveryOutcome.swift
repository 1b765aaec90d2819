/// What one delivery attempt did: the target, what it delivered, the commands it ran (argv, no secret values),
/// and, when it failed, what failed and what to do.
public struct DeliveryOutcome: Sendable, Equatable {
    public var target: String
    /// The target's destination (`rsync kompass@host:/srv/www/kompass`, `command /opt/portal/upload`).
    public var destination: String
    /// Whether the complete set was delivered (a first delivery) rather than the changes.
    public var everything: Bool
    /// The files that were pending for the target: changed or added, and removed.
    public var pending: [String]
    public var removed: [String]
    /// How many files went over the wire (rsync: the files it sent; a command: the pending ones).
    public var transferred: Int
    /// The commands run, in order, each as its argv shown for a shell (`ShellWords.shown`), without secret values.
    public var commands: [String] = []
    /// Nil when the delivery succeeded.
    public var failure: DeliveryFailure?
    public var seconds: Double = 0

    public var succeeded: Bool { failure == nil }
}

/// Why a delivery failed: the step that failed, the reason, what the program printed (escaped, bounded, secrets
/// masked), and what to do.
public struct DeliveryFailure: Error, Sendable, Equatable {
    /// What was tried, in words (`prepare the server's folder over ssh`, `upload with rsync`, `run the command`).
    public var step: String
    /// The command that failed, as shown (argv, no secret values), when one ran.
    public var command: String?
    /// Why it failed (`exited with status 255`, `took longer than 900 s and was stopped`).
    public var reason: String
    /// The end of what the program printed on standard error, controls escaped and secrets masked.
    public var detail: String
    public var hint: String

    public init(step: String, command: String? = nil, reason: String, detail: String = "", hint: String) {
        self.step = step
        self.command = command
        self.reason = reason
        self.detail = detail
        self.hint = hint
    }

    /// One line for the state: `step: reason: first line of the detail`.
    public var summary: String {
        let firstLine = detail.split(separator: "\n").last.map { ": " + $0 } ?? ""
        return ShownText.message("\(step): \(reason)\(firstLine)", limit: 500)
    }
}
