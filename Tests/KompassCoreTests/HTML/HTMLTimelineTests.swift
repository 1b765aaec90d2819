import Foundation
import Testing
@testable import KompassCore

/// The landing page's timeline of years and its marking of delayed projects, read as trees
/// (see `HTMLElement`).
@Suite("HTML landing page timeline")
struct HTMLTimelineTests {
    typealias Page = HTMLLandingPageTests

    /// Reference year 2026 (the tests' reference date is 2026-11-30): 2025 has passed, 2026 has not.
    static func portfolio() -> Portfolio {
        Portfolio(projects: [
            Page.project(id: "laeuft", title: "Läuft", progress: 50, period: ProjectPeriod(startYear: 2023, endYear: 2028)),
            Page.project(id: "spaet", title: "Spät & knapp", progress: 80, period: ProjectPeriod(startYear: 2020, endYear: 2024)),
            Page.project(id: "fertig", title: "Fertig", progress: 100, period: ProjectPeriod(startYear: 2021, endYear: 2023)),
            Page.project(id: "endet-jetzt", title: "Endet jetzt", progress: 90, period: ProjectPeriod(startYear: 2024, endYear: 2026)),
            Page.project(id: "einjahr", title: "Ein Jahr", progress: 0, period: ProjectPeriod(startYear: 2025)),
            Page.project(id: "spaeter", title: "Später", progress: 0, period: ProjectPeriod(startYear: 2027, endYear: 2029)),
        ])
    }

    static func rows(_ text: String) throws -> [HTMLElement] {
        let list = try HTMLElement.fragment(of: text, startingWith: "<ol class=\"timeline-rows\">")
        return list.elements
    }

    // MARK: The model

