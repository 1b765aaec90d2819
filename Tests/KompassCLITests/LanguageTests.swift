import Foundation
@testable import KompassCLI
import KompassCore
import Testing

/// One language per run: help, usage errors and the errors that stop a run follow `--lang` (anywhere on the
/// command line) or the locale, like findings and summaries do.
@Suite struct LanguageTests {
    /// A German locale, with nothing before LANG that could say otherwise.
    static let germanLocale = ["LANG": "de_CH.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
    /// An English locale.
    static let englishLocale = ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

    // MARK: - Help

    /// The lines of `translated` that also stand in `original` and are not pure syntax: prose left untranslated.
    static func untranslatedLines(_ translated: String, _ original: String) -> [String] {
        let originalLines = Set(original.split(separator: "\n").map(String.init))
        return translated.split(separator: "\n").map(String.init).filter { originalLines.contains($0) && !isSyntax($0) }
    }

    /// A line of usage syntax only: `kompass` and the command names, options and their literal values
    /// (`--report html`), placeholders in capitals, brackets and alternatives (`text|json`), no word of prose.
    static func isSyntax(_ line: String) -> Bool {
        let tokens = line.split(separator: " ")
        return tokens.indices.allSatisfy { index in
            let token = tokens[index]
            let afterOption = index > tokens.startIndex && tokens[index - 1].hasPrefix("--") && !tokens[index - 1].hasSuffix(",")
            return token == "kompass" || HelpText.commands.contains(String(token)) || token.hasPrefix("-") || token.hasPrefix("[")
                || token.hasSuffix("]") || token.contains("|") || !token.contains { $0.isLowercase } || afterOption
        }
    }

    /// `kompass help COMMAND` and `kompass COMMAND --help` in German and English, for every command and the overview.
    static func helps() throws -> [(topic: String, de: String, en: String)] {
        var helps: [(String, String, String)] = []
        for topic in [nil] + HelpText.commands.map(Optional.some) {
            let arguments = ["help"] + (topic.map { [$0] } ?? [])
            let german = try KompassProcess.run(arguments + ["--lang", "de"], environment: englishLocale)
            let english = try KompassProcess.run(arguments + ["--lang", "en"], environment: germanLocale)
            #expect(german.exitCode == 0 && english.exitCode == 0, "\(arguments)")
            // `kompass COMMAND --help --lang de` says the same as `kompass help COMMAND --lang de`.
            let option = try KompassProcess.run((topic.map { [$0] } ?? []) + ["--help", "--lang=de"], environment: englishLocale)
            #expect(option.exitCode == 0 && option.standardOutput == german.standardOutput, "\(topic ?? "--help")")
            helps.append((topic ?? "overview", german.standardOutput, english.standardOutput))
        }
        return helps
    }

    @Test func everyHelpIsTranslatedButItsSyntax() throws {
        for help in try Self.helps() {
            #expect(help.de != help.en, "\(help.topic)")
            #expect(help.de.contains("AUFRUF") && help.en.contains("USAGE"), "\(help.topic)")
            #expect(Self.untranslatedLines(help.de, help.en) == [], "\(help.topic): prose left in English")
            // The check can fail: the English help against itself has prose in common.
            #expect(Self.untranslatedLines(help.en, help.en).count >= 2, "\(help.topic)")
            // The usage lines stay as they are (they are the contract).
            let usage = help.en.split(separator: "\n").filter { $0.hasPrefix("  kompass ") && Self.isSyntax(String($0)) }
            #expect(!usage.isEmpty || help.topic == "overview", "\(help.topic)")
            for line in usage { #expect(help.de.contains(line), "\(help.topic): \(line)") }
        }
    }

    @Test func theSyntaxCheckTellsProseFromSyntax() {
        #expect(Self.isSyntax("  kompass status [--config PATH] [--output DIR] [--lang de|en]"))
        #expect(Self.isSyntax("                   [--as-of YYYY-MM-DD] [--lang de|en] [--retire ID...]"))
        #expect(Self.isSyntax("  kompass --version"))
        #expect(Self.isSyntax(""))
        #expect(Self.isSyntax("  kompass validate [--config PATH] [--report text|json | --report html FILE]"))
        #expect(!Self.isSyntax("  --help, -h          this text"))
        #expect(!Self.isSyntax("  --config PATH       the configuration (default: config/kompass.json)"))
        #expect(!Self.isSyntax("  --full              publish every file anew"))
        #expect(!Self.isSyntax("  kompass status                      what was published when, from which sources"))
        #expect(!Self.isSyntax("Exit code 0 when no error was found, 1 when one was."))
    }

    @Test func helpFollowsTheLocaleAndLangOverridesIt() throws {
        let byLocale = try KompassProcess.run(["help", "run"], environment: Self.germanLocale)
        #expect(byLocale.standardOutput.hasPrefix("kompass run: die Quellen lesen"), "\(byLocale.standardOutput.prefix(80))")
        let overridden = try KompassProcess.run(["help", "run", "--lang", "en"], environment: Self.germanLocale)
        #expect(overridden.standardOutput.hasPrefix("kompass run: read the sources"))
        let byLCAll = try KompassProcess.run(["--help"], environment: ["LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"])
        #expect(byLCAll.standardOutput.hasPrefix("kompass: die Open-Data-Exportpipeline"))
        let english = try KompassProcess.run(["generate", "--help"], environment: Self.englishLocale)
        #expect(english.standardOutput.hasPrefix("kompass generate: write a synthetic portfolio"))
    }

    // MARK: - Usage errors

    /// One example of every usage problem; `kind` makes the compiler ask for an example when a problem is added.
    static let problems: [UsageError.Problem] = [
        .unknownCommand("publish-everything"), .unknownOption("--bogus", command: "run"), .unexpectedArgument("extra"),
        .missingValue(option: "--config"), .missingValues(option: "--retire"),
        .invalidValue(option: "--report", value: "xml", expected: .oneOf(["text", "json"])),
        .invalidValue(option: "--format", value: "ods", expected: .oneOf(SourceFormat.allCases.map(\.rawValue))),
        .invalidValue(option: "--projects", value: "0", expected: .wholeNumber(from: 1)),
        .invalidValue(option: "--as-of", value: "30.11.2026", expected: .date),
        .exclusive("--quiet", "--verbose"), .missingOption(command: "convert", option: "--output FILE"),
        .unknownSourceFormat(path: "export.ods"),
    ]

    static func kind(_ problem: UsageError.Problem) -> Int {
        switch problem {
        case .unknownCommand: 0
        case .unknownOption: 1
        case .unexpectedArgument: 2
        case .missingValue: 3
        case .missingValues: 4
        case .invalidValue: 5
        case .exclusive: 6
        case .missingOption: 7
        case .unknownSourceFormat: 8
        }
    }

    @Test func everyUsageErrorHasAGermanMessage() {
        #expect(Set(Self.problems.map(Self.kind)) == Set(0...8), "an example of every problem")
        for problem in Self.problems {
            let message = problem.message
            #expect(!message.de.isEmpty && message.de != message.en, "\(problem)")
        }
        for command in [nil, "run"] {
            let help = UsageError(.unknownCommand("x"), command: command).helpLine
            #expect(help.de != help.en && help.de.contains("kompass \(command.map { "\($0) " } ?? "")--help"))
        }
    }

    /// A command line for every usage problem the parser finds, with the English line it has always printed.
    static let badCommandLines: [(arguments: [String], english: String)] = [
        (["publish-everything"], "unknown command 'publish-everything'"),
        (["run", "--frobnicate"], "unknown option '--frobnicate' for 'run'"),
        (["rules", "extra"], "unexpected argument 'extra'"),
        (["run", "--config"], "--config needs a value"),
        (["run", "--retire"], "--retire needs at least one value"),
        (["validate", "--report", "xml"], "--report takes text or json, not 'xml'"),
        (["run", "--source", "x.csv", "--format", "ods"], "--format takes one of page-text, csv, json, jsonl, xml, not 'ods'"),
        (["generate", "--projects", "0"], "--projects takes a whole number from 1, not '0'"),
        (["run", "--as-of", "30.11.2026"], "--as-of takes a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM:SS+01:00 (or Z), not '30.11.2026'"),
        (["run", "--quiet", "--verbose"], "--quiet and --verbose exclude each other"),
        (["convert", "--to", "csv"], "convert needs --output FILE"),
        (["run", "--source", "export.ods"], "cannot tell the format of 'export.ods' from its extension; add --format"),
    ]

    @Test func usageErrorsSpeakTheRunsLanguage() throws {
        for (arguments, english) in Self.badCommandLines {
            let en = try KompassProcess.run(arguments + ["--lang", "en"], environment: Self.germanLocale)
            let de = try KompassProcess.run(arguments + ["--lang", "de"], environment: Self.englishLocale)
            #expect(en.exitCode == 2 && de.exitCode == 2, "\(arguments)")
            let enLines = en.standardError.split(separator: "\n").map(String.init)
            let deLines = de.standardError.split(separator: "\n").map(String.init)
            #expect(enLines.first == "kompass: \(english)", "\(arguments)")
            #expect(enLines.count == 2 && enLines.last?.hasPrefix("Run 'kompass ") == true, "\(arguments)")
            #expect(deLines.count == 2 && deLines.last?.hasSuffix("' zeigt Aufruf und Optionen.") == true, "\(arguments): \(deLines)")
            #expect(Set(deLines).isDisjoint(with: enLines), "\(arguments): \(deLines)")
        }
    }

    @Test func anUnknownOptionInGermanEndToEnd() throws {
        let result = try KompassProcess.run(["run", "--bogus", "--lang", "de"], environment: Self.englishLocale)
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == "kompass: unbekannte Option '--bogus' für 'run'\n'kompass run --help' zeigt Aufruf und Optionen.\n")
    }

    @Test func usageErrorsFollowTheLocaleAndLangOverridesIt() throws {
        let byLocale = try KompassProcess.run(["run", "--bogus"], environment: Self.germanLocale)
        #expect(byLocale.exitCode == 2)
        #expect(byLocale.standardError.hasPrefix("kompass: unbekannte Option '--bogus' für 'run'"), "\(byLocale.standardError)")
        // --lang before or after the fault, with or without `=`.
        for arguments in [["run", "--lang", "en", "--bogus"], ["run", "--bogus", "--lang=en"]] {
            let overridden = try KompassProcess.run(arguments, environment: Self.germanLocale)
            #expect(overridden.standardError.hasPrefix("kompass: unknown option '--bogus' for 'run'"), "\(arguments)")
        }
        // An invalid --lang is itself the usage error, said in the locale's language.
        let invalid = try KompassProcess.run(["run", "--lang", "fr"], environment: Self.germanLocale)
        #expect(invalid.exitCode == 2)
        #expect(invalid.standardError.hasPrefix("kompass: --lang erwartet de oder en, nicht 'fr'"), "\(invalid.standardError)")
    }

    @Test func theLanguageOfACommandLine() {
        let german = ["LANG": "de_CH.UTF-8"], english = ["LANG": "C.UTF-8"]
        #expect(CommandOptions.language(of: ["run", "--bogus"], environment: german) == .de)
        #expect(CommandOptions.language(of: ["run", "--bogus"], environment: english) == .en)
        #expect(CommandOptions.language(of: ["run", "--lang", "de"], environment: english) == .de)
        #expect(CommandOptions.language(of: ["run", "--lang=en"], environment: german) == .en)
        #expect(CommandOptions.language(of: ["--lang", "de", "--lang", "en"], environment: german) == .en, "the last one, as parsing takes it")
        #expect(CommandOptions.language(of: ["run", "--lang", "fr"], environment: german) == .de, "an invalid --lang: the locale")
        #expect(CommandOptions.language(of: ["run", "--lang"], environment: german) == .de)
        #expect(CommandOptions.removingLanguage(["--lang", "de", "run", "--lang=en", "--strict"]) == ["run", "--strict"])
    }

    @Test func whatGenerateWroteInGerman() throws {
        let folder = try TemporaryFolder()
        let result = try KompassProcess.run(["generate", "--projects", "2", "--format", "csv", "--output", folder.path("g"), "--lang", "de"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("2 Vorhaben (Startwert 1) als csv nach \(folder.path("g"))/"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("; publizieren mit: kompass run --config \(folder.path("g"))/kompass.json"))
    }

    // MARK: - Errors that stop a run

    @Test func errorMessagesOfTheLibraryHaveGermanWords() {
        let actions: [IOError.Action] = [.open, .read, .create, .write, .sync, .close, .lock, .validate, .createFolder(.plain),
                                         .createFolder(.state), .createFolder(.outputParent), .createFolder(.staging), .publish,
                                         .publishInto, .exchangeFolders, .writeReport, .describeCatalogue, .other("frobnicate")]
        for action in actions {
            let error = IOError(path: "/x", operation: action, reason: "No such file or directory")
            #expect(error.description(in: .de) != error.description, "\(action)")
            #expect(error.description(in: .de).hasSuffix(": No such file or directory"), "the system's reason as it gave it")
            #expect(IOError(path: "/x", operation: error.operation, reason: "r").action == action, "\(action): named in English words")
        }
        let advices: [IOError.Advice] = [.permission(parent: "/x"), .fileInTheWay(parent: "/x"), .diskFull, .checkPathAndDisk]
        for advice in advices {
            let error = IOError(path: "/x/y", operation: .createFolder(.state), cause: .text("r"), advice: advice)
            #expect(error.hint(in: .de) != nil && error.hint(in: .de) != error.hint, "\(advice)")
        }
        for cause in [IOError.Cause.isAFolder, .isNotAFolder] {
            let error = IOError(path: "/x", operation: .read, cause: cause)
            #expect(error.reason(in: .de) != error.reason, "\(cause)")
        }
        let lock = LockError.held(path: "/s/kompass.lock", holder: nil)
        #expect(lock.description(in: .de) == "ein anderer kompass-Lauf publiziert gerade; dieser Lauf hält an, ohne etwas zu ändern "
            + "(Sperre: /s/kompass.lock)")
        #expect(lock.description == "another kompass run is publishing; this run stops without changing anything (lock: /s/kompass.lock)")
        let problems: [StateError.Problem] = [.notJSON("x"), .noVersion, .versionNotAWholeNumber, .unreadableVersion(9, readable: 1...2),
                                              .damaged(key: "files", detail: "d"), .notAListFile("a.txt"),
                                              .listDamaged(path: "p.tsv", .fields), .listDamaged(path: "p.tsv", .checksumOrCount),
                                              .listUnreadable(path: "p.tsv", reason: "r")]
        for problem in problems {
            let error = StateError(path: "state.json", problem: problem)
            #expect(error.description(in: .de) != error.description && error.description(in: .de).hasPrefix("state.json "), "\(problem)")
        }
    }

    @Test func anIOErrorInGerman() throws {
        let folder = try TemporaryFolder()
        let arguments = ["run", "--config", RunCommandTests.config, "--source", folder.url.path, "--format", "csv",
                         "--output", folder.path("out"), "--as-of", "2026-11-30"]
        let german = try KompassProcess.run(arguments, environment: Self.germanLocale)
        #expect(german.exitCode == 3)
        #expect(german.standardError == "kompass: \(folder.url.path) kann nicht gelesen werden: es ist ein Ordner\n"
            + "kompass: nichts wurde publiziert: der Ausgabeordner und der Zustand sind, wie sie waren\n", "\(german.standardError)")
        let english = try KompassProcess.run(arguments + ["--lang", "en"], environment: Self.germanLocale)
        #expect(english.standardError == "kompass: cannot read \(folder.url.path): it is a directory\n"
            + "kompass: nothing was published: the output folder and the state are as they were\n", "\(english.standardError)")
    }

