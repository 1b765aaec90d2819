/// Reads the text of the public Digitalisierungs-Kompass page (see `config/sources/README.md`):
/// an introduction, then per project the blocks Fortschritt, Dauer, Bisher, In Zukunft, Felder, Nutzende.
///
/// Streams the file line by line. Every problem becomes a finding with its line; no project is
/// skipped silently and no line inside a project is dropped without a finding.
public struct PageTextImporter: RecordImporter {
    /// The bullet that opens each line of the Felder block.
    static let bullet = "• "

    public init() {}

    /// Streams the projects' records to `emit` as each one is complete. The page text's field names are
    /// its headings; `request.fields` is not consulted, as every block is part of the format.
    public func read(_ request: ImportRequest, emit: (RawRecord) throws -> Void) throws -> [Finding] {
        let reader = try request.openReader()
        var parser = PageTextParser(file: request.path)
        var splitter = LineSplitter()
        var isFirstChunk = true
        try reader.forEachChunk { chunk in
            if isFirstChunk {
                isFirstChunk = false
                try SourceStart.check(chunk, path: request.path)
            }
            splitter.feed(chunk) { parser.consume($0) }
            if let line = splitter.lineBeyondLimit { throw ReadingStopped.line(request.path, line: line) }
            for record in parser.takeCompleted() { try emit(record) }
        }
        splitter.finish { parser.consume($0) }
        let findings = parser.finish(totalLines: splitter.lineNumber)
        for record in parser.takeCompleted() { try emit(record) }
        return findings
    }

    /// All records of the file at once (for small files and tests).
    public func read(path: String) throws -> ImportResult {
        var records: [RawRecord] = []
        let findings = try read(ImportRequest(path: path, fields: FieldMapping.pageText.usedSourceFields)) { records.append($0) }
        return ImportResult(records: records, findings: findings)
    }
}

/// The state machine behind `PageTextImporter`.
struct PageTextParser {
    let file: String
    /// Records complete but not yet handed over.
    private var completed: [RawRecord] = []
    private var recordCount = 0
    private var findings: [Finding] = []
    private var current: RawRecord?
    private var block: PageTextHeading?
    private var seen: Set<PageTextHeading> = []
    private var valuesInBlock = 0
    private var blockLine = 0
    private var stoppedAtInvalidUTF8 = false
    /// The first error of the project being read: a later error of its structure (a block missing, out of order,
    /// an unexpected line) follows from it, and says so (`causedBy`).
    private var firstErrorOfRecord: FindingReference?

    init(file: String) {
        self.file = file
    }

