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
        let reader = try ByteFileReader(path: request.path)
        var tokenizer = JSONTokenizer(mode: lines ? .lines : .document)
        var assembler = JSONRecordAssembler(request: request, lines: lines)
        var size = 0
        try reader.forEachChunk { chunk in
            size += chunk.count
            tokenizer.feed(chunk)
            try assembler.drain(&tokenizer, emit)
        }
        tokenizer.finish()
        try assembler.drain(&tokenizer, emit)
        return assembler.finish(fileSize: size)
    }
}

/// Turns the tokens of a JSON source into records: where the records are, which keys are read,
/// what is reported.
struct JSONRecordAssembler {
    typealias Token = JSONTokenizer.Token

    let request: ImportRequest
    let lines: Bool
    private let fieldNames: [String]
    private let fieldBytes: [[UInt8]]
    private let fieldIndexByBytes: [[UInt8]: Int]
    private var findings: [Finding] = []

    /// Where in the document the next token stands.
    private enum Place {
        /// Before the top-level value (in JSON Lines: before each line's value).
        case top
        /// In the top-level object: a key, or its end.
        case envelope
        /// After the records key: the array of records.
        case envelopeRecords
        /// After another key of the top-level object: a value to skip.
        case envelopeMemberValue
        /// In the array of records: a record, or the end.
        case recordList
        /// In a record: a key, or its end.
        case record
        /// After the key of a field that is read: its value.
        case fieldValue(Int)
        /// In the array value of a field that is read: an element, or the end.
        case fieldList(Int)
        /// A value to skip; then `placeAfterSkip`.
        case skipValue
        /// After the top-level value.
        case done
    }

    private var place = Place.top
    private var skipDepth = 0
    private var placeAfterSkip = Place.top

    private var record: RawRecord?
    private var recordSerial = 0
    private var fieldSeenInRecord: [Int]
    private var unknownKeysInRecord: Set<String> = []
    private var unknownKeysReported: Set<String> = []
    /// Elements of the array of records (or lines with a value), records or not.
    private var elements = 0
    private var emitted = 0
    private var sawToken = false
    private var stopped = false
    private var noValue: JSONSyntaxError?

    // The top-level object (envelope) and the array of records in it.
    private var envelopeLocation: SourceLocation?
    private var envelopeKeys: [String] = []
    private var envelopeKeyCount = 0
    private var arrayKeys: [String] = []
    private var lastEnvelopeKey = ""
    private var foundRecordsKey = false
    private var recordsInEnvelope = false
    private var recordsArrayClosed = false

    init(request: ImportRequest, lines: Bool) {
        self.request = request
        self.lines = lines
        fieldNames = request.fields.sorted()
        fieldBytes = fieldNames.map { Array($0.utf8) }
        var byBytes: [[UInt8]: Int] = [:]
        for (index, bytes) in fieldBytes.enumerated() { byBytes[bytes] = index }
        fieldIndexByBytes = byBytes
        fieldSeenInRecord = Array(repeating: 0, count: fieldNames.count)
    }

    private var file: String { request.path }
    private var recordsKey: String? { lines ? nil : request.options.jsonRecordsKey }

    private func location(_ token: Token, field: String? = nil) -> SourceLocation {
        SourceLocation(file: file, line: token.line, column: token.column, field: field)
    }

    private mutating func report(_ rule: String, _ severity: Severity = .error, at location: SourceLocation,
                                 _ message: String, hint: String?) {
        findings.append(Finding(ruleID: rule, severity: severity, location: location, message: message, hint: hint))
    }

    // MARK: - Tokens

