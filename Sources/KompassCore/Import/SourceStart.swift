/// What the first bytes of a text source say before any importer reads them as UTF-8: a file saved as UTF-16
/// or UTF-32, a byte-order mark written twice, or lines that end in a carriage return alone (classic Mac OS).
/// Read as UTF-8 such a file gives errors that point elsewhere (missing columns, a cell count, an invisible
/// U+FEFF in a header name); this check gives one finding at the start of the file instead, and reading stops.
enum SourceStart {
    enum Problem: Equatable {
        case utf16(bigEndian: Bool)
        case utf32(bigEndian: Bool)
        /// The UTF-8 byte-order mark, `count` times in a row.
        case repeatedBOM(count: Int)
        /// Line ends of a carriage return alone, and none of a line feed.
        case carriageReturnLineEnds
    }

    /// The problem the start of a file shows, if any. `bytes`: its first chunk (the more, the surer).
    /// Throws `ReadingStopped` with the finding for the problem the first chunk of the file at `path` shows.
    /// `linesMatter`: false for a JSON document, where a carriage return is white space like any other.
    static func check(_ firstChunk: UnsafeRawBufferPointer, path: String, linesMatter: Bool = true) throws {
        guard let problem = problem(in: firstChunk), linesMatter || problem != .carriageReturnLineEnds else { return }
        throw ReadingStopped(finding: finding(problem, path: path))
    }

    static func problem(in bytes: UnsafeRawBufferPointer) -> Problem? {
        let count = bytes.count
        func at(_ index: Int) -> UInt8? { index < count ? bytes[index] : nil }
        // Byte-order marks: UTF-32 before UTF-16 (FF FE 00 00 starts with FF FE).
        if at(0) == 0xFF, at(1) == 0xFE, at(2) == 0, at(3) == 0 { return .utf32(bigEndian: false) }
        if at(0) == 0, at(1) == 0, at(2) == 0xFE, at(3) == 0xFF { return .utf32(bigEndian: true) }
        if at(0) == 0xFF, at(1) == 0xFE { return .utf16(bigEndian: false) }
        if at(0) == 0xFE, at(1) == 0xFF { return .utf16(bigEndian: true) }
        var boms = 0
        while at(boms * 3) == 0xEF, at(boms * 3 + 1) == 0xBB, at(boms * 3 + 2) == 0xBF { boms += 1 }
        if boms > 1 { return .repeatedBOM(count: boms) }
        // Without a mark: ASCII text in UTF-16 or UTF-32 has a NUL beside (almost) every character.
        let start = boms * 3
        let sample = min(count - start, 256) & ~3
        if sample >= 8 {
            var zeroAt = [0, 0, 0, 0]
            for index in 0..<sample where bytes[start + index] == 0 { zeroAt[index % 4] += 1 }
            let quarter = sample / 4
            if zeroAt[1] == quarter, zeroAt[2] == quarter, zeroAt[3] == quarter, zeroAt[0] == 0 { return .utf32(bigEndian: false) }
            if zeroAt[0] == quarter, zeroAt[1] == quarter, zeroAt[2] == quarter, zeroAt[3] == 0 { return .utf32(bigEndian: true) }
            if zeroAt[1] == quarter, zeroAt[3] == quarter, zeroAt[0] + zeroAt[2] == 0 { return .utf16(bigEndian: false) }
            if zeroAt[0] == quarter, zeroAt[2] == quarter, zeroAt[1] + zeroAt[3] == 0 { return .utf16(bigEndian: true) }
        }
        var carriageReturns = 0
        for index in 0..<count {
            switch bytes[index] {
            case 0x0A: return nil
            case 0x0D: carriageReturns += 1
            default: break
            }
        }
        return carriageReturns > 0 ? .carriageReturnLineEnds : nil
    }

    /// The finding for `problem` in the file at `path`; reading that file stops with it.
    static func finding(_ problem: Problem, path: String) -> Finding {
        Finding(ruleID: problem == .carriageReturnLineEnds ? .sourceLineEnds : .sourceEncoding, severity: .error,
                location: SourceLocation(file: path, line: 1, column: 1), message: Message.problem(problem), hint: Message.hint(problem))
    }

    enum Message {
        static func problem(_ problem: Problem) -> Bilingual {
            switch problem {
            case .utf16(let bigEndian):
                Bilingual(en: "the file is saved as UTF-16 (\(bigEndian ? "big" : "little")-endian), not UTF-8; nothing of it was read",
                          de: "die Datei ist als UTF-16 (\(bigEndian ? "Big" : "Little") Endian) gespeichert, nicht als UTF-8; nichts davon wurde gelesen")
            case .utf32(let bigEndian):
                Bilingual(en: "the file is saved as UTF-32 (\(bigEndian ? "big" : "little")-endian), not UTF-8; nothing of it was read",
                          de: "die Datei ist als UTF-32 (\(bigEndian ? "Big" : "Little") Endian) gespeichert, nicht als UTF-8; nichts davon wurde gelesen")
            case .repeatedBOM(let count):
                Bilingual(en: "the file starts with the byte-order mark (U+FEFF) \(count) times; nothing of it was read",
                          de: "die Datei beginnt \(count)-mal mit der Byte-Reihenfolge-Markierung (U+FEFF); nichts davon wurde gelesen")
            case .carriageReturnLineEnds:
                Bilingual(en: "the lines end in a carriage return alone (classic Mac OS), not in a line feed; nothing of it was read",
                          de: "die Zeilen enden nur mit einem Wagenrücklauf (klassisches Mac OS), nicht mit einem Zeilenvorschub; nichts davon wurde gelesen")
            }
        }

        static func hint(_ problem: Problem) -> Bilingual {
            switch problem {
            case .utf16, .utf32:
                Bilingual(en: "save the file as UTF-8 (in Excel: \"CSV UTF-8\"; in an editor: encoding UTF-8) and run again",
                          de: "speichern Sie die Datei als UTF-8 (in Excel: «CSV UTF-8»; in einem Editor: Codierung UTF-8) und starten Sie erneut")
            case .repeatedBOM:
                Bilingual(en: "the file was converted twice: save it as UTF-8 once (with one byte-order mark, or none)",
                          de: "die Datei wurde zweimal umgewandelt: speichern Sie sie einmal als UTF-8 (mit einer Markierung oder ohne)")
            case .carriageReturnLineEnds:
                Bilingual(en: "save the file with Windows (CRLF) or Unix (LF) line ends, e.g. with an editor's line-ending setting",
                          de: "speichern Sie die Datei mit Windows- (CRLF) oder Unix-Zeilenenden (LF), z. B. über die Einstellung der Zeilenenden eines Editors")
            }
        }
    }
}
