import Testing
@testable import KompassCore

/// The comparing rules keep digests and positions, not strings: they find what a table keyed by the strings
/// found, and their findings read word for word as they did.
@Suite("Duplicate rule keys")
struct DuplicateRuleKeysTests {
    static let context = ValidationContext(referenceDate: CalendarDate(iso: "2026-11-30")!)

    static func project(_ id: String, title: String, line: Int, before: String = "Bisher", future: String = "Zukunft") -> Project {
        var origins = ProjectOrigins(record: KompassCore.SourceLocation(file: "a.csv", line: line))
        origins[.id] = KompassCore.SourceLocation(file: "a.csv", line: line, column: 1, field: "id")
        origins[.title] = KompassCore.SourceLocation(file: "a.csv", line: line, column: 2, field: "titel")
        origins[.before] = KompassCore.SourceLocation(file: "a.csv", line: line, column: 6, field: "bisher")
        return Project(id: ProjectID(id)!, title: title, progress: 10, period: ProjectPeriod(startYear: 2024, endYear: 2026),
                       before: before, future: future, fieldsOfAction: [.daten], userGroups: [.wirtschaft], origins: origins)
    }

    /// `title.duplicate` as it was, keyed by the normalised title itself.
    static func titleFindingsKeyedByString(_ projects: [Project]) -> [Finding] {
        let rule = DuplicateTitleRule()
        var first: [String: ProjectID] = [:]
        var findings: [Finding] = []
        for project in projects {
            let key = project.title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard let earlier = first[key] else {
                first[key] = project.id
                continue
            }
            findings.append(rule.finding(project, .title,
                Bilingual(en: "the title '\(project.title)' is also the title of '\(earlier)'",
                          de: "der Titel '\(project.title)' ist auch der Titel von '\(earlier)'"),
                hint: Bilingual(en: "give each project a title of its own, so that people can tell them apart",
                                de: "geben Sie jedem Vorhaben einen eigenen Titel, damit man sie unterscheiden kann")))
        }
        return findings
    }

    @Test func titlesThatDifferOnlyInCaseAndSpacingAreFound() throws {
        let projects = [
            Self.project("vorhaben-digitale-akte", title: "Digitale Akte", line: 2),
            Self.project("b", title: "  DIGITALE\takte ", line: 3),
            Self.project("c", title: "Digitale Akte 2", line: 4),
            Self.project("d", title: "digitale akte", line: 5),
        ]
        let findings = DuplicateTitleRule().check(portfolio: Portfolio(projects: projects), context: Self.context)
        #expect(findings.map(\.projectID) == ["b", "d"])
        let finding = try #require(findings.first)
        #expect(finding.message == "the title '  DIGITALE\takte ' is also the title of 'vorhaben-digitale-akte'")
        #expect(finding.messageDE == "der Titel '  DIGITALE\takte ' ist auch der Titel von 'vorhaben-digitale-akte'")
        #expect(finding.location == KompassCore.SourceLocation(file: "a.csv", line: 3, column: 2, field: "titel"))
        #expect(findings == Self.titleFindingsKeyedByString(projects))
    }

    @Test func composedAndDecomposedTitlesAreTheSame() {
        let projects = [Self.project("a", title: "Gebühren-Portal", line: 2), Self.project("b", title: "GEBU\u{0308}HREN-portal", line: 3)]
        let findings = DuplicateTitleRule().check(portfolio: Portfolio(projects: projects), context: Self.context)
        #expect(findings.map(\.projectID) == ["b"])
        #expect(findings == Self.titleFindingsKeyedByString(projects))
    }

    @Test func differentTitlesAreNotConfused() {
        var projects: [Project] = []
        for number in 0..<5_000 {
            projects.append(Self.project("p\(number)", title: number % 2 == 0 ? "Workflow \(number)" : "Workflow\(number)", line: number + 2))
        }
        projects += [Self.project("x", title: "Gebühren", line: 9_000), Self.project("y", title: "Gebuhren", line: 9_001),
                     Self.project("z", title: "Straße", line: 9_002), Self.project("w", title: "Strasse", line: 9_003)]
        #expect(DuplicateTitleRule().check(portfolio: Portfolio(projects: projects), context: Self.context).isEmpty)
        // Every third title again, changed in case and spacing: found, each naming its first project.
        let repeats = stride(from: 0, to: 5_000, by: 3).map { number in
            Self.project("r\(number)", title: " " + projects[number].title.uppercased() + " ", line: 10_000 + number)
        }
        let findings = DuplicateTitleRule().check(portfolio: Portfolio(projects: projects + repeats), context: Self.context)
        #expect(findings.count == repeats.count)
        #expect(findings == Self.titleFindingsKeyedByString(projects + repeats))
    }

    @Test func identifiersAreFoundAndNamed() throws {
        let long = "vorhaben-mit-einer-langen-kennung"
        let projects = [Self.project(long, title: "A", line: 2), Self.project("b", title: "B", line: 3),
                        Self.project(long, title: "C", line: 4), Self.project("b", title: "D", line: 5),
                        Self.project("vorhaben-mit-einer-langen-kennun", title: "E", line: 6)]
        let findings = DuplicateIdentifierRule().check(portfolio: Portfolio(projects: projects), context: Self.context)
        #expect(findings.map(\.projectID) == [long, "b"])
        let finding = try #require(findings.first)
        #expect(finding.message == "the identifier '\(long)' is used by another project too (a.csv:2)")
        #expect(finding.location == KompassCore.SourceLocation(file: "a.csv", line: 4, column: 1, field: "id"))
        #expect(findings.last?.message == "the identifier 'b' is used by another project too (a.csv:3)")
    }

    @Test func textsAreNamedFromTheComparedProjects() throws {
        let text = "Die Abläufe sind heute papierbasiert und aufwendig, die Daten liegen verstreut in vielen Ablagen."
        let first = "vorhaben-mit-einer-langen-kennung"
        let projects = [Self.project(first, title: "A", line: 2, before: text), Self.project("b", title: "B", line: 3),
                        Self.project("c", title: "C", line: 4, before: text.uppercased())]
        let findings = DuplicateTextRule().check(portfolio: Portfolio(projects: projects), context: Self.context)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.projectID == "c")
        #expect(finding.location == KompassCore.SourceLocation(file: "a.csv", line: 4, column: 6, field: "bisher"))
        #expect(finding.message == "the texts are identical to those of '\(first)' (a.csv:2)")
    }

    @Test func thePassGivesWhatEachRuleGives() {
        let projects = [Self.project("a", title: "Digitale Akte", line: 2), Self.project("b", title: "digitale  akte", line: 3),
                        Self.project("a", title: "Anderes", line: 4), Self.project("d", title: "Noch eins", line: 5)]
        let rules: [any ValidationRule] = [DuplicateIdentifierRule(), DuplicateTitleRule(), DuplicateTextRule()]
        let portfolio = Portfolio(projects: projects)
        let byRule = rules.flatMap { $0.check(portfolio: portfolio, context: Self.context) }
        #expect(byRule.map(\.ruleID) == [.idDuplicate, .titleDuplicate, .textDuplicate, .textDuplicate, .textDuplicate])
        #expect(Validator(rules: rules).validate(portfolio, context: Self.context) == byRule)
    }
}