    private func location(_ line: Int, column: Int? = nil, field: String? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, field: field)
    }

    private mutating func report(_ rule: RuleID, line: Int, column: Int? = nil, field: String? = nil, _ text: Message.Text) {
        report(rule, line: line, column: column, field: field, text.message, hint: text.hint)
    }

    private mutating func report(_ rule: RuleID, line: Int, column: Int? = nil, field: String? = nil,
                                 _ message: Bilingual, hint: Bilingual) {
        var finding = Finding(ruleID: rule, severity: .error, location: location(line, column: column, field: field),
                              message: message, hint: hint)
        if current != nil {
            if let cause = firstErrorOfRecord, PageTextParser.structuralRules.contains(rule) {
                finding.causedBy = cause
            } else if firstErrorOfRecord == nil {
                firstErrorOfRecord = FindingReference(finding)
            }
        }
        findings.append(finding)
    }

    /// The errors of a project's structure: after a first error in the same project, each of these is its
    /// consequence (an unknown heading makes the next lines unexpected and its block missing).
    static let structuralRules: Set<RuleID> = [
        .pageTextBlockMissing, .pageTextBlockOrder, .pageTextLineUnexpected, .pageTextBlockEmpty, .pageTextBlockRepeated,
    ]

    mutating func consume(_ line: LineSplitter.Line) {
        guard !stoppedAtInvalidUTF8 else { return }
        switch line {
        case .invalidUTF8(let number, let column, let byte):
            stoppedAtInvalidUTF8 = true
            let hex = String(byte, radix: 16, uppercase: true)
            report(.pageTextEncoding, line: number, column: column, Message.notUTF8(hex: hex))
        case .text(let text, let number):
            consume(text: text, line: number)
        }
    }

    private mutating func consume(text: String, line: Int) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return }
        if let heading = PageTextHeading(rawValue: trimmed) {
            enter(heading, line: line)
            return
        }
        // A misspelt heading is the cause; read as the heading it was meant to be, it causes nothing more (no
        // block out of order, no project without its block, no project missing from the publication).
        if let intended = PageTextHeading.intended(by: trimmed) {
            let column = text.prefix { $0 == " " || $0 == "\t" }.count + 1
            report(.pageTextHeadingMisspelt, line: line, column: column, field: intended.rawValue,
                   Message.misspelt(trimmed, intended: intended.rawValue))
            enter(intended, line: line)
            return
        }
        guard let block else { return }  // the introduction and the timeline axis carry no project values
        addValue(trimmed, original: text, to: block, line: line)
    }

    private mutating func enter(_ heading: PageTextHeading, line: Int) {
        if heading == .progress {
            closeRecord(endLine: line)
            current = RawRecord(location: location(line))
            firstErrorOfRecord = nil
            seen = []
        } else if current == nil {
            report(.pageTextBlockOrder, line: line, field: heading.rawValue, Message.beforeFirstProject(heading.rawValue))
            current = RawRecord(location: location(line))
            seen = []
        } else if let block {
            if valuesInBlock == 0 {
                reportEmptyBlock(block)
            }
            if seen.contains(heading) {
                let start = current!.location.line
                report(.pageTextBlockRepeated, line: line, field: heading.rawValue, Message.repeated(heading.rawValue, projectStart: start))
            } else if heading != block.next {
                report(.pageTextBlockOrder, line: line, field: heading.rawValue,
                       Message.outOfOrder(heading.rawValue, after: block.rawValue, expected: block.next?.rawValue))
            }
        }
        seen.insert(heading)
        block = heading
        valuesInBlock = 0
        blockLine = line
    }

    private mutating func reportEmptyBlock(_ block: PageTextHeading) {
        report(.pageTextBlockEmpty, line: blockLine, field: block.rawValue, Message.emptyBlock(block))
    }

    private mutating func addValue(_ value: String, original: String, to block: PageTextHeading, line: Int) {
        let leading = original.prefix { $0 == " " || $0 == "\t" }.count
        var column = leading + 1
        var value = value
        switch block {
        case .progress, .duration:
            if valuesInBlock >= 1 {
                report(.pageTextLineUnexpected, line: line, field: block.rawValue,
                       Message.unexpectedLine(value, after: block.rawValue, expected: block.next!.rawValue))
                return
            }
        case .fields:
            if value.hasPrefix(PageTextImporter.bullet) {
                value = String(value.dropFirst(PageTextImporter.bullet.count)).trimmingWhitespace()
                column += PageTextImporter.bullet.count
            } else {
                report(.pageTextFieldsBullet, line: line, field: block.rawValue, Message.fieldWithoutBullet(value))
            }
        case .userGroups:
            if value.hasPrefix(PageTextImporter.bullet) {
                report(.pageTextUserGroupsBullet, line: line, field: block.rawValue, Message.userGroupWithBullet(value))
                value = String(value.dropFirst(PageTextImporter.bullet.count)).trimmingWhitespace()
                column += PageTextImporter.bullet.count
            }
        case .before, .future:
            break
        }
        valuesInBlock += 1
        let raw = RawValue(value, at: location(line, column: column, field: block.rawValue))
        current?.append(raw, to: block.rawValue)
    }

    private mutating func closeRecord(endLine: Int, atEndOfFile: Bool = false) {
        guard let record = current, let block else { return }
        if valuesInBlock == 0 { reportEmptyBlock(block) }
        let missing = PageTextHeading.allCases.filter { !seen.contains($0) }
        if !missing.isEmpty {
            report(.pageTextBlockMissing, line: record.location.line,
                   Message.missingBlocks(missing, projectStart: record.location.line, endLine: endLine, atEndOfFile: atEndOfFile))
        }
        completed.append(record)
        recordCount += 1
        current = nil
        self.block = nil
    }

    /// The records completed since the last call.
    mutating func takeCompleted() -> [RawRecord] {
        defer { completed.removeAll(keepingCapacity: true) }
        return completed
    }

    /// Closes the last project; returns every finding about the file.
    mutating func finish(totalLines: Int) -> [Finding] {
        if stoppedAtInvalidUTF8 {
            // The project being read when the bad byte came is incomplete: it is not handed over.
            current = nil
            return findings
        }
        closeRecord(endLine: totalLines + 1, atEndOfFile: true)
        if recordCount == 0 {
            report(.pageTextNoProjects, line: 0, Message.noProjects(fileIsEmpty: totalLines == 0))
        }
        return findings
    }
}

