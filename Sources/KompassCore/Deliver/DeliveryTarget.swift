/// One target of `publication.deliver`: where a successful publication is delivered to, after the exchange,
/// with the files that changed since the last delivery to it.
///
/// The configuration names secrets only by where they are (`identityFile`, `environmentFromFiles`, or the
/// environment kompass runs in), never by value: `DeliverySettingsReader` refuses keys that look like secrets.
public struct DeliveryTarget: Sendable, Equatable {
    /// The target's name in messages and in the state (`deliveries` in `state.json`); unique in the configuration.
    public var name: String
    public var kind: Kind
    /// How long one attempt may take before the child process is stopped and the delivery counts as failed.
    public var timeoutSeconds: Int
    public static let defaultTimeoutSeconds = 900

    public enum Kind: Sendable, Equatable {
        case rsync(RsyncDestination)
        case command(CommandInvocation)
    }

    public init(name: String, kind: Kind, timeoutSeconds: Int = DeliveryTarget.defaultTimeoutSeconds) {
        self.name = name
        self.kind = kind
        self.timeoutSeconds = timeoutSeconds
    }

    /// What the target delivers to, in words the state keeps: a target whose destination changes starts over with
    /// the complete set (`rsync kompass@host:/srv/www/kompass`, `command /opt/portal/upload`).
    public var destination: String {
        switch kind {
        case .rsync(let remote): "rsync \(remote.sshDestination):\(remote.path)"
        case .command(let command): "command " + command.argv.joined(separator: " ")
        }
    }
}

/// A web server's folder reached by `rsync` over SSH (`"type": "rsync"`). The web server serves
/// `<path>/current`, a symbolic link to `<path>/releases/<id>` that a delivery replaces in one step.
public struct RsyncDestination: Sendable, Equatable {
    public var host: String
    public var user: String?
    public var port: Int?
    /// The folder on the server that holds `current` and `releases/` (absolute).
    public var path: String
    /// The SSH private key (a file; never the key itself). Without it, ssh's own defaults and agent.
    public var identityFile: String?
    /// The server's host key (`known_hosts` format); without it, the user's own known_hosts. Host keys are always
    /// checked: an unknown or changed key fails the delivery.
    public var knownHostsFile: String?
    /// The programs to run (an absolute path or a name on the PATH).
    public var rsyncProgram = "rsync"
    public var sshProgram = "ssh"

    public init(host: String, user: String? = nil, port: Int? = nil, path: String, identityFile: String? = nil,
                knownHostsFile: String? = nil) {
        self.host = host
        self.user = user
        self.port = port
        self.path = path
        self.identityFile = identityFile
        self.knownHostsFile = knownHostsFile
    }

    /// `user@host`, or `host`.
    public var sshDestination: String { user.map { "\($0)@\(host)" } ?? host }
}

/// A program run with the changed files in its environment (`"type": "command"`), as an argv list: no shell.
public struct CommandInvocation: Sendable, Equatable {
    /// The program (an absolute path or a name on the PATH) and its arguments.
    public var argv: [String]
    /// Variables set for the program, with values that are no secrets.
    public var environment: [String: String] = [:]
    /// Variables set for the program from the contents of files (tokens, passwords): name → file. The values are
    /// read at delivery, never logged, and masked in what the program prints.
    public var environmentFromFiles: [String: String] = [:]
    /// The folder the program runs in; by default kompass's own.
    public var workingDirectory: String?

    public init(argv: [String]) {
        self.argv = argv
    }
}
