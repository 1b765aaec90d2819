/// Reads and checks `publication.deliver`: a list of targets, each `"type": "rsync"` or `"type": "command"`.
///
/// ```json
/// "deliver": [
///   { "name": "web", "type": "rsync", "host": "www.example.org", "user": "kompass", "path": "/srv/www/kompass",
///     "identityFile": "/etc/kompass/ssh/id_ed25519", "knownHostsFile": "/etc/kompass/ssh/known_hosts" },
///   { "name": "portal", "type": "command", "argv": ["/opt/portal/upload", "--dataset", "kompass"],
///     "environmentFromFiles": { "PORTAL_TOKEN": "/etc/kompass/portal-token" } } ]
/// ```
///
/// Secrets never stand in the configuration: a key that looks like one (`password`, `token`, `privateKey`, …),
/// an `environment` variable named like one, or a value that holds a private key is refused at its line and column.
enum DeliverySettingsReader {
    static func read(_ object: JSONObject, resolve: (String) -> String) throws(ConfigurationError) -> [DeliveryTarget] {
        guard object["deliver"] != nil else { return [] }
        var targets: [DeliveryTarget] = []
        for (index, element) in try object.array("deliver").enumerated() {
            let entry = try JSONObject(element, path: object.path, keyPath: object.key("deliver[\(index)]"))
            let target = try readTarget(entry, resolve: resolve)
            if targets.contains(where: { $0.name == target.name }) {
                throw entry.error("name", "the name '\(target.name)' is used by another target; give each target its own")
            }
            targets.append(target)
        }
        return targets
    }

    static let commonKeys: Set<String> = ["name", "type", "timeoutSeconds"]
    static let rsyncKeys: Set<String> = ["host", "user", "port", "path", "identityFile", "knownHostsFile", "rsyncProgram", "sshProgram"]
    static let commandKeys: Set<String> = ["argv", "environment", "environmentFromFiles", "workingDirectory"]

    private static func readTarget(_ entry: JSONObject, resolve: (String) -> String) throws(ConfigurationError) -> DeliveryTarget {
        try refuseInlineSecrets(entry)
        let name = try entry.string("name")
        guard name.utf8.allSatisfy({ isNameByte($0) }) else {
            throw entry.error("name", "'\(ShownText.value(name))' may hold only A-Z, a-z, 0-9, '-', '_' and '.'")
        }
        let type = try entry.string("type")
        var timeout = DeliveryTarget.defaultTimeoutSeconds
        if entry["timeoutSeconds"] != nil {
            timeout = try entry.integer("timeoutSeconds")
            guard (1...86_400).contains(timeout) else { throw entry.error("timeoutSeconds", "must be a whole number of seconds from 1 to 86400") }
        }
        switch type {
        case "rsync":
            try entry.allowOnly(commonKeys.union(rsyncKeys))
            return DeliveryTarget(name: name, kind: .rsync(try readRsync(entry, resolve: resolve)), timeoutSeconds: timeout)
        case "command":
            try entry.allowOnly(commonKeys.union(commandKeys))
            return DeliveryTarget(name: name, kind: .command(try readCommand(entry, resolve: resolve)), timeoutSeconds: timeout)
        default:
            throw entry.error("type", "'\(ShownText.value(type))' is not a kind of target; known: rsync (a web server's folder over SSH), "
                + "command (a program run with the changed files)")
        }
    }

