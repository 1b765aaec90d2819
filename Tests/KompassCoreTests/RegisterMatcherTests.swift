import Foundation
import Testing
@testable import KompassCore

@Suite("RegisterMatcher")
struct RegisterMatcherTests {
    static let registerFile = "register.csv"

    static func draft(_ before: String, _ future: String, line: Int) -> DraftProject {
        var draft = DraftProject(origins: ProjectOrigins(record: KompassCore.SourceLocation(file: "page.txt", line: line)))
        draft.before = before
        draft.future = future
        draft.progress = 10
        draft.period = ProjectPeriod(startYear: 2024, endYear: 2025)
        draft.fieldsOfAction = [.daten]
        draft.userGroups = [.bevoelkerung]
        return draft
    }

    static func fingerprint(_ text: String) -> String { ProjectFingerprint.of(text: text) }

    static func entry(_ position: Int, _ before: String?, _ future: String?, _ id: String, _ title: String) -> ProjectRegister.Entry {
        ProjectRegister.Entry(position: position, before: before.map(fingerprint), future: future.map(fingerprint),
                              id: ProjectID(id)!, title: title,
                              location: KompassCore.SourceLocation(file: registerFile, line: position + 1))
    }

    static let register = ProjectRegister(path: registerFile, entries: [
        entry(1, "A before", "A future", "alpha", "Alpha"),
        entry(2, "B before", "B future", "beta", "Beta"),
        entry(3, "C before", "C future", "gamma", "Gamma"),
    ])

    static func assign(_ drafts: inout [DraftProject], _ register: ProjectRegister = Self.register) -> [Finding] {
        RegisterMatcher(register: register).assign(to: &drafts)
    }

