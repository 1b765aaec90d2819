import Foundation
import Testing

/// The guards around what was published, end to end through the binary: the shrink guard and
/// `--retire`, empty and cut-off sources, grouped findings, `--full`, and an identifier with a
/// leading zero through every format.
@Suite struct GuardCommandTests {
    static let root = KompassProcess.repositoryRoot.path
    static let header = "id;titel;fortschritt_prozent;beginn_jahr;ende_jahr;status;bisher;in_zukunft;handlungsfelder;nutzende"
    static let words: [String] = {
        let page = (try? String(contentsOfFile: RunCommandTests.realPortfolio, encoding: .utf8)) ?? ""
        return Array(Set(page.split { !$0.isLetter }.map(String.init).filter { $0.count > 4 })).sorted()
    }()

    /// The identifiers of the test portfolio: the first has a leading zero.
    static let ids = ["0870"] + (2...10).map { "vorhaben-\($0)" }

    /// One CSV row of a project with distinct texts.
    static func row(_ id: String, number: Int, title: String? = nil, progress: String = "50") -> String {
        [id, title ?? "Vorhaben \(number)", progress, "2025", "2028", "in_umsetzung",
         ManyProblemsTests.text(number, words), ManyProblemsTests.text(number + 1_000, words), "Prozesse,Daten", "Bevölkerung"]
            .joined(separator: ";")
    }

    static func csv(_ ids: [String]) -> String {
        ([header] + ids.map { id in row(id, number: (Self.ids.firstIndex(of: id) ?? 50) + 1) }).joined(separator: "\n") + "\n"
    }

