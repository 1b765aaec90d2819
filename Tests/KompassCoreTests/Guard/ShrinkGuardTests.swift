import Testing
@testable import KompassCore

/// The shrink guard on its own: what the last publication had against what a run is about to publish.
@Suite("Shrink guard")
struct ShrinkGuardTests {
    static let date = CalendarDate(iso: "2026-11-30")!

    static func project(_ id: String) -> Project {
        Project(id: ProjectID(id)!, title: "Titel \(id)", progress: 30, period: ProjectPeriod(startYear: 2024, endYear: 2027),
                before: "Bisher \(id).", future: "In Zukunft \(id).", fieldsOfAction: [.daten], userGroups: [.bevoelkerung],
                origins: ProjectOrigins(record: SourceLocation(file: "test", line: 1)))
    }

    /// A last publication of `ids` with `files`.
    static func published(_ ids: [String], files: [String] = ["projects.csv"], retired: [String] = []) -> PublicationState {
        var state = PublicationState()
        state.legacyProjects = ids.map { ProjectSnapshot(project($0), referenceYear: 2026) }
        for file in files { state.files[file] = .init(sha256: "00", bytes: 1, issued: date, modified: date) }
        state.retired = retired.map { RetiredProject(id: $0, title: "Alt \($0)", retiredOn: CalendarDate(iso: "2025-01-01")!) }
        return state
    }

    static func run(_ ids: [String], files: [String] = ["projects.csv"], commandLine: Set<String> = [],
                    sources: Set<String> = []) -> ShrinkGuard.Run {
        ShrinkGuard.Run(projects: ids.map { ($0, "Titel \($0)") }, vanished: [], files: Set(files),
                        retiredOnCommandLine: commandLine, retiredInSources: sources)
    }

    static func rules(_ verdict: ShrinkGuard.Verdict) -> [RuleID] { verdict.findings.map(\.ruleID) }

    @Test func theFirstPublicationHasNothingToGuard() {
        let verdict = ShrinkGuard().check(testing: Self.run(["a"]), against: nil, stateFile: "state.json")
        #expect(verdict.findings.isEmpty && verdict.retiring.isEmpty)
    }

    @Test func aVanishedProjectRefusesTheRunAndIsNamed() throws {
        let verdict = ShrinkGuard().check(testing: Self.run(["a", "c"]), against: Self.published(["a", "b", "c"]), stateFile: "state.json")
        #expect(Self.rules(verdict) == [.guardVanished])
        let finding = try #require(verdict.findings.first)
        #expect(finding.severity == .error)
        #expect(finding.message.contains("1 project of the last publication is missing from the sources: b"))
        #expect(finding.hint?.contains("kompass run --retire b") == true)
        #expect(finding.messageDE?.contains("fehlt in den Quellen: b") == true)
        #expect(verdict.retiring.isEmpty)
    }

    /// While the sources have errors, a missing project is most likely unreadable: the guard still refuses,
    /// but asks for the errors to be fixed instead of proposing a retirement.
    @Test func whileTheSourcesHaveErrorsNoRetirementIsProposed() throws {
        var run = Self.run(["a", "c"])
        run.sourcesHaveErrors = true
        let verdict = ShrinkGuard().check(testing: run, against: Self.published(["a", "b", "c"]), stateFile: "state.json")
        #expect(Self.rules(verdict) == [.guardVanished])
        let finding = try #require(verdict.findings.first)
        #expect(finding.hint == ShrinkGuard.Message.fixTheSourcesFirst.en && finding.hintDE == ShrinkGuard.Message.fixTheSourcesFirst.de)
        #expect(finding.hint?.contains("--retire") == false)
    }

    @Test func anEmptyPortfolioIsNeverZeroProjects() throws {
        let ids = (1...30).map { "p\($0)" }
        let verdict = ShrinkGuard().check(testing: Self.run([]), against: Self.published(ids), stateFile: "state.json")
        #expect(Self.rules(verdict) == [.guardVanished])
        let message = try #require(verdict.findings.first?.message)
        #expect(message.hasPrefix("30 projects of the last publication are missing"))
        // The first twenty are listed, then how many more.
        #expect(message.contains("p20 … (+10)"))
    }

    @Test func aNamedRemovalPassesAndIsRetired() {
        let verdict = ShrinkGuard().check(testing: Self.run(["a", "c"], commandLine: ["b"]), against: Self.published(["a", "b", "c"]),
                                          stateFile: "state.json")
        #expect(verdict.findings.isEmpty)
        #expect(verdict.retiring.map(\.id) == ["b"])
    }

