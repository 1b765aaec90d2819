import Foundation

/// The long lists of the publication state (a snapshot per project, a row per published change), each in a
/// file of its own beside `state.json`: one record per line, fields separated by tabs, `\`, tab, line feed
/// and carriage return escaped as `\\`, `\t`, `\n`, `\r`. Written and read in streamed chunks, so the small
/// `state.json` can be read without them (the unchanged shortcut needs only it).
///
/// A file is named after its content (`<kind>-<16 hex digits of its SHA-256>.tsv`), written (`StateListWriter`,
/// during the run's pass) before the `state.json` that names it, and never changed afterwards: the state
/// file's rename stays the one moment at which a publication's state changes.
enum StateListFile {
    /// What `state.json` records of a list file.
    struct Reference: Sendable, Equatable, Codable {
        var file: String
        var sha256: String
        var count: Int
    }

    /// Appends the record of `fields` to `line`, escaped, with its line feed.
    static func appendLine(_ fields: [String], to line: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(0x09) }
            for byte in field.utf8 {
                switch byte {
                case 0x5C: line += [0x5C, 0x5C]
                case 0x09: line += [0x5C, UInt8(ascii: "t")]
                case 0x0A: line += [0x5C, UInt8(ascii: "n")]
                case 0x0D: line += [0x5C, UInt8(ascii: "r")]
                default: line.append(byte)
                }
            }
        }
        line.append(0x0A)
    }

    /// Writes a list file of `records` (each split into its fields) into `directory`; returns its reference.
    static func write(kind: String, in directory: String, records: some Sequence<[String]>) throws -> Reference {
        let writer = try StateListWriter(kind: kind, in: directory)
        for fields in records { try writer.append(fields) }
        return try writer.commit()
    }

    /// The path of the file `reference` names, once it is known to name a list file.
    static func path(of reference: Reference, in directory: String) throws -> String {
        guard reference.file.hasSuffix(".tsv"), !reference.file.contains("/") else {
            throw StateError(path: statePath(directory), problem: .notAListFile(reference.file))
        }
        return (directory as NSString).appendingPathComponent(reference.file)
    }

    /// The state as a whole is what a person moves aside, so errors name state.json and the list it names.
    private static func statePath(_ directory: String) -> String {
        (directory as NSString).appendingPathComponent("state.json")
    }

    /// The error for a list file that does not hold what its reference says.
    static func damaged(_ reference: Reference, in directory: String, _ damage: StateError.ListDamage) -> StateError {
        StateError(path: statePath(directory), problem: .listDamaged(path: (directory as NSString).appendingPathComponent(reference.file), damage))
    }

    /// Reads the file `reference` names (or, before it is committed, the file at `path`), handing each record's
    /// line (without its line feed) and the offset at which it starts to `body`; the file must hold exactly
    /// what the reference says (its checksum and number of records), or the state is damaged.
    static func readLines(_ reference: Reference, in directory: String, at path: String? = nil,
                          body: (_ line: UnsafeRawBufferPointer, _ offset: Int) throws -> Void) throws {
        let path = try path ?? self.path(of: reference, in: directory)
        let reader: ByteFileReader
        do {
            reader = try ByteFileReader(path: path, chunkSize: 1 << 20)
        } catch {
            throw StateError(path: statePath(directory), problem: .listUnreadable(path: path, reason: error.reason))
        }
        var hasher = SHA256()
        var pending: [UInt8] = []
        var count = 0
        var offset = 0
        try reader.forEachChunk { chunk in
            hasher.update(buffer: chunk)
            var start = 0
            for index in 0..<chunk.count where chunk[index] == 0x0A {
                let part = UnsafeRawBufferPointer(rebasing: chunk[start..<index])
                if pending.isEmpty {
                    try body(part, offset)
                    offset += part.count + 1
                } else {
                    pending.append(contentsOf: part)
                    try pending.withUnsafeBytes { try body($0, offset) }
                    offset += pending.count + 1
                    pending.removeAll(keepingCapacity: true)
                }
                count += 1
                start = index + 1
            }
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<chunk.count]))
        }
        guard pending.isEmpty, SHA256.hexString(hasher.finalize()) == reference.sha256, count == reference.count else {
            throw damaged(reference, in: directory, .checksumOrCount)
        }
    }

    /// Reads the file `reference` names, handing each record's fields to `body` (checked as `readLines` does).
    static func read(_ reference: Reference, in directory: String, at path: String? = nil,
                     body: ([Substring]) throws -> Void) throws {
        try readLines(reference, in: directory, at: path) { line, _ in try body(fields(of: line)) }
    }

    /// The fields of a record's line, unescaped.
    static func fields(of line: UnsafeRawBufferPointer) -> [Substring] {
        var fields: [Substring] = []
        var field: [UInt8] = []
        var escaped = false
        for byte in line {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): field.append(0x09)
                case UInt8(ascii: "n"): field.append(0x0A)
                case UInt8(ascii: "r"): field.append(0x0D)
                default: field.append(byte)
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else if byte == 0x09 {
                fields.append(Substring(String(decoding: field, as: UTF8.self)))
                field.removeAll(keepingCapacity: true)
            } else {
                field.append(byte)
            }
        }
        fields.append(Substring(String(decoding: field, as: UTF8.self)))
        return fields
    }

    /// Removes the list files of `directory` that neither `keep` names (the new state's and the previous
    /// state's: a state put back by hand after a killed run still finds its lists).
    static func removeUnreferenced(in directory: String, keep: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasSuffix(".tsv") && (name.hasPrefix("projects-") || name.hasPrefix("history-")) && !keep.contains(name) {
            unlink((directory as NSString).appendingPathComponent(name))
        }
    }
}
