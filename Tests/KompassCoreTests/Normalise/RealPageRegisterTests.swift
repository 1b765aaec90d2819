import Foundation
import Testing
@testable import KompassCore

/// The real page, edited the way a page changes, read with the real register: which project gets which
/// identifier, and which register findings say why, at which lines.
@Suite("Register on the real page")
struct RealPageRegisterTests {
    /// The real page's projects, read independently of the importer.
    static func reference() throws -> [ReferenceProject] {
        try #require(ReferencePage.parse(try TestFiles.realPageText()))
    }

    /// The register's identifiers, in its order.
    static func registerIDs() throws -> [String] {
        ReferencePage.registerRows(try TestFiles.text(atPath: TestFiles.registerPath)).map(\.id)
    }

    /// The real page after `edit` (of its lines, 0-based), loaded with `register` (the real one by default).
    static func load(register: String? = nil, _ edit: (inout [String]) throws -> Void) throws -> (result: PortfolioLoader.Result, page: String) {
        var lines = try TestFiles.realPageText().components(separatedBy: "\n")
        try edit(&lines)
        let text = lines.joined(separator: "\n")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = try directory.write("page.txt", text: text)
        let registerPath = try register.map { try directory.write("register.csv", text: $0) } ?? TestFiles.registerPath
        let result = try PortfolioLoader().load([SourceConfiguration(path: page, format: .pageText, register: registerPath)])
        return (result, text)
    }

    static func registerFindings(_ result: PortfolioLoader.Result) -> [Finding] {
        result.findings.filter { $0.ruleID.rawValue.hasPrefix("register.") }
    }

    static func errors(_ result: PortfolioLoader.Result) -> [Finding] {
        result.findings.filter { $0.severity == .error }
    }

    /// 0-based index of the first line of a project's "Bisher" text, and of its "In Zukunft" text.
    static func beforeLine(_ project: ReferenceProject) -> Int { project.line - 1 + 5 }
    static func futureLine(_ project: ReferenceProject) -> Int { beforeLine(project) + project.beforeParagraphs.count + 1 }

    /// The lines of a project's block (0-based range), up to the next "Fortschritt" or the end of the page.
    static func blockRange(_ index: Int, in reference: [ReferenceProject], lineCount: Int) -> Range<Int> {
        (reference[index].line - 1)..<(index + 1 < reference.count ? reference[index + 1].line - 1 : lineCount)
    }

