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

    static func entry(_ position: Int, _ before: String, _ future: String, _ id: String, _ title: String) -> ProjectRegister.Entry {
        ProjectRegister.Entry(position: position, fingerprint: ProjectFingerprint.of(before: before, future: future),
                              id: ProjectID(id)!, title: title,
                              location: KompassCore.SourceLocation(file: registerFile, line: position + 1))
    }

    static let register = ProjectRegister(path: registerFile, entries: [
        entry(1, "A before", "A future", "alpha", "Alpha"),
        entry(2, "B before", "B future", "beta", "Beta"),
        entry(3, "C before", "C future", "gamma", "Gamma"),
    ])

    @Test func matchesByFingerprintInOrder() {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "B future", line: 20),
                      Self.draft("C before", "C future", line: 30)]
        let findings = RegisterMatcher(register: Self.register).assign(to: &drafts)
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
        let findings = RegisterMatcher(register: Self.register).assign(to: &drafts)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(drafts.map { $0.id?.rawValue } == ["gamma", "alpha", "beta"])
        #expect(drafts.map(\.title) == ["Gamma", "Alpha", "Beta"])
    }

    @Test func editedTextFallsBackToThePositionWithAWarning() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before, edited", "B future", line: 20),
                      Self.draft("C before", "C future", line: 30)]
        let findings = RegisterMatcher(register: Self.register).assign(to: &drafts)
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

    @Test func noPositionFallbackWhenTheEntryAtThatPositionMovedElsewhere() throws {
        // Position 1 now holds a new text, and A moved to position 2: the new text must not take A's entry.
        var drafts = [Self.draft("New before", "New future", line: 10), Self.draft("A before", "A future", line: 20)]
        let register = ProjectRegister(path: Self.registerFile, entries: Array(Self.register.entries.prefix(2)))
        let findings = RegisterMatcher(register: register).assign(to: &drafts)
        #expect(drafts[0].id == nil)
        #expect(drafts[1].id?.rawValue == "alpha")
        #expect(findings.map(\.ruleID).sorted() == [.registerMissing, .registerUnused])
        let missing = try #require(findings.first { $0.ruleID == .registerMissing })
        #expect(missing.severity == .error)
        #expect(missing.location?.line == 10)
        #expect(findings.first { $0.ruleID == .registerUnused }?.projectID == "beta")
    }

    /// A page whose number of projects changed gives positions no meaning: an edited text is not taken as the
    /// entry at its position, and the error proposes both ways out.
    @Test func noPositionFallbackWhenThePageHasAnotherNumberOfProjects() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before, edited", "B future", line: 20),
                      Self.draft("C before", "C future", line: 30), Self.draft("D before", "D future", line: 40)]
        let findings = RegisterMatcher(register: Self.register).assign(to: &drafts)
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", nil, "gamma", nil])
        let missing = findings.filter { $0.ruleID == .registerMissing }
        #expect(missing.map { $0.location?.line } == [20, 40])
        #expect(missing.first?.hint?.contains("the page lists 4 projects and the register 3") == true)
        #expect(!findings.contains { $0.ruleID == .registerFingerprintChanged })
    }

    /// The same block twice on the page is one error at the repetition, naming the first place.
    @Test func aBlockListedTwiceIsOneErrorNamingBothPlaces() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "B future", line: 20),
                      Self.draft("B before", "B future", line: 30)]
        let register = ProjectRegister(path: Self.registerFile, entries: Array(Self.register.entries.prefix(2)))
        let findings = RegisterMatcher(register: register).assign(to: &drafts)
        #expect(findings.map(\.ruleID) == [.registerRepeatedBlock])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error && finding.location?.line == 30 && finding.projectID == "beta")
        #expect(finding.message == "project 3 repeats project 2 (line 20) word for word: 'beta' is listed twice")
        #expect(drafts.map { $0.id?.rawValue } == ["alpha", "beta", nil])
    }

    @Test func unknownProjectIsAnError() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("B before", "B future", line: 20),
                      Self.draft("C before", "C future", line: 30), Self.draft("D before", "D future", line: 40)]
        let findings = RegisterMatcher(register: Self.register).assign(to: &drafts)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .registerMissing)
        #expect(finding.severity == .error)
        #expect(finding.location == KompassCore.SourceLocation(file: "page.txt", line: 40))
        let fingerprint = ProjectFingerprint.of(before: "D before", future: "D future")
        #expect(finding.message.contains(fingerprint))
        #expect(finding.hint?.contains("4;\(fingerprint);") == true)
        #expect(drafts[3].id == nil)
        #expect(drafts[3].project == nil)
    }

    @Test func unusedEntryIsAWarning() throws {
        var drafts = [Self.draft("A before", "A future", line: 10), Self.draft("C before", "C future", line: 20)]
        let findings = RegisterMatcher(register: Self.register).assign(to: &drafts)
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
        let findings = RegisterMatcher(register: register).assign(to: &drafts)
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
        let findings = RegisterMatcher(register: Self.register).assign(to: &drafts)
        #expect(drafts.map { $0.id?.rawValue } == [nil, "beta", "gamma"])
        #expect(findings.map(\.ruleID) == [.registerUnused])
        #expect(findings.first?.projectID == "alpha")
    }

    @Test func theRealRegisterNamesTheRealPage() throws {
        let (register, registerFindings) = try ProjectRegister.load(path: TestFiles.registerPath)
        #expect(registerFindings.isEmpty)
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

@Suite("ProjectRegister.load")
struct ProjectRegisterTests {
    static let a = ProjectFingerprint.of(before: "a", future: "b")

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
        #expect(register.entries.count == 34)
        let first = try #require(register.entries.first)
        #expect(first.position == 1)
        #expect(first.fingerprint == "f05ac351ac8169e0")
        #expect(first.id.rawValue == "digital-lab")
        #expect(first.title == "Digital Lab")
        #expect(first.location.line == 2)
        #expect(register.entries.map(\.position) == Array(1...34))
        #expect(register.entries.last?.location.line == 35)
        #expect(register.entries.contains { $0.title == "Citizen Development (Citi.Dev@BS)" })
    }

    @Test func badHeader() throws {
        let (register, findings) = try Self.load("pos;fingerprint;id;title\n1;\(Self.a);x;X\n")
        #expect(register.entries.isEmpty)
        #expect(findings.count == 1)
        #expect(findings.first?.ruleID == .registerHeader)
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.location?.line == 1)
    }

    @Test func emptyRegister() throws {
        let (register, findings) = try Self.load("")
        #expect(register.entries.isEmpty)
        #expect(findings.map(\.ruleID) == [.registerEmpty])
    }

    @Test func duplicateIdentifier() throws {
        let other = ProjectFingerprint.of(before: "c", future: "d")
        let (register, findings) = try Self.load("position;fingerprint;id;title\n1;\(Self.a);same;One\n2;\(other);same;Two\n")
        #expect(register.entries.map(\.title) == ["One"])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .registerIDDuplicate)
        #expect(finding.location?.line == 3)
        #expect(finding.location?.column == 2 + 16 + 2)
        #expect(finding.message.contains("line 2"))
    }

    @Test(arguments: ["f05ac351ac8169e", "f05ac351ac8169e00", "F05AC351AC8169E0", "g05ac351ac8169e0", ""])
    func malformedFingerprint(fingerprint: String) throws {
        let (register, findings) = try Self.load("position;fingerprint;id;title\n1;\(Self.a);ok;OK\n2;\(fingerprint);bad;Bad\n")
        #expect(register.entries.map(\.id.rawValue) == ["ok"])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .registerFingerprint)
        #expect(finding.location?.line == 3)
        #expect(finding.location?.column == 3)
    }

    @Test func otherMalformedLines() throws {
        let text = """
        position;fingerprint;id;title
        0;\(Self.a);zero;Zero
        x;\(Self.a);ex;Ex
        3;\(Self.a);Not-An-Id;Title
        4;\(Self.a);no-title;   
        5;\(Self.a);too;many;cells
        6;\(Self.a);"quoted";"Title; with a delimiter"

        """
        let (register, findings) = try Self.load(text)
        #expect(findings.map(\.ruleID) == [.registerPosition, .registerPosition, .registerID, .registerTitle, .registerRowCells])
        #expect(findings.map { $0.location?.line } == [2, 3, 4, 5, 6])
        #expect(register.entries.map(\.id.rawValue) == ["quoted"])
        #expect(register.entries.first?.title == "Title; with a delimiter")
        #expect(register.entries.first?.location.line == 7)
    }

    @Test func syntaxProblemsHaveTheirLine() throws {
        let (_, findings) = try Self.load("position;fingerprint;id;title\n1;\(Self.a);ok;\"unclosed\n")
        #expect(findings.contains { $0.ruleID == .registerSyntax && $0.location?.line == 2 && $0.location?.column == 23 })
    }

    @Test func windowsLineEndsKeepTheirLineNumbers() throws {
        let other = ProjectFingerprint.of(before: "c", future: "d")
        let third = ProjectFingerprint.of(before: "e", future: "f")
        let text = "position;fingerprint;id;title\r\n1;\(Self.a);one;One\r\n2;\(other);two;Two\r\n3;\(third);one;Three\r\n"
        let (register, findings) = try Self.load(text)
        #expect(register.entries.map(\.location.line) == [2, 3])
        #expect(findings.map(\.ruleID) == [.registerIDDuplicate])
        #expect(findings.first?.location?.line == 4)
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: IOError.self) { try ProjectRegister.load(path: "/nonexistent/register.csv") }
    }
}
