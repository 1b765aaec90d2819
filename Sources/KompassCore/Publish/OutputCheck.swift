/// A check of one output's bytes, fed in order chunk by chunk: as the writer writes them (the long files of
/// the pass, on a thread of their own), or as a reader reads them back (the other files, and tests).
protocol OutputCheck {
    mutating func feed(_ chunk: UnsafeRawBufferPointer)
    /// The problems found, once every byte was fed; `projectCount` is the portfolio's, known at the end.
    mutating func finish(projectCount: Int) -> [Finding]
}

extension OutputCheck {
    /// Feeds the file at `path`, then finishes; nil when it cannot be read.
    mutating func check(fileAt path: String, projectCount: Int) -> [Finding]? {
        guard let reader = try? ByteFileReader(path: path, chunkSize: 1 << 20) else { return nil }
        do {
            try reader.forEachChunk { feed($0) }
        } catch {
            return nil
        }
        return finish(projectCount: projectCount)
    }
}

/// A self-check finding: an output kompass wrote is wrong (a defect of kompass, not of the data).
func selfCheckFailure(_ file: OutputFile, _ message: Bilingual, line: Int = 0, column: Int? = nil) -> Finding {
    Finding(ruleID: .selfCheck(file), severity: .error,
            location: SourceLocation(file: file.rawValue, line: line, column: column),
            message: message,
            hint: selfCheckHint)
}

/// The hint of every self-check finding: an output that does not read back is kompass's fault.
let selfCheckHint = Bilingual(en: "this is a defect of kompass, not of the data: please report it with the input",
                              de: "das ist ein Fehler von kompass, nicht der Daten: bitte melden Sie ihn zusammen mit den Eingabedaten")

/// JSON syntax and encoding, with the position of the first error, in flat memory.
final class JSONSyntaxCheck: OutputCheck {
    let file: OutputFile
    private var tokenizer = JSONTokenizer()
    private var problem: JSONSyntaxError?

    init(file: OutputFile) {
        self.file = file
        tokenizer.decodesText = false
    }

    private func drain() {
        while problem == nil {
            do {
                guard case .token = try tokenizer.next() else { return }
            } catch {
                problem = error
            }
        }
    }

    func feed(_ chunk: UnsafeRawBufferPointer) {
        tokenizer.feed(chunk)
        drain()
    }

    func finish(projectCount: Int) -> [Finding] {
        tokenizer.finish()
        drain()
        guard let problem else { return [] }
        return [selfCheckFailure(file, Bilingual(en: "is not valid JSON: \(problem.message)", de: "ist kein gültiges JSON: \(problem.messageDE)"),
                                 line: problem.line, column: problem.column)]
    }
}

/// `projects.csv`: syntax, header, row count, cells per row, and every cell against its column's declared
/// type (`CSVValueCheck`).
struct CSVOutputCheck: OutputCheck {
    private var tokenizer = CSVTokenizer(delimiter: CSVColumn.delimiter, file: OutputFile.csv.rawValue, rule: .selfCheck(.csv))
    private var findings: [Finding] = []
    private var rowCount = 0

    private mutating func consume(_ row: CSVTokenizer.Row) {
        let columns = CSVColumn.allCases
        rowCount += 1
        if rowCount == 1 {
            let header = row.cells.map { String(decoding: $0.bytes, as: UTF8.self) }
            if header != columns.map(\.rawValue) {
                let shown = header.joined(separator: ";")
                findings.append(selfCheckFailure(.csv, Bilingual(en: "the header is '\(shown)'", de: "die Kopfzeile lautet '\(shown)'"), line: 1))
            }
            return
        }
        if row.cells.count != columns.count {
            findings.append(selfCheckFailure(.csv, Bilingual(en: "the row has \(row.cells.count) cells, not \(columns.count)",
                                                             de: "die Zeile hat \(row.cells.count) Zellen statt \(columns.count)"),
                                             line: row.line))
        }
        for (column, cell) in zip(columns, row.cells) {
            let text = String(decoding: cell.bytes, as: UTF8.self)
            if let problem = CSVValueCheck.check(text, in: column) {
                findings.append(selfCheckFailure(.csv, Bilingual(
                    en: "the column '\(column.rawValue)' holds '\(text.truncated(40))', \(problem.en)",
                    de: "die Spalte '\(column.rawValue)' enthält '\(text.truncated(40))', \(problem.de)"), line: cell.line))
            }
        }
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        var rows: [CSVTokenizer.Row] = []
        tokenizer.feed(chunk) { rows.append($0) }
        for row in rows { consume(row) }
    }

    mutating func finish(projectCount: Int) -> [Finding] {
        var rows: [CSVTokenizer.Row] = []
        tokenizer.finish { rows.append($0) }
        for row in rows { consume(row) }
        // Our own file: the problem is a defect of kompass, and says so.
        findings += tokenizer.problems.map { problem in
            var finding = problem
            finding.hint = selfCheckHint.en
            finding.hintDE = selfCheckHint.de
            return finding
        }
        if rowCount - 1 != projectCount {
            findings.append(selfCheckFailure(.csv, Bilingual(en: "has \(rowCount - 1) data rows for \(projectCount) projects",
                                                             de: "hat \(rowCount - 1) Datenzeilen für \(projectCount) Vorhaben")))
        }
        return findings
    }
}
