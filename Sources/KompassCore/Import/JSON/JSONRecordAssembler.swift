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
    /// The bytes of the keys and values of the record being read, and where a record beyond the limit starts.
    private var recordBytes = 0
    private var recordBeyondLimit: Int?
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
    /// Whether the document ended in an error: nothing after it is read.
    private(set) var stopped = false
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

    private mutating func report(_ rule: RuleID, _ severity: Severity = .error, at location: SourceLocation,
                                 _ message: Bilingual, hint: Bilingual?) {
        findings.append(Finding(ruleID: rule, severity: severity, location: location, message: message, hint: hint))
    }

    // MARK: - Tokens

    /// Takes every complete token the tokenizer holds.
    mutating func drain(_ tokenizer: inout JSONTokenizer, _ emit: (RawRecord) throws -> Void) throws {
        while true {
            tokenizer.decodesText = decodesText
            let token: Token
            do throws(JSONSyntaxError) {
                guard case .token(let next) = try tokenizer.next() else { return }
                token = next
            } catch {
                try syntaxError(error)
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
            if let line = recordBeyondLimit { throw ReadingStopped.record(file, line: line) }
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
                let kind = Message.kind(token.kind)
                report(.jsonRecordsMissing, at: location(token, field: recordsKey),
                       Message.recordsKeyNotArray(recordsKey ?? "", kind: kind), hint: Message.recordsKeyHint)
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
                let kind = Message.kind(token.kind)
                report(.jsonRecordType, at: location(token), Message.elementNotObject(elements, kind: kind),
                       hint: Message.elementNotObjectHint)
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
                let kind = Message.kind(token.kind)
                report(.jsonValueType, at: location(token, field: fieldNames[field]),
                       Message.valueType(fieldNames[field], kind: kind), hint: Message.valueTypeHint)
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
                let kind = Message.kind(token.kind)
                report(.jsonValueType, at: location(token, field: fieldNames[field]),
                       Message.listElementType(fieldNames[field], kind: kind), hint: Message.listElementTypeHint)
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
                let kind = Message.kind(token.kind)
                report(.jsonRecordType, at: location(token), Message.lineNotObject(kind: kind), hint: Message.lineNotObjectHint)
                skip(token, then: .top)
            }
            return
        }
        switch token.kind {
        case .beginArray:
            if let recordsKey {
                report(.jsonRecordsMissing, at: location(token), Message.arrayButRecordsKey(recordsKey),
                       hint: Message.arrayButRecordsKeyHint)
                skip(token, then: .done)
            } else {
                place = .recordList
            }
        case .beginObject:
            envelopeLocation = location(token)
            place = .envelope
        default:
            let kind = Message.kind(token.kind)
            report(.jsonRecordsMissing, at: location(token), Message.topLevelNotArray(kind: kind), hint: Message.topLevelHint)
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
                report(.jsonKeyDuplicate, at: location(token, field: name), Message.recordsKeyTwice(name),
                       hint: Message.recordsKeyTwiceHint(name))
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
        let hint = Message.recordsKeySuggestion(arrayKey: arrayKeys.first)
        if let recordsKey {
            guard !foundRecordsKey else { return }
            report(.jsonRecordsMissing, at: at, Message.noRecordsKey(recordsKey, keys: envelopeKeyCount == 0 ? nil : keys), hint: hint)
        } else {
            report(.jsonRecordsMissing, at: at, Message.topLevelObject(keys: envelopeKeyCount == 0 ? nil : keys), hint: hint)
        }
    }

    // MARK: - Records

    private mutating func startRecord(_ token: Token) {
        record = RawRecord(location: location(token))
        recordBytes = 0
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
        count(name.utf8.count)
        if !unknownKeysInRecord.insert(name).inserted {
            reportDuplicate(name, token)
        } else if unknownKeysReported.count < JSONRecordAssembler.unknownKeysReportedLimit, unknownKeysReported.insert(name).inserted {
            report(.sourceFieldUnknown, .info, at: location(token, field: name), Message.fieldUnknown(name),
                   hint: Message.fieldUnknownHint)
        }
        placeAfterSkip = .record
        place = .skipValue
    }

    private mutating func reportDuplicate(_ name: String, _ token: Token) {
        report(.jsonKeyDuplicate, at: location(token, field: name), Message.keyTwice(name, recordStart: record?.location),
               hint: Message.keyTwiceHint)
    }

    private mutating func append(_ token: Token, _ tokenizer: borrowing JSONTokenizer, to field: Int) {
        let text: String = switch token.kind {
        case .true: "true"
        case .false: "false"
        default: tokenizer.text
        }
        let name = fieldNames[field]
        let value = RawValue(text, at: location(token, field: name))
        count(text.utf8.count)
        record?.append(value, to: name)
    }

    /// The most distinct unknown keys a file reports (each once); beyond, they are skipped without a word more.
    static let unknownKeysReportedLimit = 1_000

    /// Counts `bytes` of the record being read: a record whose values and keys exceed `InputLimits.lineBytes`
    /// stops the reading (`recordBeyondLimit`), as a CSV record or a JSON Lines line of that length does.
    private mutating func count(_ bytes: Int) {
        recordBytes += bytes + 1
        if recordBytes > InputLimits.lineBytes, recordBeyondLimit == nil, let record {
            recordBeyondLimit = record.location.line
        }
    }

    // MARK: - Errors and the end

    private mutating func syntaxError(_ error: JSONSyntaxError) throws {
        if error.kind == .tooLong { throw ReadingStopped.line(file, line: error.line) }
        if error.kind == .noValue {
            noValue = error
            return
        }
        record = nil
        skipDepth = 0
        let rule: RuleID = error.kind == .encoding ? .jsonEncoding : .jsonSyntax
        let at = SourceLocation(file: file, line: error.line, column: error.column)
        let message = Bilingual(en: error.message, de: error.messageDE)
        if lines {
            place = .top
            report(rule, at: at, message, hint: Message.lineSkipped(after: error))
        } else {
            stopped = true
            place = .done
            report(rule, at: at, Message.readingStopped(message), hint: Message.nothingAfter(error, recordsBefore: emitted))
        }
    }

    mutating func finish(fileSize: Int) -> [Finding] {
        if emitted == 0 {
            let whole = SourceLocation(file: file, line: 0)
            if let noValue {
                report(.jsonNoRecords, at: whole, Bilingual(en: noValue.message, de: noValue.messageDE), hint: Message.emptySourceHint)
            } else if lines && !sawToken && !hasErrors {
                report(.jsonNoRecords, at: whole, Message.noLines(fileIsEmpty: fileSize == 0), hint: Message.emptySourceHint)
            } else if recordsArrayClosed && elements == 0 {
                report(.jsonNoRecords, at: whole, Message.emptyRecordArray(underKey: recordsInEnvelope ? recordsKey ?? "" : nil),
                       hint: Message.emptySourceHint)
            } else {
                report(.jsonNoRecords, at: whole, Message.noRecordRead, hint: Message.noRecordReadHint)
            }
        }
        return findings
    }

    private var hasErrors: Bool {
        findings.contains { $0.severity == .error }
    }
}

