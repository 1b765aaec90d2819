import Foundation
import Testing

/// Delivery after publication (`publication.deliver`), end to end: the built binary delivers over a real OpenSSH
/// server on localhost (`SSHTestServer`) into a folder of the test's own, and runs a command target that logs
/// what it was given.
@Suite(.enabled(if: SSHTestServer.available, "needs sshd, ssh, ssh-keygen and rsync (scripts/install-test-deps)"))
struct DeliveryOverSSHTests {
    /// A publication folder, a server, the server's folder and a command target's log.
    final class Setup {
        let folder: TemporaryFolder
        let server: SSHTestServer
        let remote: String
        var log: String { folder.path("command.log") }

        init(sshProgram: String? = nil, remote: String = "www") throws {
            folder = try GuardCommandTests.folder()
            self.remote = folder.path(remote)
            server = try SSHTestServer(folder: folder.path("sshd"))
            var web: [String: Any] = ["name": "web", "type": "rsync", "host": "127.0.0.1", "port": server.port, "path": self.remote,
                                      "identityFile": server.identityFile, "knownHostsFile": server.knownHostsFile, "timeoutSeconds": 30]
            if let sshProgram { web["sshProgram"] = sshProgram }
            let log: [String: Any] = ["name": "log", "type": "command", "timeoutSeconds": 30,
                                      "argv": ["/bin/sh", "-c", "printf '%s|%s\\n' \"$KOMPASS_COMPLETE\" \"$(echo $KOMPASS_CHANGED_FILES)\" >> \"$1\"",
                                               "log", self.log]]
            try DeliveryTests.writeConfig(folder, deliver: [web, log])
        }

        func run(_ date: String = "2026-11-30", _ extra: [String] = []) throws -> KompassProcess.Result {
            try GuardCommandTests.run(folder, extra, date: date)
        }

