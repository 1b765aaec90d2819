import Foundation
import Testing
@testable import KompassCore

/// What a page text gives when imported on its own and when loaded with the real register.
private struct Outcome {
    var imported: ImportResult
    var loaded: PortfolioLoader.Result
    /// The lines that are exactly the heading "Fortschritt" (after trimming): one per project on the page.
    var fortschrittLines: Int

    func findings(_ rule: RuleID) -> [Finding] { loaded.findings.filter { $0.ruleID == rule } }
    var errors: [Finding] { loaded.findings.filter { $0.severity == .error } }
}

/// Writes `bytes` as a page text into a fresh folder, with a copy of the real register, and reads it.
private func outcome(bytes: [UInt8]) throws -> Outcome {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.write("page.txt", bytes: bytes)
    let register = try directory.copy(TestFiles.registerPath, as: "register.csv")
    let imported = try PageTextImporter().read(path: page)
    let loaded = try PortfolioLoader().load([SourceConfiguration(path: page, format: .pageText, register: register)])
    let text = String(decoding: bytes, as: UTF8.self)
    let headings = text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { $0.trimmingCharacters(in: .whitespaces) == "Fortschritt" }.count
    return Outcome(imported: imported, loaded: loaded, fortschrittLines: headings)
}

private func outcome(text: String) throws -> Outcome {
    try outcome(bytes: Array(text.utf8))
}

/// No project is silently dropped: every "Fortschritt" on the page becomes a record, and every record
/// becomes a project or is counted incomplete with an error that says why.
private func expectNothingSilentlyDropped(_ outcome: Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(outcome.imported.records.count == outcome.fortschrittLines, sourceLocation: sourceLocation)
    #expect(outcome.loaded.portfolio.projects.count + outcome.loaded.incompleteProjects == outcome.imported.records.count,
            sourceLocation: sourceLocation)
    if outcome.loaded.incompleteProjects > 0 {
        #expect(!outcome.errors.isEmpty, "incomplete projects without an error", sourceLocation: sourceLocation)
    }
}

/// The real page's lines, to edit.
private func realLines() throws -> [String] {
    try TestFiles.realPageText().components(separatedBy: "\n")
}

@Suite("Malformed page texts")
struct MalformedPageTextTests {
    @Test func theRealPageLoadsCompletely() throws {
        let result = try outcome(bytes: TestFiles.bytes(atPath: TestFiles.pageTextPath))
        expectNothingSilentlyDropped(result)
        #expect(result.loaded.portfolio.projects.count == 34)
        #expect(result.loaded.incompleteProjects == 0)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
    }

    @Test func truncatedInTheMiddleOfAProject() throws {
        let text = try TestFiles.realPageText()
        let reference = try #require(ReferencePage.parse(text))
        let tenth = reference[9]
        // Keep everything up to the "Bisher" heading of project 10 and half of its paragraph.
        var lines = try realLines()
        lines = Array(lines[0..<(tenth.line - 1 + 5)])
        let half = String(tenth.beforeParagraphs[0].prefix(tenth.beforeParagraphs[0].count / 2))
        let truncated = (lines + [half]).joined(separator: "\n")

        let result = try outcome(text: truncated)
        expectNothingSilentlyDropped(result)
        #expect(result.imported.records.count == 10)
        let missing = result.imported.findings.filter { $0.ruleID == .pageTextBlockMissing }
        #expect(missing.count == 1)
        let finding = try #require(missing.first)
        #expect(finding.severity == .error)
        #expect(finding.location?.line == tenth.line)
        #expect(finding.message.contains("In Zukunft"))
        #expect(finding.message.contains("Felder"))
        #expect(finding.message.contains("Nutzende"))
        #expect(finding.hint?.contains("cut off") == true)
        #expect(result.loaded.portfolio.projects.count == 9)
        #expect(result.loaded.incompleteProjects == 1)
        // The register entries of the lost projects are reported, not forgotten.
        #expect(result.findings(.registerUnused).count == 25)
    }

