/// Quoting for the shells kompass talks to: the remote shell that runs what ssh sends, and rsync's own
/// splitting of its `-e` command. Nothing on kompass's side runs through a shell.
enum ShellWords {
    /// `word` as one word of a POSIX shell: unchanged when it holds only safe characters, else in single quotes
    /// (a `'` in it as `'\''`). Safe for any text the remote shell reads, whatever it holds.
    static func quoted(_ word: String) -> String {
        if !word.isEmpty && word.utf8.allSatisfy(isSafe) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A command line for a POSIX shell: each word quoted.
    static func command(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    /// A command as messages show it: its argv quoted for a shell, each word's control characters escaped.
    static func shown(_ argv: [String]) -> String {
        ShownText.message(command(argv), limit: 2_000)
    }

    /// `word` for rsync's splitting of `-e COMMAND` (spaces separate words; single or double quotes keep spaces,
    /// no backslashes): in single quotes, or in double quotes when it holds a single quote. The configuration
    /// reader refuses words with both.
    static func rsyncQuoted(_ word: String) -> String {
        if !word.isEmpty && word.utf8.allSatisfy(isSafe) { return word }
        return word.contains("'") ? "\"" + word + "\"" : "'" + word + "'"
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="),
             UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: "+"): true
        default: false
        }
    }
}