// MARK: - Messages

extension PageTextParser {
    /// The page text's messages, apart from the logic that finds the problems: each a message and a hint, in
    /// English and German.
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual)

        static func missingBlocks(_ missing: [PageTextHeading], projectStart start: Int, endLine: Int, atEndOfFile: Bool) -> Text {
            let names = missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let namesDE = missing.map { "«\($0.rawValue)»" }.joined(separator: ", ")
            return (Bilingual(en: "the project starting at line \(start) has no \(names) block" + (missing.count > 1 ? "s" : ""),
                              de: "dem Vorhaben ab Zeile \(start) fehl\(missing.count > 1 ? "en die Blöcke" : "t der Block") \(namesDE)"),
                    atEndOfFile
                        ? Bilingual(en: "the file ends inside this project: it may have been cut off; take the complete page text",
                                    de: "die Datei endet mitten in diesem Vorhaben: sie ist womöglich abgeschnitten; nehmen Sie den vollständigen Seitentext")
                        : Bilingual(en: "add the missing heading and its content before line \(endLine)",
                                    de: "ergänzen Sie die fehlende Überschrift und ihren Inhalt vor Zeile \(endLine)"))
        }

        static func noProjects(fileIsEmpty: Bool) -> Text {
            (fileIsEmpty
                ? Bilingual(en: "the file is empty", de: "die Datei ist leer")
                : Bilingual(en: "no project found: the file has no 'Fortschritt' heading",
                            de: "kein Vorhaben gefunden: die Datei hat keine Überschrift «Fortschritt»"),
             Bilingual(en: "the page text lists each project from a line 'Fortschritt'; is this the right file?",
                       de: "der Seitentext führt jedes Vorhaben ab einer Zeile «Fortschritt» auf; ist das die richtige Datei?"))
        }

        static func notUTF8(hex: String) -> Text {
            (Bilingual(en: "byte 0x\(hex) is not UTF-8; the file was probably saved as Windows-1252 or Latin-1",
                       de: "das Byte 0x\(hex) ist kein UTF-8; die Datei wurde wohl als Windows-1252 oder Latin-1 gespeichert"),
             Bilingual(en: "save the file as UTF-8 and run again; nothing from this line on was read",
                       de: "speichern Sie die Datei als UTF-8 und starten Sie erneut; ab dieser Zeile wurde nichts gelesen"))
        }

        static func misspelt(_ written: String, intended: String) -> Text {
            (Bilingual(en: "'\(ShownText.value(written))' is not a heading: did you mean '\(ShownText.value(intended))'?",
                       de: "«\(written)» ist keine Überschrift: meinten Sie «\(intended)»?"),
             Bilingual(en: "write the heading exactly as '\(ShownText.value(intended))'; the block was read as '\(ShownText.value(intended))'",
                       de: "schreiben Sie die Überschrift genau als «\(intended)»; der Block wurde als «\(intended)» gelesen"))
        }

        static func beforeFirstProject(_ heading: String) -> Text {
            (Bilingual(en: "heading '\(ShownText.value(heading))' comes before the first 'Fortschritt'",
                       de: "die Überschrift «\(heading)» steht vor dem ersten «Fortschritt»"),
             Bilingual(en: "every project starts with 'Fortschritt' and its percentage",
                       de: "jedes Vorhaben beginnt mit «Fortschritt» und seinem Prozentwert"))
        }

        static func repeated(_ heading: String, projectStart start: Int) -> Text {
            (Bilingual(en: "heading '\(ShownText.value(heading))' appears a second time in the project starting at line \(start)",
                       de: "die Überschrift «\(heading)» kommt ein zweites Mal vor im Vorhaben ab Zeile \(start)"),
             Bilingual(en: "each project has each block once; a missing 'Fortschritt' may have merged two projects",
                       de: "jedes Vorhaben hat jeden Block einmal; fehlt ein «Fortschritt», sind womöglich zwei Vorhaben verschmolzen"))
        }

        static func outOfOrder(_ heading: String, after block: String, expected next: String?) -> Text {
            let expected = next.map { "'\($0)'" } ?? "'Fortschritt' (the next project)"
            let expectedDE = next.map { "«\($0)»" } ?? "«Fortschritt» (das nächste Vorhaben)"
            return (Bilingual(en: "heading '\(ShownText.value(heading))' is out of order: after '\(ShownText.value(block))' comes \(expected)",
                              de: "die Überschrift «\(heading)» steht am falschen Ort: nach «\(block)» folgt \(expectedDE)"),
                    Bilingual(en: "the blocks of a project come in the order Fortschritt, Dauer, Bisher, In Zukunft, Felder, Nutzende",
                              de: "die Blöcke eines Vorhabens folgen in der Reihenfolge Fortschritt, Dauer, Bisher, In Zukunft, Felder, Nutzende"))
        }

        static func emptyBlock(_ block: PageTextHeading) -> Text {
            (Bilingual(en: "the block '\(ShownText.value(block.rawValue))' has no value", de: "der Block «\(block.rawValue)» hat keinen Wert"),
             expectation(for: block))
        }

        static func unexpectedLine(_ value: String, after block: String, expected: String) -> Text {
            (Bilingual(en: "unexpected line '\(value.truncated(60))' after the '\(ShownText.value(block))' value; an unknown heading?",
                       de: "unerwartete Zeile '\(value.truncated(60))' nach dem Wert von «\(block)»; eine unbekannte Überschrift?"),
             Bilingual(en: "the '\(ShownText.value(block))' block has one line; the heading '\(ShownText.value(expected))' should follow",
                       de: "der Block «\(block)» hat eine Zeile; danach sollte die Überschrift «\(expected)» folgen"))
        }

        static func fieldWithoutBullet(_ value: String) -> Text {
            (Bilingual(en: "the line '\(value.truncated(60))' in the 'Felder' block has no bullet; an unknown heading?",
                       de: "die Zeile '\(value.truncated(60))' im Block «Felder» hat keinen Aufzählungspunkt; eine unbekannte Überschrift?"),
             Bilingual(en: "write each field of action as '• Prozesse'; a new block needs one of the headings "
                           + PageTextHeading.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "),
                       de: "schreiben Sie jedes Handlungsfeld als «• Prozesse»; ein neuer Block braucht eine der Überschriften "
                           + PageTextHeading.allCases.map { "«\($0.rawValue)»" }.joined(separator: ", ")))
        }

        static func userGroupWithBullet(_ value: String) -> Text {
            (Bilingual(en: "the user group '\(value.truncated(60))' has a bullet; in 'Nutzende' user groups stand without one",
                       de: "die Gruppe '\(value.truncated(60))' hat einen Aufzählungspunkt; unter «Nutzende» stehen die Gruppen ohne"),
             Bilingual(en: "write the user group without '• ', or move it to the 'Felder' block if it is a field of action",
                       de: "schreiben Sie die Gruppe ohne «• », oder verschieben Sie sie in den Block «Felder», wenn sie ein Handlungsfeld ist"))
        }

        static func expectation(for block: PageTextHeading) -> Bilingual {
            switch block {
            case .progress:
                Bilingual(en: "write the progress on the line after 'Fortschritt', e.g. 30%",
                          de: "schreiben Sie den Fortschritt auf die Zeile nach «Fortschritt», z. B. 30%")
            case .duration:
                Bilingual(en: "write the years on the line after 'Dauer', e.g. 2023–2028 or 2024",
                          de: "schreiben Sie die Jahre auf die Zeile nach «Dauer», z. B. 2023–2028 oder 2024")
            case .before, .future:
                Bilingual(en: "write at least one paragraph of text after '\(ShownText.value(block.rawValue))'",
                          de: "schreiben Sie nach «\(block.rawValue)» mindestens einen Absatz Text")
            case .fields:
                Bilingual(en: "list each field of action on its own line as '• Prozesse'",
                          de: "führen Sie jedes Handlungsfeld auf einer eigenen Zeile auf, als «• Prozesse»")
            case .userGroups:
                Bilingual(en: "list each user group on its own line, e.g. Mitarbeitende",
                          de: "führen Sie jede Gruppe von Nutzenden auf einer eigenen Zeile auf, z. B. Mitarbeitende")
            }
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and no-break spaces.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }

    /// At most `length` characters, with an ellipsis when cut.
    func truncated(_ length: Int) -> String {
        count <= length ? self : String(prefix(length)) + "…"
    }
}
