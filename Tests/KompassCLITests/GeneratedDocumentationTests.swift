import Foundation
@testable import KompassCLI
import KompassCore
import Testing

/// The help, the man page and the bash completion come from the same declarations as the parser: every option a
/// command takes appears in each, and none that it does not take.
@Suite struct GeneratedDocumentationTests {
    /// The options (`--name`, `-q`) that `text` mentions.
    static func optionsMentioned(in text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"(?<![\w-])--?[a-z][a-z-]*"#)
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) })
    }

    static func spellings(_ command: CommandName) -> Set<String> {
        Set(OptionTable.options(of: command).flatMap { [$0.name] + ($0.shortName.map { [$0] } ?? []) })
    }

    @Test func theTableDeclaresEachOptionOncePerCommand() {
        for command in CommandName.allCases {
            let names = OptionTable.options(of: command).flatMap { [$0.name] + ($0.shortName.map { [$0] } ?? []) }
            #expect(names.count == Set(names).count, "\(command): \(names)")
        }
    }

    @Test func everyHelpShowsItsOptionsAndNoOther() {
        for command in Commands.all {
            let help = HelpText.help(of: command)
            for text in [help.en, help.de] {
                let lines = text.split(separator: "\n").map(String.init)
                for option in command.options {
                    #expect(lines.contains { $0.hasPrefix("  " + option.heading + " ") || $0 == "  " + option.heading },
                            "\(command.name): \(option.heading) in the options")
                    let usage = HelpText.usageLines(of: command).joined(separator: "\n")
                    #expect(option.name == "--help" || usage.contains(option.name), "\(command.name): \(option.name) in the usage")
                }
                // The usage and the options (the notes may point to another command's options: `kompass run --config`).
                let notes = [command.notes?.en, command.notes?.de].compactMap { $0 }
                let usageAndOptions = notes.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
                let unknown = Self.optionsMentioned(in: usageAndOptions).subtracting(Self.spellings(command.name))
                #expect(unknown.isEmpty, "\(command.name) mentions options it does not take: \(unknown)")
            }
        }
    }

    @Test func theUsageIsTheSameInBothLanguagesAndFitsTheWidth() {
        for command in Commands.all {
            let help = HelpText.help(of: command)
            for line in HelpText.usageLines(of: command) {
                #expect(help.en.contains(line) && help.de.contains(line))
                #expect(line.count <= HelpText.width, "\(line)")
            }
        }
    }

    @Test func helpListsEveryExitCode() throws {
        for language in ["en", "de"] {
            let result = try KompassProcess.run(["help", "--lang", language])
            #expect(result.exitCode == 0)
            let lines = result.standardOutput.split(separator: "\n")
            for code in 0...6 {
                #expect(lines.contains { $0.hasPrefix("  \(code)  ") }, "\(language): exit code \(code)")
            }
        }
        #expect(ExitCode.allCases.map(\.rawValue) == Array(0...6))
        #expect(ExitCode.deliveryFailed.meaning.en.contains("publication.deliver"))
    }

    @Test func helpOfHelpNamesTheManPageAndTheCompletion() throws {
        let result = try KompassProcess.run(["help", "help", "--lang", "en"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("kompass help --man") && result.standardOutput.contains("kompass help --completion bash"))
        #expect(try KompassProcess.run(["help", "--help", "--lang", "en"]).standardOutput == result.standardOutput)
        #expect(try KompassProcess.run(["help", "--man", "--completion", "bash"]).exitCode == 2)
    }

    // MARK: - Man page

    @Test func roffEscaping() {
        #expect(ManPage.escaped("--config PATH") == #"\-\-config PATH"#)
        #expect(ManPage.escaped("[--source FILE [--format F]]...") == #"[\-\-source FILE [\-\-format F]]..."#)
        #expect(ManPage.escaped("open-data and DCAT-AP") == "open-data and DCAT-AP")
        #expect(ManPage.escaped(#"a\b"#) == #"a\eb"#)
        #expect(ManPage.escaped(".hidden") == #"\&.hidden"#)
        #expect(ManPage.escaped("'quoted") == #"\&'quoted"#)
    }

    @Test func theManPageHasEveryCommandOptionAndSection() throws {
        let result = try KompassProcess.run(["help", "--man"])
        #expect(result.exitCode == 0)
        let page = result.standardOutput
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "FILES", "SEE ALSO"] {
            #expect(page.contains("\n.SH \(section)\n"), "\(section)")
        }
        for command in CommandName.allCases { #expect(page.contains(#"\fB\#(command.rawValue)\fR"#), "\(command)") }
        for option in OptionTable.all { #expect(page.contains(#"\fB\#(ManPage.escaped(option.name))\fR"#), "\(option.name)") }
        for code in 0...6 { #expect(page.contains(".TP\n\\fB\(code)\\fR\n"), "exit code \(code)") }
        #expect(page.contains("NO_COLOR") && page.contains("config/kompass.json"))
        let ascii = page.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "groff reads the page without a declared encoding")
        let requestLike = page.split(separator: "\n").filter { ($0.hasPrefix(".") || $0.hasPrefix("'")) && !Self.isKnownRequest($0) }
        #expect(requestLike.isEmpty, "\(requestLike)")
    }

    static func isKnownRequest(_ line: Substring) -> Bool {
        [".TH ", ".SH ", ".TP", ".PP", ".IP", ".ad ", #".\""#].contains { line.hasPrefix($0) }
    }

    /// Runs groff (or, without it, says why not) on `page`: its warnings.
    static func groffWarnings(_ page: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return nil }
        let folder = try TemporaryFolder()
        try page.write(toFile: folder.path("kompass.1"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        process.arguments = ["-man", "-Tutf8", "-ww", folder.path("kompass.1")]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? warnings : "exit \(process.terminationStatus): " + warnings
    }

    @Test func groffReadsTheManPageWithoutWarnings() throws {
        let page = try KompassProcess.run(["help", "--man"]).standardOutput
        guard let warnings = try Self.groffWarnings(page) else {
            print("skipped: /usr/bin/groff is not installed (Debian package groff-base; scripts/install-test-deps installs it)")
            return
        }
        #expect(warnings.isEmpty, "\(warnings)")
        // The check can fail: groff warns about a request it does not know.
        #expect(try Self.groffWarnings(page + "\n.xyzzy\n")?.isEmpty == false)
    }

    // MARK: - Bash completion

    /// What the completion offers for `words` (the last is the word being completed), by sourcing the script in
    /// bash and calling its function as bash does on TAB.
    static func complete(_ words: [String], script: String,
                         in directory: URL = FileManager.default.temporaryDirectory) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "eval \"$1\"; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); "
            + #"_kompass; printf '%s\n' "${COMPREPLY[@]}""#, "bash", script]
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").map(String.init)
    }

    @Test func theCompletionScriptIsBashAndCompletes() throws {
        let result = try KompassProcess.run(["help", "--completion", "bash"])
        #expect(result.exitCode == 0)
        let script = result.standardOutput
        let folder = try TemporaryFolder()
        try script.write(toFile: folder.path("kompass.bash"), atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/bash")
        check.arguments = ["-n", folder.path("kompass.bash")]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "bash -n")

        #expect(try Self.complete(["kompass", "val"], script: script) == ["validate"])
        #expect(try Self.complete(["kompass", ""], script: script) == CommandName.allCases.map(\.rawValue))
        #expect(try Self.complete(["kompass", "--log"], script: script) == ["--log-format"], "bare kompass is run")
        #expect(try Self.complete(["kompass", "run", "--log-format", ""], script: script) == ["text", "json"])
        #expect(try Self.complete(["kompass", "validate", "--report", ""], script: script) == ["text", "json", "html"])
        #expect(try Self.complete(["kompass", "run", "--lang", ""], script: script) == ["de", "en"])
        #expect(try Self.complete(["kompass", "help", "--completion", ""], script: script) == ["bash"])
        #expect(try Self.complete(["kompass", "generate", "--format", ""], script: script) == OptionTable.formats)
        #expect(try Self.complete(["kompass", "help", "st"], script: script) == ["status"])
        // Every command's options, as the table declares them.
        for command in CommandName.allCases {
            let offered = try Self.complete(["kompass", command.rawValue, "-"], script: script)
            #expect(Set(offered) == Self.spellings(command), "\(command)")
        }
    }

    @Test func theCompletionCompletesPaths() throws {
        let script = BashCompletion().script
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("outputs"), withIntermediateDirectories: false)
        try "".write(toFile: folder.path("outline.txt"), atomically: true, encoding: .utf8)
        func complete(_ words: [String]) throws -> [String] {
            try Self.complete(words, script: script, in: folder.url).sorted()
        }
        #expect(try complete(["kompass", "run", "--config", "out"]) == ["outline.txt", "outputs"])
        #expect(try complete(["kompass", "run", "--output", "out"]) == ["outputs"], "a folder option offers folders only")
        #expect(try complete(["kompass", "validate", "out"]) == ["outline.txt", "outputs"], "validate's files")
        #expect(try complete(["kompass", "validate", "--report", "html", "out"]) == ["outline.txt", "outputs"], "--report html FILE")
    }
}
