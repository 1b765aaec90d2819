import Foundation

/// Checks a file's bytes as its writer writes them, on a thread of its own: the writer hands each flushed
/// chunk over (a copy; at most `capacity` wait), the checks take them in order, and `finish` waits for the
/// last one. The long outputs are thus checked while the pass goes on, never read back.
final class WrittenBytesCheck: @unchecked Sendable {
    private var checks: [any OutputCheck]
    private let queue: DispatchQueue
    private let room: DispatchSemaphore
    static let capacity = 16

    init(_ checks: [any OutputCheck], label: String) {
        self.checks = checks
        queue = DispatchQueue(label: "kompass.check.\(label)")
        room = DispatchSemaphore(value: WrittenBytesCheck.capacity)
    }

    /// Attaches the checks to `writer`: every chunk it writes from now on is checked.
    func attach(to writer: ByteFileWriter) {
        writer.observer = { [self] chunk in take(Array(chunk)) }
    }

    private func take(_ chunk: [UInt8]) {
        room.wait()
        queue.async { [self] in
            chunk.withUnsafeBytes { raw in
                for index in checks.indices { checks[index].feed(raw) }
            }
            room.signal()
        }
    }

    /// The problems found, once the writer has finished.
    func finish(projectCount: Int) -> [Finding] {
        queue.sync {
            var findings: [Finding] = []
            for index in checks.indices { findings += checks[index].finish(projectCount: projectCount) }
            return findings
        }
    }
}
