import Testing
@testable import KompassCore

/// A source named `name` (file `<name>.csv`), with drafts made by `draft(...)`.
private func source(_ name: String, _ drafts: [DraftProject]) -> SourceDrafts {
    SourceDrafts(source: SourceConfiguration(name: name, path: "\(name).csv", format: .csv,
                                             mapping: FieldMapping(sourceFields: [.id: "id"])),
                 drafts: drafts)
}

/// A draft from source file `<source>.csv`, record at `line`, each given field's origin at `line` in the
/// column of the field (so origins can be told apart).
private func draft(_ id: String, in source: String, line: Int, title: String? = nil, progress: Int? = nil,
                   period: ProjectPeriod? = nil, before: String? = nil, future: String? = nil,
                   fields: [FieldOfAction]? = nil, groups: [UserGroup]? = nil) -> DraftProject {
    let file = "\(source).csv"
    var draft = DraftProject(origins: ProjectOrigins(record: SourceLocation(file: file, line: line)))
    func origin(_ field: ProjectField) {
        let column = ProjectField.allCases.firstIndex(of: field)! + 1
        draft.origins[field] = SourceLocation(file: file, line: line, column: column, field: field.rawValue)
    }
    draft.id = ProjectID(id)
    origin(.id)
    if let title { draft.title = title; origin(.title) }
    if let progress { draft.progress = progress; origin(.progress) }
    if let period { draft.period = period; origin(.period) }
    if let before { draft.before = before; origin(.before) }
    if let future { draft.future = future; origin(.future) }
    if let fields { draft.fieldsOfAction = fields; origin(.fieldsOfAction) }
    if let groups { draft.userGroups = groups; origin(.userGroups) }
    return draft
}

private extension Array where Element == Finding {
    func rule(_ id: RuleID) -> [Finding] { filter { $0.ruleID == id } }
}

@Suite("PortfolioMerger")
struct PortfolioMergerTests {
    // MARK: - Precedence

    @Test func byDefaultTheFirstSourceWins() throws {
        let (drafts, findings) = PortfolioMerger(settings: MergeSettings()).merge([
            source("register", [draft("digital-lab", in: "register", line: 2, title: "Digital Lab")]),
            source("website", [draft("digital-lab", in: "website", line: 7, title: "Digitales Labor", progress: 30)]),
        ])
        let merged = try #require(drafts.first)
        #expect(drafts.count == 1)
        #expect(merged.title == "Digital Lab")
        #expect(merged.progress == 30, "a field only the second source has comes from it")
        #expect(merged.origins[.title].file == "register.csv")
        #expect(merged.origins[.progress].file == "website.csv")
        #expect(merged.origins[.progress].line == 7)

        let conflicts = findings.rule(.mergeConflict)
        #expect(conflicts.count == 1, "\(findings)")
        let conflict = try #require(conflicts.first)
        #expect(conflict.severity == .warning)
        #expect(conflict.field == .title)
        #expect(conflict.projectID == "digital-lab")
        for word in ["'register'", "'website'", "Digital Lab", "Digitales Labor"] {
            #expect(conflict.message.contains(word), "'\(word)' in \(conflict.message)")
        }
        // It points at the value that was not used.
        #expect(conflict.location?.file == "website.csv")
        #expect(findings.count == 1, "\(findings)")
    }

    @Test func configuredPrecedenceWinsOverSourceOrder() throws {
        let settings = MergeSettings(precedence: [.title: ["website"], .progress: ["tool", "website"]])
        let (drafts, findings) = PortfolioMerger(settings: settings).merge([
            source("register", [draft("digital-lab", in: "register", line: 2, title: "Digital Lab", progress: 10)]),
            source("website", [draft("digital-lab", in: "website", line: 3, title: "Digitales Labor", progress: 20)]),
            source("tool", [draft("digital-lab", in: "tool", line: 4, title: "Digital Lab", progress: 30)]),
        ])
        let merged = try #require(drafts.first)
        #expect(merged.title == "Digitales Labor")
        #expect(merged.origins[.title].file == "website.csv")
        #expect(merged.progress == 30)
        #expect(merged.origins[.progress].file == "tool.csv")

        let conflicts = findings.rule(.mergeConflict)
        // title: register and tool both disagree with website; progress: website and register with tool.
        #expect(conflicts.filter { $0.field == .title }.count == 2)
        #expect(conflicts.filter { $0.field == .progress }.count == 2)
        let titleConflict = try #require(conflicts.first { $0.field == .title && $0.location?.file == "register.csv" })
        for word in ["'register'", "'website'", "Digital Lab", "Digitales Labor"] {
            #expect(titleConflict.message.contains(word), "'\(word)' in \(titleConflict.message)")
        }
        let progressConflict = try #require(conflicts.first { $0.field == .progress && $0.location?.file == "website.csv" })
        for word in ["'website'", "'tool'", "20%", "30%"] {
            #expect(progressConflict.message.contains(word), "'\(word)' in \(progressConflict.message)")
        }
    }

