import CLibFuzzer
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

/// How an importer target hands an input to the importer, which reads a path: half of the inputs (by their hash) as a
/// file, read in one chunk as a file under 64 kB always is; the other half through a pipe in packet mode, so that each
/// read(2) returns one small chunk (1 to 24 bytes and more for long inputs) and the importers' handling of values,
/// lines, quotes, escapes and UTF-8 sequences cut between two chunks is reached with small inputs. The chunks follow
/// from the input alone, so a reproducer replays exactly (KOMPASS_FUZZ_VERBOSE=1 prints them). The file is written in
/// both cases: a report's excerpts are read from it.
struct InputFile {
    /// The file every input is written to.
    let path: String

    /// A presented input: the path the importer reads, and the pipe behind it (closed by `close()`).
    struct Presented {
        let path: String
        let chunks: [Int]
        fileprivate let pipe: Int32?

        func close() {
            if let pipe { _ = Glibc.close(pipe) }
        }
    }

    /// Writes `bytes` to the file and, for half of the inputs, into a packet pipe.
    func present(_ bytes: UnsafeBufferPointer<UInt8>) -> Presented {
        writeFile(path, bytes)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // A pipe of 1 MiB holds 256 packets (each takes one of its pages, and holds at most 4 kB), all written before
        // the importer reads: at most 200 packets, so inputs over 256 kB (never fuzzed, only replayed) are files.
        guard hash & 1 == 1, !bytes.isEmpty, bytes.count <= 1 << 18 else {
            return Presented(path: path, chunks: [bytes.count], pipe: nil)
        }
        let largest = max(24, bytes.count / 100)
        var chunks: [Int] = []
        var state = hash
        var left = bytes.count
        while left > 0 {
            state = state &+ 0x9e37_79b9_7f4a_7c15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            mixed ^= mixed >> 31
            let size = min(left, 1 + Int(mixed % UInt64(largest)), 4096)
            chunks.append(size)
            left -= size
        }
        guard chunks.count <= 250 else { return Presented(path: path, chunks: [bytes.count], pipe: nil) }
        var ends: [Int32] = [0, 0]
        guard kompass_fuzz_packet_pipe(&ends) == 0 else { fatalError("kompass-fuzz: pipe2: \(errno)") }
        var offset = 0
        for size in chunks {
            let written = write(ends[1], bytes.baseAddress! + offset, size)
            precondition(written == size, "kompass-fuzz: a packet of \(size) bytes was written as \(written)")
            offset += size
        }
        _ = Glibc.close(ends[1])
        return Presented(path: "/proc/self/fd/\(ends[0])", chunks: chunks, pipe: ends[0])
    }
}