    @Test func truncatedInsideAMultiByteCharacter() throws {
        // A download cut off after the first byte of the "ö" of "Möglichkeiten" on line 19.
        let bytes = try TestFiles.bytes(atPath: TestFiles.pageTextPath)
        let lines = try realLines()
        let prefix = try #require(lines[18].components(separatedBy: "ö").first)
        #expect(prefix == "Mitarbeitende haben bislang kaum M")
        let offset = lines[0..<18].reduce(0) { $0 + $1.utf8.count + 1 } + prefix.utf8.count
        #expect(bytes[offset] == 0xC3)
        let result = try outcome(bytes: Array(bytes[0...offset]))
        let finding = try #require(result.imported.findings.first { $0.ruleID == .pageTextEncoding })
        #expect(finding.severity == .error)
        #expect(finding.location?.line == 19)
        #expect(finding.location?.column == prefix.count + 1)
        #expect(finding.message.contains("0xC3"))
    }

    @Test func truncatedRightAfterAHeading() throws {
        var lines = try realLines()
        lines = Array(lines[0..<15])  // lines 1–15: the introduction, "Fortschritt" and "30%" of project 1
        lines.append("Dauer")
        let result = try outcome(text: lines.joined(separator: "\n") + "\n")
        expectNothingSilentlyDropped(result)
        #expect(result.imported.records.count == 1)
        let rules = Set(result.imported.findings.map(\.ruleID))
        #expect(rules.contains(.pageTextBlockEmpty))
        #expect(rules.contains(.pageTextBlockMissing))
        #expect(result.imported.findings.first { $0.ruleID == .pageTextBlockEmpty }?.location?.line == 16)
        #expect(result.imported.findings.first { $0.ruleID == .pageTextBlockMissing }?.location?.line == 14)
    }

    @Test func percentThatIsNotANumber() throws {
        var lines = try realLines()
        #expect(lines[14] == "30%")
        lines[14] = "abc"
        let result = try outcome(text: lines.joined(separator: "\n"))
        expectNothingSilentlyDropped(result)
        let format = result.findings(.progressFormat)
        #expect(format.count == 1)
        let finding = try #require(format.first)
        #expect(finding.severity == .error)
        #expect(finding.location?.line == 15)
        #expect(finding.location?.column == 1)
        #expect(finding.field == .progress)
        #expect(finding.message.contains("abc"))
        #expect(finding.projectID == "digital-lab")
        #expect(result.loaded.portfolio.projects.count == 33)
        #expect(result.loaded.incompleteProjects == 1)
        #expect(!result.loaded.portfolio.projects.contains { $0.id.rawValue == "digital-lab" })
    }

    @Test func missingInZukunftHeading() throws {
        let reference = try #require(ReferencePage.parse(try TestFiles.realPageText()))
        let fifth = reference[4]
        var lines = try realLines()
        let headingIndex = try #require(lines.indices.first { $0 > fifth.line && lines[$0] == "In Zukunft" })
        let feldersLineAfterRemoval = try #require(lines.indices.first { $0 > headingIndex && lines[$0] == "Felder" })  // 0-based before removal = 1-based after
        lines.remove(at: headingIndex)
        let result = try outcome(text: lines.joined(separator: "\n"))
        expectNothingSilentlyDropped(result)
        #expect(result.imported.records.count == 34)

        let missing = result.imported.findings.filter { $0.ruleID == .pageTextBlockMissing }
        #expect(missing.count == 1)
        #expect(missing.first?.location?.line == fifth.line)
        #expect(missing.first?.message.contains("'In Zukunft'") == true)
        #expect(missing.first?.message.contains("line \(fifth.line)") == true)
        let order = result.imported.findings.filter { $0.ruleID == .pageTextBlockOrder }
        #expect(order.map { $0.location?.line } == [feldersLineAfterRemoval])
        #expect(order.first?.message.contains("In Zukunft") == true)
        #expect(result.loaded.incompleteProjects == 1)
        #expect(result.loaded.portfolio.projects.count == 33)
        #expect(!result.loaded.portfolio.projects.contains { $0.id.rawValue == "hr-systemlandschaft" })
    }

