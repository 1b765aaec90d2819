import Testing
@testable import KompassCore

/// Findings of one rule in one file: counted in full, kept up to a bound, reported as one group.
@Suite("Finding list grouping")
struct FindingListGroupingTests {
    static func finding(_ rule: RuleID, line: Int, file: String = "a.csv", severity: Severity = .warning) -> Finding {
        Finding(ruleID: rule, severity: severity, location: SourceLocation(file: file, line: line, column: 3),
                projectID: "p\(line)", message: "message \(line)")
    }

    /// A million records each missing seven fields are seven groups, one per field, each with its count and
    /// its own message: never "7000× no value for 'title'" for seven different fields.
    @Test func findingsAboutDifferentFieldsAreDifferentGroups() {
        var list = FindingList()
        let fields: [ProjectField] = [.title, .progress, .period, .before, .future, .fieldsOfAction, .userGroups]
        for line in 1...1_000 {
            for field in fields {
                list.append(Finding(ruleID: .valueMissing, severity: .error,
                                    location: SourceLocation(file: "a.jsonl", line: line, column: 1, field: field.rawValue),
                                    field: field, projectID: "p1", message: "the record has no value for '\(field.rawValue)'"))
            }
        }
        #expect(list.count(of: .error) == 7_000)
        let entries = list.entries(examples: 5)
        #expect(entries.count == 7)
        for entry in entries {
            #expect(entry.count == 1_000)
            let field = entry.first.field?.rawValue ?? "?"
            #expect(entry.examples.allSatisfy { $0.message == "the record has no value for '\(field)'" })
        }
        #expect(Set(entries.compactMap(\.first.field)) == Set(fields))
    }

    @Test func aThousandFindingsOfOneRuleAreOneGroupWithItsCount() {
        var list = FindingList()
        for line in (2...1_001).reversed() { list.append(Self.finding(.progressFormat, line: line, severity: .error)) }
        list.append(Self.finding(.textHTML, line: 7))
        #expect(list.count(of: .error) == 1_000)
        #expect(list.count(of: .warning) == 1)
        #expect(list.totalCount == 1_001)
        #expect(list.hasErrors)
        // Memory: only the first 100 of the group are kept.
        #expect(list.all.count == FindingList.defaultRetainPerGroup + 1)

        let entries = list.entries(examples: 3)
        #expect(entries.count == 2)
        // In location order: the single finding at line 7 first, then the group from line 902.
        #expect(entries[0].count == 1 && entries[0].first.ruleID == .textHTML)
        let group = entries[1]
        #expect(group.count == 1_000)
        #expect(group.first.ruleID == .progressFormat)
        // The first places by line among those kept (the list kept lines 1001…902, found first).
        #expect(group.examples.map { $0.location?.line } == [902, 903, 904])
    }

    @Test func smallGroupsStayFindingsOfTheirOwn() {
        var list = FindingList()
        for line in [9, 4, 6] { list.append(Self.finding(.timeOverdue, line: line)) }
        let entries = list.entries(examples: 5)
        #expect(entries.map(\.count) == [1, 1, 1])
        #expect(entries.map { $0.first.location?.line } == [4, 6, 9])
        // At two examples the three are one group.
        let grouped = list.entries(examples: 2)
        #expect(grouped.count == 1 && grouped[0].count == 3 && grouped[0].examples.count == 2)
    }

    @Test func groupsAreSplitByFileAndSeverity() {
        var list = FindingList()
        for line in 1...10 {
            list.append(Self.finding(.textBlank, line: line, file: "a.csv"))
            list.append(Self.finding(.textBlank, line: line, file: "b.csv"))
            list.append(Self.finding(.textBlank, line: line, file: "a.csv", severity: .error))
        }
        let entries = list.entries(examples: 5)
        #expect(entries.count == 3)
        #expect(entries.allSatisfy { $0.count == 10 })
        #expect(Set(entries.map { "\($0.first.location!.file) \($0.first.severity)" }) == ["a.csv warning", "b.csv warning", "a.csv error"])
        #expect(list.entries(examples: 5, minimum: .error).count == 1)
    }

    @Test func retentionFollowsTheAskedExamples() {
        var list = FindingList(retainPerGroup: 300)
        for line in 1...500 { list.append(Self.finding(.textBlank, line: line)) }
        #expect(list.all.count == 300)
        #expect(list.entries(examples: 250)[0].examples.count == 250)
        #expect(list.groupCount(of: list.all[0]) == 500)
    }

    @Test func consequencesAreFoldedUnderTheirCause() {
        let cause = Self.finding(.progressFormat, line: 15, file: "page.txt", severity: .error)
        var consequence = Self.finding(.guardVanished, line: 0, file: "state.json", severity: .error)
        consequence.causedBy = FindingReference(cause)
        var orphan = Self.finding(.registerUnused, line: 3, file: "register.csv")
        orphan.causedBy = FindingReference(ruleID: .pageTextBlockMissing, location: SourceLocation(file: "page.txt", line: 99))
        let other = Self.finding(.textBlank, line: 20, file: "page.txt")
        let list = FindingList([cause, consequence, orphan, other])
        let folded = FindingGroup.folded(list.entries(examples: 5))
        #expect(Set(folded.map(\.first.ruleID)) == [.progressFormat, .textBlank, .registerUnused])
        let root = folded.first { $0.first.ruleID == .progressFormat }
        #expect(root?.consequences.map(\.first.ruleID) == [.guardVanished])
        #expect(root?.consequenceCount(of: .error) == 1)
        // A cause that is not listed leaves its consequence where it was.
        #expect(folded.contains { $0.first.ruleID == .registerUnused && $0.consequences.isEmpty })
        #expect(!folded.contains { $0.first.ruleID == .guardVanished })
    }
}

