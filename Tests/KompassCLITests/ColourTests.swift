import Foundation
import Testing

/// Colour only on a terminal, never with NO_COLOR, never in a pipe. `script` (util-linux) gives the
/// binary a real pseudo-terminal.
@Suite struct ColourTests {
    static func onATerminal(_ environment: [String: String]) throws -> String {
        let command = "\(KompassProcess.binary.path) validate --config \(RunCommandTests.config) --as-of 2026-11-30"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env["TERM"] = "xterm"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func colouredOnATerminal() throws {
        let text = try Self.onATerminal([:])
        #expect(text.contains("\u{1B}[1;33mwarning\u{1B}[0m"), "\(text.prefix(300))")
    }

    @Test func plainWithNoColor() throws {
        let text = try Self.onATerminal(["NO_COLOR": "1"])
        #expect(text.contains("warning:"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func plainInAPipe() throws {
        let result = try KompassProcess.run(["validate", "--config", RunCommandTests.config, "--as-of", "2026-11-30"],
                                            environment: ["NO_COLOR": ""])
        #expect(result.standardOutput.contains("warning:"))
        #expect(!result.standardOutput.contains("\u{1B}["))
    }
}
