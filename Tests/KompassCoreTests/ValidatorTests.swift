import Testing
@testable import KompassCore

@Suite("Validator")
struct ValidatorTests {
    static let context = ValidationContext(referenceDate: CalendarDate(iso: "2026-11-30")!)

    static func project(_ id: String = "p", progress: Int = 50, start: Int = 2024, end: Int? = 2026, line: Int = 10) -> Project {
        var origins = ProjectOrigins(record: KompassCore.SourceLocation(file: "page.txt", line: line))
        origins[.progress] = KompassCore.SourceLocation(file: "page.txt", line: line + 1, column: 1, field: "Fortschritt")
        origins[.period] = KompassCore.SourceLocation(file: "page.txt", line: line + 3, column: 1, field: "Dauer")
        origins[.id] = KompassCore.SourceLocation(file: "register.csv", line: line / 10 + 1)
        return Project(id: ProjectID(id)!, title: id.uppercased(), progress: progress, period: ProjectPeriod(startYear: start, endYear: end),
                       before: "Ausgangslage von \(id)", future: "Zielbild von \(id)", fieldsOfAction: [.daten], userGroups: [.wirtschaft], origins: origins)
    }

    // MARK: progress.range

    @Test(arguments: [101, 150, 999, -1, -50])
    func progressOutOfRange(progress: Int) throws {
        let findings = ProgressRangeRule().check(Self.project(progress: progress), context: Self.context)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .progressRange)
        #expect(finding.severity == .error)
        #expect(finding.field == .progress)
        #expect(finding.projectID == "p")
        #expect(finding.location == KompassCore.SourceLocation(file: "page.txt", line: 11, column: 1, field: "Fortschritt"))
        #expect(finding.message.contains("\(progress)"))
    }

    @Test(arguments: [0, 1, 50, 99, 100])
    func progressInRange(progress: Int) {
        #expect(ProgressRangeRule().check(Self.project(progress: progress), context: Self.context).isEmpty)
    }

    // MARK: period.order

    @Test func periodEndingBeforeItStarts() throws {
        let findings = PeriodOrderRule().check(Self.project(start: 2028, end: 2023), context: Self.context)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .periodOrder)
        #expect(finding.severity == .error)
        #expect(finding.field == .period)
        #expect(finding.location?.line == 13)
        #expect(finding.message.contains("2028–2023"))
        #expect(finding.hint?.contains("2023–2028") == true)
    }

    @Test(arguments: [(2023, 2028 as Int?), (2024, 2024), (2024, nil), (2019, 2026)])
    func periodInOrder(start: Int, end: Int?) {
        #expect(PeriodOrderRule().check(Self.project(start: start, end: end), context: Self.context).isEmpty)
    }

    // MARK: id.duplicate

    @Test func duplicateIdentifier() throws {
        let portfolio = Portfolio(projects: [Self.project("a", line: 10), Self.project("b", line: 20), Self.project("a", line: 30)])
        let findings = DuplicateIdentifierRule().check(portfolio: portfolio, context: Self.context)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .idDuplicate)
        #expect(finding.severity == .error)
        #expect(finding.projectID == "a")
        #expect(finding.field == .id)
        // The finding points at the second use, and names the first.
        #expect(finding.location == KompassCore.SourceLocation(file: "register.csv", line: 4))
        #expect(finding.message.contains("page.txt:10"))
    }

    @Test func threeUsesGiveTwoFindings() {
        let portfolio = Portfolio(projects: [Self.project("a", line: 10), Self.project("a", line: 20), Self.project("a", line: 30)])
        #expect(DuplicateIdentifierRule().check(portfolio: portfolio, context: Self.context).count == 2)
    }

    @Test func distinctIdentifiers() {
        let portfolio = Portfolio(projects: [Self.project("a"), Self.project("b"), Self.project("a-b"), Self.project("ab")])
        #expect(DuplicateIdentifierRule().check(portfolio: portfolio, context: Self.context).isEmpty)
        #expect(DuplicateIdentifierRule().check(Self.project("a"), context: Self.context).isEmpty)
    }

    // MARK: The validator as a whole

    @Test func catalogueStartsWithTheValueRulesAndDefaultsToTheirSeverities() {
        #expect(Array(Validator.catalogue.map { $0.id }.prefix(2)) == [.progressRange, .periodOrder])
        #expect(Validator().rules.map(\.severity) == Validator.catalogue.map { $0.defaultSeverity })
    }

    @Test func collectsEveryFindingInOnePass() {
        let portfolio = Portfolio(projects: [
            Self.project("a", progress: 120, line: 10),
            Self.project("b", start: 2030, end: 2020, line: 20),
            Self.project("a", progress: -3, start: 2027, end: 2026, line: 30),
            Self.project("c", line: 40),
        ])
        let findings = Validator(rules: [ProgressRangeRule(), PeriodOrderRule(), DuplicateIdentifierRule()])
            .validate(portfolio, context: Self.context)
        #expect(findings.map(\.ruleID) == [.progressRange, .periodOrder, .progressRange, .periodOrder, .idDuplicate])
        #expect(findings.map(\.projectID) == ["a", "b", "a", "a", "a"])
        // The whole catalogue finds these and more (a time rule, the repeated title of the second "a"); "b" ending
        // in 2020 is not also overdue: its period is an error already, and a value with an error gets no follow-on.
        let all = Validator().validate(portfolio, context: Self.context).map(\.ruleID)
        #expect(Set(all).isSuperset(of: [.progressRange, .periodOrder, .idDuplicate, .titleDuplicate, .timeProgressBeforeStart]))
        #expect(!all.contains(.timeOverdue))
    }

    @Test func aCleanPortfolioHasNoFindings() {
        let portfolio = Portfolio(projects: [Self.project("a"), Self.project("b", progress: 0, start: 2026, end: 2027),
                                             Self.project("c", progress: 100, start: 2026, end: nil)])
        #expect(Validator().validate(portfolio, context: Self.context).isEmpty)
        #expect(Validator().validate(Portfolio(projects: []), context: Self.context).isEmpty)
    }

    /// The catalogue's findings on the real page: the time rules, and one "In Zukunft" that describes another
    /// project (text.other-project; OtherProjectTextRuleTests says why).
    @Test func theRealPortfolioBreaksOnlyTheTimeRulesAndHasOneTextOfAnotherProject() throws {
        var configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        configuration.outputDirectory = "/nonexistent/never-written"
        let loaded = try PortfolioLoader().load(configuration.sources)
        #expect(loaded.portfolio.projects.count == 34)
        let findings = Validator().validate(loaded.portfolio, context: Self.context)
        #expect(findings.map { "\($0.ruleID) \($0.projectID ?? "")" } == [
            "time.overdue eservices-architektur", "time.overdue nutzendenzentrierte-services", "time.not-started servant-leadership",
            "time.overdue digitale-maturitaet", "time.overdue rechtsgrundlagen-agov", "time.not-started elektronischer-rechtsverkehr",
            "text.other-project mobile-app-online-dienste",
        ])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func statusFromProgressAndYears() {
        #expect(Self.project(progress: 100).status(referenceYear: 2026) == .completed)
        #expect(Self.project(progress: 0).status(referenceYear: 2026) == .planned)
        #expect(Self.project(progress: 30, start: 2027, end: 2029).status(referenceYear: 2026) == .planned)
        #expect(Self.project(progress: 30, start: 2026, end: 2029).status(referenceYear: 2026) == .inProgress)
        #expect(ProjectStatus.allCases.map(\.code) == ["geplant", "in_umsetzung", "abgeschlossen"])
    }
}
