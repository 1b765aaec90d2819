import Foundation
import Testing

/// One language per run: `kompass status` follows `--lang` (and the locale) like every other command.
@Suite struct StatusLanguageTests {
    @Test func statusSpeaksTheRunsLanguage() throws {
        let (folder, _) = try RealPageRuns.published { _ in }
        let config = folder.path("kompass.json")
        let german = try KompassProcess.run(["status", "--config", config, "--lang", "de"])
        #expect(german.exitCode == 0)
        let lines = german.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("publiziert nach ") == true, "\(lines.first ?? "")")
        #expect(lines.contains("Quellen:") && lines.contains("Dateien:"))
        #expect(lines.contains { $0.hasPrefix("34 Vorhaben, ") })
        #expect(!lines.contains { $0.contains("published") || $0.contains(" bytes ") })
        let byLocale = try KompassProcess.run(["status", "--config", config], environment: ["LANG": "de_CH.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(byLocale.standardOutput == german.standardOutput)
        let english = try KompassProcess.run(["status", "--config", config, "--lang", "en"])
        #expect(english.standardOutput.hasPrefix("published into "))
    }
}