    @Test func matchesByFingerprintInOrder() {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "B future", line: 20),
                      Self.draft("C before", "C future", line: 30)]
        let findings = Self.assign(&drafts)
        #expect(findings.isEmpty)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", "beta", "gamma"])
        #expect(drafts.map(\.title) == ["Alpha", "Beta", "Gamma"])
        #expect(drafts[1].origins[.id] == KompassCore.SourceLocation(file: Self.registerFile, line: 3))
        #expect(drafts[1].origins[.title].line == 3)
        #expect(drafts.allSatisfy { $0.project != nil })
    }

    @Test func matchesByFingerprintWhenProjectsMove() {
        // The page now lists C, A, B: each keeps its identity.
        var drafts = [Self.draft("C before", "C future", line: 10), Self.draft("A before", "A future", line: 20),
                      Self.draft("B before", "B future", line: 30)]
        let findings = Self.assign(&drafts)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(drafts.map { $0.id?.rawValue } == ["gamma", "alpha", "beta"])
        #expect(drafts.map(\.title) == ["Gamma", "Alpha", "Beta"])
    }

    /// One text edited: the project is recognised by the other, with a warning that gives the line to write.
    @Test(arguments: [true, false])
    func oneEditedTextIsRecognisedByTheOther(editBefore: Bool) throws {
        let before = editBefore ? "B before, edited" : "B before", future = editBefore ? "B future" : "B future, edited"
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft(before, future, line: 20),
                      Self.draft("C before", "C future", line: 30)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", "beta", "gamma"])
        #expect(drafts.map(\.title) == ["Alpha", "Beta", "Gamma"])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .registerFingerprintChanged)
        #expect(finding.severity == .warning)
        #expect(finding.projectID == "beta")
        #expect(finding.location == KompassCore.SourceLocation(file: "page.txt", line: 20))
        // The edited text's new fingerprint, in the line to write (the entry's position, identifier and title).
        let line = "2;\(Self.fingerprint(before));\(Self.fingerprint(future));beta;Beta"
        #expect(finding.hint?.contains(line) == true, "\(finding.hint ?? "")")
        #expect(finding.hintDE?.contains(line) == true)
        #expect(finding.hint?.contains(Self.fingerprint(editBefore ? before : future)) == true)
    }

    /// An empty fingerprint cell is a text not known: the project is recognised by the other, and told to fill it in.
    @Test func anUnknownTextIsFilledInFromTheOther() throws {
        let register = ProjectRegister(path: Self.registerFile, entries: [Self.entry(1, nil, "A future", "alpha", "Alpha")])
        var drafts = [Self.draft("A before", "A future", line: 10)]
        let findings = Self.assign(&drafts, register)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha"])
        #expect(findings.map(\.ruleID) == [.registerFingerprintChanged])
        #expect(findings.first?.hint?.contains("1;\(Self.fingerprint("A before"));\(Self.fingerprint("A future"));alpha;Alpha") == true)
    }

    /// An entry without fingerprints only reserves its identifier: it matches nothing.
    @Test func anEntryWithoutFingerprintsMatchesNothing() throws {
        let register = ProjectRegister(path: Self.registerFile, entries: [Self.entry(1, nil, nil, "alpha", "Alpha")])
        var drafts = [Self.draft("A before", "A future", line: 10)]
        let findings = Self.assign(&drafts, register)
        #expect(drafts[0].id == nil)
        #expect(findings.map(\.ruleID).sorted() == [.registerMissing, .registerUnused])
    }

    /// Both texts edited: nothing is certain, whatever the position says; the error proposes the line.
    @Test func bothTextsEditedIsMissingWithTheProposedLine() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before, edited", "B future, edited", line: 20),
                      Self.draft("C before", "C future", line: 30)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", nil, "gamma"])
        #expect(findings.map(\.ruleID).sorted() == [.registerMissing, .registerUnused])
        let missing = try #require(findings.first { $0.ruleID == .registerMissing })
        #expect(missing.severity == .error)
        #expect(missing.location?.line == 20)
        #expect(missing.projectID == nil)
        let line = "2;\(Self.fingerprint("B before, edited"));\(Self.fingerprint("B future, edited"));<id>;<title>"
        #expect(missing.hint?.contains(line) == true, "\(missing.hint ?? "")")
        #expect(missing.hintDE?.contains(line) == true)
        let unused = try #require(findings.first { $0.ruleID == .registerUnused })
        #expect(unused.projectID == "beta" && unused.location?.line == 3)
    }

    /// The position never names a project: a new project where another stood is missing, and the entry it
    /// replaced is unused.
    @Test func thePositionAloneNamesNoProject() throws {
        var drafts = [Self.draft("New before", "New future", line: 10), Self.draft("A before", "A future", line: 20)]
        let register = ProjectRegister(path: Self.registerFile, entries: Array(Self.register.entries.prefix(2)))
        let findings = Self.assign(&drafts, register)
        #expect(drafts[0].id == nil)
        #expect(drafts[1].id?.rawValue == "alpha")
        #expect(findings.map(\.ruleID).sorted() == [.registerMissing, .registerUnused])
        #expect(findings.first { $0.ruleID == .registerMissing }?.location?.line == 10)
        #expect(findings.first { $0.ruleID == .registerUnused }?.projectID == "beta")
    }

    /// A page whose number of projects changed: an edited project is still recognised by its unedited text.
    @Test func aProjectRemovedAndAnotherEditedStillMatches() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("C before", "C future, edited", line: 20),
                      Self.draft("D before", "D future", line: 30), Self.draft("E before", "E future", line: 40)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", "gamma", nil, nil])
        #expect(findings.map(\.ruleID) == [.registerFingerprintChanged, .registerMissing, .registerMissing, .registerUnused])
        #expect(findings.map { $0.location?.line } == [20, 30, 40, 3])
        #expect(findings[0].projectID == "gamma" && findings[3].projectID == "beta")
        #expect(findings[1].hint?.contains("3;\(Self.fingerprint("D before"));\(Self.fingerprint("D future"));<id>;<title>") == true)
    }

    /// Two blocks, each with one text of the same entry: neither is certain, so neither is taken; one error
    /// at the later block names both, and the entry is not reported as unused as well.
    @Test func twoBlocksEachWithOneTextOfOneEntryAreAnError() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "New future", line: 20),
                      Self.draft("New before", "B future", line: 30), Self.draft("C before", "C future", line: 40)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", nil, nil, "gamma"])
        #expect(findings.map(\.ruleID) == [.registerAmbiguous])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.location?.line == 30)
        #expect(finding.projectID == "beta")
        // Both places: the other block's line, and the entry's register line.
        #expect(finding.message.contains("line 20") && finding.messageDE?.contains("Zeile 20") == true)
        #expect(finding.message.contains("register.csv line 3") && finding.messageDE?.contains("register.csv, Zeile 3") == true)
        // The fingerprints of both blocks, to write into the entry's line for the one it is.
        #expect(finding.hint?.contains("\(Self.fingerprint("B before"));\(Self.fingerprint("New future"))") == true)
        #expect(finding.hint?.contains("\(Self.fingerprint("New before"));\(Self.fingerprint("B future"))") == true)
    }

    /// Three blocks with one text each of one entry: an error at each later block, none takes it.
    @Test func threeClaimsOfOneEntryAreTwoErrors() throws {
        var drafts = [Self.draft("B before", "X future", line: 10), Self.draft("Y before", "B future", line: 20),
                      Self.draft("B before", "Z future", line: 30)]
        let register = ProjectRegister(path: Self.registerFile, entries: [Self.register.entries[1]])
        let findings = Self.assign(&drafts, register)
        #expect(drafts.allSatisfy { $0.id == nil })
        #expect(findings.map(\.ruleID) == [.registerAmbiguous, .registerAmbiguous])
        #expect(findings.map { $0.location?.line } == [20, 30])
    }

    /// A block with one text of an entry that another block has by both texts: the weaker claim is the error.
    @Test func aBlockWithOneTextOfAnEntryAnotherBlockHoldsIsAnError() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "Copy future", line: 20),
                      Self.draft("B before", "B future", line: 30)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", nil, "beta"])
        #expect(findings.map(\.ruleID) == [.registerAmbiguous, .registerUnused])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error && finding.location?.line == 20 && finding.projectID == "beta")
        #expect(finding.message.contains("line 30") && finding.messageDE?.contains("Zeile 30") == true)
        #expect(finding.hint?.contains("2;\(Self.fingerprint("B before"));\(Self.fingerprint("Copy future"));<id>;<title>") == true)
        #expect(findings.last?.projectID == "gamma")
    }

    /// A block whose texts point at two different entries, one each: nothing is certain.
    @Test func textsOfTwoEntriesInOneBlockAreAnError() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "C future", line: 20)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", nil])
        #expect(findings.map(\.ruleID) == [.registerAmbiguous])
        let finding = try #require(findings.first)
        #expect(finding.location?.line == 20 && finding.projectID == nil)
        #expect(finding.message.contains("'beta' (line 3") && finding.message.contains("'gamma' (line 4"))
    }

    /// A block that claims an entry by one text while another block's texts point at it and elsewhere: contested.
    @Test func aClaimContradictedByAnotherBlockIsAnError() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "C future", line: 20),
                      Self.draft("X before", "B future", line: 30)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", nil, nil])
        #expect(findings.map(\.ruleID) == [.registerAmbiguous, .registerAmbiguous])
        #expect(findings.map { $0.location?.line } == [20, 30])
        #expect(findings.last?.projectID == "beta")
    }

    /// The same block twice on the page is one error at the repetition, naming the first place.
    @Test func aBlockListedTwiceIsOneErrorNamingBothPlaces() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "B future", line: 20),
                      Self.draft("B before", "B future", line: 30)]
        let register = ProjectRegister(path: Self.registerFile, entries: Array(Self.register.entries.prefix(2)))
        let findings = Self.assign(&drafts, register)
        #expect(findings.map(\.ruleID) == [.registerRepeatedBlock])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error && finding.location?.line == 30 && finding.projectID == "beta")
        #expect(finding.message == "project 3 repeats project 2 (line 20) word for word: 'beta' is listed twice")
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", "beta", nil])
    }

    /// A block with one text edited, listed twice: the first is taken with its warning, the second is the repetition.
    @Test func anEditedBlockListedTwiceIsTakenOnceAndRepeatedOnce() throws {
        var drafts = [Self.draft("B before", "B future, edited", line: 10), Self.draft("B before", "B future, edited", line: 20)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["beta", nil])
        #expect(findings.map(\.ruleID) == [.registerFingerprintChanged, .registerRepeatedBlock, .registerUnused, .registerUnused])
        #expect(findings.map { $0.location?.line } == [10, 20, 2, 4])
        #expect(findings[1].projectID == "beta")
    }

    /// A new block listed twice: the first is missing, the second is its repetition (not a second proposal).
    @Test func anUnknownBlockListedTwiceIsMissingOnceAndRepeatedOnce() throws {
        var drafts = [Self.draft("D before", "D future", line: 10), Self.draft("D before", "D future", line: 20)]
        let register = ProjectRegister(path: Self.registerFile, entries: [])
        let findings = Self.assign(&drafts, register)
        #expect(drafts.allSatisfy { $0.id == nil })
        #expect(findings.map(\.ruleID) == [.registerMissing, .registerRepeatedBlock])
        #expect(findings.map { $0.location?.line } == [10, 20])
        #expect(findings[1].projectID == nil)
    }

    @Test func unknownProjectIsAnError() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "B future", line: 20),
                      Self.draft("C before", "C future", line: 30), Self.draft("D before", "D future", line: 40)]
        let findings = Self.assign(&drafts)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .registerMissing)
        #expect(finding.severity == .error)
        #expect(finding.location == KompassCore.SourceLocation(file: "page.txt", line: 40))
        let before = Self.fingerprint("D before"), future = Self.fingerprint("D future")
        #expect(finding.message.contains(before) && finding.message.contains(future))
        #expect(finding.hint?.contains("4;\(before);\(future);<id>;<title>") == true)
        #expect(drafts[3].id == nil)
        #expect(drafts[3].project == nil)
    }

    @Test func unusedEntryIsAWarning() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("C before", "C future", line: 20)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", "gamma"])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .registerUnused)
        #expect(finding.severity == .warning)
        #expect(finding.projectID == "beta")
        #expect(finding.location == KompassCore.SourceLocation(file: Self.registerFile, line: 3))
    }

    @Test func twoProjectsWithTheSameTextsAreOneRepeatedBlock() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("A before", "A future", line: 20)]
        let register = ProjectRegister(path: Self.registerFile, entries: [Self.register.entries[0]])
        let findings = Self.assign(&drafts, register)
        #expect(drafts[0].id?.rawValue == "alpha")
        #expect(drafts[1].id == nil)
        #expect(findings.map(\.ruleID) == [.registerRepeatedBlock])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.location?.line == 20)
    }

    @Test func draftsWithoutTextsAreSkippedAndTheirEntryIsUnused() {
        var incomplete = Self.draft("A before", "A future", line: 10)
        incomplete.future = nil
        var drafts = [incomplete, Self.draft("B before", "B future", line: 20), Self.draft("C before", "C future", line: 30)]
        let findings = Self.assign(&drafts)
        #expect(drafts.map { $0.id?.rawValue } == [nil, "beta", "gamma"])
        #expect(findings.map(\.ruleID) == [.registerUnused])
        #expect(findings.first?.projectID == "alpha")
    }

    @Test func theRealRegisterNamesTheRealPage() throws {
        let (register, registerFindings) = try ProjectRegister.load(path: TestFiles.registerPath)
        #expect(registerFindings.isEmpty)
        #expect(register.form == .perText)
        #expect(register.entries.count == 34)
        let imported = try PageTextImporter().read(path: TestFiles.pageTextPath)
        let normaliser = Normaliser(mapping: .pageText, reportsMissingValues: false)
        var drafts = imported.records.map { normaliser.draft($0).draft }
        let findings = RegisterMatcher(register: register).assign(to: &drafts)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let rows = ReferencePage.registerRows(try TestFiles.text(atPath: TestFiles.registerPath))
        #expect(drafts.map { $0.id?.rawValue } == rows.map(\.id))
        #expect(drafts.map(\.title) == rows.map(\.title))
        #expect(drafts[0].id?.rawValue == "digital-lab")
        #expect(drafts[2].id?.rawValue == "e-voting")
        #expect(drafts[33].id?.rawValue == "kantonaler-datenkatalog")
    }

    @Test func theRealRegisterFollowsProjectsWhenThePageIsReordered() throws {
        // Move the first project to the end of the page: it keeps its identifier, nothing else changes.
        let text = try TestFiles.realPageText()
        let lines = text.components(separatedBy: "\n")
        let first = Array(lines[13..<33])
        #expect(first.first == "Fortschritt" && lines[33] == "Fortschritt")
        let reordered = (Array(lines[0..<13]) + Array(lines[33...]) + first).joined(separator: "\n")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = try directory.write("page.txt", text: reordered)
        let loaded = try PortfolioLoader().load([SourceConfiguration(path: page, format: .pageText, register: TestFiles.registerPath)])
        #expect(!loaded.findings.contains { $0.ruleID.rawValue.hasPrefix("register.") }, "\(loaded.findings.map(\.message))")
        let ids = loaded.portfolio.projects.map(\.id.rawValue)
        #expect(ids.count == 34)
        #expect(ids.last == "digital-lab")
        #expect(ids.first == "daten-und-ki-plattform")
    }
}

