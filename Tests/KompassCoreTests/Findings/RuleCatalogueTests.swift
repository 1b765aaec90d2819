import Foundation
import Testing
@testable import KompassCore

/// The catalogue of rule identifiers is the one list: every rule is documented in docs/rules.md, and
/// the documentation names no rule that does not exist.
@Suite("Rule catalogue")
struct RuleCatalogueTests {
    /// Every identifier docs/rules.md writes in the first cell of a table row (`<file>` patterns expanded).
    static func documentedIDs() throws -> Set<String> {
        let text = try String(contentsOfFile: TestFiles.path("docs/rules.md"), encoding: .utf8)
        var ids: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let firstCell = line.dropFirst(2).prefix { $0 != "|" }
            for part in firstCell.split(separator: "`").enumerated() where part.offset % 2 == 0 {
                let name = String(part.element)
                if name == "self-check.<file>" {
                    ids.formUnion(OutputFile.allCases.map { "self-check.\($0.rawValue)" })
                } else if name.contains(".") && !name.contains(" ") {
                    ids.insert(name)
                }
            }
        }
        return ids
    }

    @Test func everyRuleIsDocumented() throws {
        let documented = try Self.documentedIDs()
        let undocumented = RuleID.catalogue.map(\.rawValue).filter { !documented.contains($0) }
        #expect(undocumented.isEmpty, "rules missing from docs/rules.md: \(undocumented)")
    }

    @Test func theDocumentationNamesOnlyRulesThatExist() throws {
        let known = Set(RuleID.catalogue.map(\.rawValue))
        // Rows of docs/rules.md that document a setting or a file rather than a rule.
        let notRules: Set<String> = ["merge.precedence"]
        let unknown = try Self.documentedIDs().subtracting(known).subtracting(notRules)
        #expect(unknown.isEmpty, "docs/rules.md documents rules that do not exist: \(unknown.sorted())")
    }

    @Test func identifiersAreUniqueAndReadBack() {
        #expect(Set(RuleID.catalogue).count == RuleID.catalogue.count)
        for id in RuleID.catalogue { #expect(RuleID(rawValue: id.rawValue) == id) }
        #expect(RuleID(rawValue: "csv.sintax") == nil)
    }

    @Test func everyValidationRuleIsInTheCatalogue() {
        let catalogue = Set(RuleID.catalogue)
        #expect(Validator.catalogue.allSatisfy { catalogue.contains($0.id) })
    }

    @Test func aFindingEncodesItsRuleAsTheIdentifier() throws {
        let finding = Finding(ruleID: .csvSyntax, severity: .error, location: nil, message: "m")
        let data = try JSONEncoder().encode(finding)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["ruleID"] as? String == "csv.syntax")
        #expect(try JSONDecoder().decode(Finding.self, from: data) == finding)
    }
}
