import Foundation
@testable import KompassCLI
import KompassCore
import Testing

/// The parser of each command, driven by `OptionTable`: what it takes, what it refuses and with which usage error.
@Suite struct CommandLineParserTests {
    static func parse(_ arguments: [String], _ command: CommandName) throws -> CommandOptions {
        try CommandOptions.parse(arguments[...], for: Commands.command(command))
    }

    /// The usage error parsing `arguments` for `command` throws; nil when it parses.
    static func problem(_ arguments: [String], _ command: CommandName) -> UsageError.Problem? {
        do {
            _ = try parse(arguments, command)
            return nil
        } catch let error as UsageError {
            return error.problem
        } catch {
            Issue.record("not a usage error: \(error)")
            return nil
        }
    }

    /// A value `option` takes, for trying it.
    static func sample(_ option: OptionDeclaration) -> [String] {
        switch option.takes {
        case .nothing: []
        case .word, .several: ["1"]
        case .file: ["file.csv"]
        case .directory: ["folder"]
        case .oneOf(let words, _): [words[0]]
        case .wholeNumber(let minimum): [String(minimum + 1)]
        case .date: ["2026-11-30"]
        }
    }

    @Test func everyCommandTakesItsOptionsAndRefusesTheOthers() throws {
        let names = Set(OptionTable.all.map(\.name))
        for command in CommandName.allCases {
            let own = OptionTable.options(of: command)
            for option in own {
                for spelling in [option.name] + (option.shortName.map { [$0] } ?? []) {
                    #expect(Self.problem([spelling] + Self.sample(option), command) == nil, "\(command) \(spelling)")
                }
            }
            for name in names.subtracting(own.map(\.name)) {
                #expect(Self.problem([name], command) == .unknownOption(name, command: command.rawValue), "\(command) \(name)")
            }
        }
        // A few by name, so that the table cannot drift unnoticed.
        #expect(Self.problem(["--dry-run"], .validate) == .unknownOption("--dry-run", command: "validate"))
        #expect(Self.problem(["--source", "a.csv"], .validate) == .unknownOption("--source", command: "validate"))
        #expect(Self.problem(["--to", "csv"], .run) == .unknownOption("--to", command: "run"))
        #expect(Self.problem(["--log-format", "json"], .validate) == .unknownOption("--log-format", command: "validate"))
        #expect(Self.problem(["--verbose"], .convert) == .unknownOption("--verbose", command: "convert"))
        #expect(Self.problem(["--man"], .run) == .unknownOption("--man", command: "run"))
        for command in CommandName.allCases {
            #expect(Self.problem(["--lang", "de", "--help"], command) == nil, "every command takes --lang and --help")
        }
    }

    @Test func unknownOptionsAndArguments() {
        #expect(Self.problem(["--frobnicate"], .run) == .unknownOption("--frobnicate", command: "run"))
        #expect(Self.problem(["-x"], .validate) == .unknownOption("-x", command: "validate"))
        #expect(Self.problem(["--frobnicate=1"], .run) == .unknownOption("--frobnicate", command: "run"))
        // There is no `--` end of options: it is an unknown option like any other.
        #expect(Self.problem(["--"], .validate) == .unknownOption("--", command: "validate"))
        #expect(Self.problem(["extra"], .rules) == .unexpectedArgument("extra"))
        #expect(Self.problem(["-"], .run) == .unexpectedArgument("-"))
    }

    @Test func missingValues() {
        #expect(Self.problem(["--config"], .run) == .missingValue(option: "--config"))
        #expect(Self.problem(["--config", "--strict"], .run) == .missingValue(option: "--config"))
        #expect(Self.problem(["--source", "a.txt", "--format"], .run) == .missingValue(option: "--format"))
        #expect(Self.problem(["--retire"], .run) == .missingValues(option: "--retire"))
        #expect(Self.problem(["--retire", "--full"], .run) == .missingValues(option: "--retire"))
        #expect(Self.problem(["--report", "html"], .validate) == .missingValue(option: "--report html"))
    }