/// The register's old form, `position;fingerprint;id;title`, works as it always did: one fingerprint of both
/// texts, and an edited project found by its position while the page has as many projects as the register.
@Suite("RegisterMatcher, old form")
struct RegisterMatcherOldFormTests {
    static let registerFile = RegisterMatcherTests.registerFile

    static func entry(_ position: Int, _ before: String, _ future: String, _ id: String, _ title: String) -> ProjectRegister.Entry {
        ProjectRegister.Entry(position: position, combined: ProjectFingerprint.of(before: before, future: future),
                              id: ProjectID(id)!, title: title,
                              location: KompassCore.SourceLocation(file: registerFile, line: position + 1))
    }

    static let register = ProjectRegister(path: registerFile, form: .combined, entries: [
        entry(1, "A before", "A future", "alpha", "Alpha"),
        entry(2, "B before", "B future", "beta", "Beta"),
        entry(3, "C before", "C future", "gamma", "Gamma"),
    ])

    static func draft(_ before: String, _ future: String, line: Int) -> DraftProject {
        RegisterMatcherTests.draft(before, future, line: line)
    }

    /// The findings apart from the one info that proposes the register's form.
    static func matching(_ findings: [Finding]) -> [Finding] {
        findings.filter { $0.ruleID != .registerOldForm }
    }