    @Test func sourcesThatAgreeGiveNoConflict() throws {
        let period = ProjectPeriod(startYear: 2023, endYear: 2028)
        let (drafts, findings) = PortfolioMerger(settings: MergeSettings()).merge([
            source("a", [draft("kp", in: "a", line: 2, title: "T", period: period, fields: [.prozesse, .daten])]),
            source("b", [draft("kp", in: "b", line: 2, title: "T", period: period, fields: [.prozesse, .daten])]),
        ])
        #expect(findings.isEmpty, "\(findings)")
        #expect(drafts.first?.fieldsOfAction == [.prozesse, .daten])
    }

    @Test func differentListsAreAConflict() throws {
        let (drafts, findings) = PortfolioMerger(settings: MergeSettings()).merge([
            source("a", [draft("kp", in: "a", line: 2, groups: [.mitarbeitende])]),
            source("b", [draft("kp", in: "b", line: 2, groups: [.mitarbeitende, .wirtschaft])]),
        ])
        #expect(drafts.first?.userGroups == [.mitarbeitende])
        let conflict = try #require(findings.rule(.mergeConflict).first)
        #expect(conflict.field == .userGroups)
        #expect(conflict.message.contains("Mitarbeitende, Wirtschaft"))
    }

    @Test func originsOfEachFieldPointAtItsSource() throws {
        let (drafts, findings) = PortfolioMerger(settings: MergeSettings()).merge([
            source("register", [draft("kp", in: "register", line: 5, title: "Titel")]),
            source("website", [draft("kp", in: "website", line: 9, before: "B", future: "F",
                                     fields: [.kultur], groups: [.wirtschaft])]),
            source("tool", [draft("kp", in: "tool", line: 12, progress: 40,
                                  period: ProjectPeriod(startYear: 2024))]),
        ])
        #expect(findings.isEmpty, "\(findings)")
        let merged = try #require(drafts.first)
        #expect(merged.project != nil)
        let expected: [ProjectField: (String, Int)] = [
            .title: ("register.csv", 5), .before: ("website.csv", 9), .future: ("website.csv", 9),
            .fieldsOfAction: ("website.csv", 9), .userGroups: ("website.csv", 9),
            .progress: ("tool.csv", 12), .period: ("tool.csv", 12),
        ]
        for (field, (file, line)) in expected {
            #expect(merged.origins[field].file == file, "\(field)")
            #expect(merged.origins[field].line == line, "\(field)")
            #expect(merged.origins[field].field == field.rawValue, "\(field): the value's own origin, not the record's")
        }
    }

    // MARK: - Partial projects

    private static func partialSources() -> [SourceDrafts] {
        [
            source("register", [draft("alpha", in: "register", line: 2, title: "Alpha"),
                                draft("beta", in: "register", line: 3, title: "Beta")]),
            source("website", [draft("alpha", in: "website", line: 2, before: "B")]),
        ]
    }

    @Test func partialProjectIsAnErrorByDefault() throws {
        #expect(MergeSettings().partialProjects == .error)
        let (drafts, findings) = PortfolioMerger(settings: MergeSettings()).merge(Self.partialSources())
        let partial = findings.rule(.mergePartial)
        #expect(partial.count == 1, "\(findings)")
        let error = try #require(partial.first)
        #expect(error.severity == .error)
        #expect(error.projectID == "beta")
        #expect(error.message.contains("'website'"))
        #expect(error.location?.file == "register.csv")
        #expect(error.location?.line == 3)
        #expect(drafts.map(\.id?.rawValue) == ["alpha", "beta"])
    }

    @Test func partialProjectAsWarning() throws {
        let (drafts, findings) = PortfolioMerger(settings: MergeSettings(partialProjects: .warning)).merge(Self.partialSources())
        let partial = findings.rule(.mergePartial)
        #expect(partial.count == 1)
        #expect(partial.first?.severity == .warning)
        #expect(partial.first?.projectID == "beta")
        #expect(drafts.count == 2)
    }

    @Test func partialProjectAllowed() {
        let (drafts, findings) = PortfolioMerger(settings: MergeSettings(partialProjects: .allow)).merge(Self.partialSources())
        #expect(findings.isEmpty, "\(findings)")
        #expect(drafts.map(\.id?.rawValue) == ["alpha", "beta"])
        #expect(drafts.last?.title == "Beta")
    }