    private static func readRsync(_ entry: JSONObject, resolve: (String) -> String) throws(ConfigurationError) -> RsyncDestination {
        let host = try entry.string("host")
        guard host.utf8.allSatisfy({ isNameByte($0) }), !host.hasPrefix("-"), !host.hasPrefix(".") else {
            throw entry.error("host", "'\(ShownText.value(host))' is not a host name (A-Z, a-z, 0-9, '-', '.'; "
                + "for an IPv6 address, name the host in ~/.ssh/config or /etc/hosts)")
        }
        let user = try entry.optionalString("user")
        if let user, user.isEmpty || !user.utf8.allSatisfy({ isNameByte($0) }) || user.hasPrefix("-") {
            throw entry.error("user", "'\(ShownText.value(user))' is not a user name (A-Z, a-z, 0-9, '-', '_', '.')")
        }
        var port: Int?
        if entry["port"] != nil {
            let number = try entry.integer("port")
            guard (1...65_535).contains(number) else { throw entry.error("port", "must be a port number from 1 to 65535") }
            port = number
        }
        var path = try entry.string("path")
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard path.hasPrefix("/"), path != "/", !path.unicodeScalars.contains(where: ShownText.needsEscape),
              !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            throw entry.error("path", "'\(ShownText.value(path))' must be an absolute folder on the server, not '/', "
                + "without '.' or '..' and without control characters")
        }
        var destination = RsyncDestination(host: host, user: user, port: port, path: path)
        destination.identityFile = try optionalProgramPath(entry, "identityFile", resolve: resolve)
        destination.knownHostsFile = try optionalProgramPath(entry, "knownHostsFile", resolve: resolve)
        destination.rsyncProgram = try optionalProgramPath(entry, "rsyncProgram", resolve: resolve, isProgram: true) ?? "rsync"
        destination.sshProgram = try optionalProgramPath(entry, "sshProgram", resolve: resolve, isProgram: true) ?? "ssh"
        return destination
    }

    private static func readCommand(_ entry: JSONObject, resolve: (String) -> String) throws(ConfigurationError) -> CommandInvocation {
        let elements = try entry.array("argv")
        var argv: [String] = []
        for (index, element) in elements.enumerated() {
            guard let text = element.string, !text.contains("\0") else {
                throw entry.error("argv[\(index)]", "must be a string")
            }
            if looksLikeInlineSecret(argument: text) {
                throw entry.error("argv[\(index)]", "looks like a secret given inline ('\(ShownText.value(text.prefix { $0 != "=" }))=…'); "
                    + "secrets are never read from the configuration: name a file in environmentFromFiles, or set the variable "
                    + "in the environment kompass runs in, and let the program read it from there")
            }
            argv.append(text)
        }
        guard let program = argv.first, !program.isEmpty else {
            throw entry.error("argv", "must name the program to run, then its arguments, e.g. [\"/usr/local/bin/upload\", \"--dataset\", \"kompass\"]")
        }
        if program.contains("/") { argv[0] = resolve(program) }
        var command = CommandInvocation(argv: argv)
        if let object = try entry.optionalObject("environment") {
            for name in object.keys {
                try checkVariableName(name, in: object)
                if looksLikeSecret(key: name) {
                    throw object.error(name, "names a secret; secrets are never read from the configuration: move the value into a "
                        + "file and name it in environmentFromFiles, or set \(name) in the environment kompass runs in")
                }
                command.environment[name] = try object.string(name)
            }
        }
        if let object = try entry.optionalObject("environmentFromFiles") {
            for name in object.keys {
                try checkVariableName(name, in: object)
                command.environmentFromFiles[name] = resolve(try object.string(name))
            }
        }
        command.workingDirectory = try entry.optionalString("workingDirectory").map(resolve)
        return command
    }

    private static func checkVariableName(_ name: String, in object: JSONObject) throws(ConfigurationError) {
        guard let first = name.utf8.first, !(48...57).contains(first),
              name.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "_") }) else {
            throw object.error(name, "is not an environment variable name (A-Z, a-z, 0-9 and '_', not starting with a digit)")
        }
        if name.hasPrefix("KOMPASS_") {
            throw object.error(name, "is set by kompass itself (KOMPASS_OUTPUT, KOMPASS_CHANGED_FILES, …); choose another name")
        }
    }

    /// A path the configuration names for rsync (a key or known_hosts file, a program): resolved against the
    /// configuration's folder, and quotable in rsync's `-e` command (no control characters, not both kinds of quote).
    private static func optionalProgramPath(_ entry: JSONObject, _ key: String, resolve: (String) -> String,
                                            isProgram: Bool = false) throws(ConfigurationError) -> String? {
        guard let text = try entry.optionalString(key) else { return nil }
        guard !text.isEmpty, !text.unicodeScalars.contains(where: ShownText.needsEscape), !(text.contains("'") && text.contains("\"")) else {
            throw entry.error(key, "'\(ShownText.value(text))' is not a usable path (empty, control characters, or both kinds of quote)")
        }
        return isProgram && !text.contains("/") ? text : resolve(text)
    }

    // MARK: - Secrets

    /// Words that make a key a secret's: `password`, `apiToken`, `private_key`, …
    static let secretWords = ["password", "passwd", "passphrase", "secret", "token", "privatekey", "apikey", "credential", "bearer"]

    /// Whether a key (or a variable's name) names a secret: its letters, lower-cased, hold one of `secretWords`.
    static func looksLikeSecret(key: String) -> Bool {
        let letters = String(String.UnicodeScalarView(key.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }))
        return secretWords.contains { letters.contains($0) }
    }

    /// `--password=…`, `token=…`: an argument that sets a secret's value (an option's name, then `=` and a value; a
    /// file's name, `--token-file=…`, is none).
    static func looksLikeInlineSecret(argument: String) -> Bool {
        guard let equals = argument.firstIndex(of: "="), argument.index(after: equals) != argument.endIndex else { return false }
        let name = argument[..<equals]
        return !name.isEmpty && name.utf8.allSatisfy(isNameByte) && !name.lowercased().hasSuffix("file")
            && looksLikeSecret(key: String(name))
    }

    /// Refuses keys that look like secrets and values that hold a private key, anywhere in the target.
    private static func refuseInlineSecrets(_ entry: JSONObject) throws(ConfigurationError) {
        for key in entry.keys where !commonKeys.contains(key) && !rsyncKeys.contains(key) && !commandKeys.contains(key) && looksLikeSecret(key: key) {
            throw entry.error(key, "looks like a secret given inline; secrets are never read from the configuration: "
                + "for SSH name the key's file in identityFile; for a command name a file in environmentFromFiles, "
                + "or set the variable in the environment kompass runs in")
        }
        for member in entry.members where holdsPrivateKey(member.value) {
            throw entry.error(member.key, "holds a private key; name the key's file in identityFile instead")
        }
    }

    private static func holdsPrivateKey(_ value: JSONValue) -> Bool {
        if let text = value.string { return text.contains("PRIVATE KEY-----") }
        if let elements = value.elements { return elements.contains(where: holdsPrivateKey) }
        if let members = value.members { return members.contains { holdsPrivateKey($0.value) } }
        return false
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (97...122).contains(byte) || (65...90).contains(byte) || (48...57).contains(byte)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
}
