import Foundation
import Testing
@testable import KompassCore

/// The landing page `index.html`, written by the exporter alone (no pipeline) into temporary folders.
@Suite("HTML landing page")
struct HTMLLandingPageTests {
    static let referenceDate = CalendarDate(iso: "2026-11-30")!

    static func context() throws -> ExportContext {
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        return ExportContext(settings: configuration.publication, referenceDate: referenceDate, zone: Pipeline.cantonZone)
    }

    /// The real portfolio (34 projects) from the default configuration's sources.
    static func realPortfolio() throws -> Portfolio {
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        let portfolio = try PortfolioLoader(merge: configuration.merge).load(configuration.sources).portfolio
        try #require(portfolio.projects.count == 34)
        return portfolio
    }

    static func project(id: String, title: String, progress: Int = 30, period: ProjectPeriod = ProjectPeriod(startYear: 2023, endYear: 2028),
                        before: String = "Bisher war es so.", future: String = "In Zukunft wird es anders.") -> Project {
        Project(id: ProjectID(id)!, title: title, progress: progress, period: period, before: before, future: future,
                fieldsOfAction: [.prozesse, .kultur], userGroups: [.mitarbeitende],
                origins: ProjectOrigins(record: SourceLocation(file: "test", line: 1)))
    }

    /// Writes the page into `directory` and returns its bytes.
    static func render(_ portfolio: Portfolio, context: ExportContext, in directory: TemporaryDirectory,
                       name: String = "index.html") throws -> [UInt8] {
        let path = directory.file(name)
        let writer = try ByteFileWriter(path: path)
        try LandingPageExporter().export(portfolio, context: context, to: writer)
        let written = try writer.finish()
        let bytes = try TestFiles.bytes(atPath: path)
        #expect(written.byteCount == bytes.count)
        return bytes
    }

    static func renderText(_ portfolio: Portfolio, context: ExportContext) throws -> String {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes = try render(portfolio, context: context, in: directory)
        return try #require(String(validating: bytes, as: UTF8.self))
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    // MARK: Escaping

    @Test func hostileTitleAndTextsAreEscapedNeverTags() throws {
        let hostile = Self.project(
            id: "boese", title: "<script>alert(1)</script>",
            before: "A & B <b>fett</b> \"zitiert\" 'einfach'\nZweite <img src=x onerror=alert(2)> Zeile",
            future: "</p></article><h1>Falsch</h1> &amp; bleibt")
        let text = try Self.renderText(Portfolio(projects: [hostile]), context: Self.context())
        #expect(Self.occurrences(of: "<script", in: text) == 1, "only the JSON-LD data block")
        #expect(!text.contains("<img"))
        #expect(!text.contains("<b>"))
        #expect(!text.contains("<h1>Falsch"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(text.contains("<p>A &amp; B &lt;b&gt;fett&lt;/b&gt; &quot;zitiert&quot; &#39;einfach&#39;</p>"))
        #expect(text.contains("<p>Zweite &lt;img src=x onerror=alert(2)&gt; Zeile</p>"))
        #expect(text.contains("<p>&lt;/p&gt;&lt;/article&gt;&lt;h1&gt;Falsch&lt;/h1&gt; &amp;amp; bleibt</p>"))
        #expect(Self.occurrences(of: "<h1>", in: text) == 1, "one h1 only")
        #expect(Self.occurrences(of: "<script", in: text) == 1 && text.contains("<script type=\"application/ld+json\">"),
                "the page has no script but the JSON-LD data block")
    }

    @Test func hostileSettingsAreEscaped() throws {
        var context = try Self.context()
        context.settings.title = LocalizedText(de: "Titel </title><script>x()</script>")
        context.settings.description = LocalizedText(de: "Beschreibung \" onload=\"x()")
        context.settings.contact.name = "<Kontakt & Co>"
        let text = try Self.renderText(Portfolio(projects: [Self.project(id: "a", title: "A")]), context: context)
        // The title stands in the JSON-LD block too, its '<' as \u003c: the block ends once, where it should.
        #expect(Self.occurrences(of: "<script", in: text) == 1 && Self.occurrences(of: "</script", in: text) == 1)
        #expect(text.contains(#""name": "Titel \u003c/title>\u003cscript>x()\u003c/script>""#))
        #expect(text.contains("<title>Titel &lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>"))
        #expect(text.contains("content=\"Beschreibung &quot; onload=&quot;x()\""))
        #expect(text.contains("&lt;Kontakt &amp; Co&gt;"))
    }