    @Test func windows1252ByteInAUserGroup() throws {
        var bytes = try TestFiles.bytes(atPath: TestFiles.pageTextPath)
        // Line 32 is "Bevölkerung" (project 1): replace the UTF-8 "ö" (C3 B6) by its Windows-1252 byte F6.
        let lines = try realLines()
        #expect(lines[31] == "Bevölkerung")
        let offset = lines[0..<31].reduce(0) { $0 + $1.utf8.count + 1 }
        #expect(Array(bytes[offset..<offset + 4]) == [0x42, 0x65, 0x76, 0xC3])
        bytes.replaceSubrange(offset + 3..<offset + 5, with: [0xF6])
        let result = try outcome(bytes: bytes)
        let encoding = result.imported.findings.filter { $0.ruleID == .pageTextEncoding }
        #expect(encoding.count == 1)
        let finding = try #require(encoding.first)
        #expect(finding.severity == .error)
        #expect(finding.location?.line == 32)
        #expect(finding.location?.column == 4)
        #expect(finding.message.contains("0xF6"))
        // Reading stops, and says so: the run cannot publish anything from this file.
        #expect(result.loaded.findings.contains { $0.ruleID == .pageTextEncoding && $0.severity == .error })
        #expect(result.loaded.portfolio.projects.count + result.loaded.incompleteProjects == result.imported.records.count)
    }

    @Test func windows1252UmlautInAParagraphCountsColumnsInCharacters() throws {
        // "ä" as 0xE4 after text with multi-byte characters: the column counts characters.
        let prefix = "Fortschritt\n30%\nDauer\n2024\nBisher\nÜber «alles» schön: M"
        var bytes = Array(prefix.utf8)
        bytes.append(0xE4)
        bytes += Array("rz.\nIn Zukunft\nZiel.\nFelder\n• Daten\nNutzende\nWirtschaft\n".utf8)
        let result = try outcome(bytes: bytes)
        let finding = try #require(result.imported.findings.first { $0.ruleID == .pageTextEncoding })
        #expect(finding.location?.line == 6)
        #expect(finding.location?.column == "Über «alles» schön: M".count + 1)
        #expect(finding.message.contains("0xE4"))
    }

    @Test func emptyFile() throws {
        let result = try outcome(bytes: [])
        #expect(result.imported.records.isEmpty)
        let finding = try #require(result.imported.findings.first)
        #expect(result.imported.findings.count == 1)
        #expect(finding.ruleID == .pageTextNoProjects)
        #expect(finding.severity == .error)
        #expect(finding.message.contains("empty"))
        #expect(result.loaded.findings.contains { $0.ruleID == .pageTextNoProjects })
    }

    @Test func fileWithoutFortschritt() throws {
        let lines = try realLines()
        let intro = lines[0..<13].joined(separator: "\n") + "\n"
        #expect(!intro.contains("Fortschritt\n"))
        let result = try outcome(text: intro)
        #expect(result.imported.records.isEmpty)
        #expect(result.imported.findings.map(\.ruleID) == [.pageTextNoProjects])
        #expect(result.imported.findings.first?.message.contains("Fortschritt") == true)
    }

    @Test func blocksOutOfOrder() throws {
        var lines = try realLines()
        // Project 1, lines 16–19: Dauer, 2023–2028, Bisher, paragraph → Bisher, paragraph, Dauer, 2023–2028.
        #expect(Array(lines[15..<17]) == ["Dauer", "2023–2028"])
        #expect(lines[17] == "Bisher")
        let dauer = Array(lines[15..<17])
        let bisher = Array(lines[17..<19])
        lines.replaceSubrange(15..<19, with: bisher + dauer)
        let result = try outcome(text: lines.joined(separator: "\n"))
        expectNothingSilentlyDropped(result)
        let order = result.imported.findings.filter { $0.ruleID == .pageTextBlockOrder }
        #expect(!order.isEmpty)
        #expect(order.first?.location?.line == 16)
        #expect(order.first?.message.contains("Bisher") == true)
        #expect(order.allSatisfy { $0.severity == .error })
        // The values still land in their own blocks.
        let first = try #require(result.imported.records.first)
        #expect(first["Dauer"].map(\.text) == ["2023–2028"])
        #expect(first["Bisher"].map(\.text) == [NormaliserTests.digitalLabBefore])
    }

