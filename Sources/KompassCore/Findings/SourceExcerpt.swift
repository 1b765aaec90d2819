import Foundation

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

    /// The excerpt of `fullLine` for a finding at `column` (1-based, in characters; nil: none).
    public init(line: Int, fullLine: String, column: Int?) {
        let characters = Array(ShownText.line(fullLine.replacingOccurrences(of: "\t", with: " ")))
        let window = SourceExcerpt.window
        guard characters.count > window else {
            self.init(line: line, text: String(characters), column: column.map { min($0, characters.count + 1) })
            return
        }
        // A window around the column, a third of it before the caret.
        let at = (column ?? 1) - 1
        let start = max(0, min(at - window / 3, characters.count - window))
        let end = min(characters.count, start + window)
        let text = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        self.init(line: line, text: text, column: column.map { $0 - start + (start > 0 ? 1 : 0) })
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
