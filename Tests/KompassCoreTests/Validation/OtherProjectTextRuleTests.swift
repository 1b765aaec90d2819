import Foundation
import Testing
@testable import KompassCore

/// `text.other-project` on the real page, and on the real page with a text pasted into the wrong project.
@Suite("Text of another project")
struct OtherProjectTextRuleTests {
    static let context = ValidationContext(referenceDate: CalendarDate(iso: "2026-11-30")!)

    static func realProjects() throws -> [Project] {
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        return try PortfolioLoader().load(configuration.sources).portfolio.projects
    }

    static func findings(_ projects: [Project], rule: OtherProjectTextRule = OtherProjectTextRule()) -> [Finding] {
        rule.check(portfolio: Portfolio(projects: projects), context: context)
    }

    /// `project field line`, e.g. `mobile-app-online-dienste future 180`.
    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.projectID ?? "") \($0.field?.rawValue ?? "") \($0.location?.line ?? 0)" }
    }

    /// Per text: its lead (similarity to the closest other project minus that to its own other text), the project
    /// it names, sorted by lead, strongest first.
    static func leads(_ projects: [Project]) -> [(lead: Double, text: String)] {
        var index = TermIndex()
        for project in projects { index.add(before: GermanTerms.terms(project.before), future: GermanTerms.terms(project.future)) }
        var leads: [(lead: Double, text: String)] = []
        index.weighted().search { match in
            let other = match.other.map { projects[$0].id.rawValue } ?? "-"
            leads.append((match.otherSimilarity - match.ownSimilarity, "\(projects[match.position].id) \(match.side) \(other)"))
        }
        return leads.sorted { $0.lead > $1.lead }
    }

    /// One text of the real page reads like another project: the "In Zukunft" of `mobile-app-online-dienste`
    /// (line 180). Its "Bisher" is about the missing mobile app and digital wallets; its "In Zukunft" is about
    /// consultations ("Die Rückmeldungen liegen direkt strukturiert im Tool vor … mehrere Fachstellen können
    /// gleichzeitig Stellungnahmen bearbeiten … Die E-Mitwirkung ist bereits erfolgreich im Einsatz"): it is a
    /// text about E-Mitwirkung, close to the second paragraph of E-Mitwirkung's own "In Zukunft". It shares no
    /// informative word with its "Bisher" (similarity 0.00) and 0.28 with E-Mitwirkung's texts.
    @Test func theRealPageHasOneTextOfAnotherProject() throws {
        let projects = try Self.realProjects()
        let findings = Self.findings(projects)
        #expect(Self.summary(findings) == ["mobile-app-online-dienste future 180"])
        let finding = try #require(findings.first)
        #expect(finding.ruleID == OtherProjectTextRule.id && finding.severity == .warning)
        #expect(finding.location?.file.hasSuffix("config/sources/digital-basel-umsetzung.txt") == true)
        #expect(finding.message.hasPrefix("the \"In Zukunft\" text of 'mobile-app-online-dienste' (Mobile-App für Online-Dienste) reads as if it described 'e-mitwirkung' (E-Mitwirkung, "))
        #expect(finding.message.contains("TF-IDF similarity 0.28 to that project's texts, 0.00 to this project's \"Bisher\""))
        #expect(finding.message.hasSuffix("words in common: rückmeldungen, gleichzeitig, stellungnahmen, prozess, direkt"))
        #expect(finding.messageDE?.hasPrefix("der «In Zukunft»-Text von 'mobile-app-online-dienste' (Mobile-App für Online-Dienste) liest sich, als beschreibe er 'e-mitwirkung' (E-Mitwirkung, ") == true)
        #expect(finding.hint?.isEmpty == false && finding.hintDE?.isEmpty == false)
    }

    /// The texts that come closest besides, and why none of them is reported (margin 0.2; the distribution of
    /// all 68 leads is in docs/rules.md):
    /// - 0.15, the "Bisher" of `mobile-app-online-dienste` → `basel2go-app`: its own "In Zukunft" is the foreign
    ///   text, so its own similarity is 0 too. It is about the canton's mobile app, the subject of Basel2Go; it
    ///   belongs where it is. One finding per project: the text that reads more clearly like another project.
    /// - 0.15, the "In Zukunft" of `e-mitwirkung` → `mobile-app-online-dienste`: the echo of the finding, it
    ///   resembles the E-Mitwirkung text that sits in that project, not the project's own "Bisher".
    /// - 0.12, the "Bisher" of `eigene-ki-loesungen` → `data-alchemy-toolbox`: it names its predecessor
    ///   ("Die Data Alchemy Toolbox hat den Einsatz von KI in der Verwaltung eindrücklich sichtbar gemacht"), in
    ///   its place: what the project builds on.
    /// - Every other text: below 0.1. Short texts that share no informative word with their partner (own
    ///   similarity 0) lead by their similarity to the closest project, at most 0.09.
    @Test func theClosestTextsOfTheRealPageAndWhyTheyStay() throws {
        let leads = Self.leads(try Self.realProjects())
        #expect(leads.count == 68)
        #expect(leads[0].text == "mobile-app-online-dienste future e-mitwirkung" && leads[0].lead > 0.27)
        #expect(Set(leads[1...2].map(\.text)) == ["mobile-app-online-dienste before basel2go-app", "e-mitwirkung future mobile-app-online-dienste"])
        #expect(leads[1...2].allSatisfy { $0.lead > 0.14 && $0.lead < 0.16 })
        #expect(leads[3].text == "eigene-ki-loesungen before data-alchemy-toolbox" && leads[3].lead > 0.11 && leads[3].lead < 0.13)
        #expect(leads[4...].allSatisfy { $0.lead < 0.1 })
        // A smaller margin reports the predecessor's mention too; a larger one nothing.
        let loose = OtherProjectTextRule(severity: .warning, parameters: ["margin": 0.1])
        #expect(Self.summary(Self.findings(try Self.realProjects(), rule: loose))
                == ["mobile-app-online-dienste future 180", "eigene-ki-loesungen before 483"])
        let strict = OtherProjectTextRule(severity: .warning, parameters: ["margin": 0.3])
        #expect(Self.findings(try Self.realProjects(), rule: strict).isEmpty)
    }

    /// Basel2Go's "In Zukunft" pasted over that of `designsystem-bs` (line 309): found, naming Basel2Go, at
    /// the pasted text. Basel2Go itself is not reported (its texts read like designsystem-bs only through the
    /// pasted copy), and `text.duplicate` says nothing (the projects share one text of two).
    @Test func aTextPastedIntoAnotherProjectIsFound() throws {
        var projects = try Self.realProjects()
        let designsystem = try #require(projects.firstIndex { $0.id.rawValue == "designsystem-bs" })
        let basel2go = try #require(projects.firstIndex { $0.id.rawValue == "basel2go-app" })
        projects[designsystem].future = projects[basel2go].future
        let findings = Self.findings(projects)
        #expect(Self.summary(findings) == ["mobile-app-online-dienste future 180", "designsystem-bs future 309"])
        let finding = try #require(findings.last)
        #expect(finding.ruleID == .textOtherProject)
        #expect(finding.message.contains("of 'designsystem-bs' (Designsystem BS) reads as if it described 'basel2go-app' (Basel2Go-App, "))
        #expect(DuplicateTextRule().check(portfolio: Portfolio(projects: projects), context: Self.context).isEmpty)
    }

    /// A copy of a whole project is `text.duplicate`'s finding, not this rule's: both texts of the copy read like
    /// the original, and the original's like the copy.
    @Test func aCopiedProjectIsLeftToTheDuplicateRule() throws {
        var projects = try Self.realProjects()
        var copy = try #require(projects.first { $0.id.rawValue == "designsystem-bs" })
        copy.id = ProjectID("designsystem-bs-kopie")!
        projects.append(copy)
        #expect(Self.summary(Self.findings(projects)) == ["mobile-app-online-dienste future 180"])
        #expect(DuplicateTextRule().check(portfolio: Portfolio(projects: projects), context: Self.context).map(\.projectID)
                == ["designsystem-bs-kopie"])
    }

    /// Two projects' "In Zukunft" swapped is weaker evidence than a paste, and not found at the default margin:
    /// each project's document then holds the other's text, so each text is compared with a document half of
    /// which is foreign to it. With Basel2Go's and Designsystem BS's "In Zukunft" swapped, Basel2Go's "Bisher"
    /// leads by 0.19 (towards Designsystem BS, which now holds its "In Zukunft"); the pasted texts themselves
    /// read like no project in particular. A margin of 0.15 reports the pair, once.
    @Test func aSwapIsWeakerEvidence() throws {
        var projects = try Self.realProjects()
        let designsystem = try #require(projects.firstIndex { $0.id.rawValue == "designsystem-bs" })
        let basel2go = try #require(projects.firstIndex { $0.id.rawValue == "basel2go-app" })
        (projects[designsystem].future, projects[basel2go].future) = (projects[basel2go].future, projects[designsystem].future)
        #expect(Self.summary(Self.findings(projects)) == ["mobile-app-online-dienste future 180"])
        let loose = OtherProjectTextRule(severity: .warning, parameters: ["margin": 0.15])
        let findings = Self.findings(projects, rule: loose)
        #expect(Self.summary(findings) == ["mobile-app-online-dienste future 180", "basel2go-app before 196"])
        #expect(findings.last?.message.contains("reads as if it described 'designsystem-bs' (Designsystem BS, ") == true)
    }

    @Test func thePassGivesWhatTheRuleGivesAndTheConfigurationTunesIt() throws {
        let portfolio = Portfolio(projects: try Self.realProjects())
        let validator = Validator(settings: [.textOtherProject: RuleSettings(parameters: ["margin": 0.1])])
        let all = validator.validate(portfolio, context: Self.context)
        #expect(Self.summary(all.filter { $0.ruleID == OtherProjectTextRule.id })
                == ["mobile-app-online-dienste future 180", "eigene-ki-loesungen before 483"])
        let off = Validator(settings: [.textOtherProject: RuleSettings(enabled: false)]).validate(portfolio, context: Self.context)
        #expect(!off.contains { $0.ruleID == OtherProjectTextRule.id })
        #expect(all.count == off.count + 2)
    }

    @Test func theConfigurationReadsTheMargin() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kompass-margin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try String(contentsOfFile: TestFiles.configPath, encoding: .utf8)
            .replacingOccurrences(of: "\"sources/", with: "\"\(TestFiles.path("config/sources"))/")
            .replacingOccurrences(of: "\"output\": \"../output\",",
                                  with: "\"output\": \"../output\", \"validation\": {\"rules\": {\"text.other-project\": {\"margin\": 0.15, \"severity\": \"info\"}}},")
        let path = folder.appendingPathComponent("kompass.json").path
        try configuration.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ConfigurationLoader().load(path: path)
        #expect(loaded.validation[.textOtherProject] == RuleSettings(severity: .info, parameters: ["margin": 0.15]))
        let rule = try #require(Validator(settings: loaded.validation).rules.first { $0.id == .textOtherProject } as? OtherProjectTextRule)
        #expect(rule.margin == 0.15 && rule.severity == .info)
    }
}
