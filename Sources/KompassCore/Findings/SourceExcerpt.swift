/// The line of a source a finding points at, as a report shows it under the finding: the text of the line
/// (a window of it around the column when the line is long) and the column the caret marks, as rustc and Elm
/// show a mistake where it stands.
public struct SourceExcerpt: Sendable, Equatable {
    /// The line's number in its file (1-based).
    public var line: Int
    /// The line as shown: tabs as spaces, other control characters as their control pictures (␛, ␀), bytes
    /// that are not UTF-8 as U+FFFD, at most `window` characters, with `…` where it was cut.
    public var text: String
    /// The column of `text` the caret marks (1-based, in characters), or nil when the finding names no column.
    public var column: Int?

    /// How many characters of a long line are shown.
    public static let window = 120

    public init(line: Int, text: String, column: Int?) {
        self.line = line
        self.text = text
        self.column = column
    }

    /// The excerpt of `fullLine` for a finding at `column` (1-based, in characters; nil: none). A long line is walked
    /// only as far as the window (every excerpt of a report is cut here, and a line may be long).
    public init(line: Int, fullLine: String, column: Int?) {
        let text = ShownText.line(fullLine, tabsAsSpaces: true)
        let window = SourceExcerpt.window
        guard let windowEnd = text.index(text.startIndex, offsetBy: window, limitedBy: text.endIndex), windowEnd < text.endIndex else {
            self.init(line: line, text: text, column: column.map { min($0, text.count + 1) })
            return
        }
        // A window around the column, a third of it before the caret; the last `window` characters when the window
        // from there would pass the end.
        var start = max(0, (column ?? 1) - 1 - window / 3)
        var lower = text.index(text.startIndex, offsetBy: start, limitedBy: text.endIndex)
        var upper = lower.flatMap { text.index($0, offsetBy: window, limitedBy: text.endIndex) }
        if upper == nil {
            start = text.count - window
            lower = text.index(text.endIndex, offsetBy: -window)
            upper = text.endIndex
        }
        guard let lower, let upper else { preconditionFailure("SourceExcerpt: the window lies inside the line") }
        let shown = (start > 0 ? "…" : "") + String(text[lower..<upper]) + (upper < text.endIndex ? "…" : "")
        self.init(line: line, text: shown, column: column.map { $0 - start + (start > 0 ? 1 : 0) })
    }

    /// The excerpts of `locations` that can be read, by file and line number: each file read once, up to the
    /// last line asked for. A file that cannot be read, a compressed one, or a line beyond the end gives none.
    public static func lines(at locations: [SourceLocation]) -> [String: [Int: String]] {
        var wanted: [String: Set<Int>] = [:]
        for location in locations where location.line > 0 { wanted[location.file, default: []].insert(location.line) }
        var found: [String: [Int: String]] = [:]
        for (file, numbers) in wanted where !file.hasSuffix(".gz") {
            guard let last = numbers.max(), let reader = try? ByteFileReader(path: file, chunkSize: 1 << 16) else { continue }
            var lines: [Int: String] = [:]
            var number = 1
            var pending: [UInt8] = []
            var lineLength = 0
            struct Done: Error {}
            func take() {
                if numbers.contains(number) {
                    if pending.last == 0x0D { pending.removeLast() }
                    lines[number] = String(decoding: pending, as: UTF8.self)
                }
                pending.removeAll(keepingCapacity: true)
                lineLength = 0
                number += 1
            }
            do {
                try reader.forEachChunk { chunk in
                    for byte in chunk {
                        if byte == 0x0A {
                            take()
                            if number > last { throw Done() }
                        } else {
                            lineLength += 1
                            if numbers.contains(number), pending.count < 1 << 16 { pending.append(byte) }
                            // A line longer than any source may have (the importers stopped there): no excerpt
                            // beyond it, and no reading without end (a device, a file of NUL bytes).
                            if lineLength > InputLimits.lineBytes {
                                take()
                                throw Done()
                            }
                        }
                    }
                }
                if !pending.isEmpty { take() }
            } catch {}
            // A byte-order mark at the start of the file is not part of the first line.
            if let first = lines[1], first.hasPrefix("\u{FEFF}") { lines[1] = String(first.dropFirst()) }
            found[file] = lines
        }
        return found
    }
}
