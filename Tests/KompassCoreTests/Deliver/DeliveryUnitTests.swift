import Foundation
import Testing
@testable import KompassCore

/// The parts of delivery that need no server: what stays pending, the quoting of what ssh sends, the secret
/// heuristics, the bounds and masks on what a program prints, the parsing of rsync's and the prepare script's output.
@Suite struct DeliveryUnitTests {
    static let web = DeliveryTarget(name: "web", kind: .rsync(RsyncDestination(host: "h", path: "/srv/www")))

    @Test func pendingFilesAccumulateUntilADeliverySucceeds() {
        var records = DeliveryRecord.afterPublication(targets: [Self.web], previous: [:], changed: ["a.csv"], removed: [])
        #expect(records["web"]?.everything == true)
        let delivered = records["web"]!.delivered(at: "t1")
        records = DeliveryRecord.afterPublication(targets: [Self.web], previous: ["web": delivered], changed: ["a.csv", "b.rdf"], removed: ["old.csv"])
        let failed = records["web"]!.failed(at: "t2", message: "ssh: refused")
        #expect(failed.pending == ["a.csv", "b.rdf"] && failed.removed == ["old.csv"] && failed.failure?.attempts == 1)
        // A second publication adds to what is pending; a file that comes back is no longer removed.
        let again = DeliveryRecord.afterPublication(targets: [Self.web], previous: ["web": failed], changed: ["old.csv"], removed: ["b.rdf"])["web"]!
        #expect(again.pending == ["a.csv", "old.csv"] && again.removed == ["b.rdf"] && again.failure?.attempts == 1)
        #expect(again.failed(at: "t3", message: "x").failure?.attempts == 2)
        let done = again.delivered(at: "t4")
        #expect(!done.isPending && done.deliveredAt == "t4" && done.failure == nil)
        // Another destination under the same name starts over with the complete set; a target no longer configured is dropped.
        let moved = DeliveryTarget(name: "web", kind: .rsync(RsyncDestination(host: "other", path: "/srv/www")))
        #expect(DeliveryRecord.current(for: moved, in: ["web": done]).everything)
        #expect(DeliveryRecord.afterPublication(targets: [], previous: ["web": done], changed: [], removed: []).isEmpty)
    }

    /// What ssh sends is read by the remote shell: every word, whatever it holds, arrives as itself.
    @Test func quotedWordsArriveAsThemselves() throws {
        let words = ["plain", "with space", "it's", "$(touch /tmp/kompass-pwned)", "`id`", "a\"b", "new\nline", "", "*", "back\\slash", "-n"]
        let script = ShellWords.command(["printf", "%s\\0"] + words)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let received = String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(received == words)
    }

    @Test func secretLookingKeysAndArguments() {
        for key in ["password", "apiToken", "PORTAL_TOKEN", "private_key", "clientSecret", "passphrase", "API-KEY"] {
            #expect(DeliverySettingsReader.looksLikeSecret(key: key), "\(key)")
        }
        for key in ["identityFile", "knownHostsFile", "PORTAL_URL", "host", "path"] {
            #expect(!DeliverySettingsReader.looksLikeSecret(key: key), "\(key)")
        }
        #expect(DeliverySettingsReader.looksLikeInlineSecret(argument: "--password=hunter2"))
        #expect(DeliverySettingsReader.looksLikeInlineSecret(argument: "token=abc"))
        #expect(!DeliverySettingsReader.looksLikeInlineSecret(argument: "--token-file=/etc/kompass/token"))
        #expect(!DeliverySettingsReader.looksLikeInlineSecret(argument: "--dataset=kompass"))
        #expect(!DeliverySettingsReader.looksLikeInlineSecret(argument: "echo token $X = 1"))
    }

    @Test func whatAProgramPrintsIsMaskedEscapedAndBounded() throws {
        let shown = DeliveryWork.shownOutput("401 for key s3cr3t\u{1B}[2J\n", masking: ["s3cr3t"])
        #expect(shown == "401 for key [secret]\\u{1B}[2J")
        let child = ChildProcess(argv: ["/bin/sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x >&2; echo end >&2; exit 4"],
                                 environment: ["PATH": "/usr/bin:/bin"], timeoutSeconds: 10)
        let result = try child.run()
        #expect(result.status == 4 && !result.succeeded)
        #expect(result.standardError.hasSuffix("xxxend\n") && result.standardError.utf8.count < 9_000)
        #expect(result.standardError.hasPrefix("["))
    }

    @Test func aProgramOverItsTimeIsStopped() throws {
        let started = Date()
        let result = try ChildProcess(argv: ["sleep", "30"], environment: ["PATH": "/usr/bin:/bin"], timeoutSeconds: 1).run()
        #expect(result.timedOut && !result.succeeded)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aMissingProgramIsAStartFailure() {
        #expect(throws: ChildProcess.StartFailure.self) {
            try ChildProcess(argv: ["kompass-no-such-program"], environment: ["PATH": "/nonexistent"], timeoutSeconds: 1).run()
        }
    }

    @Test func rsyncAndPrepareOutputs() {
        #expect(RsyncDelivery.sentFiles(in: "cd+++++++++ ./\n<f+++++++++ a.csv\n<f.st...... b.rdf\n.d..t...... ./\n") == 2)
        #expect(RsyncDelivery.previousRelease(in: "previous=releases/20261205T021503Z-4711\n") == "20261205T021503Z-4711")
        #expect(RsyncDelivery.previousRelease(in: "previous=/elsewhere/set\n") == nil)
        #expect(RsyncDelivery.previousRelease(in: "previous=releases/../x\n") == nil)
        #expect(RsyncDelivery.previousRelease(in: "") == nil)
    }
}
