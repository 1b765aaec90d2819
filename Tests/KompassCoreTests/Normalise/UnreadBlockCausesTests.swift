import Foundation
import Testing
@testable import KompassCore

/// The register entry of a block that could not be read follows from that block's error (`UnreadBlockCauses`): its
/// hint asks for that error to be fixed first, in both languages, and no hint asks for the register to change.
@Suite("Unread block causes")
struct UnreadBlockCausesTests {
    /// The real page, with project 2's heading "Bisher" (line 38) written "Früher so", loaded with the real register.
    static func loadWithUnknownHeading() throws -> PortfolioLoader.Result {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var lines = try TestFiles.realPageText().components(separatedBy: "\n")
        #expect(lines[37] == "Bisher")
        lines[37] = "Früher so"
        let page = try directory.write("page.txt", text: lines.joined(separator: "\n"))
        let register = try directory.copy(TestFiles.registerPath, as: "register.csv")
        return try PortfolioLoader().load([SourceConfiguration(path: page, format: .pageText, register: register)])
    }

    @Test func theFoldedUnusedEntryAsksForItsCauseToBeFixedFirst() throws {
        let findings = try Self.loadWithUnknownHeading().findings
        let unused = findings.filter { $0.ruleID == .registerUnused }
        #expect(unused.count == 1)
        let folded = try #require(unused.first)
        #expect(folded.projectID == "daten-und-ki-plattform")
        let cause = try #require(folded.causedBy)
        #expect(cause.ruleID == .pageTextLineUnexpected && cause.location?.line == 38)
        #expect(folded.hint(in: .en) == "fix the error it follows from first; change nothing because of it")
        #expect(folded.hint(in: .de) == "beheben Sie zuerst den Fehler, aus dem dies folgt; ändern Sie deswegen nichts")
        // Its message is the one of any unused entry; only the hint changes.
        #expect(folded.message == "the register entry 'daten-und-ki-plattform' matches no project on the page")
    }

    @Test func noHintAsksForTheRegisterToBeEditedWhileTheBlockHasAnError() throws {
        let findings = try Self.loadWithUnknownHeading().findings
        #expect(findings.contains { $0.severity == .error })
        for finding in findings {
            for language in ReportLanguage.allCases {
                let hint = finding.hint(in: language) ?? ""
                #expect(!hint.lowercased().contains("register"), "\(finding.ruleID): \(hint)")
                #expect(!hint.contains("keep the line") && !hint.contains("behalten Sie die Zeile"), "\(finding.ruleID): \(hint)")
            }
        }
    }

    @Test func anUnusedEntryWithoutACauseKeepsItsHint() throws {
        let entry = ProjectRegister.Entry(position: 1, before: nil, future: nil, id: ProjectID("alpha")!, title: "Alpha",
                                          location: SourceLocation(file: "register.csv", line: 2))
        let finding = RegisterMatcher.unused(entry)
        #expect(finding.causedBy == nil)
        #expect(finding.hint?.hasPrefix("if the project left the page, keep the line") == true)
        #expect(finding.hint(in: .de)?.hasPrefix("wenn das Vorhaben nicht mehr auf der Seite steht, behalten Sie die Zeile") == true)
    }
}