        /// The files the server serves (`<remote>/current/…`).
        func served() throws -> [String: Data] { try DeliveryTests.files(in: remote + "/current") }
        func local() throws -> [String: Data] { try DeliveryTests.files(in: folder.path("out")) }
        func releases() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: remote + "/releases").sorted() }
        func current() throws -> String { try FileManager.default.destinationOfSymbolicLink(atPath: remote + "/current") }
        func logLines() -> [String] {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        func state() throws -> [String: Any] {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("out-kompass-state/state.json")))
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
        func record(_ target: String) throws -> [String: Any] {
            (try state()["deliveries"] as? [String: Any])?[target] as? [String: Any] ?? [:]
        }
        /// Adds a project: some files change, others (the context, the field list) do not.
        func change(_ id: String = "vorhaben-11") throws {
            try GuardCommandTests.csv(GuardCommandTests.ids + [id]).write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        }
    }

    /// (1) the first delivery serves the complete set; (2) a run with no change delivers nothing and says nothing;
    /// (3) a change sends only the changed files: the others are hard links to the previous release on the server.
    @Test func firstDeliveryThenNothingThenOnlyTheChanges() throws {
        let setup = try Setup()
        let first = try setup.run()
        #expect(first.exitCode == 0, "\(first.standardError)")
        let total = try setup.local().count
        #expect(first.standardOutput.contains("delivered to 'web' (rsync 127.0.0.1:\(setup.remote)): complete set, \(total) files, \(total) transferred"),
                "\(first.standardOutput)")
        #expect(try setup.served() == setup.local())
        #expect(try setup.current().hasPrefix("releases/"))
        #expect(setup.logLines().count == 1 && setup.logLines()[0].hasPrefix("1|"))
        #expect(try setup.record("web")["pending"] as? [String] == [])
        #expect(try setup.record("web")["failure"] == nil)

        // (2) Nothing changed: nothing contacted, nothing printed, no new release, no new line in the command's log.
        let releases = try setup.releases()
        let quiet = try setup.run()
        #expect(quiet.exitCode == 0, "\(quiet.standardError)")
        #expect(quiet.standardOutput.isEmpty && quiet.standardError.isEmpty, "\(quiet.standardOutput)\(quiet.standardError)")
        #expect(try setup.releases() == releases)
        #expect(setup.logLines().count == 1)

        // (3) A change: only the changed files cross the wire.
        let before = try setup.served()
        let previousRelease = try setup.current()
        try setup.change()
        let changed = try setup.run("2026-12-01")
        #expect(changed.exitCode == 0, "\(changed.standardError)")
        let now = try setup.local()
        let differing = now.keys.filter { before[$0] != now[$0] }.sorted()
        #expect(!differing.isEmpty && differing.count < total)
        #expect(changed.standardOutput.contains("delivered to 'web' (rsync 127.0.0.1:\(setup.remote)): \(differing.count) files changed, "
                                                + "0 removed, \(differing.count) transferred"), "\(changed.standardOutput)")
        #expect(try setup.served() == now)
        #expect(setup.logLines().last == "0|" + differing.joined(separator: " "))
        // Unchanged files are the previous release's inodes; changed ones are new. The previous release is kept.
        let newRelease = try setup.current()
        #expect(newRelease != previousRelease)
        for name in now.keys {
            let shared = try DeliveryTests.inode(setup.remote + "/" + newRelease + "/" + name)
                == DeliveryTests.inode(setup.remote + "/" + previousRelease + "/" + name)
            #expect(shared == !differing.contains(name), "\(name)")
        }
        #expect(try setup.releases() == [previousRelease, newRelease].map { String($0.dropFirst("releases/".count)) }.sorted())
    }

    /// (4) A server that refuses: exit 6, the local publication in place, the state records the target, what is pending
    /// and the error; the next run, with nothing changed, retries and succeeds; the one after is silent.
    @Test func aRefusingServerIsRetriedByTheNextRun() throws {
        let setup = try Setup()
        #expect(try setup.run().exitCode == 0)
        let before = try setup.served()
        setup.server.stop()
        try setup.change()
        let failed = try setup.run("2026-12-01")
        #expect(failed.exitCode == 6, "\(failed.standardError)")
        #expect(failed.standardError.contains("kompass: delivery to 'web' (rsync 127.0.0.1:\(setup.remote)) failed: prepare \(setup.remote) on 127.0.0.1 over ssh: exited with status 255"),
                "\(failed.standardError)")
        #expect(failed.standardError.contains("Connection refused"), "\(failed.standardError)")
        #expect(failed.standardError.contains("hint: check that 127.0.0.1 accepts the key"), "\(failed.standardError)")
        #expect(failed.standardError.contains("the next run retries it"), "\(failed.standardError)")
        #expect(!failed.standardError.contains("BEGIN OPENSSH PRIVATE KEY"))
        // The local publication is the new one; the server still serves the old set.
        let local = try setup.local()
        #expect(local != before)
        #expect(try String(contentsOfFile: setup.folder.path("out/projects.csv"), encoding: .utf8).contains("vorhaben-11"))
        #expect(try setup.served() == before)
        let record = try setup.record("web")
        let failure = record["failure"] as? [String: Any]
        #expect(failure?["attempts"] as? Int == 1)
        #expect((failure?["message"] as? String)?.contains("Connection refused") == true, "\(record)")
        #expect((record["pending"] as? [String])?.contains("projects.csv") == true, "\(record)")
        // The command target was delivered to in the same run; its record is clean. `status` says what is pending.
        #expect(try setup.record("log")["failure"] == nil)
        let status = try KompassProcess.run(["status", "--config", setup.folder.path("kompass.json")])
        #expect(status.standardOutput.contains("  web (rsync 127.0.0.1:\(setup.remote)): last delivered "), "\(status.standardOutput)")
        #expect(status.standardOutput.contains("files pending, 0 removed"), "\(status.standardOutput)")
        #expect(status.standardOutput.contains("    failed 1× (last "), "\(status.standardOutput)")
        #expect(status.standardOutput.contains("Connection refused; the next run retries"), "\(status.standardOutput)")

        try setup.server.start()
        let retried = try setup.run("2026-12-01")
        #expect(retried.exitCode == 0, "\(retried.standardError)")
        #expect(retried.standardOutput.contains("delivered to 'web'"), "\(retried.standardOutput)")
        #expect(!retried.standardOutput.contains("delivered to 'log'"), "\(retried.standardOutput)")
        #expect(try setup.served() == local)
        #expect(try setup.record("web")["failure"] == nil)
        #expect(try setup.record("web")["pending"] as? [String] == [])
        let silent = try setup.run("2026-12-01")
        #expect(silent.exitCode == 0 && silent.standardOutput.isEmpty && silent.standardError.isEmpty, "\(silent.standardOutput)\(silent.standardError)")
    }

    /// A server folder that cannot be made (its parent is a file: the server refuses, as it would for lack of rights;
    /// the tests run as root, whom rights do not stop): exit 6 with the server's own words, the local set published.
    @Test func aFolderTheServerCannotMakeFailsWithTheServersWords() throws {
        let setup = try Setup(remote: "plain-file/www")
        try "not a folder".write(toFile: setup.folder.path("plain-file"), atomically: true, encoding: .utf8)
        let result = try setup.run()
        #expect(result.exitCode == 6, "\(result.standardError)")
        #expect(result.standardError.contains("failed: prepare \(setup.remote) on 127.0.0.1 over ssh: exited with status 1"), "\(result.standardError)")
        #expect(result.standardError.contains("Not a directory"), "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: setup.folder.path("out/projects.csv")))
        #expect(try setup.record("web")["everything"] as? Bool == true)
        #expect(try setup.record("log")["failure"] == nil)
    }

    /// (5) kompass killed (SIGKILL) in the middle of an upload: the server serves one complete set (the previous one),
    /// the delivery stays pending, and the next run delivers the new set and clears what the killed one left.
    @Test func aKillDuringTheUploadLeavesTheServerServingOneCompleteSet() throws {
        // ssh that waits before it connects: every step of the delivery takes a moment, so the kill lands between
        // the start of the upload and the swap.
        let folder = try TemporaryFolder()
        let slowSSH = folder.path("slow-ssh")
        try "#!/bin/sh\nsleep 0.4\nexec /usr/bin/ssh \"$@\"\n".write(toFile: slowSSH, atomically: true, encoding: .utf8)
        chmod(slowSSH, 0o755)
        let setup = try Setup(sshProgram: slowSSH)
        #expect(try setup.run().exitCode == 0)
        let before = try setup.served()
        let beforeRelease = try setup.current()
        try setup.change()

        let process = Process()
        process.executableURL = KompassProcess.binary
        process.arguments = ["run", "--config", setup.folder.path("kompass.json"), "--as-of", "2026-12-01", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var incoming: String?
        while incoming == nil && process.isRunning && Date() < deadline {
            incoming = (try? FileManager.default.contentsOfDirectory(atPath: setup.remote + "/releases"))?.first { $0.hasPrefix(".incoming-") }
            if incoming == nil { usleep(2_000) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(incoming != nil, "the upload never started before the run ended")
        #expect(process.terminationReason == .uncaughtSignal)
        // The orphaned rsync may still finish its upload into the incoming folder; it is never served.
        usleep(600_000)
        #expect(try setup.current() == beforeRelease)
        #expect(try setup.served() == before)
        #expect(try String(contentsOfFile: setup.folder.path("out/projects.csv"), encoding: .utf8).contains("vorhaben-11"))
        #expect((try setup.record("web")["pending"] as? [String])?.contains("projects.csv") == true)

        let next = try setup.run("2026-12-01")
        #expect(next.exitCode == 0, "\(next.standardError)")
        #expect(try setup.served() == setup.local())
        #expect(try !setup.releases().contains { $0.hasPrefix(".incoming-") })
    }
}

/// Delivery by command without a server: secrets, what a failing command prints, the configuration's refusals,
/// and `--dry-run`.
@Suite struct DeliveryTests {
    /// Writes `kompass.json` with the deployment's publication settings and `deliver`.
    static func writeConfig(_ folder: TemporaryFolder, deliver: [[String: Any]]) throws {
        let root = KompassProcess.repositoryRoot.path
        let shared = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/config/kompass.json"))) as? [String: Any]
        var publication = shared?["publication"] as? [String: Any] ?? [:]
        publication["deliver"] = deliver
        let config: [String: Any] = [
            "version": 1, "output": "out", "publication": publication,
            "sources": [["path": "portfolio.csv", "format": "csv", "mapping": root + "/config/mappings/kompass-csv.json"]],
        ]
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: folder.path("kompass.json")))
    }

    static func files(in folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return result
    }

    static func inode(_ path: String) throws -> UInt64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return UInt64(info.st_ino)
    }

    /// A command that fails: exit 6; the secret read from its file is set for the program but masked in what it
    /// printed; its control characters escaped; the argv shown; the next run (nothing changed) runs it again with
    /// the same files.
    @Test func aFailingCommandIsReportedWithoutItsSecretAndRetried() throws {
        let folder = try GuardCommandTests.folder()
        try "tok-8841-very-secret\n".write(toFile: folder.path("token"), atomically: true, encoding: .utf8)
        try "fail".write(toFile: folder.path("mode"), atomically: true, encoding: .utf8)
        let script = """
            echo "upload refused for token $PORTAL_TOKEN \\033[31m red" >&2
            [ "$(cat "$1")" = ok ] || exit 3
            printf '%s\\n' "$KOMPASS_OUTPUT" "$KOMPASS_CHANGED_FILES" > "$2"
            """
        try Self.writeConfig(folder, deliver: [["name": "portal", "type": "command", "argv": ["/bin/sh", "-c", script, "portal", "mode", "delivered"],
                                           "workingDirectory": ".", "environmentFromFiles": ["PORTAL_TOKEN": "token"]]])
        let failed = try GuardCommandTests.run(folder)
        #expect(failed.exitCode == 6, "\(failed.standardError)")
        #expect(failed.standardError.contains("kompass: delivery to 'portal' (command /bin/sh -c "), "\(failed.standardError)")
        #expect(failed.standardError.contains("failed: run the command of the target 'portal': exited with status 3"), "\(failed.standardError)")
        #expect(failed.standardError.contains("upload refused for token [secret] \\u{1B}[31m red"), "\(failed.standardError)")
        #expect(!failed.standardError.contains("tok-8841"), "\(failed.standardError)")
        #expect(!failed.standardError.contains("\u{1B}"))
        let state = try String(contentsOfFile: folder.path("out-kompass-state/state.json"), encoding: .utf8)
        #expect(!state.contains("tok-8841"))
        #expect(state.contains("\"failure\""))
        #expect(FileManager.default.fileExists(atPath: folder.path("out/projects.csv")))

        try "ok".write(toFile: folder.path("mode"), atomically: true, encoding: .utf8)
        let retried = try GuardCommandTests.run(folder)
        #expect(retried.exitCode == 0, "\(retried.standardError)")
        let delivered = try String(contentsOfFile: folder.path("delivered"), encoding: .utf8).split(separator: "\n")
        // KOMPASS_OUTPUT: the published folder (its real path); KOMPASS_CHANGED_FILES: every file, a first delivery.
        #expect(delivered.first.map { $0.hasSuffix("/out") && FileManager.default.fileExists(atPath: $0 + "/projects.csv") } == true, "\(delivered)")
        #expect(delivered.contains("projects.csv") && delivered.contains("catalog.rdf"))
    }

    /// The example with both kinds of target reads (its secrets named by file only).
    @Test func theDeliveryExampleConfigurationReads() throws {
        let config = KompassProcess.repositoryRoot.appendingPathComponent("config/examples/deliver.json").path
        let result = try KompassProcess.run(["validate", "--config", config, "--as-of", "2026-11-30", "--quiet"])
        #expect(result.exitCode == 0, "\(result.standardError)")
    }

    /// `--dry-run` never delivers, and says so; a real run does (its JSON log has the delivery).
    @Test func aDryRunDeliversNothing() throws {
        let folder = try GuardCommandTests.folder()
        try Self.writeConfig(folder, deliver: [["name": "portal", "type": "command", "argv": ["/usr/bin/touch", folder.path("delivered")]]])
        let dry = try GuardCommandTests.run(folder, ["--dry-run"])
        #expect(dry.exitCode == 0, "\(dry.standardError)")
        #expect(dry.standardOutput.contains("dry run: nothing delivered to 'portal'; a run without --dry-run delivers"), "\(dry.standardOutput)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("delivered")))
        let real = try GuardCommandTests.run(folder, ["--log-format", "json"])
        #expect(real.exitCode == 0, "\(real.standardError)")
        #expect(real.standardError.contains(#""event": "delivery", "target": "portal""#), "\(real.standardError)")
        #expect(real.standardError.contains(#""outcome": "delivered", "complete": true"#), "\(real.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.path("delivered")))
    }

    /// Secrets never stand in the configuration: a key that looks like one, an `environment` variable named like
    /// one, an argument that sets one, a private key as a value. Each is a configuration error at its line and column.
    @Test(arguments: [
        (#"{"name": "p", "type": "command", "argv": ["/bin/true"], "apiToken": "abc"}"#, "apiToken: looks like a secret given inline"),
        (#"{"name": "p", "type": "command", "argv": ["/bin/true"], "environment": {"PORTAL_PASSWORD": "abc"}}"#,
         "environment.PORTAL_PASSWORD: names a secret"),
        (#"{"name": "p", "type": "command", "argv": ["/bin/upload", "--password=abc"]}"#, "argv[1]: looks like a secret given inline"),
        (#"{"name": "w", "type": "rsync", "host": "h", "path": "/srv", "password": "abc"}"#, "password: looks like a secret given inline"),
        (#"{"name": "w", "type": "rsync", "host": "h", "path": "/srv", "identityFile": "-----BEGIN OPENSSH PRIVATE KEY-----"}"#,
         "identityFile: holds a private key"),
        (#"{"name": "w", "type": "ftp", "host": "h"}"#, "type: 'ftp' is not a kind of target"),
        (#"{"name": "w", "type": "rsync", "host": "h", "path": "relative/www"}"#, "path: 'relative/www' must be an absolute folder"),
    ])
    func configurationRefusals(target: String, message: String) throws {
        let folder = try GuardCommandTests.folder()
        try Self.writeConfig(folder, deliver: [])
        var text = try String(contentsOfFile: folder.path("kompass.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"deliver\" : [\n\n    ]", with: "\"deliver\" : [\n" + target + "\n]")
            .replacingOccurrences(of: "\"deliver\" : []", with: "\"deliver\" : [\n" + target + "\n]")
        try text.write(toFile: folder.path("kompass.json"), atomically: true, encoding: .utf8)
        let result = try GuardCommandTests.run(folder)
        #expect(result.exitCode == 2, "\(result.standardError)")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("{\"name\"") }.map { $0 + 1 } ?? 0
        #expect(result.standardError.contains("kompass.json:\(line):"), "\(result.standardError)")
        #expect(result.standardError.contains("publication.deliver[0].\(message)"), "\(result.standardError)")
        #expect(!result.standardError.contains("abc\""))
    }
}
