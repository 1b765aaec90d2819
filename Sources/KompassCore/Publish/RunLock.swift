public import Foundation

/// The lock that lets one run at a time publish into an output folder.
///
/// `flock(2)` on a lock file in the state folder: the kernel releases it when the process ends, however
/// it ends (SIGKILL included), so a lock left by a killed run is never stale: the next run takes it
/// over, and says so. The file names the holder (pid and start time) for the message a second run prints.
public final class RunLock {
    public let path: String
    private let descriptor: Int32
    /// The holder recorded in the file when this run took it over from a run that had ended.
    public let previousHolder: Holder?

    public struct Holder: Sendable, Equatable, CustomStringConvertible {
        public var pid: Int32
        public var started: String

        public var description: String { "pid \(pid), started \(started)" }
    }

    /// Takes the lock, or throws `LockError.held` naming the run that holds it.
    /// `outputDirectory`: the output folder the user named, when the state folder is the one beside it.
    public init(directory: String, outputDirectory: String? = nil, now: Date = Date()) throws {
        try FolderMaker.create(directory, role: .state, given: outputDirectory)
        path = (directory as NSString).appendingPathComponent("kompass.lock")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError(path: path, operation: "open", reason: String(cString: strerror(errno))) }
        let recorded = RunLock.readHolder(fd)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            // The holder writes its name right after taking the lock: read it now, briefly waiting for it.
            var holder = RunLock.readHolder(fd)
            for _ in 0..<50 where holder == nil && reason == EWOULDBLOCK {
                usleep(2_000)
                holder = RunLock.readHolder(fd)
            }
            close(fd)
            if reason == EWOULDBLOCK { throw LockError.held(path: path, holder: holder) }
            throw IOError(path: path, operation: "lock", reason: String(cString: strerror(reason)))
        }
        descriptor = fd
        previousHolder = recorded
        let started = ISO8601DateFormatter().string(from: now)
        let text = "\(getpid()) \(started)\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        _ = fsync(fd)
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readHolder(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingWhitespace()
        let parts = text.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let pid = Int32(parts[0]) else { return nil }
        return Holder(pid: pid, started: String(parts[1]).trimmingCharacters(in: .newlines))
    }
}

/// Another run holds the lock: this one publishes nothing and exits at once (exit code 4).
public enum LockError: Error, Sendable, Equatable, CustomStringConvertible {
    case held(path: String, holder: RunLock.Holder?)

    public var description: String { description(in: .en) }

    /// The message in `language`.
    public func description(in language: ReportLanguage) -> String {
        switch self {
        case .held(let path, let holder):
            if language == .de {
                let who = holder.map { "ein anderer kompass-Lauf (PID \($0.pid), gestartet \($0.started))" } ?? "ein anderer kompass-Lauf"
                return "\(who) publiziert gerade; dieser Lauf hält an, ohne etwas zu ändern (Sperre: \(path))"
            }
            let who = holder.map { "another kompass run (\($0))" } ?? "another kompass run"
            return "\(who) is publishing; this run stops without changing anything (lock: \(path))"
        }
    }
}
