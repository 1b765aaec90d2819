import Foundation

/// Writes one list file of the publication state (`StateListFile`) as a run goes: a record at a time, into
/// `<kind>.partial-<pid>` in the state folder, counted and hashed as written. `close` ends it (it can be read
/// at `temporaryPath`), `commit` gives it its content name, once the run publishes; `discard` removes it (a
/// refused run, a dry run). Nothing names the file until the next `state.json` does, so a killed run leaves
/// only a partial file that the next save removes.
final class StateListWriter {
    let kind: String
    let directory: String
    /// Where the file is written, until `commit`.
    let temporaryPath: String
    private var reference: StateListFile.Reference?
    private let writer: ByteFileWriter
    private var line: [UInt8] = []
    /// How many records were written.
    private(set) var count = 0
    private var done = false

    init(kind: String, in directory: String) throws(IOError) {
        self.kind = kind
        self.directory = directory
        temporaryPath = (directory as NSString).appendingPathComponent("\(kind).partial-\(getpid())")
        writer = try ByteFileWriter(path: temporaryPath, capacity: 1 << 20)
    }

    deinit {
        if !done { unlink(temporaryPath) }
    }

    /// Appends a record already in the file's form (`StateListFile.line`), its line feed included.
    func append(line bytes: [UInt8]) throws(IOError) {
        try writer.write(bytes)
        count += 1
    }

    /// Appends a record of `fields`.
    func append(_ fields: [String]) throws(IOError) {
        line.removeAll(keepingCapacity: true)
        StateListFile.appendLine(fields, to: &line)
        try append(line: line)
    }

    /// Appends every record of the list file `reference` names in `directory` as it is, checking on the
    /// way that it holds what the reference says.
    func append(copyOf reference: StateListFile.Reference, in directory: String) throws {
        try StateListFile.readLines(reference, in: directory) { line, _ in
            try writer.write(bytes: line)
            try writer.write(byte: 0x0A)
            count += 1
        }
    }

    /// Ends the file; returns its reference (its content name, checksum and count). It stays at `temporaryPath`.
    func close() throws(IOError) -> StateListFile.Reference {
        if let reference { return reference }
        let result = try writer.finish()
        let reference = StateListFile.Reference(file: "\(kind)-\(result.sha256.prefix(16)).tsv", sha256: result.sha256, count: count)
        self.reference = reference
        return reference
    }

    /// Ends the file and gives it its content name (`<kind>-<16 hex digits>.tsv`); returns its reference.
    func commit() throws(IOError) -> StateListFile.Reference {
        let reference = try close()
        guard !done else { return reference }
        let target = (directory as NSString).appendingPathComponent(reference.file)
        guard rename(temporaryPath, target) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw IOError(path: target, operation: "write", reason: reason)
        }
        done = true
        return reference
    }

    /// Removes what was written (nothing once committed).
    func discard() {
        guard !done else { return }
        done = true
        unlink(temporaryPath)
    }
}
