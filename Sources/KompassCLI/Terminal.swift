import Foundation

/// Where output goes, and whether it may be coloured: only on a terminal, never with NO_COLOR set.
struct Terminal {
    let colourOnStandardError: Bool
    let colourOnStandardOutput: Bool
    /// Whether a person is probably watching: standard output or error is a terminal.
    let isInteractive: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let allowed = environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
        colourOnStandardError = allowed && isatty(2) == 1
        colourOnStandardOutput = allowed && isatty(1) == 1
        isInteractive = isatty(1) == 1 || isatty(2) == 1
    }

    static func printOut(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
