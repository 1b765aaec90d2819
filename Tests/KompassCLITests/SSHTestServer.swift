import Foundation

/// An OpenSSH server of the test's own on a free loopback port, as the current user: its own host key, a
/// throw-away ed25519 client key, `AuthorizedKeysFile` and `PidFile` in the test's folder, and a known_hosts file
/// with its host key, so that kompass's ssh checks the host key as in production.
final class SSHTestServer {
    static let sshd = "/usr/sbin/sshd"

    /// Why the server cannot run here (no sshd, ssh, ssh-keygen or rsync), or nil.
    static var unavailableReason: String? {
        for program in [sshd, "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/bin/rsync"] where !FileManager.default.isExecutableFile(atPath: program) {
            return "\(program) is missing (scripts/install-test-deps installs openssh-server, openssh-client and rsync)"
        }
        return nil
    }

    static var available: Bool {
        if let reason = unavailableReason { print("skipped: delivery over SSH: \(reason)") }
        return unavailableReason == nil
    }

    let folder: String
    let port: Int
    var identityFile: String { folder + "/client_ed25519" }
    var knownHostsFile: String { folder + "/known_hosts" }

    init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        port = try SSHTestServer.freePort()
        try SSHTestServer.call("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", folder + "/host_ed25519"])
        try SSHTestServer.call("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", identityFile])
        try FileManager.default.copyItem(atPath: identityFile + ".pub", toPath: folder + "/authorized_keys")
        let hostKey = try String(contentsOfFile: folder + "/host_ed25519.pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        try "[127.0.0.1]:\(port) \(hostKey)\n".write(toFile: knownHostsFile, atomically: true, encoding: .utf8)
        let config = """
            ListenAddress 127.0.0.1
            HostKey \(folder)/host_ed25519
            AuthorizedKeysFile \(folder)/authorized_keys
            PidFile \(folder)/sshd.pid
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            LogLevel ERROR

            """
        try config.write(toFile: folder + "/sshd_config", atomically: true, encoding: .utf8)
        // sshd started as root wants its privilege separation folder.
        if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        try start()
    }

    deinit { stop() }

    /// Starts sshd and waits until it accepts connections. sshd runs as a daemon (its starting process exits at
    /// once), stopped by the pid in its PidFile: Foundation's process monitor blocks on a child that keeps running
    /// while other children end, so no test keeps sshd as its child.
    func start() throws {
        try? FileManager.default.removeItem(atPath: pidFile)
        try SSHTestServer.call(SSHTestServer.sshd, ["-f", folder + "/sshd_config", "-p", String(port)])
        let deadline = Date().addingTimeInterval(10)
        while !SSHTestServer.accepts(port) || pid == nil {
            guard Date() < deadline else { throw Failure(message: "sshd did not start on port \(port)") }
            usleep(20_000)
            pid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }

    private var pidFile: String { folder + "/sshd.pid" }
    /// The daemon's process id (kept: the test's folder, and the PidFile with it, may be gone when the server stops).
    private var pid: Int32?

    /// Stops sshd (the server refuses every connection until `start`), and waits until it is gone.
    func stop() {
        guard let pid, pid > 1 else { return }
        self.pid = nil
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(10_000) }
        try? FileManager.default.removeItem(atPath: pidFile)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func call(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(message: "\(program) \(arguments) exited \(process.terminationStatus)") }
    }

    /// A port the system has just handed out (bound to port 0, then closed).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// 127.0.0.1:`port`.
    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
