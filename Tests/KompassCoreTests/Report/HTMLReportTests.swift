import Foundation
import Testing
@testable import KompassCore

/// The HTML report: one article per entry with its excerpt, escaped, and the values of the projects concerned.
@Suite struct HTMLReportTests {
    static func project(_ id: String) -> Project {
        Project(id: ProjectID(id)!, title: "Titel <\(id)>", progress: 30, period: ProjectPeriod(startYear: 2024, endYear: 2027),
                before: "Bisher & so.", future: "In Zukunft.", fieldsOfAction: [.daten], userGroups: [.wirtschaft],
                origins: ProjectOrigins(record: SourceLocation(file: "page.txt", line: 1)))
    }

    @Test func eachEntryIsAnArticleWithItsLineAndTheProjectsConcernedAreShown() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = try directory.write("page.txt", text: "Einleitung\nFortschrit\n30%\n")
        var findings = FindingList()
        findings.append(Finding(ruleID: .pageTextHeadingMisspelt, severity: .error, location: SourceLocation(file: page, line: 2, column: 1),
                                message: Bilingual(en: "'Fortschrit' is not a heading <script>", de: "«Fortschrit» ist keine Überschrift <script>"),
                                hint: Bilingual(en: "write it exactly", de: "genau schreiben")))
        findings.append(Finding(ruleID: .timeOverdue, severity: .warning, location: SourceLocation(file: page, line: 3, column: 1),
                                projectID: "p-1", message: Bilingual(en: "late", de: "spät"), hint: nil))
        let html = HTMLReport(language: .de, headline: "34 Vorhaben: 1 Fehler").render(findings, projects: [Self.project("p-1"), Self.project("p-2")])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
        #expect(html.components(separatedBy: "<article class=\"finding ").count - 1 == 2)
        #expect(html.contains("«Fortschrit» ist keine Überschrift &lt;script&gt;") && !html.contains("<script>"))
        #expect(html.contains("<span class=\"lineno\">2 |</span> Fortschrit\n<span class=\"lineno\">  |</span> <span class=\"caret\">^</span>"))
        #expect(html.contains("<strong>Was tun</strong>: genau schreiben"))
        // The project with a finding is shown with its values, linked both ways; the other is not.
        #expect(html.contains("<article class=\"project\" id=\"project-p-1\"") && !html.contains("id=\"project-p-2\""))
        #expect(html.contains("<a href=\"#project-p-1\">p-1</a>") && html.contains("<a href=\"#finding-1\">time.overdue</a>"))
        #expect(html.contains("<dt>Bisher</dt><dd>Bisher &amp; so.</dd>") && html.contains("Titel &lt;p-1&gt;"))
        #expect(!html.contains("http"), "self-contained: no external asset")
    }

    @Test func whatFollowsFromAFindingIsShownInsideIt() throws {
        var findings = FindingList()
        let cause = Finding(ruleID: .progressFormat, severity: .error, location: SourceLocation(file: "page.txt", line: 15, column: 1),
                            projectID: "p-1", message: Bilingual(en: "not a percentage", de: "kein Prozentwert"), hint: nil)
        var vanished = Finding(ruleID: .guardVanished, severity: .error, location: SourceLocation(file: "state.json", line: 0),
                               projectID: "p-1", message: Bilingual(en: "would be missing", de: "würde fehlen"), hint: nil)
        vanished.causedBy = FindingReference(cause)
        findings.append(cause)
        findings.append(vanished)
        let html = HTMLReport(language: .de, headline: "1 Vorhaben").render(findings, projects: [Self.project("p-1")])
        #expect(html.components(separatedBy: "<article class=\"finding ").count - 1 == 1)
        let article = try #require(html.components(separatedBy: "<article class=\"finding ").last)
        #expect(article.contains("daraus folgt 1 weiterer Befund:"))
        #expect(article.contains("würde fehlen") && article.contains("<code>guard.vanished</code>"))
    }
}
