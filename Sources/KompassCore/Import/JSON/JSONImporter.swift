/// Reads a JSON source: an array of record objects, an object holding that array under
/// `options.jsonRecordsKey`, or (with `lines: true`) JSON Lines, one record object per line.
///
/// Streams over chunked reads through the byte-level `JSONTokenizer` and holds only the record
/// being read, so memory stays flat. Of each record only the keys in `request.fields` are decoded:
/// a string, number, `true` or `false` becomes one value, `null` none, an array of them one value
/// per element. Every other key's value is skipped token by token, and each such key is reported
/// once per file (`source.field.unknown`). `jsonRecordsKey` applies to documents only; JSON Lines
/// records are the lines themselves.
///
/// Findings: `json.syntax` and `json.encoding` (where the text is not JSON or not UTF-8; a JSON
/// Lines file goes on with the next line, a document stops there and keeps the records before),
/// `json.records.missing` (the records are not where the settings say), `json.record.type`,
/// `json.value.type`, `json.key.duplicate`, and `json.no-records` whenever no record was read.
public struct JSONImporter: RecordImporter {
    /// JSON Lines (`.jsonl`, `.ndjson`): one record object per line, blank lines allowed.
    public let lines: Bool

    public init(lines: Bool = false) {
        self.lines = lines
    }

    public func read(_ request: ImportRequest, emit: (RawRecord) throws -> Void) throws -> [Finding] {
        let reader = try request.openReader()
        var tokenizer = JSONTokenizer(mode: lines ? .lines : .document)
        var assembler = JSONRecordAssembler(request: request, lines: lines)
        var size = 0
        struct DocumentEnded: Error {}
        do {
            try reader.forEachChunk { chunk in
                if size == 0 { try SourceStart.check(chunk, path: request.path, linesMatter: lines) }
                size += chunk.count
                tokenizer.feed(chunk)
                try assembler.drain(&tokenizer, emit)
                // A document ends at its first error: the rest of the file is not read (it may never end).
                if assembler.stopped { throw DocumentEnded() }
            }
        } catch is DocumentEnded {}
        tokenizer.finish()
        try assembler.drain(&tokenizer, emit)
        return assembler.finish(fileSize: size)
    }
}