    /// A misspelt heading is the one error, at its line and column, naming the word and the heading meant; read as
    /// that heading, it has no consequences (no block out of order, no project missing its block).
    @Test(arguments: [(13, "Fortschrit", "Fortschritt"), (15, "dauer", "Dauer"), (19, "In Zukuft", "In Zukunft"),
                      (33, "  Fortschritt", nil), (15, "Dauer ", nil)])
    func aMisspeltHeadingIsOneErrorAtItsLine(index: Int, line: String, intended: String?) throws {
        var lines = try realLines()
        guard let intended else {
            // White space around a heading is no misspelling: nothing to report.
            lines[index] = line
            let result = try outcome(text: lines.joined(separator: "\n"))
            #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
            return
        }
        #expect(lines[index] == intended)
        lines[index] = line
        let result = try outcome(text: lines.joined(separator: "\n"))
        #expect(result.errors.map(\.ruleID) == [.pageTextHeadingMisspelt], "\(result.errors.map(\.message))")
        let error = try #require(result.errors.first)
        #expect(error.location?.line == index + 1 && error.location?.column == 1 && error.location?.field == intended)
        #expect(error.message == "'\(line)' is not a heading: did you mean '\(intended)'?")
        #expect(result.imported.records.count == 34 && result.loaded.portfolio.projects.count == 34)
    }

    /// Text that only resembles a heading from afar is text, and a value that is a heading's neighbour in two
    /// ways at once is not guessed.
    @Test func wordsFarFromEveryHeadingAreNotMisspeltHeadings() {
        for word in ["Daten", "Fortschritte im Jahr 2024", "Bürger", "Nutzen", "2023–2028", "Zukunft"] {
            #expect(PageTextHeading.intended(by: word) == nil, "\(word)")
        }
        #expect(PageTextHeading.intended(by: "FORTSCHRITT") == .progress)
        #expect(PageTextHeading.intended(by: "Nutzend") == .userGroups)
    }

    @Test func unknownHeadingInPlaceOfDauer() throws {
        var lines = try realLines()
        #expect(lines[15] == "Dauer")
        lines[15] = "Laufzeit"
        let result = try outcome(text: lines.joined(separator: "\n"))
        expectNothingSilentlyDropped(result)
        #expect(result.imported.records.count == 34)
        let atLine16 = result.imported.findings.filter { $0.location?.line == 16 }
        #expect(!atLine16.isEmpty)
        #expect(atLine16.contains { $0.message.contains("Laufzeit") && $0.severity == .error })
        let missing = result.imported.findings.filter { $0.ruleID == .pageTextBlockMissing }
        #expect(missing.map { $0.location?.line } == [14])
        #expect(missing.first?.message.contains("'Dauer'") == true)
        #expect(result.loaded.incompleteProjects == 1)
        #expect(result.loaded.portfolio.projects.count == 33)
    }

    @Test func unknownHeadingInsideAFelderBlock() throws {
        var lines = try realLines()
        #expect(lines[21] == "Felder")
        lines.insert("Kosten", at: 24)
        let result = try outcome(text: lines.joined(separator: "\n"))
        expectNothingSilentlyDropped(result)
        let finding = try #require(result.imported.findings.first { $0.ruleID == .pageTextFieldsBullet })
        #expect(finding.location?.line == 25)
        #expect(finding.message.contains("Kosten"))
    }