    // MARK: - Identifiers and order

    @Test func duplicateIdentifierInOneSourceIsAnError() throws {
        let (drafts, findings) = PortfolioMerger(settings: MergeSettings()).merge([
            source("register", [draft("alpha", in: "register", line: 2, title: "Alpha"),
                                draft("alpha", in: "register", line: 9, title: "Alpha again")]),
            source("website", [draft("alpha", in: "website", line: 2, title: "Alpha")]),
        ])
        let duplicates = findings.rule(.mergeIDDuplicate)
        #expect(duplicates.count == 1, "\(findings)")
        let error = try #require(duplicates.first)
        #expect(error.severity == .error)
        #expect(error.projectID == "alpha")
        #expect(error.location?.file == "register.csv")
        #expect(error.location?.line == 9)
        #expect(error.message.contains("'register'"))
        #expect(drafts.count == 1)
        #expect(drafts.first?.title == "Alpha", "the first record is used")
        #expect(findings.rule(.mergeConflict).isEmpty, "\(findings)")
    }

    @Test func sameIdentifierInTwoSourcesIsNoDuplicate() {
        let (_, findings) = PortfolioMerger(settings: MergeSettings()).merge([
            source("a", [draft("alpha", in: "a", line: 2)]),
            source("b", [draft("alpha", in: "b", line: 2)]),
        ])
        #expect(findings.rule(.mergeIDDuplicate).isEmpty)
    }

    @Test func mergedOrderIsTheOrderOfFirstAppearance() {
        let (drafts, _) = PortfolioMerger(settings: MergeSettings(partialProjects: .allow)).merge([
            source("a", [draft("delta", in: "a", line: 2), draft("beta", in: "a", line: 3)]),
            source("b", [draft("alpha", in: "b", line: 2), draft("beta", in: "b", line: 3),
                         draft("gamma", in: "b", line: 4), draft("delta", in: "b", line: 5)]),
            source("c", [draft("epsilon", in: "c", line: 2), draft("alpha", in: "c", line: 3)]),
        ])
        #expect(drafts.map(\.id?.rawValue) == ["delta", "beta", "alpha", "gamma", "epsilon"])
    }

    // MARK: - Through the loader, with real files

    @Test func partialProjectWhoseOnlySourceDoesNotMapProgressIsIncomplete() throws {
        let folder = try TemporaryDirectory("kompass-merge")
        defer { folder.remove() }
        let csvPath = try folder.write("register.csv", text: "id;title\nalpha;Alpha\nbeta;Beta\n")
        let jsonPath = try folder.write("website.json", text: """
        [
          {"id": "alpha", "progress": 30, "startYear": 2023, "endYear": 2028, "before": "Vorher.",
           "future": "Nachher.", "fieldsOfAction": ["Prozesse"], "userGroups": ["Mitarbeitende"]}
        ]
        """)
        let register = SourceConfiguration(name: "register", path: csvPath, format: .csv,
                                           mapping: FieldMapping(sourceFields: [.id: "id", .title: "title"]))
        let website = SourceConfiguration(name: "website", path: jsonPath, format: .json,
                                          mapping: FieldMapping(sourceFields: [
                                              .id: "id", .progress: "progress", .startYear: "startYear",
                                              .endYear: "endYear", .before: "before", .future: "future",
                                              .fieldsOfAction: "fieldsOfAction", .userGroups: "userGroups",
                                          ]))
        let result = try PortfolioLoader(merge: MergeSettings(partialProjects: .allow)).load([register, website])

        #expect(result.portfolio.projects.map(\.id.rawValue) == ["alpha"])
        let alpha = try #require(result.portfolio.projects.first)
        #expect(alpha.title == "Alpha")
        #expect(alpha.progress == 30)
        #expect(alpha.origins[.title].file == csvPath)
        #expect(alpha.origins[.progress].file == jsonPath)
        #expect(result.incompleteProjects == 1)

        let incomplete = result.findings.filter { $0.ruleID == .mergeIncomplete }
        let progress = try #require(incomplete.first { $0.field == .progress }, "\(result.findings)")
        #expect(progress.severity == .error)
        #expect(progress.projectID == "beta")
        #expect(progress.location?.file == csvPath)
        #expect(progress.location?.line == 3)
        #expect(progress.message.contains("'register'"))
        // Every field beta lacks is named, and nothing about alpha.
        #expect(Set(incomplete.compactMap(\.field)) == [.progress, .period, .before, .future, .fieldsOfAction, .userGroups])
        #expect(incomplete.allSatisfy { $0.projectID == "beta" })
        #expect(!result.findings.contains { $0.severity == .error && $0.projectID == "alpha" }, "\(result.findings)")
    }
}
