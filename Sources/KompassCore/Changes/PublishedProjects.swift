import Foundation

/// The projects of the last publication, as a run needs them: an index of the state's projects list
/// (`StateListFile`), never the snapshots themselves. Per published project it keeps the hash of its record's
/// line and where the line starts in the file, and per identifier (by a 64-bit hash) the position of its first
/// project: about 30 bytes per project. A project whose line hash equals the one published is unchanged (the
/// line holds every published value); the snapshot of one that changed is read back from the file, at its
/// offset, to say what changed.
///
/// Two identifiers with the same 64-bit hash are told apart by reading the snapshot: the index then finds the
/// identifier by reading the file through (`match`); at a million projects this happens about once in
/// thirty million runs (and a removed project whose identifier's hash another published identifier shares
/// would go unreported as removed).
public final class PublishedProjects {
    /// How many projects the last publication had.
    public let count: Int
    private let path: String?
    /// The hash of each project's line, in list order.
    private var lineHashes: [UInt64] = []
    /// Where each line starts, and after the last one, where the file ends.
    private var offsets: [UInt64] = [0]
    /// The position of each identifier's first project, by the identifier's hash.
    private var positions: [UInt64: Int32] = [:]
    private var descriptor: Int32 = -1
    /// A list written for this index alone (of snapshots held in memory), removed with it.
    private var ownsFile = false

    /// No publication yet.
    public init() {
        count = 0
        path = nil
    }

    /// Indexes the list file `reference` names in `directory`, reading it through once (and checking it).
    init(reference: StateListFile.Reference, in directory: String) throws {
        path = try StateListFile.path(of: reference, in: directory)
        count = reference.count
        lineHashes.reserveCapacity(count)
        offsets.reserveCapacity(count + 1)
        positions.reserveCapacity(count)
        var position: Int32 = 0
        try StateListFile.readLines(reference, in: directory) { line, offset in
            lineHashes.append(Self.lineHash(line))
            offsets.append(UInt64(offset + line.count + 1))
            let id = line.firstIndex(of: 0x09).map { UnsafeRawBufferPointer(rebasing: line[..<$0]) } ?? line
            let key = Self.idHash(id)
            if positions[key] == nil { positions[key] = position }
            position += 1
        }
    }

    /// The projects of `snapshots` (a state of version 1, which held them inline; tests): written to a list
    /// file of the temporary folder for this index, and indexed.
    public convenience init(_ snapshots: [ProjectSnapshot]) throws {
        let directory = NSTemporaryDirectory()
        let reference = try StateListFile.write(kind: "projects-index-\(UInt32.random(in: 0 ... .max))", in: directory,
                                                records: snapshots.lazy.map(\.stateFields))
        try self.init(reference: reference, in: directory)
        ownsFile = true
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if ownsFile, let path { unlink(path) }
    }

    /// The hash that stands for a record's line (its first 8 bytes of SHA-256), without the line feed.
    static func lineHash(_ line: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = SHA256()
        hasher.update(buffer: line)
        return hasher.finalize().prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The hash of a line's bytes, its line feed (the last byte) left out.
    static func lineHash(ofLine line: [UInt8]) -> UInt64 {
        line.withUnsafeBytes { lineHash(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
    }

    /// FNV-1a 64 of an identifier's bytes.
    static func idHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// How `snapshot` (whose line hashes to `lineHash`) stands against the publication.
    enum Match {
        /// No project was published under its identifier.
        case new
        /// The project at `position` was published with exactly these values.
        case unchanged(position: Int)
        /// The project at `position` was published with other values: `published`.
        case changed(position: Int, published: ProjectSnapshot)
    }

    func match(_ snapshot: ProjectSnapshot, lineHash hash: UInt64) throws -> Match {
        guard let candidate = positions[Self.idHash(snapshot.id.utf8)].map(Int.init) else { return .new }
        // The line holds the identifier: an equal line hash is the same project, unchanged.
        if lineHashes[candidate] == hash { return .unchanged(position: candidate) }
        let published = try self.snapshot(at: candidate)
        if published.id == snapshot.id { return .changed(position: candidate, published: published) }
        // Another identifier with the same hash: find this one, if it was published, by reading the list.
        var found: (Int, ProjectSnapshot)?
        try forEach { position, old in
            if found == nil, old.id == snapshot.id { found = (position, old) }
        }
        guard let (position, old) = found else { return .new }
        return lineHashes[position] == hash ? .unchanged(position: position) : .changed(position: position, published: old)
    }

    /// The snapshot published at `position`, read from the file.
    func snapshot(at position: Int) throws -> ProjectSnapshot {
        guard let path else { throw IOError(path: "", operation: "read", reason: "no publication") }
        if descriptor < 0 {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw IOError(path: path, operation: "open", reason: String(cString: strerror(errno))) }
        }
        let start = offsets[position], length = Int(offsets[position + 1] - start) - 1
        var line = [UInt8](repeating: 0, count: length)
        let read = line.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(start)) }
        guard read == length, let snapshot = ProjectSnapshot(stateFields: line.withUnsafeBytes { StateListFile.fields(of: $0) }) else {
            throw IOError(path: path, operation: "read", reason: "the line at byte \(start) is not the snapshot it was when the run began")
        }
        return snapshot
    }

    /// Each published project in list order, read from the file.
    func forEach(_ body: (_ position: Int, _ snapshot: ProjectSnapshot) throws -> Void) throws {
        guard let path else { return }
        let reader = try ByteFileReader(path: path, chunkSize: 1 << 20)
        var pending: [UInt8] = []
        var position = 0
        func take(_ line: UnsafeRawBufferPointer) throws {
            guard let snapshot = ProjectSnapshot(stateFields: StateListFile.fields(of: line)) else {
                throw IOError(path: path, operation: "read", reason: "line \(position + 1) is not a snapshot")
            }
            try body(position, snapshot)
            position += 1
        }
        try reader.forEachChunk { chunk in
            var start = 0
            for index in 0..<chunk.count where chunk[index] == 0x0A {
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<index]))
                try pending.withUnsafeBytes { try take($0) }
                pending.removeAll(keepingCapacity: true)
                start = index + 1
            }
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<chunk.count]))
        }
    }

    /// Whether `position` holds the first project published under its identifier (a later one with the same
    /// identifier is a duplicate the publication carried, not a project of its own).
    func isFirst(_ snapshot: ProjectSnapshot, at position: Int) -> Bool {
        positions[Self.idHash(snapshot.id.utf8)].map(Int.init) == position
    }
}
