/// The largest input kompass reads, so that memory stays bounded by what must be kept, whatever a source holds
/// (`/dev/zero` given as a CSV file, a 20 MB header line, a text longer than any reader of the outputs takes).
///
/// Each limit is far above anything the portfolio needs (its longest text is under 2,000 characters) and below
/// what the readers of the outputs take: libxml2 refuses a text node over 10,000,000 bytes without
/// `XML_PARSE_HUGE`, and a feed item quotes a text before and after a change. A source that exceeds one gets
/// a located error (docs/rules.md: `value.too-long`, `source.line.too-long`, `source.too-large`); for a line
/// or the file, reading that source stops there (the records before are kept for the report), so the run ends
/// early with exit code 1 instead of growing without end.
public enum InputLimits {
    /// The longest value (a CSV cell, a JSON string, an XML text, a page text's block), in UTF-8 bytes: 1 MiB.
    public static let valueBytes = 1 << 20
    /// The longest line of a source (a page text's line, a JSON Lines line, a CSV record over all its cells and
    /// lines), in bytes: 8 MiB.
    public static let lineBytes = 8 << 20
    /// The largest source file, in bytes: 2 GiB.
    public static let fileBytes = 2 << 30
}

/// Reading a source stopped: it exceeds one of the `InputLimits`, or its start shows it is no UTF-8 text with line
/// feeds (`SourceStart`). The finding says where and why. Thrown from inside an importer; the loader reports the
/// finding and keeps the records read before.
struct ReadingStopped: Error {
    var finding: Finding
}

extension ReadingStopped {
    /// The file is larger than `InputLimits.fileBytes`; reading stopped at that byte.
    static func file(_ path: String) -> ReadingStopped {
        ReadingStopped(finding: Finding(ruleID: .sourceTooLarge, severity: .error, location: SourceLocation(file: path, line: 0),
                                            message: InputLimits.Message.fileTooLarge, hint: InputLimits.Message.fileTooLargeHint))
    }

    /// A record of a JSON document larger than `InputLimits.lineBytes` (its keys and values), starting at `line`.
    static func record(_ path: String, line: Int) -> ReadingStopped {
        ReadingStopped(finding: Finding(ruleID: .sourceLineTooLong, severity: .error,
                                        location: SourceLocation(file: path, line: line, column: 1),
                                        message: InputLimits.Message.recordTooLarge, hint: InputLimits.Message.recordTooLargeHint))
    }

    /// A line (or a CSV record) longer than `InputLimits.lineBytes`, starting at `line`.
    static func line(_ path: String, line: Int) -> ReadingStopped {
        ReadingStopped(finding: Finding(ruleID: .sourceLineTooLong, severity: .error,
                                            location: SourceLocation(file: path, line: line, column: 1),
                                            message: InputLimits.Message.lineTooLong, hint: InputLimits.Message.lineTooLongHint))
    }
}

// MARK: - Messages

extension InputLimits {
    enum Message {
        static let fileTooLarge = Bilingual(
            en: "the file is larger than \(InputLimits.fileBytes >> 30) GiB; reading stopped there",
            de: "die Datei ist grösser als \(InputLimits.fileBytes >> 30) GiB; das Lesen endete dort")
        static let fileTooLargeHint = Bilingual(
            en: "is this the right file (not a device, a log or a dump)? A portfolio's export is far smaller",
            de: "ist das die richtige Datei (kein Gerät, kein Log, kein Abzug)? Der Export eines Portfolios ist weit kleiner")
        static let lineTooLong = Bilingual(
            en: "the line is longer than \(InputLimits.lineBytes >> 20) MiB without a line break; reading stopped here",
            de: "die Zeile ist ohne Zeilenumbruch länger als \(InputLimits.lineBytes >> 20) MiB; das Lesen endete hier")
        static let recordTooLarge = Bilingual(
            en: "the record that starts here holds more than \(InputLimits.lineBytes >> 20) MiB of keys and values; reading stopped here",
            de: "der hier beginnende Datensatz enthält mehr als \(InputLimits.lineBytes >> 20) MiB an Schlüsseln und Werten; das Lesen endete hier")
        static let recordTooLargeHint = Bilingual(
            en: "a project's record is a few kilobytes: check the export (a list repeated without end, a value pasted many times)",
            de: "der Datensatz eines Vorhabens umfasst wenige Kilobyte: prüfen Sie den Export (eine endlos wiederholte Liste, ein vielfach eingefügter Wert)")
        static let lineTooLongHint = Bilingual(
            en: "the file may not be text (or its line breaks were lost, or a quote is never closed): check the export",
            de: "die Datei ist womöglich kein Text (oder ihre Zeilenumbrüche gingen verloren, oder ein Anführungszeichen wird nie geschlossen): prüfen Sie den Export")

        static func valueTooLong(bytes: Int) -> Bilingual {
            Bilingual(en: "the value has \(bytes) bytes; a value has at most \(InputLimits.valueBytes) bytes (1 MiB)",
                      de: "der Wert hat \(bytes) Bytes; ein Wert hat höchstens \(InputLimits.valueBytes) Bytes (1 MiB)")
        }

        static let valueTooLongHint = Bilingual(
            en: "shorten the text: no reader of the outputs takes texts of that length (the feeds quote a text before and after a change)",
            de: "kürzen Sie den Text: kein Leser der Ausgaben nimmt Texte dieser Länge (die Feeds zitieren einen Text vor und nach einer Änderung)")
    }
}