    /// Takes every complete token the tokenizer holds.
    mutating func drain(_ tokenizer: inout JSONTokenizer, _ emit: (RawRecord) throws -> Void) throws {
        while true {
            tokenizer.decodesText = decodesText
            let token: Token
            do throws(JSONSyntaxError) {
                guard let next = try tokenizer.next() else { return }
                token = next
            } catch {
                syntaxError(error)
                continue
            }
            sawToken = true
            if skipDepth > 0 {
                switch token.kind {
                case .beginObject, .beginArray: skipDepth += 1
                case .endObject, .endArray:
                    skipDepth -= 1
                    if skipDepth == 0 { place = placeAfterSkip }
                default: break
                }
                continue
            }
            try consume(token, tokenizer, emit)
        }
    }

    /// Whether the next token's text is needed: keys of records and of the top-level object,
    /// values of fields that are read.
    private var decodesText: Bool {
        guard skipDepth == 0 else { return false }
        switch place {
        case .skipValue, .envelopeMemberValue, .done: return false
        default: return true
        }
    }

    private mutating func consume(_ token: Token, _ tokenizer: borrowing JSONTokenizer,
                                  _ emit: (RawRecord) throws -> Void) throws {
        switch place {
        case .top:
            top(token)
        case .envelope:
            envelope(token, tokenizer)
        case .envelopeRecords:
            if token.kind == .beginArray {
                recordsInEnvelope = true
                place = .recordList
            } else {
                report("json.records.missing", at: location(token, field: recordsKey),
                       "the value of '\(recordsKey ?? "")' is \(JSONRecordAssembler.describe(token.kind)), not an array of records",
                       hint: "jsonRecordsKey names the key whose value is the array of records [ {…}, {…} ]")
                skip(token, then: .envelope)
            }
        case .recordList:
            switch token.kind {
            case .beginObject:
                elements += 1
                startRecord(token)
            case .endArray:
                recordsArrayClosed = true
                place = recordsInEnvelope ? .envelope : .done
            default:
                elements += 1
                report("json.record.type", at: location(token),
                       "record \(elements) of the array is \(JSONRecordAssembler.describe(token.kind)), not an object",
                       hint: "each element of the array of records is an object { \"key\": value, … }; this one was skipped")
                skip(token, then: .recordList)
            }
        case .record:
            if token.kind == .endObject {
                try endRecord(emit)
            } else {
                key(token, tokenizer)
            }
        case .fieldValue(let field):
            switch token.kind {
            case .string, .number, .true, .false:
                append(token, tokenizer, to: field)
                place = .record
            case .null:
                place = .record
            case .beginArray:
                place = .fieldList(field)
            default:
                report("json.value.type", at: location(token, field: fieldNames[field]),
                       "the value of '\(fieldNames[field])' is \(JSONRecordAssembler.describe(token.kind)); a field is a string, a number, true, false or an array of them",
                       hint: "write the value as text, or a list as an array of texts; this value was skipped")
                skip(token, then: .record)
            }
        case .fieldList(let field):
            switch token.kind {
            case .string, .number, .true, .false:
                append(token, tokenizer, to: field)
            case .null:
                break
            case .endArray:
                place = .record
            default:
                report("json.value.type", at: location(token, field: fieldNames[field]),
                       "an element of '\(fieldNames[field])' is \(JSONRecordAssembler.describe(token.kind)); the elements of a list are strings or numbers",
                       hint: "write a list as a flat array of texts, e.g. [\"Prozesse\", \"Daten\"]; this element was skipped")
                skip(token, then: .fieldList(field))
            }
        case .envelopeMemberValue:
            if token.kind == .beginArray { arrayKeys.append(lastEnvelopeKey) }
            skip(token, then: .envelope)
        case .skipValue:
            skip(token, then: placeAfterSkip)
        case .done:
            break  // the tokenizer allows nothing after the top-level value
        }
    }

    /// Skips the value that starts with `token`, then goes on at `next`.
    private mutating func skip(_ token: Token, then next: Place) {
        if token.kind == .beginObject || token.kind == .beginArray {
            skipDepth = 1
            placeAfterSkip = next
        } else {
            place = next
        }
    }

