import Foundation

/// A program run for a delivery: an argv list (no shell), its own environment, a time limit, and what it
/// prints captured up to a bound (a program that prints without end never fills kompass's memory).
struct ChildProcess {
    var argv: [String]
    /// The complete environment of the program.
    var environment: [String: String]
    var workingDirectory: String?
    var timeoutSeconds: Int
    /// The most bytes kept of standard output (the first ones) and of standard error (the last ones).
    var outputLimit = 1 << 20
    var errorLimit = 8 * 1_024

    /// How the program ended.
    struct Result {
        /// The exit status, or the signal's number when `signalled`.
        var status: Int32
        var signalled: Bool
        var timedOut: Bool
        var standardOutput: String
        /// The end of what the program printed on standard error.
        var standardError: String
        var succeeded: Bool { status == 0 && !signalled && !timedOut }
    }

    /// Why the program could not be started.
    struct StartFailure: Error {
        var reason: String
    }

    func run() throws(StartFailure) -> Result {
        guard let program = argv.first else { throw StartFailure(reason: "no program named") }
        guard let executable = ChildProcess.locate(program, path: environment["PATH"]) else {
            throw StartFailure(reason: program.contains("/") ? "\(program) does not exist or is not executable"
                                                            : "\(program) is not on the PATH (\(environment["PATH"] ?? ""))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(argv.dropFirst())
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let outputCapture = Capture(limit: outputLimit, keepsEnd: false), errorCapture = Capture(limit: errorLimit, keepsEnd: true)
        let readers = DispatchGroup()
        for (pipe, capture) in [(output, outputCapture), (error, errorCapture)] {
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async(group: readers) {
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    capture.append(data)
                }
            }
        }
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do {
            try process.run()
        } catch {
            throw StartFailure(reason: "\(executable) cannot be started: \(ConfigurationLoader.reason(error))")
        }
        // Our copies of the pipes' write ends: closed, so that the readers see the end when the program ends.
        try? output.fileHandleForWriting.close()
        try? error.fileHandleForWriting.close()
        var timedOut = false
        if ended.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            timedOut = true
            process.terminate()
            if ended.wait(timeout: .now() + .seconds(5)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                ended.wait()
            }
        }
        // A grandchild that keeps the pipes open (a program's own background child) does not hold the run.
        _ = readers.wait(timeout: .now() + .seconds(5))
        return Result(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
                      standardOutput: outputCapture.text, standardError: errorCapture.text)
    }

    /// The executable `program` names: itself when it holds a `/`, else the first match on `path`.
    static func locate(_ program: String, path: String?) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = (String(folder) as NSString).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The bytes of one stream, up to a bound: the first ones, or the last ones.
    private final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()
        private var dropped = 0
        let limit: Int
        let keepsEnd: Bool

        init(limit: Int, keepsEnd: Bool) {
            self.limit = limit
            self.keepsEnd = keepsEnd
        }

        func append(_ data: Data) {
            lock.lock()
            defer { lock.unlock() }
            if keepsEnd {
                bytes.append(data)
                if bytes.count > 2 * limit {
                    dropped += bytes.count - limit
                    bytes = Data(bytes.suffix(limit))
                }
            } else {
                let room = max(0, limit - bytes.count)
                bytes.append(data.prefix(room))
                dropped += data.count - min(room, data.count)
            }
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            var kept = bytes
            var cut = dropped
            if kept.count > limit {
                cut += keepsEnd ? kept.count - limit : 0
                kept = keepsEnd ? Data(kept.suffix(limit)) : Data(kept.prefix(limit))
            }
            let text = String(decoding: kept, as: UTF8.self)
            guard cut > 0 else { return text }
            return keepsEnd ? "[\(cut) bytes before this left out]\n" + text : text + "\n[\(cut) more bytes left out]"
        }
    }
}