// MARK: - Messages

extension JSONRecordAssembler {
    /// The words of the assembler's findings, in English and German, apart from the logic that decides them.
    enum Message {
        /// A token's value, in words: "a string", "an object", …
        static func kind(_ kind: Token.Kind) -> Bilingual {
            switch kind {
            case .beginObject, .endObject: Bilingual(en: "an object", de: "ein Objekt")
            case .beginArray, .endArray: Bilingual(en: "an array", de: "ein Array")
            case .key, .string: Bilingual(en: "a string", de: "ein Text")
            case .number: Bilingual(en: "a number", de: "eine Zahl")
            case .true: Bilingual(en: "true", de: "true")
            case .false: Bilingual(en: "false", de: "false")
            case .null: Bilingual(en: "null", de: "null")
            }
        }

        static func recordsKeyNotArray(_ key: String, kind: Bilingual) -> Bilingual {
            Bilingual(en: "the value of '\(ShownText.value(key))' is \(kind.en), not an array of records",
                      de: "der Wert von '\(ShownText.value(key))' ist \(kind.de), kein Array von Datensätzen")
        }

        static let recordsKeyHint = Bilingual(en: "jsonRecordsKey names the key whose value is the array of records [ {…}, {…} ]",
                                              de: "jsonRecordsKey nennt den Schlüssel, dessen Wert das Array der Datensätze ist [ {…}, {…} ]")

        static func elementNotObject(_ number: Int, kind: Bilingual) -> Bilingual {
            Bilingual(en: "record \(number) of the array is \(kind.en), not an object",
                      de: "Datensatz \(number) des Arrays ist \(kind.de), kein Objekt")
        }

        static let elementNotObjectHint = Bilingual(
            en: "each element of the array of records is an object { \"key\": value, … }; this one was skipped",
            de: "jedes Element des Arrays der Datensätze ist ein Objekt { \"Schlüssel\": Wert, … }; dieses wurde übersprungen")

        static func valueType(_ field: String, kind: Bilingual) -> Bilingual {
            Bilingual(en: "the value of '\(ShownText.value(field))' is \(kind.en); a field is a string, a number, true, false or an array of them",
                      de: "der Wert von '\(ShownText.value(field))' ist \(kind.de); ein Feld ist ein Text, eine Zahl, true, false oder ein Array davon")
        }