    @Test func matchesByFingerprintAndProposesTheRegistersForm() throws {
        var drafts = [Self.draft("C before", "C future", line: 10), Self.draft("A before", "A future", line: 20),
                      Self.draft("B before", "B future", line: 30)]
        let findings = RegisterMatcher(register: Self.register).assign(to: &drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["gamma", "alpha", "beta"])
        #expect(findings.map(\.ruleID) == [.registerOldForm])
        let info = try #require(findings.first)
        #expect(info.severity == .info)
        #expect(info.location == KompassCore.SourceLocation(file: Self.registerFile, line: 1))
        let fingerprint = ProjectFingerprint.of(text:)
        let file = """
            position;before;future;id;title
            1;\(fingerprint("A before"));\(fingerprint("A future"));alpha;Alpha
            2;\(fingerprint("B before"));\(fingerprint("B future"));beta;Beta
            3;\(fingerprint("C before"));\(fingerprint("C future"));gamma;Gamma
            """
        #expect(info.hint?.hasSuffix(":\n" + file) == true, "\(info.hint ?? "")")
        #expect(info.hintDE?.hasSuffix(":\n" + file) == true)
    }

    @Test func editedTextFallsBackToThePositionWithAWarning() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before, edited", "B future", line: 20),
                      Self.draft("C before", "C future", line: 30)]
        let findings = Self.matching(RegisterMatcher(register: Self.register).assign(to: &drafts))
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", "beta", "gamma"])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .registerFingerprintChanged)
        #expect(finding.severity == .warning)
        #expect(finding.projectID == "beta")
        #expect(finding.location?.line == 20)
        let newFingerprint = ProjectFingerprint.of(before: "B before, edited", future: "B future")
        #expect(finding.hint?.contains(newFingerprint) == true)
        #expect(finding.hint?.contains("line 3") == true)
    }

    /// An entry that no block took gets empty fingerprints in the proposed file: its identifier stays reserved.
    @Test func theProposedFileKeepsAnUnusedEntryWithEmptyFingerprints() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("C before", "C future", line: 20)]
        let findings = RegisterMatcher(register: Self.register).assign(to: &drafts)
        #expect(findings.map(\.ruleID) == [.registerUnused, .registerOldForm])
        #expect(findings.last?.hint?.contains("\n2;;;beta;Beta\n") == true)
    }

    @Test func noPositionFallbackWhenTheEntryAtThatPositionMovedElsewhere() throws {
        var drafts = [Self.draft("New before", "New future", line: 10), Self.draft("A before", "A future", line: 20)]
        let register = ProjectRegister(path: Self.registerFile, form: .combined, entries: Array(Self.register.entries.prefix(2)))
        let findings = Self.matching(RegisterMatcher(register: register).assign(to: &drafts))
        #expect(drafts[0].id == nil)
        #expect(drafts[1].id?.rawValue == "alpha")
        #expect(findings.map(\.ruleID).sorted() == [.registerMissing, .registerUnused])
    }

    @Test func noPositionFallbackWhenThePageHasAnotherNumberOfProjects() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before, edited", "B future", line: 20),
                      Self.draft("C before", "C future", line: 30), Self.draft("D before", "D future", line: 40)]
        let findings = Self.matching(RegisterMatcher(register: Self.register).assign(to: &drafts))
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", nil, "gamma", nil])
        #expect(findings.filter { $0.ruleID == .registerMissing }.map { $0.location?.line } == [20, 40])
        #expect(!findings.contains { $0.ruleID == .registerFingerprintChanged })
    }

    @Test func aBlockListedTwiceIsOneErrorNamingBothPlaces() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "B future", line: 20),
                      Self.draft("B before", "B future", line: 30)]
        let register = ProjectRegister(path: Self.registerFile, form: .combined, entries: Array(Self.register.entries.prefix(2)))
        let findings = Self.matching(RegisterMatcher(register: register).assign(to: &drafts))
        #expect(findings.map(\.ruleID) == [.registerRepeatedBlock])
        #expect(findings.first?.location?.line == 30)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", "beta", nil])
    }
}