    /// (a) One text of one project edited: all 34 identifiers, one warning at the project's block, no error.
    @Test(arguments: [(4, true), (4, false), (33, false)])
    func oneTextEditedStillNamesEveryProject(project: Int, editBefore: Bool) throws {
        let reference = try Self.reference()
        let (result, _) = try Self.load { lines in
            let at = editBefore ? Self.beforeLine(reference[project]) : Self.futureLine(reference[project])
            lines[at] += " (Stand ergänzt)"
        }
        #expect(result.portfolio.projects.map(\.id.rawValue) == (try Self.registerIDs()))
        #expect(result.portfolio.projects[project].title == ReferencePage.registerRows(try TestFiles.text(atPath: TestFiles.registerPath))[project].title)
        #expect(Self.errors(result).isEmpty, "\(Self.errors(result).map(\.message))")
        let findings = Self.registerFindings(result)
        #expect(findings.map(\.ruleID) == [.registerFingerprintChanged])
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.location?.line == reference[project].line)
        #expect(finding.projectID == (try Self.registerIDs())[project])
        // The line to write: the entry's line with the edited text's new fingerprint.
        let edited = result.portfolio.projects[project]
        let line = "\(project + 1);\(ProjectFingerprint.of(text: edited.before));\(ProjectFingerprint.of(text: edited.future));\(edited.id);"
        #expect(finding.hint?.contains(line) == true, "\(finding.hint ?? "")")
        #expect(edited.before.contains(" (Stand ergänzt)") == editBefore && edited.future.contains(" (Stand ergänzt)") != editBefore)
    }

    /// (b) Both texts of one project edited: an error that proposes the line; the entry is unused.
    @Test func bothTextsEditedIsMissingWithTheProposedLine() throws {
        let reference = try Self.reference()
        let project = reference[11]
        let (result, _) = try Self.load { lines in
            lines[Self.beforeLine(project)] += " (neu)"
            lines[Self.futureLine(project)] += " (neu)"
        }
        let findings = Self.registerFindings(result)
        #expect(findings.map(\.ruleID) == [.registerMissing, .registerUnused])
        let missing = try #require(findings.first)
        #expect(missing.severity == .error)
        #expect(missing.location?.line == project.line)
        var before = project.beforeParagraphs, future = project.futureParagraphs
        before[0] += " (neu)"
        future[0] += " (neu)"
        let line = "12;\(ProjectFingerprint.of(text: before.joined(separator: "\n")));\(ProjectFingerprint.of(text: future.joined(separator: "\n")));<id>;<title>"
        #expect(missing.hint?.contains(line) == true, "\(missing.hint ?? "")")
        #expect(missing.hintDE?.contains(line) == true)
        #expect(findings[1].projectID == "ict-infrastruktur" && findings[1].location?.line == 13)
        #expect(result.portfolio.projects.count == 33)
        #expect(!result.portfolio.projects.contains { $0.id.rawValue == "ict-infrastruktur" })
    }

    /// (c) One project's block repeated further down: one error at the repetition naming the first place;
    /// the repetition is published under no identifier, the others keep theirs.
    @Test func aRepeatedBlockIsOneErrorAndNamesNoOtherProject() throws {
        let reference = try Self.reference()
        let (result, page) = try Self.load { lines in
            let block = Array(lines[Self.blockRange(4, in: reference, lineCount: lines.count)])
            lines.insert(contentsOf: block, at: reference[20].line - 1)
        }
        let edited = try #require(ReferencePage.parse(page))
        #expect(edited.count == 35)
        let findings = Self.registerFindings(result)
        #expect(findings.map(\.ruleID) == [.registerRepeatedBlock])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.location?.line == edited[20].line)
        #expect(finding.projectID == "hr-systemlandschaft")
        #expect(finding.message.contains("(line \(reference[4].line))"))
        #expect(finding.messageDE?.contains("(Zeile \(reference[4].line))") == true)
        #expect(result.portfolio.projects.map(\.id.rawValue) == (try Self.registerIDs()))
        #expect(result.incompleteProjects == 1)
    }

    /// (d) A project removed and another edited: the page has 33 projects, and the edited one is still
    /// recognised by its unedited text.
    @Test func aProjectRemovedAndAnotherEditedStillMatches() throws {
        let reference = try Self.reference()
        let (result, page) = try Self.load { lines in
            lines[Self.futureLine(reference[9])] += " Ergänzt."
            lines.removeSubrange(Self.blockRange(2, in: reference, lineCount: lines.count))
        }
        let edited = try #require(ReferencePage.parse(page))
        #expect(edited.count == 33)
        var ids = try Self.registerIDs()
        ids.remove(at: 2)
        #expect(result.portfolio.projects.map(\.id.rawValue) == ids)
        #expect(Self.errors(result).isEmpty, "\(Self.errors(result).map(\.message))")
        let findings = Self.registerFindings(result)
        #expect(findings.map(\.ruleID) == [.registerFingerprintChanged, .registerUnused])
        #expect(findings[0].location?.line == edited[8].line && findings[0].projectID == "basel2go-app")
        #expect(findings[1].location?.line == 4 && findings[1].projectID == "e-voting")
    }

    /// (e) Two blocks, each with one text of the same entry (the project's "Bisher" edited, and a copy of it
    /// with the other text edited further down): an error, and neither block is taken as that project.
    @Test func twoBlocksEachWithOneTextOfOneEntryAreAnError() throws {
        let reference = try Self.reference()
        let project = reference[6]
        let (result, page) = try Self.load { lines in
            var copy = Array(lines[Self.blockRange(6, in: reference, lineCount: lines.count)])
            copy[Self.futureLine(project) - (project.line - 1)] += " Kopie."
            lines[Self.beforeLine(project)] += " Überarbeitet."
            lines += copy
        }
        let edited = try #require(ReferencePage.parse(page))
        let findings = Self.registerFindings(result)
        #expect(findings.map(\.ruleID) == [.registerAmbiguous])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.location?.line == edited[34].line)
        #expect(finding.projectID == "e-mitwirkung")
        #expect(finding.message.contains("(line \(project.line))"))
        #expect(!result.portfolio.projects.contains { $0.id.rawValue == "e-mitwirkung" })
        #expect(result.portfolio.projects.count == 33)
        #expect(result.incompleteProjects == 2)
    }

    /// (f) The register in the old form still names every project, and proposes, in an info, exactly the
    /// register that kompass keeps in the new form.
    @Test func anOldFormRegisterStillWorksAndProposesTheNewFile() throws {
        let rows = ReferencePage.registerRows(try TestFiles.text(atPath: TestFiles.registerPath))
        let reference = try Self.reference()
        let old = (["position;fingerprint;id;title"] + zip(rows, reference).map { row, project in
            "\(row.position);\(ProjectFingerprint.of(before: project.before, future: project.future));\(row.id);\(row.title)"
        }).joined(separator: "\n") + "\n"
        let (result, _) = try Self.load(register: old) { _ in }
        #expect(result.portfolio.projects.map(\.id.rawValue) == rows.map(\.id))
        #expect(result.portfolio.projects.map(\.title) == rows.map(\.title))
        #expect(Self.errors(result).isEmpty)
        let findings = Self.registerFindings(result)
        #expect(findings.map(\.ruleID) == [.registerOldForm])
        let info = try #require(findings.first)
        #expect(info.severity == .info && info.location?.line == 1)
        var current = try TestFiles.text(atPath: TestFiles.registerPath)
        current.removeLast()  // the final line break
        #expect(info.hint?.hasSuffix(":\n" + current) == true, "\(info.hint ?? "")")
    }

    /// (f) The old form with one project's text edited: taken by its position, as before.
    @Test func anOldFormRegisterStillFallsBackToThePosition() throws {
        let rows = ReferencePage.registerRows(try TestFiles.text(atPath: TestFiles.registerPath))
        let reference = try Self.reference()
        let old = (["position;fingerprint;id;title"] + zip(rows, reference).map { row, project in
            "\(row.position);\(ProjectFingerprint.of(before: project.before, future: project.future));\(row.id);\(row.title)"
        }).joined(separator: "\n") + "\n"
        let (result, _) = try Self.load(register: old) { lines in lines[Self.beforeLine(reference[4])] += " (Stand ergänzt)" }
        #expect(result.portfolio.projects.map(\.id.rawValue) == rows.map(\.id))
        let findings = Self.registerFindings(result)
        #expect(findings.map(\.ruleID) == [.registerFingerprintChanged, .registerOldForm])
        #expect(findings.first?.location?.line == reference[4].line)
    }
}