        static let valueTypeHint = Bilingual(en: "write the value as text, or a list as an array of texts; this value was skipped",
                                             de: "schreiben Sie den Wert als Text, oder eine Liste als Array von Texten; dieser Wert wurde übersprungen")

        static func listElementType(_ field: String, kind: Bilingual) -> Bilingual {
            Bilingual(en: "an element of '\(ShownText.value(field))' is \(kind.en); the elements of a list are strings or numbers",
                      de: "ein Element von '\(ShownText.value(field))' ist \(kind.de); die Elemente einer Liste sind Texte oder Zahlen")
        }

        static let listElementTypeHint = Bilingual(
            en: "write a list as a flat array of texts, e.g. [\"Prozesse\", \"Daten\"]; this element was skipped",
            de: "schreiben Sie eine Liste als flaches Array von Texten, z. B. [\"Prozesse\", \"Daten\"]; dieses Element wurde übersprungen")

        static func lineNotObject(kind: Bilingual) -> Bilingual {
            Bilingual(en: "the line holds \(kind.en), not a record object", de: "die Zeile enthält \(kind.de), kein Datensatz-Objekt")
        }

        static let lineNotObjectHint = Bilingual(
            en: "each line of a JSON Lines file holds one object { \"key\": value, … }; this line was skipped",
            de: "jede Zeile einer JSON-Lines-Datei enthält ein Objekt { \"Schlüssel\": Wert, … }; diese Zeile wurde übersprungen")

        static func arrayButRecordsKey(_ key: String) -> Bilingual {
            Bilingual(en: "the top level is an array, but jsonRecordsKey '\(ShownText.value(key))' expects an object that holds the records under that key",
                      de: "die oberste Ebene ist ein Array, aber jsonRecordsKey '\(ShownText.value(key))' erwartet ein Objekt mit den Datensätzen unter diesem Schlüssel")
        }

        static let arrayButRecordsKeyHint = Bilingual(
            en: "remove jsonRecordsKey from the source's settings to read the array itself",
            de: "entfernen Sie jsonRecordsKey aus den Einstellungen der Quelle, um das Array selbst zu lesen")

        static func topLevelNotArray(kind: Bilingual) -> Bilingual {
            Bilingual(en: "the top level is \(kind.en), not an array of records", de: "die oberste Ebene ist \(kind.de), kein Array von Datensätzen")
        }

        static let topLevelHint = Bilingual(
            en: "a JSON source is an array of record objects [ {…}, {…} ], or an object that holds one under jsonRecordsKey",
            de: "eine JSON-Quelle ist ein Array von Datensatz-Objekten [ {…}, {…} ], oder ein Objekt, das ein solches unter jsonRecordsKey enthält")

        static func recordsKeyTwice(_ key: String) -> Bilingual {
            Bilingual(en: "the key '\(ShownText.value(key))' appears a second time in the top-level object",
                      de: "der Schlüssel '\(ShownText.value(key))' kommt im Objekt der obersten Ebene ein zweites Mal vor")
        }

        static func recordsKeyTwiceHint(_ key: String) -> Bilingual {
            Bilingual(en: "give each key once; the records of the first '\(ShownText.value(key))' were read, these were skipped",
                      de: "geben Sie jeden Schlüssel nur einmal an; die Datensätze des ersten '\(ShownText.value(key))' wurden gelesen, diese übersprungen")
        }

        /// Where the records are, when the top-level object has no records key: the first key holding an array.
        static func recordsKeySuggestion(arrayKey: String?) -> Bilingual {
            guard let arrayKey else {
                return Bilingual(en: "set jsonRecordsKey to the key whose value is the array of records",
                                 de: "setzen Sie jsonRecordsKey auf den Schlüssel, dessen Wert das Array der Datensätze ist")
            }
            return Bilingual(en: "set jsonRecordsKey to \"\(arrayKey)\", the key whose value is an array",
                             de: "setzen Sie jsonRecordsKey auf \"\(arrayKey)\", den Schlüssel, dessen Wert ein Array ist")
        }

        /// The top-level object lacks `key`; `keys` lists the ones it has (nil: none).
        static func noRecordsKey(_ key: String, keys: String?) -> Bilingual {
            guard let keys else {
                return Bilingual(en: "the top-level object is empty; jsonRecordsKey expects the records under '\(ShownText.value(key))'",
                                 de: "das Objekt der obersten Ebene ist leer; jsonRecordsKey erwartet die Datensätze unter '\(ShownText.value(key))'")
            }
            return Bilingual(en: "the top-level object has no key '\(ShownText.value(key))' (jsonRecordsKey); its keys are \(keys)",
                             de: "das Objekt der obersten Ebene hat keinen Schlüssel '\(ShownText.value(key))' (jsonRecordsKey); seine Schlüssel sind \(keys)")
        }