    @Test func aProjectIsDelayedWhenItsLastYearHasPassedBelow100Percent() {
        let projects = Self.portfolio().projects
        #expect(projects.map { $0.isDelayed(referenceYear: 2026) } == [false, true, false, false, true, false])
        #expect(projects.map { $0.status(referenceYear: 2026) } == [.inProgress, .inProgress, .completed, .inProgress, .planned, .planned],
                "delay is not a status: the statuses stay as they were")
        #expect(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0).delayedCount == 2)
        #expect(PortfolioSummary(Self.portfolio(), referenceYear: 2027, keeping: 0).delayedCount == 3)
    }

    // MARK: The axis

    @Test func theAxisSpansThePortfolioAndTheReferenceYear() throws {
        let timeline = try #require(LandingPageTimeline(yearSpan: 2020...2029, referenceYear: 2026))
        #expect(timeline.yearCount == 10)
        #expect(timeline.position(ofYear: 2020) == 0 && timeline.position(ofYear: 2023) == 3_000 && timeline.position(ofYear: 2030) == 10_000)
        // The "Stand" line: the middle of 2026, (6 + 0.5) / 10.
        #expect(timeline.referencePosition == 6_500)
        #expect(try #require(LandingPageTimeline(yearSpan: 2019...2030, referenceYear: 2026)).referencePosition == 6_250)
        #expect(LandingPageTimeline.percent(6_912) == "69.12%" && LandingPageTimeline.percent(3_000) == "30%"
            && LandingPageTimeline.percent(3_330) == "33.3%" && LandingPageTimeline.percent(805) == "8.05%")
        // A reference year outside the portfolio's years widens the axis; no years, no timeline.
        let late = try #require(LandingPageTimeline(yearSpan: 2020...2024, referenceYear: 2026))
        #expect(late.firstYear == 2020 && late.lastYear == 2026)
        #expect(LandingPageTimeline(yearSpan: nil, referenceYear: 2026) == nil)
    }

    @Test func theAxisLabelsThinOutOnLongSpans() throws {
        func labels(_ span: ClosedRange<Int>) throws -> [HTMLElement] {
            let timeline = try #require(LandingPageTimeline(yearSpan: span, referenceYear: 2026))
            return try HTMLElement.parse("<div>\(timeline.yearLabels)</div>").elements
        }
        let twelve = try labels(2019...2030)
        #expect(twelve.count == 12 && twelve.map(\.text) == (2019...2030).map(String.init), "every year labelled")
        #expect(twelve.filter { $0.classes.contains("minor") }.map(\.text) == ["2020", "2022", "2024", "2026", "2028", "2030"],
                "every other label is hidden on narrow windows")
        let forty = try labels(1990...2029)
        #expect(forty.count == 40 && forty.filter { !$0.text.isEmpty }.map(\.text) == stride(from: 1990, through: 2025, by: 5).map(String.init))
    }

    // MARK: The rows

    @Test func oneBarPerProjectWithItsAccessibleNameAndPosition() throws {
        let text = try Page.renderText(Self.portfolio(), context: Page.context())
        let rows = try Self.rows(text)
        #expect(rows.count == 6, "one row per project")
        #expect(rows.allSatisfy { $0.name == "li" && $0.classes == ["timeline-row"] })
        let names = rows.map { try? #require($0.all("svg").first?["aria-label"]) }
        #expect(Set(names).count == 6, "every bar has its own accessible name")
        for (row, project) in zip(rows, Self.portfolio().projects) {
            let (svg, link) = (try #require(row.all("svg").first), try #require(row.all("a").first))
            #expect(row.all("svg").count == 1)
            #expect(svg["role"] == "img")
            #expect(link["href"] == "#\(project.id.rawValue)" && link.text == project.title)
            let status = project.status(referenceYear: 2026).label.de
            let label = try #require(svg["aria-label"])
            #expect(label.hasPrefix("\(project.title): \(project.period.displayText), \(project.progress) % erreicht, \(status)"))
            // The same facts as text beside the drawing (hidden from screen readers: the label has them).
            let facts = try #require(row.all("p").first)
            #expect(facts["aria-hidden"] == "true")
            #expect(facts.text.hasPrefix("\(project.period.displayText) · \(project.progress) % · \(status)"))
            // Exactly one duration bar; a progress bar only above 0 %; the reference line always.
            #expect(svg.all("rect", class: "timeline-span").count == 1)
            #expect(svg.all("rect", class: "timeline-done").count == (project.progress > 0 ? 1 : 0))
            #expect(svg.all("line", class: "timeline-now").count == 1)
        }
        // The axis: 2020 (the earliest start) to 2029; "Läuft" runs 2023–2028, half done.
        let bar = try #require(rows[0].all("rect", class: "timeline-span").first)
        let done = try #require(rows[0].all("rect", class: "timeline-done").first)
        #expect(bar["x"] == "30%" && bar["width"] == "60%" && done["x"] == "30%" && done["width"] == "30%")
        let now = try #require(rows[0].all("line", class: "timeline-now").first)
        #expect(now["x1"] == "65%" && now["x2"] == "65%")
        // "Ein Jahr": the single year 2025.
        let single = try #require(rows[4].all("rect", class: "timeline-span").first)
        #expect(single["x"] == "50%" && single["width"] == "10%")
    }

    @Test func delayedProjectsAreMarkedInWordsEverywhere() throws {
        let text = try Page.renderText(Self.portfolio(), context: Page.context())
        let rows = try Self.rows(text)
        let delayed = rows.filter { !$0.all("line", class: "timeline-late").isEmpty }
        #expect(delayed.map { $0.all("a")[0].text } == ["Spät & knapp", "Ein Jahr"])
        // The dashed line runs from the planned end (end of 2024: 50 %) to the "Stand" line (middle of 2026).
        let late = try #require(delayed[0].all("line", class: "timeline-late").first)
        #expect(late["x1"] == "50%" && late["x2"] == "65%")
        // The reason in words, in the drawing's name and in the text beside it.
        let reason = "Verzögert: Ende 2024 geplant, 80 % erreicht"
        #expect(delayed[0].all("svg")[0]["aria-label"] == "Spät & knapp: 2020–2024, 80 % erreicht, in Umsetzung. \(reason)")
        let marker = try #require(delayed[0].all("strong", class: "delayed").first)
        #expect(marker.text == "⚠ \(reason)")
        #expect(marker.all("span").first?["aria-hidden"] == "true", "the symbol is decoration: the word says it")
        #expect(delayed[1].all("strong", class: "delayed").first?.text == "⚠ Verzögert: Ende 2025 geplant, 0 % erreicht")
        // Not delayed: completed, ending this year, not yet started.
        for row in rows where !delayed.contains(where: { $0.all("a")[0].text == row.all("a")[0].text }) {
            #expect(row.all("strong").isEmpty && !(row.all("svg")[0]["aria-label"] ?? "").contains("Verzögert"))
        }

        // The project's own section says so under its progress.
        let section = try HTMLElement.fragment(of: text, startingWith: "<article class=\"project\" id=\"spaet\"")
        let notes = section.all("p", class: "delayed")
        #expect(notes.count == 1 && notes.first?.text == "⚠ \(reason)")
        for id in ["laeuft", "fertig", "endet-jetzt", "spaeter"] {
            let other = try HTMLElement.fragment(of: text, startingWith: "<article class=\"project\" id=\"\(id)\"")
            #expect(other.all("p", class: "delayed").isEmpty, "\(id) is not delayed")
        }

        // The overview table marks it next to its status, and the summary counts it.
        let table = try HTMLElement.fragment(of: text, startingWith: "<tbody>")
        let marks = table.all("tr").map { row in row.all("span", class: "status-verzoegert").map(\.text) }
        #expect(marks == [[], ["⚠ verzögert"], [], [], ["⚠ verzögert"], []])
        #expect(text.contains("2 Vorhaben sind verzögert: ihr geplantes Ende liegt vor 2026, ihr Fortschritt unter 100 %."))
    }

    @Test func theTimelineFollowsTheLandingPageLimit() throws {
        let portfolio = try Page.realPortfolio()
        var context = try Page.context()
        context.settings.landingPageLimit = 10
        let text = try Page.renderText(portfolio, context: context)
        let rows = try Self.rows(text)
        #expect(rows.map { $0.all("a")[0]["href"] } == portfolio.projects.prefix(10).map { "#\($0.id.rawValue)" })
        #expect(text.contains("Die Zeitachse zeigt die ersten 10 von 34 Vorhaben in den Jahren 2019 bis 2030"))
        // The axis still spans every project's years, and the summary counts every delayed project.
        let delayed = portfolio.projects.filter { $0.isDelayed(referenceYear: 2026) }.count
        #expect(delayed == 4)
        #expect(text.contains("\(delayed) Vorhaben sind verzögert"))
    }

    @Test func theRealPortfolioHasOneRowPerProjectAndFourDelayed() throws {
        let portfolio = try Page.realPortfolio()
        let text = try Page.renderText(portfolio, context: Page.context())
        let rows = try Self.rows(text)
        #expect(rows.count == 34)
        #expect(rows.map { $0.all("a")[0].text } == portfolio.projects.map(\.title))
        let delayed = rows.filter { !$0.all("strong", class: "delayed").isEmpty }.map { $0.all("a")[0]["href"] ?? "" }
        #expect(delayed == ["#eservices-architektur", "#nutzendenzentrierte-services", "#digitale-maturitaet", "#rechtsgrundlagen-agov"])
        #expect(text.contains("<h2 id=\"zeitachse-titel\">Zeitachse</h2>"))
        #expect(text.contains("<li><a href=\"#zeitachse-titel\">Zeitachse</a></li>"), "the header's navigation leads to it")
    }

    @Test func anotherDayOfTheSameYearWritesTheSamePage() throws {
        var context = try Page.context()
        // As in a run: the data's dates come from the publication state, not from the day of the run.
        context.fileDates[.csv] = FileDates(issued: Page.referenceDate, modified: Page.referenceDate)
        let first = try Page.renderText(Self.portfolio(), context: context)
        context.referenceDate = try #require(CalendarDate(iso: "2026-01-02"))
        #expect(try Page.renderText(Self.portfolio(), context: context) == first, "the page depends on the reference year only")
        context.referenceDate = try #require(CalendarDate(iso: "2027-01-01"))
        #expect(try Page.renderText(Self.portfolio(), context: context) != first)
    }

    @Test func anEmptyPortfolioHasNoTimeline() throws {
        let text = try Page.renderText(Portfolio(projects: []), context: Page.context())
        #expect(!text.contains("zeitachse-titel"))
        #expect(!text.contains("<ol class=\"timeline-rows\">"))
    }
}