    @Test func aFolderThatCannotBeCreatedInGerman() {
        // FolderMaker's error: the folder, the one the user named, and the advice.
        let error = IOError(path: "/f/out-kompass-state", operation: .createFolder(.state), cause: .text("not a directory"),
                            given: "/f/out", advice: .fileInTheWay(parent: "/f"))
        #expect(error.description == "cannot create the state folder /f/out-kompass-state: not a directory "
            + "(it goes beside /f/out, the folder you named)")
        #expect(error.hint == "/f is a file, not a folder: choose another place, or move the file aside")
        #expect(error.description(in: .de) == "der Zustandsordner /f/out-kompass-state kann nicht angelegt werden: not a directory "
            + "(er liegt neben /f/out, dem Ordner, den Sie genannt haben)")
        #expect(error.hint(in: .de) == "/f ist eine Datei, kein Ordner: wählen Sie einen anderen Ort, oder verschieben Sie die Datei")
        #expect(Failure(error).lines(in: .de) == ["kompass: " + error.description(in: .de), "    Vorschlag: " + error.hint(in: .de)!])
        #expect(Failure(error).lines(in: .en) == ["kompass: " + error.description, "    hint: " + error.hint!])
        // A caller's own English words stay as they are.
        let worded = IOError(path: "/x", operation: "publish into", reason: "r", hint: "h")
        #expect(worded.action == .publishInto && worded.hint(in: .de) == "h")
    }

    @Test func aHeldLockInGerman() throws {
        let folder = try GuardCommandTests.folder()
        let lock = try RunLock(directory: folder.path("out-kompass-state"))
        let result = try GuardCommandTests.run(folder, ["--lang", "de"])
        #expect(result.exitCode == 4)
        #expect(result.standardError.hasPrefix("kompass: ein anderer kompass-Lauf (PID \(getpid()), gestartet "), "\(result.standardError)")
        #expect(result.standardError.hasSuffix(") publiziert gerade; dieser Lauf hält an, ohne etwas zu ändern "
            + "(Sperre: \(folder.path("out-kompass-state/kompass.lock")))\n"), "\(result.standardError)")
        withExtendedLifetime(lock) {}
    }

    @Test func aConfigurationErrorAndADamagedStateInGerman() throws {
        let missing = try KompassProcess.run(["run", "--config", "/nonexistent/kompass.json", "--lang", "de"])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.hasPrefix("kompass: Konfigurationsfehler: /nonexistent/kompass.json: kann nicht gelesen werden: "),
                "\(missing.standardError)")
        let english = try KompassProcess.run(["run", "--config", "/nonexistent/kompass.json"], environment: Self.englishLocale)
        #expect(english.standardError.hasPrefix("kompass: configuration error: /nonexistent/kompass.json: cannot be read: "))

        let folder = try GuardCommandTests.folder()
        #expect(try GuardCommandTests.run(folder).exitCode == 0)
        try "{".write(toFile: folder.path("out-kompass-state/state.json"), atomically: true, encoding: .utf8)
        let damaged = try KompassProcess.run(["status", "--config", folder.path("kompass.json"), "--lang", "de"])
        #expect(damaged.exitCode == 3)
        #expect(damaged.standardError.hasPrefix("kompass: der Publikationszustand \(folder.path("out-kompass-state/state.json")):"),
                "\(damaged.standardError)")
        #expect(damaged.standardError.contains(" ist kein gültiges JSON: ") && damaged.standardError.contains("verschieben Sie ihn nur"))
    }
}