    @Test func headingBeforeTheFirstFortschritt() throws {
        let page = "Einleitung\nDauer\n2024\nFortschritt\n10%\nDauer\n2024\nBisher\nA.\nIn Zukunft\nB.\nFelder\n• Daten\nNutzende\nWirtschaft\n"
        let result = try outcome(text: page)
        let order = result.imported.findings.filter { $0.ruleID == .pageTextBlockOrder }
        #expect(order.map { $0.location?.line } == [2])
        // The stray block becomes a record of its own, reported, and the real project is intact.
        #expect(result.imported.records.count == 2)
        #expect(result.imported.records[1]["Fortschritt"].map(\.text) == ["10%"])
        #expect(result.imported.findings.contains { $0.ruleID == .pageTextBlockMissing && $0.location?.line == 2 })
    }

    @Test func missingFortschrittMergesTwoProjectsAndIsReported() throws {
        var lines = try realLines()
        // Remove "Fortschritt" and "8%" of project 2 (lines 34–35).
        #expect(lines[33] == "Fortschritt" && lines[34] == "8%")
        lines.removeSubrange(33..<35)
        let result = try outcome(text: lines.joined(separator: "\n"))
        #expect(result.imported.records.count == 33)
        let repeated = result.imported.findings.filter { $0.ruleID == .pageTextBlockRepeated }
        #expect(!repeated.isEmpty)
        #expect(repeated.first?.location?.line == 34)
        #expect(repeated.first?.message.contains("line 14") == true)
    }

    @Test func emptyBlock() throws {
        var lines = try realLines()
        #expect(lines[19] == "In Zukunft")
        lines.remove(at: 20)  // the paragraph of project 1's "In Zukunft"
        let result = try outcome(text: lines.joined(separator: "\n"))
        expectNothingSilentlyDropped(result)
        let empty = result.imported.findings.filter { $0.ruleID == .pageTextBlockEmpty }
        #expect(empty.map { $0.location?.line } == [20])
        #expect(empty.first?.location?.field == "In Zukunft")
        #expect(result.loaded.incompleteProjects == 1)
    }

    @Test func secondValueAfterFortschritt() throws {
        var lines = try realLines()
        lines.insert("35%", at: 15)
        let result = try outcome(text: lines.joined(separator: "\n"))
        expectNothingSilentlyDropped(result)
        let unexpected = result.imported.findings.filter { $0.ruleID == .pageTextLineUnexpected }
        #expect(unexpected.map { $0.location?.line } == [16])
        #expect(result.imported.records.first?["Fortschritt"].map(\.text) == ["30%"])
    }

    @Test func userGroupWithABullet() throws {
        var lines = try realLines()
        #expect(lines[30] == "Mitarbeitende")
        lines[30] = "• Mitarbeitende"
        let result = try outcome(text: lines.joined(separator: "\n"))
        let finding = try #require(result.imported.findings.first { $0.ruleID == .pageTextUserGroupsBullet })
        #expect(finding.location?.line == 31)
        #expect(result.imported.records.first?["Nutzende"].first?.text == "Mitarbeitende")
        #expect(result.imported.records.first?["Nutzende"].first?.location.column == 3)
    }

    @Test func unknownFieldOfActionIsReportedWithASuggestion() throws {
        var lines = try realLines()
        #expect(lines[22] == "• Prozesse")
        lines[22] = "• Prozese"
        let result = try outcome(text: lines.joined(separator: "\n"))
        expectNothingSilentlyDropped(result)
        let finding = try #require(result.findings(.vocabularyUnknown(FieldOfAction.self)).first)
        #expect(finding.severity == .error)
        #expect(finding.location?.line == 23)
        #expect(finding.location?.column == 3)
        #expect(finding.hint?.contains("Prozesse") == true)
        #expect(finding.projectID == "digital-lab")
    }

    @Test func yearRangeThatIsNotOne() throws {
        var lines = try realLines()
        lines[16] = "23–28"
        let result = try outcome(text: lines.joined(separator: "\n"))
        expectNothingSilentlyDropped(result)
        let finding = try #require(result.findings(.periodFormat).first)
        #expect(finding.location?.line == 17)
        #expect(finding.field == .period)
        #expect(result.loaded.incompleteProjects == 1)
    }
}