    private mutating func top(_ token: Token) {
        if lines {
            elements += 1
            if token.kind == .beginObject {
                startRecord(token)
            } else {
                report("json.record.type", at: location(token),
                       "the line holds \(JSONRecordAssembler.describe(token.kind)), not a record object",
                       hint: "each line of a JSON Lines file holds one object { \"key\": value, … }; this line was skipped")
                skip(token, then: .top)
            }
            return
        }
        switch token.kind {
        case .beginArray:
            if let recordsKey {
                report("json.records.missing", at: location(token),
                       "the top level is an array, but jsonRecordsKey '\(recordsKey)' expects an object that holds the records under that key",
                       hint: "remove jsonRecordsKey from the source's settings to read the array itself")
                skip(token, then: .done)
            } else {
                place = .recordList
            }
        case .beginObject:
            envelopeLocation = location(token)
            place = .envelope
        default:
            report("json.records.missing", at: location(token),
                   "the top level is \(JSONRecordAssembler.describe(token.kind)), not an array of records",
                   hint: "a JSON source is an array of record objects [ {…}, {…} ], or an object that holds one under jsonRecordsKey")
            place = .done
        }
    }

    private mutating func envelope(_ token: Token, _ tokenizer: borrowing JSONTokenizer) {
        if token.kind == .endObject {
            endEnvelope()
            return
        }
        // A key of the top-level object.
        let name = tokenizer.text
        lastEnvelopeKey = name
        envelopeKeyCount += 1
        if envelopeKeys.count < 10 { envelopeKeys.append(name) }
        if name == recordsKey {
            if foundRecordsKey {
                report("json.key.duplicate", at: location(token, field: name),
                       "the key '\(name)' appears a second time in the top-level object",
                       hint: "give each key once; the records of the first '\(name)' were read, these were skipped")
                placeAfterSkip = .envelope
                place = .skipValue
            } else {
                foundRecordsKey = true
                place = .envelopeRecords
            }
        } else {
            place = .envelopeMemberValue
        }
    }

    private mutating func endEnvelope() {
        place = .done
        guard let at = envelopeLocation else { return }
        let keys = envelopeKeys.map { "'\($0)'" }.joined(separator: ", ") + (envelopeKeyCount > envelopeKeys.count ? ", …" : "")
        let suggestion = arrayKeys.first.map { "set jsonRecordsKey to \"\($0)\", the key whose value is an array" }
        if let recordsKey {
            guard !foundRecordsKey else { return }
            report("json.records.missing", at: at,
                   envelopeKeyCount == 0
                       ? "the top-level object is empty; jsonRecordsKey expects the records under '\(recordsKey)'"
                       : "the top-level object has no key '\(recordsKey)' (jsonRecordsKey); its keys are \(keys)",
                   hint: suggestion ?? "set jsonRecordsKey to the key whose value is the array of records")
        } else {
            report("json.records.missing", at: at,
                   envelopeKeyCount == 0
                       ? "the top level is an empty object, not an array of records"
                       : "the top level is an object with the keys \(keys), not an array of records",
                   hint: suggestion ?? "set jsonRecordsKey to the key whose value is the array of records")
        }
    }

    // MARK: - Records

    private mutating func startRecord(_ token: Token) {
        record = RawRecord(location: location(token))
        recordSerial += 1
        unknownKeysInRecord.removeAll(keepingCapacity: true)
        place = .record
    }

    private mutating func endRecord(_ emit: (RawRecord) throws -> Void) throws {
        place = lines ? .top : .recordList
        guard let finished = record else { return }
        record = nil
        emitted += 1
        try emit(finished)
    }

    private func fieldIndex(_ key: [UInt8]) -> Int? {
        if fieldBytes.count <= 16 {
            for index in fieldBytes.indices where fieldBytes[index] == key { return index }
            return nil
        }
        return fieldIndexByBytes[key]
    }