    @Test func htmlEscapingReplacesCharactersHTMLForbids() {
        #expect(Escaping.html("plain Text äöü €") == "plain Text äöü €")
        #expect(Escaping.html("a\u{0}b\u{7}c\u{7F}d\u{85}e") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
        var nonCharacters = "x"
        for (value, next) in [(0xFDD0, "y"), (0xFFFE, "z"), (0x1FFFF, "")] as [(UInt32, String)] {
            nonCharacters.unicodeScalars.append(Unicode.Scalar(value)!)
            nonCharacters += next
        }
        #expect(Escaping.html(nonCharacters) == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
        #expect(Escaping.html("tab\tline\ncr\r") == "tab\tline\ncr\n")
        #expect(Escaping.html("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;")
        #expect(Escaping.html("😀 U+00A0\u{A0}") == "😀 U+00A0\u{A0}")
    }

    // MARK: The real portfolio

    @Test func everyProjectHasItsAnchorProgressAndTexts() throws {
        let portfolio = try Self.realPortfolio()
        let text = try Self.renderText(portfolio, context: Self.context())
        for project in portfolio.projects {
            let id = project.id.rawValue
            #expect(Self.occurrences(of: "id=\"\(id)\"", in: text) == 1, "one anchor for \(id)")
            #expect(text.contains("<a href=\"#\(id)\">\(Escaping.html(project.title))</a>"), "overview link to \(id)")
            #expect(text.contains("<h3 id=\"\(id)--titel\">\(Escaping.html(project.title))</h3>"), "heading of \(id)")
            #expect(text.contains("<progress id=\"\(id)--fortschritt\" max=\"100\" value=\"\(project.progress)\">"),
                    "progress bar of \(id)")
            #expect(text.contains("<label for=\"\(id)--fortschritt\">Fortschritt<span class=\"visually-hidden\">: \(Escaping.html(project.title))</span></label>"),
                    "labelled bar of \(id), named after its project")
            #expect(text.contains("<span class=\"percent\">\(project.progress) %</span>"), "progress text of \(id)")
            #expect(text.contains(Escaping.html(project.period.displayText)))
            for paragraph in LandingPageExporter.paragraphs(project.before) + LandingPageExporter.paragraphs(project.future) {
                #expect(text.contains("<p>\(Escaping.html(paragraph))</p>"), "paragraph of \(id): \(paragraph.prefix(40))")
            }
            let fields = project.fieldsOfAction.map(\.label.de).joined(separator: ", ")
            #expect(text.contains("<dt>Handlungsfelder</dt><dd>\(fields)</dd>"), "fields of action of \(id)")
        }
        #expect(Self.occurrences(of: "<article class=\"project\"", in: text) == 34)
        #expect(Self.occurrences(of: "<h3 ", in: text) == 34)
        #expect(Self.occurrences(of: "<progress ", in: text) == 34)
    }

    @Test func progressBarsHaveTheirOwnNamesAndTextsAreNoLandmarks() throws {
        let portfolio = try Self.realPortfolio()
        let text = try Self.renderText(portfolio, context: Self.context())
        var names: [String] = []
        for project in portfolio.projects {
            let article = try HTMLElement.fragment(of: text, startingWith: "<article class=\"project\" id=\"\(project.id.rawValue)\"")
            let bar = try #require(article.all("progress").first)
            let label = try #require(article.all("label").first { $0["for"] == bar["id"] })
            #expect(label.text == "Fortschritt: \(project.title)")
            names.append(label.text)
            // "Bisher" and "In Zukunft" are headings in their section, not 68 landmarks of the same two names.
            #expect(article.all("section").isEmpty)
            #expect(article.all("h4").map(\.text) == ["Bisher", "In Zukunft"])
        }
        #expect(Set(names).count == 34, "34 progress bars, 34 names")
        // The page's landmarks: each region has a name of its own.
        let regions = text.components(separatedBy: "<section aria-labelledby=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(regions == ["uebersicht-titel", "zeitachse-titel", "vorhaben-titel", "daten-titel", "kontakt-titel"])
        #expect(Self.occurrences(of: "<section", in: text) == 5)
    }

    @Test func focusedHeaderLinksAreDarkOnYellow() {
        // The header's links are white; focused, every link is dark on yellow (12.30:1), the header's too.
        let css = LandingPageStyle.css
        let header = css.range(of: ".site-header a { color: #ffffff; }")
        let focused = css.range(of: ".site-header a:focus-visible { color: #1b1f24; background: #ffdd00; }")
        #expect(header != nil && focused != nil)
        if let header, let focused { #expect(header.upperBound <= focused.lowerBound, "the focus rule comes after the colour it overrides") }
    }

    @Test func beyondTheLimitThePageShowsTheFirstProjectsAndSaysSo() throws {
        let portfolio = try Self.realPortfolio()
        var context = try Self.context()
        context.settings.landingPageLimit = 10
        let text = try Self.renderText(portfolio, context: context)
        #expect(Self.occurrences(of: "<article class=\"project\"", in: text) == 10)
        #expect(Self.occurrences(of: "<tr><th scope=\"row\"><a href=\"#", in: text) == 10)
        for (index, project) in portfolio.projects.enumerated() {
            #expect(text.contains("id=\"\(project.id.rawValue)\"") == (index < 10), "anchor of \(project.id) only among the first ten")
        }
        #expect(text.contains("Diese Seite zeigt die ersten 10 von 34 Vorhaben."))
        #expect(text.contains("<caption>Die ersten 10 Vorhaben mit Fortschritt"))
        // The summary still counts every project.
        #expect(text.contains("<dt>Vorhaben</dt><dd>34</dd>"))

        context.settings.landingPageLimit = 34
        let whole = try Self.renderText(portfolio, context: context)
        #expect(!whole.contains("Diese Seite zeigt die ersten"))
        #expect(Self.occurrences(of: "<article class=\"project\"", in: whole) == 34)
    }

    @Test func feedItemsLinkAnAnchorOnlyWhenThePageShowsTheProject() throws {
        var context = try Self.context()
        let change = ProjectChange(kind: .added, projectID: "abc", title: "A")
        #expect(FeedItem(change, date: Self.referenceDate, context: context, project: nil).link == context.settings.landingPage + "#abc")
        context.landingPageProjectIDs = ["xyz"]
        #expect(FeedItem(change, date: Self.referenceDate, context: context, project: nil).link == context.settings.landingPage)
    }

    @Test func theDocumentHasItsFrame() throws {
        let text = try Self.renderText(try Self.realPortfolio(), context: Self.context())
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(text.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(text.hasSuffix("</body>\n</html>\n"))
        for landmark in ["<header", "<main id=\"inhalt\"", "<footer", "<nav aria-label="] {
            #expect(Self.occurrences(of: landmark, in: text) == 1, "\(landmark)")
        }
        #expect(text.contains("<a class=\"skip-link\" href=\"#inhalt\">"))
        #expect(Self.occurrences(of: "<h1>", in: text) == 1)
        #expect(text.contains(":focus-visible"))
        // Self-contained: no script (but the JSON-LD data block), no external style sheet, image or font.
        #expect(Self.occurrences(of: "<script", in: text) == 1 && text.contains("<script type=\"application/ld+json\">"))
        #expect(!text.contains("<img"))
        #expect(!text.contains("rel=\"stylesheet\""))
        #expect(!text.contains("@import"))
        #expect(!text.contains("url("))
        #expect(!text.contains("src="))
        // The summary, as of the reference year (checked against the statuses the model computes).
        let portfolio = try Self.realPortfolio()
        let statuses = portfolio.projects.map { $0.status(referenceYear: 2026) }
        let planned = statuses.filter { $0 == .planned }.count
        let inProgress = statuses.filter { $0 == .inProgress }.count
        let completed = statuses.filter { $0 == .completed }.count
        #expect(text.contains("Im Jahr 2026 sind von 34 Vorhaben \(planned) geplant, \(inProgress) in Umsetzung und \(completed) abgeschlossen."))
        #expect(text.contains("<div><dt>Vorhaben</dt><dd>34</dd></div>"))
        #expect(text.contains("<div><dt>in Umsetzung</dt><dd>\(inProgress)</dd></div>"))
        #expect(text.contains("die kurzen Titel der Vorhaben sind deshalb aus ihren Texten abgeleitet")
            || text.contains("Die kurzen Titel der Vorhaben sind deshalb aus ihren Texten abgeleitet"))
        // Dataset texts, licence and contact from the configuration.
        let settings = try Self.context().settings
        #expect(text.contains("<h1>\(Escaping.html(settings.title.de))</h1>"))
        #expect(text.contains(Escaping.html(settings.description.de)))
        #expect(text.contains("<a href=\"\(settings.licence.uri)\">"))
        #expect(text.contains("<a href=\"mailto:\(settings.contact.email)\">"))
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let portfolio = try Self.realPortfolio()
        let context = try Self.context()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try Self.render(portfolio, context: context, in: directory, name: "first.html")
        let second = try Self.render(portfolio, context: context, in: directory, name: "second.html")
        #expect(first == second)
        #expect(first.count > 20_000)
    }

    // MARK: Files

    @Test func linksEveryWrittenFileAndTheCatalogueFiles() throws {
        var context = try Self.context()
        context.writtenFiles[.csv] = WrittenFile(path: "/x/projects.csv", byteCount: 12_345, sha256: "")
        context.writtenFiles[.jsonLD] = WrittenFile(path: "/x/projects.jsonld", byteCount: 999, sha256: "")
        context.writtenFiles[.rss] = WrittenFile(path: "/x/changes.rss", byteCount: 2_345_678, sha256: "")
        // The catalogue is written before the page (it does not describe the page): the page knows its sizes.
        context.writtenFiles[.catalogue] = WrittenFile(path: "/x/catalog.rdf", byteCount: 40_321, sha256: "")
        context.writtenFiles[.catalogueTurtle] = WrittenFile(path: "/x/catalog.ttl", byteCount: 30_000, sha256: "")
        context.writtenFiles[.catalogueJSONLD] = WrittenFile(path: "/x/catalog.jsonld", byteCount: 50_000, sha256: "")
        let text = try Self.renderText(Portfolio(projects: [Self.project(id: "a", title: "A")]), context: context)
        #expect(text.contains("<a href=\"projects.csv\" type=\"text/csv; charset=utf-8\">projects.csv</a></th><td>Vorhaben, eine Zeile pro Vorhaben</td><td>CSV (UTF-8, Semikolon)</td><td class=\"number\">12,3 kB</td>"))
        #expect(text.contains(">projects.jsonld</a></th><td>Vorhaben als Linked Data (schema.org, SKOS)</td><td>JSON-LD</td><td class=\"number\">999 Bytes</td>"))
        #expect(text.contains(">changes.rss</a></th><td>Änderungen als Feed</td><td>RSS 2.0</td><td class=\"number\">2,3 MB</td>"))
        #expect(text.contains("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"changes.rss\""), "the feed is announced")
        #expect(!text.contains("changes.atom"), "a feed this run did not write is not announced")
        for catalogue in ["catalog.rdf", "catalog.ttl", "catalog.jsonld"] {
            #expect(text.contains("<a href=\"\(catalogue)\""), "\(catalogue) is linked")
        }
        #expect(text.contains(">catalog.rdf</a></th><td>Metadaten-Katalog (DCAT-AP CH), für opendata.swiss</td><td>RDF/XML</td><td class=\"number\">40,3 kB</td>"))
        #expect(!text.contains("nicht angegeben"), "every linked file has its size")
        // The dataset markup: one DataDownload per linked file, with its exact size.
        #expect(text.contains(#""contentUrl": "https://opendata.example.org/kompass/catalog.rdf", "encodingFormat": "application/rdf+xml", "contentSize": "40321 B""#))
        #expect(Self.occurrences(of: "\"@type\": \"DataDownload\"", in: text) == 6)
        // Files this run did not write are not linked, nor is the page itself.
        for absent in ["changes.atom", "project-fields.csv", "projects-excel.csv", "datapackage.json", "index.html"] {
            #expect(!text.contains("href=\"\(absent)\""), "\(absent) is not linked")
        }
        // In the order of OutputFile.
        let order = ["projects.csv", "projects.jsonld", "changes.rss", "catalog.rdf", "catalog.ttl", "catalog.jsonld"]
            .map { try! #require(text.range(of: "<a href=\"\($0)\"")).lowerBound }
        #expect(order == order.sorted())
    }

    @Test func sizesReadLikeGermanText() {
        #expect(LandingPageFile.sizeText(0) == "0 Bytes")
        #expect(LandingPageFile.sizeText(1) == "1 Byte")
        #expect(LandingPageFile.sizeText(999) == "999 Bytes")
        #expect(LandingPageFile.sizeText(1_000) == "1,0 kB")
        #expect(LandingPageFile.sizeText(12_345) == "12,3 kB")
        #expect(LandingPageFile.sizeText(12_350) == "12,4 kB")
        #expect(LandingPageFile.sizeText(999_949) == "999,9 kB")
        #expect(LandingPageFile.sizeText(999_950) == "1,0 MB")
        #expect(LandingPageFile.sizeText(2_345_678) == "2,3 MB")
        #expect(LandingPageFile.sizeText(3_000_000_000) == "3,0 GB")
    }

    @Test func paragraphsSplitOnEveryLineBreak() {
        #expect(LandingPageExporter.paragraphs("Eins\nZwei\r\nDrei\rVier\n\n  Fünf  \n") == ["Eins", "Zwei", "Drei", "Vier", "Fünf"])
        #expect(LandingPageExporter.paragraphs("") == [])
    }
}
