import Foundation

/// The long lists of the publication state (a snapshot per project, a row per published change), each in a
/// file of its own beside `state.json`: one record per line, fields separated by tabs, `\`, tab, line feed
/// and carriage return escaped as `\\`, `\t`, `\n`, `\r`. Written and read in streamed chunks, so the small
/// `state.json` can be read without them (the unchanged shortcut needs only it).
///
/// A file is named after its content (`<kind>-<16 hex digits of its SHA-256>.tsv`), written before the
/// `state.json` that names it, and never changed afterwards: the state file's rename stays the one moment at
/// which a publication's state changes.
enum StateListFile {
    /// What `state.json` records of a list file.
    struct Reference: Sendable, Equatable, Codable {
        var file: String
        var sha256: String
        var count: Int
    }

    /// Writes `records` (each already split into its fields) into `directory`; returns the reference.
    static func write(kind: String, in directory: String, count: Int,
                      records: (_ emit: ([String]) throws -> Void) throws -> Void) throws -> Reference {
        let temporary = (directory as NSString).appendingPathComponent("\(kind).partial-\(getpid())")
        let writer = try ByteFileWriter(path: temporary, capacity: 1 << 20)
        var written = 0
        do {
            try records { fields in
                var line: [UInt8] = []
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
                try writer.write(line)
                written += 1
            }
        } catch {
            unlink(temporary)
            throw error
        }
        let result = try writer.finish()
        let name = "\(kind)-\(result.sha256.prefix(16)).tsv"
        let target = (directory as NSString).appendingPathComponent(name)
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw IOError(path: target, operation: "write", reason: reason)
        }
        return Reference(file: name, sha256: result.sha256, count: written)
    }

    /// Reads the file `reference` names, handing each record's fields to `body`; the file must hold exactly
    /// what the reference says (its checksum and number of records), or the state is damaged.
    static func read(_ reference: Reference, in directory: String, body: ([Substring]) throws -> Void) throws {
        let path = (directory as NSString).appendingPathComponent(reference.file)
        // The state as a whole is what a person moves aside, so the error names state.json and the list it names.
        let state = (directory as NSString).appendingPathComponent("state.json")
        guard reference.file.hasSuffix(".tsv"), !reference.file.contains("/") else {
            throw StateError(path: state, message: "names '\(reference.file)', which is not a state list file")
        }
        let reader: ByteFileReader
        do {
            reader = try ByteFileReader(path: path, chunkSize: 1 << 20)
        } catch {
            throw StateError(path: state, message: "names \(path), which cannot be read (\(error.reason))")
        }
        var hasher = SHA256()
        var pending: [UInt8] = []
        var count = 0
        var failure: (any Error)?
        func consume(_ line: [UInt8]) {
            guard failure == nil else { return }
            count += 1
            do {
                try body(unescapedFields(line))
            } catch {
                failure = error
            }
        }
        try reader.forEachChunk { chunk in
            hasher.update(buffer: chunk)
            var start = 0
            for index in 0..<chunk.count where chunk[index] == 0x0A {
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<index]))
                consume(pending)
                pending.removeAll(keepingCapacity: true)
                start = index + 1
            }
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<chunk.count]))
        }
        if !pending.isEmpty { consume(pending) }
        if let failure { throw failure }
        guard SHA256.hexString(hasher.finalize()) == reference.sha256, count == reference.count else {
            throw StateError(path: state, message: "names \(path), which is damaged (its checksum or its number of lines is not the one recorded)")
        }
    }

    private static func unescapedFields(_ line: [UInt8]) -> [Substring] {
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