        static func topLevelObject(keys: String?) -> Bilingual {
            guard let keys else {
                return Bilingual(en: "the top level is an empty object, not an array of records",
                                 de: "die oberste Ebene ist ein leeres Objekt, kein Array von Datensätzen")
            }
            return Bilingual(en: "the top level is an object with the keys \(keys), not an array of records",
                             de: "die oberste Ebene ist ein Objekt mit den Schlüsseln \(keys), kein Array von Datensätzen")
        }

        static func fieldUnknown(_ name: String) -> Bilingual {
            Bilingual(en: "the field '\(ShownText.value(name))' is not used by the mapping", de: "das Feld '\(ShownText.value(name))' wird vom Mapping nicht verwendet")
        }

        static let fieldUnknownHint = Bilingual(
            en: "map it in the source's mapping if it should be read; it is reported once, where it first appears",
            de: "nehmen Sie es ins Mapping der Quelle auf, wenn es gelesen werden soll; es wird einmal gemeldet, wo es zuerst vorkommt")

        static func keyTwice(_ name: String, recordStart: SourceLocation?) -> Bilingual {
            let start = recordStart.map { "line \($0.line), column \($0.column ?? 1)" } ?? "here"
            let startDE = recordStart.map { "in Zeile \($0.line), Spalte \($0.column ?? 1)" } ?? "hier"
            return Bilingual(en: "the key '\(ShownText.value(name))' appears a second time in the record that starts at \(start)",
                             de: "der Schlüssel '\(ShownText.value(name))' kommt ein zweites Mal vor im Datensatz, der \(startDE) beginnt")
        }

        static let keyTwiceHint = Bilingual(
            en: "give each key once per record; the first value was kept, this one was skipped",
            de: "geben Sie jeden Schlüssel einmal pro Datensatz an; der erste Wert wurde behalten, dieser übersprungen")

        static func lineSkipped(after error: JSONSyntaxError) -> Bilingual {
            Bilingual(en: joined(error.hint, "this line was skipped; the other lines were read"),
                      de: joined(error.hintDE, "diese Zeile wurde übersprungen; die anderen Zeilen wurden gelesen"))
        }

        static func readingStopped(_ message: Bilingual) -> Bilingual {
            Bilingual(en: "\(message.en); reading stopped here", de: "\(message.de); das Lesen endete hier")
        }

        static func nothingAfter(_ error: JSONSyntaxError, recordsBefore: Int) -> Bilingual {
            let before = recordsBefore == 1 ? "the 1 record before it was read" : "the \(recordsBefore) records before it were read"
            let beforeDE = switch recordsBefore {
            case 0: "davor wurde kein Datensatz gelesen"
            case 1: "der eine Datensatz davor wurde gelesen"
            default: "die \(recordsBefore) Datensätze davor wurden gelesen"
            }
            return Bilingual(en: joined(error.hint, "nothing after this point was read (\(before))"),
                             de: joined(error.hintDE, "nach dieser Stelle wurde nichts gelesen (\(beforeDE))"))
        }

        static let emptySourceHint = Bilingual(en: "an empty source is never read as \"0 projects\": is this the right file?",
                                               de: "eine leere Quelle wird nie als «0 Vorhaben» gelesen: ist das die richtige Datei?")

        static func noLines(fileIsEmpty: Bool) -> Bilingual {
            fileIsEmpty ? Bilingual(en: "the file is empty", de: "die Datei ist leer")
                : Bilingual(en: "the file has only blank lines", de: "die Datei hat nur Leerzeilen")
        }

        /// The array of records is empty; `key`: the key it stands under, nil for a top-level array.
        static func emptyRecordArray(underKey key: String?) -> Bilingual {
            guard let key else { return Bilingual(en: "the array of records is empty", de: "das Array der Datensätze ist leer") }
            return Bilingual(en: "the array of records under '\(ShownText.value(key))' is empty", de: "das Array der Datensätze unter '\(ShownText.value(key))' ist leer")
        }

        static let noRecordRead = Bilingual(en: "no record could be read", de: "kein Datensatz konnte gelesen werden")
        static let noRecordReadHint = Bilingual(
            en: "the findings above say why; an empty source is never read as \"0 projects\"",
            de: "die Meldungen oben sagen, warum; eine leere Quelle wird nie als «0 Vorhaben» gelesen")

        private static func joined(_ first: String?, _ second: String) -> String {
            guard let first, !first.isEmpty else { return second }
            return "\(first); \(second)"
        }
    }
}
