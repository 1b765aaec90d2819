import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a fuzzing process works: the repository (for the configurations, mappings, register and XSD the targets
/// use, exactly as the shipped configuration names them) and a folder of its own in memory (/dev/shm) that
/// each input is written to, since the importers read files.
struct Workspace {
    /// The repository's folder: KOMPASS_ROOT, else the folder this file was compiled in, three levels up.
    let root: String
    /// This process's scratch folder, removed at exit.
    let scratch: String

    static func make() throws -> Workspace {
        let root: String
        if let given = getenv("KOMPASS_ROOT"), given.pointee != 0 {
            root = String(cString: given)
        } else {
            // …/Fuzz/Sources/KompassFuzz/Workspace.swift → …
            var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
            parts.removeLast(4)
            root = parts.joined(separator: "/")
        }
        guard FileManager.default.fileExists(atPath: root + "/config/kompass.json") else {
            throw SetupError("no config/kompass.json under \(root): set KOMPASS_ROOT to the repository's folder")
        }
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let scratch = "\(base)/kompass-fuzz-\(getpid())"
        try? FileManager.default.removeItem(atPath: scratch)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        Workspace.scratchToRemove = scratch
        atexit { Workspace.removeScratch() }
        return Workspace(root: root, scratch: scratch)
    }

    /// Removes this process's scratch folder (at exit; libFuzzer ends a crashing run with _exit, and
    /// scripts/fuzz removes what such a run leaves).
    static func removeScratch() {
        if let scratch = scratchToRemove { try? FileManager.default.removeItem(atPath: scratch) }
        scratchToRemove = nil
    }

    nonisolated(unsafe) private static var scratchToRemove: String?

    /// A path under the repository.
    func repo(_ relative: String) -> String { root + "/" + relative }

    /// A path under the scratch folder.
    func temp(_ relative: String) -> String { scratch + "/" + relative }
}

struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes `bytes` to `path` (created or truncated): the importers read files, so each input becomes one.
func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "kompass-fuzz: cannot write \(path)")
    var offset = 0
    while offset < bytes.count {
        let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        precondition(written > 0, "kompass-fuzz: cannot write \(path)")
        offset += written
    }
    close(fd)
}