@Suite("ProjectRegister.load")
struct ProjectRegisterTests {
    static let a = ProjectFingerprint.of(text: "a")
    static let b = ProjectFingerprint.of(text: "b")
    static let header = "position;before;future;id;title"

    static func load(_ text: String) throws -> (register: ProjectRegister, findings: [Finding]) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("register.csv", text: text)
        let result = try ProjectRegister.load(path: path)
        #expect(result.findings.allSatisfy { $0.location?.file == path })
        return result
    }

    @Test func readsTheRealRegister() throws {
        let (register, findings) = try ProjectRegister.load(path: TestFiles.registerPath)
        #expect(findings.isEmpty)
        #expect(register.form == .perText)
        #expect(register.entries.count == 34)
        let first = try #require(register.entries.first)
        #expect(first.position == 1)
        #expect(first.before == "49114d238366a5f0")
        #expect(first.future == "e9b4a79d9e7a12e7")
        #expect(first.combined == nil)
        #expect(first.id.rawValue == "digital-lab")
        #expect(first.title == "Digital Lab")
        #expect(first.location.line == 2)
        #expect(register.entries.map(\.position) == Array(1...34))
        #expect(register.entries.last?.location.line == 35)
        #expect(register.entries.contains { $0.title == "Citizen Development (Citi.Dev@BS)" })
        #expect(register.entries.allSatisfy { $0.before != nil && $0.future != nil })
    }

    /// The old form is read as it was: one fingerprint of both texts per line.
    @Test func readsTheOldForm() throws {
        let combined = ProjectFingerprint.of(before: "a", future: "b")
        let (register, findings) = try Self.load("position;fingerprint;id;title\n1;\(combined);one;One\n")
        #expect(findings.isEmpty)
        #expect(register.form == .combined)
        #expect(register.entries.map(\.combined) == [combined])
        #expect(register.entries.first?.before == nil && register.entries.first?.future == nil)
        #expect(register.entries.map(\.id.rawValue) == ["one"])
    }

    /// An empty fingerprint cell is a text not known; a line without either only reserves its identifier.
    @Test func emptyFingerprintCellsAreTextsNotKnown() throws {
        let (register, findings) = try Self.load("\(Self.header)\n1;\(Self.a);;one;One\n2;;\(Self.b);two;Two\n3;;;three;Three\n")
        #expect(findings.isEmpty)
        #expect(register.entries.map(\.before) == [Self.a, nil, nil])
        #expect(register.entries.map(\.future) == [nil, Self.b, nil])
    }

    @Test func badHeader() throws {
        for header in ["pos;fingerprint;id;title", "position;before;id;title", "position;future;before;id;title"] {
            let (register, findings) = try Self.load("\(header)\n1;\(Self.a);x;X\n")
            #expect(register.entries.isEmpty)
            #expect(findings.count == 1)
            #expect(findings.first?.ruleID == .registerHeader)
            #expect(findings.first?.severity == .error)
            #expect(findings.first?.location?.line == 1)
        }
    }

    @Test func emptyRegister() throws {
        let (register, findings) = try Self.load("")
        #expect(register.entries.isEmpty)
        #expect(findings.map(\.ruleID) == [.registerEmpty])
    }

    @Test func duplicateIdentifier() throws {
        let (register, findings) = try Self.load("\(Self.header)\n1;\(Self.a);\(Self.b);same;One\n2;\(Self.b);\(Self.a);same;Two\n")
        #expect(register.entries.map(\.title) == ["One"])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .registerIDDuplicate)
        #expect(finding.location?.line == 3)
        #expect(finding.location?.column == 2 + 17 + 17 + 1)
        #expect(finding.message.contains("line 2"))
    }

    @Test func duplicateIdentifierInTheOldForm() throws {
        let (_, findings) = try Self.load("position;fingerprint;id;title\n1;\(Self.a);same;One\n2;\(Self.b);same;Two\n")
        #expect(findings.map(\.ruleID) == [.registerIDDuplicate])
        #expect(findings.first?.location?.column == 2 + 16 + 2)
    }

    @Test(arguments: ["f05ac351ac8169e", "f05ac351ac8169e00", "F05AC351AC8169E0", "g05ac351ac8169e0"])
    func malformedFingerprint(fingerprint: String) throws {
        let text = "\(Self.header)\n1;\(Self.a);\(Self.b);ok;OK\n2;\(fingerprint);\(Self.b);bad;Bad\n3;\(Self.a);\(fingerprint);worse;Worse\n"
        let (register, findings) = try Self.load(text)
        #expect(register.entries.map(\.id.rawValue) == ["ok"])
        #expect(findings.map(\.ruleID) == [.registerFingerprint, .registerFingerprint])
        #expect(findings.map { $0.location?.line } == [3, 4])
        #expect(findings.map { $0.location?.column } == [3, 3 + 17])
    }

    /// The old form's one fingerprint may not be empty.
    @Test(arguments: ["f05ac351ac8169e", "F05AC351AC8169E0", ""])
    func malformedFingerprintInTheOldForm(fingerprint: String) throws {
        let (register, findings) = try Self.load("position;fingerprint;id;title\n1;\(Self.a);ok;OK\n2;\(fingerprint);bad;Bad\n")
        #expect(register.entries.map(\.id.rawValue) == ["ok"])
        #expect(findings.map(\.ruleID) == [.registerFingerprint])
        #expect(findings.first?.location?.line == 3)
        #expect(findings.first?.location?.column == 3)
    }

    @Test func otherMalformedLines() throws {
        let text = """
        \(Self.header)
        0;\(Self.a);\(Self.b);zero;Zero
        x;\(Self.a);\(Self.b);ex;Ex
        3;\(Self.a);\(Self.b);Not-An-Id;Title
        4;\(Self.a);\(Self.b);no-title;   
        5;\(Self.a);\(Self.b);too;many;cells
        6;\(Self.a);too-few;Cells
        7;\(Self.a);\(Self.b);"quoted";"Title; with a delimiter"

        """
        let (register, findings) = try Self.load(text)
        #expect(findings.map(\.ruleID) == [.registerPosition, .registerPosition, .registerID, .registerTitle, .registerRowCells,
                                           .registerRowCells])
        #expect(findings.map { $0.location?.line } == [2, 3, 4, 5, 6, 7])
        #expect(register.entries.map(\.id.rawValue) == ["quoted"])
        #expect(register.entries.first?.title == "Title; with a delimiter")
        #expect(register.entries.first?.location.line == 8)
        // The line of the register's form for an entry: a title with the delimiter is quoted.
        #expect(register.entries.first?.line(before: Self.a, future: nil) == "7;\(Self.a);;quoted;\"Title; with a delimiter\"")
    }

    @Test func syntaxProblemsHaveTheirLine() throws {
        let (_, findings) = try Self.load("\(Self.header)\n1;\(Self.a);\(Self.b);ok;\"unclosed\n")
        #expect(findings.contains { $0.ruleID == .registerSyntax && $0.location?.line == 2 && $0.location?.column == 40 })
    }

    @Test func windowsLineEndsKeepTheirLineNumbers() throws {
        let c = ProjectFingerprint.of(text: "c")
        let text = "\(Self.header)\r\n1;\(Self.a);\(Self.b);one;One\r\n2;\(Self.b);\(c);two;Two\r\n3;\(c);\(Self.a);one;Three\r\n"
        let (register, findings) = try Self.load(text)
        #expect(register.entries.map(\.location.line) == [2, 3])
        #expect(findings.map(\.ruleID) == [.registerIDDuplicate])
        #expect(findings.first?.location?.line == 4)
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: IOError.self) { try ProjectRegister.load(path: "/nonexistent/register.csv") }
    }
}