    @Test func theSourcesListsMayRetireASmallShareOnly() {
        let ids = (1...8).map { "p\($0)" }
        // One of eight (12.5 %) by a source's list: fine at the default 25 %.
        let small = ShrinkGuard().check(testing: Self.run(Array(ids.dropFirst()), sources: ["p1"]), against: Self.published(ids),
                                        stateFile: "state.json")
        #expect(small.findings.isEmpty && small.retiring.map(\.id) == ["p1"])
        // Three of eight (38 %): refused unless the command line confirms.
        let large = ShrinkGuard().check(testing: Self.run(Array(ids.dropFirst(3)), sources: ["p1", "p2", "p3"]),
                                        against: Self.published(ids), stateFile: "state.json")
        #expect(Self.rules(large) == [.guardShrink])
        #expect(large.findings.first?.message.contains("remove 3 of 8 published projects (38 %)") == true)
        let confirmed = ShrinkGuard().check(testing: Self.run(Array(ids.dropFirst(3)), commandLine: ["p1", "p2", "p3"], sources: ["p1", "p2", "p3"]),
                                            against: Self.published(ids), stateFile: "state.json")
        #expect(confirmed.findings.isEmpty && confirmed.retiring.count == 3)
        let tuned = ShrinkGuard(settings: GuardSettings(maxShrink: 0.5))
            .check(testing: Self.run(Array(ids.dropFirst(3)), sources: ["p1", "p2", "p3"]), against: Self.published(ids), stateFile: "state.json")
        #expect(tuned.findings.isEmpty)
    }

    @Test func aRetiredIdentifierStaysReserved() throws {
        let verdict = ShrinkGuard().check(testing: Self.run(["a", "old"]), against: Self.published(["a"], retired: ["old"]), stateFile: "state.json")
        #expect(Self.rules(verdict) == [.guardIDReserved])
        let finding = try #require(verdict.findings.first)
        #expect(finding.projectID == "old")
        #expect(finding.message.contains("belonged to the project «Alt old», retired on 2025-01-01"))
    }

    @Test func namingWhatIsNoRemovalIsAnError() {
        let published = Self.published(["a", "b"])
        let typo = ShrinkGuard().check(testing: Self.run(["a", "b"], commandLine: ["bb"]), against: published, stateFile: "state.json")
        #expect(Self.rules(typo) == [.guardRetireUnknown])
        let stillThere = ShrinkGuard().check(testing: Self.run(["a", "b"], commandLine: ["b"]), against: published, stateFile: "state.json")
        #expect(Self.rules(stillThere) == [.guardRetireUnknown])
        #expect(stillThere.findings.first?.message.contains("it is still in the sources") == true)
        // A source's list may go on naming a project retired long ago.
        let old = ShrinkGuard().check(testing: Self.run(["a", "b"], sources: ["gone-long-ago"]), against: published, stateFile: "state.json")
        #expect(old.findings.isEmpty)
        // But not one that its source still holds.
        let contradiction = ShrinkGuard().check(testing: Self.run(["a", "b"], sources: ["a"]), against: published, stateFile: "state.json")
        #expect(Self.rules(contradiction) == [.guardRetireUnknown])
    }

    @Test func aFileThatWouldVanishRefusesTheRunUnlessNamed() {
        let published = Self.published(["a"], files: ["projects.csv", "projects-excel.csv"])
        let verdict = ShrinkGuard().check(testing: Self.run(["a"]), against: published, stateFile: "state.json")
        #expect(Self.rules(verdict) == [.guardFileVanished])
        #expect(verdict.findings.first?.location?.file == "projects-excel.csv")
        let named = ShrinkGuard().check(testing: Self.run(["a"], commandLine: ["projects-excel.csv"]), against: published, stateFile: "state.json")
        #expect(named.findings.isEmpty)
    }
}

extension ShrinkGuard {
    /// The guard as a run calls it: the vanished projects are the published ones the run does not have (the
    /// pass finds them as it compares; here from the state's snapshots held in memory).
    func check(testing run: Run, against previous: PublicationState?, stateFile: String) -> Verdict {
        var run = run
        let current = Set(run.projects.map(\.id))
        run.vanished = (previous?.legacyProjects ?? []).filter { !current.contains($0.id) }.map { ($0.id, $0.title) }
        return check(run, against: previous, stateFile: stateFile)
    }
}
