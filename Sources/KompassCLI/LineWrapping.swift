/// Lines of at most `width` characters made of `words` (a word longer than the line gets a line of its own):
/// the first line starts with `first`, the others with `rest`.
func wrapped(_ words: [String], width: Int, first: String, rest: String) -> [String] {
    var lines: [String] = []
    var line = first
    var lineHasWords = false
    for word in words {
        if lineHasWords && line.count + 1 + word.count > width {
            lines.append(line)
            line = rest
            lineHasWords = false
        }
        line += (lineHasWords ? " " : "") + word
        lineHasWords = true
    }
    lines.append(line)
    return lines
}