    private mutating func key(_ token: Token, _ tokenizer: borrowing JSONTokenizer) {
        if let field = fieldIndex(tokenizer.textBytes) {
            if fieldSeenInRecord[field] == recordSerial {
                reportDuplicate(fieldNames[field], token)
                placeAfterSkip = .record
                place = .skipValue
            } else {
                fieldSeenInRecord[field] = recordSerial
                place = .fieldValue(field)
            }
            return
        }
        let name = tokenizer.text
        if !unknownKeysInRecord.insert(name).inserted {
            reportDuplicate(name, token)
        } else if unknownKeysReported.insert(name).inserted {
            report("source.field.unknown", .info, at: location(token, field: name),
                   "the field '\(name)' is not used by the mapping",
                   hint: "map it in the source's mapping if it should be read; it is reported once, where it first appears")
        }
        placeAfterSkip = .record
        place = .skipValue
    }

    private mutating func reportDuplicate(_ name: String, _ token: Token) {
        let start = record.map { "line \($0.location.line), column \($0.location.column ?? 1)" } ?? "here"
        report("json.key.duplicate", at: location(token, field: name),
               "the key '\(name)' appears a second time in the record that starts at \(start)",
               hint: "give each key once per record; the first value was kept, this one was skipped")
    }

    private mutating func append(_ token: Token, _ tokenizer: borrowing JSONTokenizer, to field: Int) {
        let text: String = switch token.kind {
        case .true: "true"
        case .false: "false"
        default: tokenizer.text
        }
        let name = fieldNames[field]
        let value = RawValue(text, at: location(token, field: name))
        record?.append(value, to: name)
    }

    // MARK: - Errors and the end

    private mutating func syntaxError(_ error: JSONSyntaxError) {
        if error.kind == .noValue {
            noValue = error
            return
        }
        record = nil
        skipDepth = 0
        let rule = error.kind == .encoding ? "json.encoding" : "json.syntax"
        let at = SourceLocation(file: file, line: error.line, column: error.column)
        if lines {
            place = .top
            report(rule, at: at, error.message,
                   hint: JSONRecordAssembler.joined(error.hint, "this line was skipped; the other lines were read"))
        } else {
            stopped = true
            place = .done
            let before = emitted == 1 ? "the 1 record before it was read" : "the \(emitted) records before it were read"
            report(rule, at: at, "\(error.message); reading stopped here",
                   hint: JSONRecordAssembler.joined(error.hint, "nothing after this point was read (\(before))"))
        }
    }

    mutating func finish(fileSize: Int) -> [Finding] {
        if emitted == 0 {
            let hint = "an empty source is never read as \"0 projects\": is this the right file?"
            let whole = SourceLocation(file: file, line: 0)
            if let noValue {
                report("json.no-records", at: whole, noValue.message, hint: hint)
            } else if lines && !sawToken && !hasErrors {
                report("json.no-records", at: whole,
                       fileSize == 0 ? "the file is empty" : "the file has only blank lines", hint: hint)
            } else if recordsArrayClosed && elements == 0 {
                report("json.no-records", at: whole,
                       recordsInEnvelope ? "the array of records under '\(recordsKey ?? "")' is empty" : "the array of records is empty",
                       hint: hint)
            } else {
                report("json.no-records", at: whole, "no record could be read",
                       hint: "the findings above say why; an empty source is never read as \"0 projects\"")
            }
        }
        return findings
    }

    private var hasErrors: Bool {
        findings.contains { $0.severity == .error }
    }

    private static func joined(_ first: String?, _ second: String) -> String {
        guard let first, !first.isEmpty else { return second }
        return "\(first); \(second)"
    }

    /// A token's value, in words: "a string", "an object", …
    static func describe(_ kind: Token.Kind) -> String {
        switch kind {
        case .beginObject, .endObject: "an object"
        case .beginArray, .endArray: "an array"
        case .key, .string: "a string"
        case .number: "a number"
        case .true: "true"
        case .false: "false"
        case .null: "null"
        }
    }
}