    @Test func refusedValuesNameWhatTheOptionTakes() {
        #expect(Self.problem(["--as-of", "30.11.2026"], .run) == .invalidValue(option: "--as-of", value: "30.11.2026", expected: .date))
        #expect(Self.problem(["--projects", "0"], .generate) == .invalidValue(option: "--projects", value: "0", expected: .wholeNumber(from: 1)))
        #expect(Self.problem(["--max-findings", "-1"], .validate)
            == .invalidValue(option: "--max-findings", value: "-1", expected: .wholeNumber(from: 0)))
        #expect(Self.problem(["--max-findings", "--strict"], .validate) == .missingValue(option: "--max-findings"),
                "a value that starts with -- is none")
        #expect(Self.problem(["--projects", "99999999999999999999"], .generate)
            == .invalidValue(option: "--projects", value: "99999999999999999999", expected: .wholeNumber(from: 1)))
        #expect(Self.problem(["--seed", "-1"], .generate) == .invalidValue(option: "--seed", value: "-1", expected: .wholeNumber(from: 0)))
        #expect(Self.problem(["--examples", "0"], .run) == .invalidValue(option: "--examples", value: "0", expected: .wholeNumber(from: 1)))
        #expect(Self.problem(["--report", "xml"], .validate) == .invalidValue(option: "--report", value: "xml", expected: .oneOf(["text", "json"])))
        #expect(Self.problem(["--report", "html", "x"], .rules) == .invalidValue(option: "--report", value: "html", expected: .oneOf(["text", "json"])))
        #expect(Self.problem(["--lang", "fr"], .status) == .invalidValue(option: "--lang", value: "fr", expected: .oneOf(["de", "en"])))
        #expect(Self.problem(["--completion", "zsh"], .help) == .invalidValue(option: "--completion", value: "zsh", expected: .oneOf(["bash"])))
        #expect(Self.problem(["--quiet", "--verbose"], .run) == .exclusive("--quiet", "--verbose"))
        #expect(Self.problem(["-q", "-v"], .validate) == .exclusive("--quiet", "--verbose"))
    }

    @Test func sourcesAndTheirFormats() throws {
        let options = try Self.parse(["--format", "csv", "--source", "a.txt", "--format", "page-text", "--source", "b.json",
                                      "--source=c.xml", "--format=xml", "--source", "d"], .run)
        #expect(options.defaultFormat == .csv, "a --format before any --source is the default")
        #expect(options.sources.map(\.path) == ["a.txt", "b.json", "c.xml", "d"])
        #expect(options.sources.map(\.format) == [.pageText, nil, .xml, nil])
        // validate's files pair with a --format after them as --source does.
        let validate = try Self.parse(["a.csv", "--format", "json", "b.csv"], .validate)
        #expect(validate.sources.map(\.path) == ["a.csv", "b.csv"] && validate.sources.map(\.format) == [.json, nil])
        #expect(validate.defaultFormat == nil)
    }

    @Test func diffTakesTheReportFormatAsFormatBeforeAnySource() throws {
        #expect(try Self.parse(["--format", "json"], .diff).report == .json)
        #expect(try Self.parse(["--format=json"], .diff).defaultFormat == nil)
        #expect(try Self.parse(["--format", "text"], .diff).report == .text)
        let after = try Self.parse(["--source", "a.txt", "--format", "json"], .diff)
        #expect(after.report == .text && after.sources.map(\.format) == [.json])
        #expect(try Self.parse(["--format", "csv"], .diff).defaultFormat == .csv)
        #expect(Self.problem(["--source", "a.txt", "--format", "text"], .diff)
            == .invalidValue(option: "--format", value: "text", expected: .oneOf(OptionTable.formats)))
        #expect(Self.problem(["--format", "ods"], .diff) == .invalidValue(option: "--format", value: "ods", expected: .oneOf(OptionTable.formats)))
    }

    @Test func valuesInlineRepeatedAndSeveral() throws {
        let options = try Self.parse(["--retire=a,b", "--retire", "c", "d,e", "--as-of=2026-11-30", "--report-html", "r.html", "-q"], .run)
        #expect(options.retire == ["a", "b", "c", "d", "e"])
        #expect(options.asOf == CalendarDate(iso: "2026-11-30") && options.htmlReport == "r.html" && options.quiet)
        let html = try Self.parse(["--report", "html", "page.html", "--report=json"], .validate)
        #expect(html.htmlReport == "page.html" && html.report == .json)
        #expect(try Self.parse(["--report=html", "p.html"], .validate).htmlReport == "p.html")
        let generate = try Self.parse(["--projects", "3", "--format", "jsonl", "--seed", "18446744073709551615"], .generate)
        #expect(generate.projectCount == 3 && generate.defaultFormat == .jsonl && generate.seed == UInt64.max)
        let help = try Self.parse(["validate", "--lang", "de", "run"], .help)
        #expect(help.helpTopic == "validate" && help.language == .de)
        #expect(try Self.parse(["--completion", "bash"], .help).completionShell == "bash")
    }

    @Test func optionsACommandCannotDoWithout() throws {
        func missing(_ arguments: [String], _ command: CommandName) throws -> UsageError.Problem? {
            do {
                try Self.parse(arguments, command).checkRequired(of: command)
                return nil
            } catch let error as UsageError {
                return error.problem
            }
        }
        #expect(try missing([], .convert) == .missingOption(command: "convert", option: "--to csv|json|jsonl|xml|page-text"))
        #expect(try missing(["--to", "csv"], .convert) == .missingOption(command: "convert", option: "--output FILE"))
        #expect(try missing(["--to", "csv", "--output", "p.csv"], .convert) == nil)
        #expect(try missing(["--format", "csv"], .generate) == .missingOption(command: "generate", option: "--projects N"))
        #expect(try missing(["--projects", "2"], .generate) == .missingOption(command: "generate", option: "--format csv|json|jsonl|xml|page-text"))
        #expect(try missing([], .run) == nil && missing([], .validate) == nil)
    }

    @Test func bareKompassAndLeadingOptionsAreRun() throws {
        // Bare `kompass` runs with config/kompass.json: from a folder without one, that is the configuration error.
        let folder = try TemporaryFolder()
        let bare = try KompassProcess.run([], in: folder.url, environment: LanguageTests.englishLocale)
        #expect(bare.exitCode == 2)
        #expect(bare.standardError.contains("configuration error: config/kompass.json: cannot be read"), "\(bare.standardError)")
        let option = try KompassProcess.run(["--frobnicate"], environment: LanguageTests.englishLocale)
        #expect(option.exitCode == 2 && option.standardError.hasPrefix("kompass: unknown option '--frobnicate' for 'run'\n"))
    }

    @Test func versionNamesTheCommit() throws {
        let result = try KompassProcess.run(["--version"])
        #expect(result.exitCode == 0)
        let pattern = #"^kompass [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,40}|unknown)\)\n$"#
        #expect(result.standardOutput.range(of: pattern, options: .regularExpression) != nil, "\(result.standardOutput)")
        #expect(result.standardOutput == HelpText.version + "\n")
    }
}