    /// A folder with `portfolio.csv` holding `ids` and `kompass.json` reading it into `out`.
    static func folder(_ ids: [String] = GuardCommandTests.ids, extra: String = "") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try csv(ids).write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        let config = """
        {"version": 1,
         "sources": [{"path": "portfolio.csv", "format": "csv", "mapping": "\(root)/config/mappings/kompass-csv.json"\(extra)}],
         "output": "out", "publication": "\(root)/config/kompass.json"}
        """
        try config.write(toFile: folder.path("kompass.json"), atomically: true, encoding: .utf8)
        return folder
    }

    static func run(_ folder: TemporaryFolder, _ extra: [String] = [], date: String = "2026-11-30") throws -> KompassProcess.Result {
        try KompassProcess.run(["run", "--config", folder.path("kompass.json"), "--as-of", date] + extra)
    }

    /// The published files and the state, for "left as it was".
    static func published(_ folder: TemporaryFolder) throws -> [String: Data] {
        try folder.snapshot().filter { $0.key.hasPrefix("out/") || $0.key.hasPrefix("out-kompass-state/state.json") }
    }

    /// The items of the published RSS feed.
    static func items(_ folder: TemporaryFolder) throws -> [Substring] {
        let rss = try String(contentsOfFile: folder.path("out/changes.rss"), encoding: .utf8)
        return rss.components(separatedBy: "<item>").dropFirst().map { $0[...] }
    }

    @Test func aRemovedProjectRefusesTheRunAndLeavesThePublishedSetUntouched() throws {
        let folder = try Self.folder()
        #expect(try Self.run(folder).exitCode == 0)
        let before = try Self.published(folder)
        try Self.csv(Self.ids.filter { $0 != "vorhaben-5" }).write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        let result = try Self.run(folder, date: "2026-12-01")
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("{guard.vanished}"), "\(result.standardError)")
        #expect(result.standardError.contains("missing from the sources: vorhaben-5"))
        #expect(result.standardError.contains("kompass run --retire vorhaben-5"))
        #expect(result.standardError.contains("nothing published"))
        #expect(try Self.published(folder) == before)
    }

    @Test func emptyAndCutOffSourcesAreNeverZeroProjects() throws {
        let folder = try Self.folder()
        #expect(try Self.run(folder).exitCode == 0)
        let before = try Self.published(folder)
        let whole = try Data(contentsOf: URL(fileURLWithPath: folder.path("portfolio.csv")))
        let text = String(decoding: whole, as: UTF8.self)
        // Cut inside the sixth project's texts, and cut after the fifth project's row.
        let sixth = try #require(text.range(of: "\nvorhaben-6;"))
        let insideRow = String(text[..<text.index(sixth.upperBound, offsetBy: 30)])
        let atRowEnd = String(text[..<sixth.lowerBound]) + "\n"
        for (name, content, rule) in [("empty", "", "csv.no-records"), ("header only", Self.header + "\n", "csv.no-records"),
                                      ("cut inside a row", insideRow, "csv.row.cells"), ("cut at a row's end", atRowEnd, "guard.vanished")] {
            try content.write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
            let result = try Self.run(folder, date: "2026-12-01")
            #expect(result.exitCode == 1, "\(name)")
            #expect(result.standardError.contains("{\(rule)}"), "\(name): \(result.standardError)")
            #expect(try Self.published(folder) == before, "\(name): the published set is untouched")
        }
    }

    @Test func retiringPublishesTheRemovalWithOneFeedItemAndReservesTheIdentifier() throws {
        let folder = try Self.folder()
        #expect(try Self.run(folder).exitCode == 0)
        let firstItems = try Self.items(folder).count
        try Self.csv(Self.ids.filter { $0 != "vorhaben-5" }).write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)

        let typo = try Self.run(folder, ["--retire", "vorhaben-55"], date: "2026-12-01")
        #expect(typo.exitCode == 1)
        #expect(typo.standardError.contains("{guard.retire.unknown}"))

        let result = try Self.run(folder, ["--retire", "vorhaben-5"], date: "2026-12-01")
        #expect(result.exitCode == 0, "\(result.standardError)")
        let rss = try String(contentsOfFile: folder.path("out/changes.rss"), encoding: .utf8)
        #expect(try Self.items(folder).count == firstItems + 1)
        #expect(rss.components(separatedBy: "Nicht mehr im Portfolio: Vorhaben 5").count - 1 == 1)
        let history = try String(contentsOfFile: folder.path("out/history.csv"), encoding: .utf8)
        #expect(history.contains("2026-12-01;vorhaben-5;entfernt"), "\(history)")
        let csv = try String(contentsOfFile: folder.path("out/projects.csv"), encoding: .utf8)
        #expect(!csv.contains("\nvorhaben-5;"))

        let status = try KompassProcess.run(["status", "--config", folder.path("kompass.json")])
        #expect(status.standardOutput.contains("1 retired (identifiers reserved)"))
        #expect(status.standardOutput.contains("retired vorhaben-5 on 2026-12-01: Vorhaben 5"))

        // The identifier is never given to another project.
        var rows = Self.csv(Self.ids.filter { $0 != "vorhaben-5" })
        rows += Self.row("vorhaben-5", number: 77, title: "Ein ganz anderes Vorhaben") + "\n"
        try rows.write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        let before = try Self.published(folder)
        let reuse = try Self.run(folder, date: "2026-12-02")
        #expect(reuse.exitCode == 1)
        #expect(reuse.standardError.contains("{guard.id.reserved}"))
        #expect(reuse.standardError.contains("belonged to the project «Vorhaben 5», retired on 2026-12-01"))
        #expect(try Self.published(folder) == before)
    }

    @Test func aSourcesRetiredListNamesTheRemovalToo() throws {
        let folder = try Self.folder(extra: ", \"retired\": [\"vorhaben-5\"]")
        try Self.csv(Self.ids).write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        // Listed as retired while still in the source: a contradiction.
        let contradiction = try Self.run(folder)
        #expect(contradiction.exitCode == 1)
        #expect(contradiction.standardError.contains("{guard.retire.unknown}"))
        try Self.csv(Self.ids.filter { $0 != "vorhaben-5" }).write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        #expect(try Self.run(folder).exitCode == 0)
        // A later removal, named by nobody, is still refused.
        try Self.csv(Self.ids.filter { $0 != "vorhaben-5" && $0 != "vorhaben-6" })
            .write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        let result = try Self.run(folder, date: "2026-12-01")
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("missing from the sources: vorhaben-6"))
    }

    @Test func aThousandRowsWithTheSameErrorGiveOneGroupedFinding() throws {
        let folder = try Self.folder()
        let rows = (1...1_000).map { Self.row("vorhaben-\($0)", number: $0, progress: "abc") }
        try ([Self.header] + rows).joined(separator: "\n").appending("\n")
            .write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        let json = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--report", "json", "--as-of", "2026-11-30"])
        #expect(json.exitCode == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let findings = report["findings"] as? [[String: Any]] ?? []
        let progress = findings.filter { $0["rule"] as? String == "progress.format" }
        #expect(progress.count == 1)
        #expect(progress.first?["count"] as? Int == 1_000)
        #expect(progress.first?["line"] as? Int == 2)
        let locations = progress.first?["locations"] as? [[String: Any]] ?? []
        #expect(locations.compactMap { $0["line"] as? Int } == [2, 3, 4, 5, 6])
        // The progress is the third cell: its column is where the row's third cell starts.
        let column = try #require(progress.first?["column"] as? Int)
        #expect(column == "vorhaben-1;Vorhaben 1;".utf8.count + 1)
        #expect((report["summary"] as? [String: Any])?["error"] as? Int == 1_000)
        #expect(report["capped"] is NSNull)

        let text = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--as-of", "2026-11-30"])
        let lines = text.standardOutput.split(separator: "\n").map(String.init)
        let group = lines.filter { $0.contains("{progress.format}") }
        #expect(group.count == 1)
        #expect(group.first?.contains(":2:\(column): error: 1000× the progress 'abc' is not a percentage") == true, "\(group)")
        // The other rows' progress cells start one column further right per digit of the row number.
        #expect(lines.contains { $0 == "    also at 3:\(column) [vorhaben-2], 4:\(column) [vorhaben-3], 5:\(column) [vorhaben-4], "
                                    + "6:\(column) [vorhaben-5] and 995 more" },
                "\(text.standardOutput.prefix(2_000))")
        #expect(text.standardOutput.contains("1000 errors"))

        let wider = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--as-of", "2026-11-30",
                                            "--report", "json", "--examples", "20"])
        let widerReport = try #require(try JSONSerialization.jsonObject(with: Data(wider.standardOutput.utf8)) as? [String: Any])
        let widerGroup = (widerReport["findings"] as? [[String: Any]] ?? []).first { $0["rule"] as? String == "progress.format" }
        #expect((widerGroup?["locations"] as? [Any])?.count == 20)
    }

    @Test func aCappedReportSaysSoOnItsFirstLine() throws {
        let folder = try Self.folder()
        // Distinct problems in distinct files cannot be grouped: four entries, capped at two.
        try (Self.header + "\n" + Self.row("Bad ID", number: 1, progress: "abc") + "\n" + Self.row("x", number: 2, title: "<b>x</b>") + "\n")
            .write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        let all = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--as-of", "2026-11-30", "--max-findings", "0"])
        let entries = all.standardOutput.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        #expect(entries.count > 2, "\(all.standardOutput)")
        let capped = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--as-of", "2026-11-30", "--max-findings", "2"])
        let first = capped.standardOutput.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first == "report capped: 2 of \(entries.count) entries shown (errors first); --max-findings 0 shows all")
        // The JSON report holds the infos too.
        let uncapped = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--as-of", "2026-11-30",
                                               "--max-findings", "0", "--report", "json"])
        let full = try #require(try JSONSerialization.jsonObject(with: Data(uncapped.standardOutput.utf8)) as? [String: Any])
        let total = (full["findings"] as? [Any])?.count ?? 0
        let json = try KompassProcess.run(["validate", "--config", folder.path("kompass.json"), "--as-of", "2026-11-30",
                                           "--max-findings", "2", "--report", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let cap = report["capped"] as? [String: Any]
        #expect(cap?["shown"] as? Int == 2 && cap?["total"] as? Int == total)
        // Errors are kept first.
        #expect((report["findings"] as? [[String: Any]] ?? []).allSatisfy { $0["severity"] as? String == "error" })
        #expect((report["findings"] as? [Any])?.count == 2)
        #expect(json.standardOutput.split(separator: "\n").dropFirst().first?.contains("\"capped\"") == true)
    }

    @Test func anExcelDamagedCopyGivesOneFindingPerDamageWithLineAndColumn() throws {
        let folder = try Self.folder()
        var lines = [Self.header] + Self.ids.enumerated().map { index, id in
            Self.row(id, number: index + 1, title: index == 3 ? "3-4" : nil)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        #expect(try Self.run(folder).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("out-kompass-state/accepted/0-portfolio.csv")))
        let before = try Self.published(folder)

        // What Excel does on the way back: a leading zero lost, an umlaut turned into ?, a text into a date.
        lines[1] = "870" + lines[1].dropFirst("0870".count)
        lines[2] = lines[2].replacingOccurrences(of: ";Bevölkerung", with: ";Bev?lkerung")
        lines[4] = lines[4].replacingOccurrences(of: ";3-4;", with: ";03.04.2026;")
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder.path("portfolio.csv"), atomically: true, encoding: .utf8)
        /// The 1-based column, in characters as editors count them, where `cell` starts on `line`.
        func column(of cell: String, in line: String) -> Int {
            let range = line.range(of: cell)!
            return line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1
        }
        let result = try Self.run(folder, date: "2026-12-01")
        #expect(result.exitCode == 1)
        let path = folder.path("portfolio.csv")
        let expected = [
            "\(path):2:1: error: ", "{excel.leading-zero}",
            "\(path):3:\(column(of: "Bev?lkerung", in: lines[2])): error: ", "{excel.lost-character}",
            "\(path):5:\(column(of: "03.04.2026", in: lines[4])): error: ", "{excel.date}",
        ]
        for pair in stride(from: 0, to: expected.count, by: 2) {
            let found = result.standardError.split(separator: "\n").filter { $0.hasPrefix(expected[pair]) && $0.hasSuffix(expected[pair + 1]) }
            #expect(found.count == 1, "\(expected[pair]) … \(expected[pair + 1]) in \(result.standardError)")
        }
        #expect(result.standardError.contains("saved by Excel"))
        #expect(try Self.published(folder) == before)
    }

    @Test func fullPublishesEveryFileAnewButKeepsDatesAndFeed() throws {
        let folder = try Self.folder()
        #expect(try Self.run(folder).exitCode == 0)
        func inode(_ name: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: folder.path("out/\(name)"))[.systemFileNumber] as? NSNumber)?.intValue ?? -1
        }
        let before = try Self.published(folder)
        let inodeBefore = try inode("projects.csv")
        let unchanged = try Self.run(folder, date: "2026-12-01")
        #expect(unchanged.exitCode == 0)
        #expect(try inode("projects.csv") == inodeBefore, "an unchanged run touches nothing")

        let full = try Self.run(folder, ["--full", "--verbose"], date: "2026-12-01")
        #expect(full.exitCode == 0)
        #expect(full.standardOutput.contains("published"), "\(full.standardOutput)")
        #expect(try inode("projects.csv") != inodeBefore, "--full writes every file anew")
        let after = try Self.published(folder)
        // Same content, same dates, same feed: only the state's date of publication moved.
        for name in before.keys where name.hasPrefix("out/") {
            #expect(after[name] == before[name], "\(name)")
        }

        // A changed configuration (a new mapping, another setting) also publishes anew.
        let config = try String(contentsOfFile: folder.path("kompass.json"), encoding: .utf8)
        try (config + "\n").write(toFile: folder.path("kompass.json"), atomically: true, encoding: .utf8)
        let inodeFull = try inode("projects.csv")
        #expect(try Self.run(folder, date: "2026-12-02").exitCode == 0)
        #expect(try inode("projects.csv") != inodeFull)
        let status = try KompassProcess.run(["status", "--config", folder.path("kompass.json")])
        #expect(status.standardOutput.contains("(the files below still give it)"))
        // Each configuration file is named with its own checksum, the file given with --config first.
        let configSHA = try #require(sha256(folder.path("kompass.json")))
        #expect(status.standardOutput.contains("  \(folder.path("kompass.json"))  sha256 \(configSHA)"), "\(status.standardOutput)")
        #expect(status.standardOutput.contains("config/mappings/kompass-csv.json  sha256 "))
        // Changed after the publication: status says the next run recomputes everything.
        try (config + "\n\n").write(toFile: folder.path("kompass.json"), atomically: true, encoding: .utf8)
        let changed = try KompassProcess.run(["status", "--config", folder.path("kompass.json")])
        #expect(changed.standardOutput.contains("(the files below give another: the next run recomputes every output)"))
        try (config + "\n").write(toFile: folder.path("kompass.json"), atomically: true, encoding: .utf8)

        // A state written by another kompass version: the next run trusts none of its checksums either.
        let statePath = folder.path("out-kompass-state/state.json")
        let state = try String(contentsOfFile: statePath, encoding: .utf8)
        let older = state.replacingOccurrences(of: #""kompassVersion": "[^"]*""#, with: #""kompassVersion": "0.0.1""#,
                                               options: .regularExpression)
        #expect(older != state)
        try older.write(toFile: statePath, atomically: true, encoding: .utf8)
        let olderStatus = try KompassProcess.run(["status", "--config", folder.path("kompass.json")])
        #expect(olderStatus.standardOutput.contains("by kompass 0.0.1 (this is kompass"), "\(olderStatus.standardOutput)")
        let inodeOlder = try inode("projects.csv")
        #expect(try Self.run(folder, date: "2026-12-03").exitCode == 0)
        #expect(try inode("projects.csv") != inodeOlder)
        #expect(try String(contentsOfFile: statePath, encoding: .utf8) != older)
    }

    @Test func anIdentifierWithALeadingZeroSurvivesEveryFormat() throws {
        let folder = try Self.folder()
        for format in ["json", "jsonl", "xml", "csv"] {
            let converted = folder.path("portfolio-copy.\(format)")
            let convert = try KompassProcess.run(["convert", "--config", folder.path("kompass.json"), "--to", format, "--output", converted])
            #expect(convert.exitCode == 0, "\(format): \(convert.standardError)")
            let written = try String(contentsOfFile: converted, encoding: .utf8)
            #expect(written.contains("0870"), "\(format) source keeps 0870")
            #expect(!written.contains("\"id\": 870") && !written.contains(">870<"), "\(format)")
            let output = folder.path("out-\(format)")
            let run = try KompassProcess.run(["run", "--config", folder.path("kompass.json"), "--source", converted,
                                              "--output", output, "--as-of", "2026-11-30", "-q"])
            #expect(run.exitCode == 0, "\(format): \(run.standardError)")
            let csv = try String(contentsOfFile: output + "/projects.csv", encoding: .utf8)
            #expect(csv.contains("\n0870;"), "\(format) → projects.csv")
            let jsonld = try String(contentsOfFile: output + "/projects.jsonld", encoding: .utf8)
            #expect(jsonld.contains("\"0870\"") || jsonld.contains("/0870\""), "\(format) → projects.jsonld")
            let fields = try String(contentsOfFile: output + "/project-fields.csv", encoding: .utf8)
            #expect(fields.contains("\n0870;"), "\(format) → project-fields.csv")
            let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
            #expect(html.contains("id=\"0870\""), "\(format) → index.html")
        }
    }
}

/// SHA-256 of a file, by `sha256sum` (a tool nobody here wrote).
private func sha256(_ path: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let out = Pipe()
    process.standardOutput = out
    guard (try? process.run()) != nil else { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
}
