import Foundation
import Testing
import KompassXML
@testable import KompassCore

/// `changes.atom`: an Atom 1.0 feed with the same entries as `changes.rss`, read back with libxml2.
@Suite("Atom: changes.atom")
struct AtomExportTests {
    static let atom = AtomExporter.namespace

    /// What the reader saw in a feed: element paths (local names under the root), texts and attributes.
    struct Reading {
        var problems: [XMLProblem] = []
        var root: XMLName?
        /// Per element (outside entries), in order: local name, text, attributes.
        var feedElements: [(name: String, text: String, attributes: [String: String])] = []
        /// Per entry: local name → text, and the link's attributes.
        var entries: [[String: String]] = []
        var entryLinks: [[String: String]] = []
        var namespaces: Set<String> = []
    }

    static func read(_ path: String) throws -> Reading {
        let reader = try XMLStreamReader(path: path)
        var reading = Reading()
        var stack: [XMLName] = []
        var text = ""
        var attributes: [String: String] = [:]
        while let event = reader.next() {
            switch event {
            case .startElement(let name, let attrs, let isEmpty, _):
                if reading.root == nil { reading.root = name }
                reading.namespaces.insert(name.namespaceURI ?? "")
                if name.localName == "entry" { reading.entries.append([:]) }
                text = ""
                attributes = Dictionary(attrs.map { ($0.name.localName, $0.value) }, uniquingKeysWith: { a, _ in a })
                stack.append(name)
                if isEmpty { fallthrough }
            case .endElement:
                let name = stack.removeLast()
                let inEntry = stack.contains { $0.localName == "entry" }
                if inEntry {
                    reading.entries[reading.entries.count - 1][name.localName] = text
                    if name.localName == "link" { reading.entryLinks.append(attributes) }
                } else if name.localName != "entry" {
                    reading.feedElements.append((name.localName, text, attributes))
                }
                text = ""
            case .text(let value, _):
                text += value
            }
        }
        reading.problems = reader.problems
        return reading
    }

    /// RFC 3339 date-time with a numeric offset (no fractional seconds: kompass writes none).
    static func isRFC3339(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})/) != nil
    }

    /// The guids of changes.rss.
    static func rssGuids(_ path: String) throws -> [String] {
        let reader = try XMLStreamReader(path: path)
        var guids: [String] = []
        var inGuid = false
        var text = ""
        while let event = reader.next() {
            switch event {
            case .startElement(let name, _, _, _): inGuid = name.localName == "guid"; text = ""
            case .text(let value, _): if inGuid { text += value }
            case .endElement(let name, _): if name.localName == "guid" { guids.append(text); inGuid = false }
            }
        }
        return guids
    }

    @Test func theRealFeedIsWellFormedAndComplete() throws {
        let (portfolio, context) = try ExportHarness.realPortfolio()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, bytes) = try ExportHarness.export(AtomExporter(), portfolio, context: context, into: directory)
        #expect(String(validating: bytes, as: UTF8.self)?.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed ") == true)

        let reading = try Self.read(path)
        #expect(reading.problems.isEmpty, "\(reading.problems.map(\.message))")
        #expect(reading.root == XMLName(namespaceURI: Self.atom, localName: "feed"))
        #expect(reading.namespaces == [Self.atom], "every element in the Atom namespace")

        // The feed's required elements (RFC 4287 4.1.1), once each.
        func feed(_ name: String) -> [(name: String, text: String, attributes: [String: String])] {
            reading.feedElements.filter { $0.name == name }
        }
        #expect(feed("id").map(\.text) == ["https://opendata.example.org/kompass/changes.atom"])
        #expect(feed("title").map(\.text) == [context.settings.title.de + ": Änderungen"])
        #expect(feed("updated").map(\.text) == ["2026-11-30T00:00:00+01:00"])
        #expect(feed("name").map(\.text) == ["Kanton Basel-Stadt"], "the author is the publisher")
        let links = feed("link").map(\.attributes)
        #expect(links.contains { $0["rel"] == "self" && $0["href"] == "https://opendata.example.org/kompass/changes.atom"
            && $0["type"] == "application/atom+xml" })
        #expect(links.contains { $0["rel"] == "alternate" && $0["href"] == context.settings.landingPage })

        // One "new" entry per project, with the RSS guids as ids, in the same order.
        #expect(reading.entries.count == 34)
        let (rssPath, _) = try ExportHarness.export(RSSExporter(), portfolio, context: context, into: directory)
        let guids = try Self.rssGuids(rssPath)
        #expect(reading.entries.map { $0["id"] ?? "" } == guids)
        #expect(Set(guids).count == 34)
        for (entry, project) in zip(reading.entries, portfolio.projects) {
            #expect(entry["title"] == "Neu: " + project.title)
            #expect(Self.isRFC3339(entry["updated"] ?? ""), "\(entry["updated"] ?? "")")
            #expect(entry["updated"] == "2026-11-30T00:00:00+01:00")
            #expect(entry["published"] == entry["updated"])
            #expect(entry["summary"]?.hasPrefix("Neues Vorhaben: \(project.title). Fortschritt \(project.progress) %") == true)
            #expect(entry["summary"]?.hasSuffix(project.future) == true)
        }
        #expect(reading.entryLinks.map { $0["href"] ?? "" }
            == portfolio.projects.map { context.settings.landingPage + "#" + $0.id.rawValue })
        #expect(reading.entryLinks.allSatisfy { $0["rel"] == "alternate" })
    }

    @Test func summerDatesCarryTheSummerOffset() throws {
        let settings = try ExportHarness.settings()
        let context = ExportContext(settings: settings, referenceDate: CalendarDate(iso: "2025-07-01")!, zone: Pipeline.cantonZone)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let portfolio = Portfolio(projects: [ExportHarness.project("a")])
        let (path, _) = try ExportHarness.export(AtomExporter(), portfolio, context: context, into: directory)
        let reading = try Self.read(path)
        #expect(reading.feedElements.first { $0.name == "updated" }?.text == "2025-07-01T00:00:00+02:00")
        #expect(reading.entries.first?["updated"] == "2025-07-01T00:00:00+02:00")
        #expect(reading.entries.first?["id"] == "https://opendata.example.org/kompass/project/a#added-2025-07-01")
    }

    @Test func textIsEscapedOnce() throws {
        let settings = try ExportHarness.settings()
        let title = "<b>Daten & \"KI\"</b> 'Plattform'"
        let future = "Ein <script>alert(1)</script> &amp; bleibt Text."
        let portfolio = Portfolio(projects: [ExportHarness.project("x", title: title, future: future)])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, bytes) = try ExportHarness.export(AtomExporter(), portfolio, context: ExportHarness.context(settings),
                                                     into: directory)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<b>") && !text.contains("<script>"), "no raw tags")
        #expect(text.contains("&amp;amp;"), "an entity in the data is escaped once, so it reads back as written")
        #expect(!text.contains("&amp;lt;"), "no double escaping")
        let reading = try Self.read(path)
        #expect(reading.problems.isEmpty)
        #expect(reading.entries.first?["title"] == "Neu: " + title)
        #expect(reading.entries.first?["summary"]?.hasSuffix(future) == true)
    }

    @Test func anEmptyPortfolioGivesAValidFeedDatedByTheReferenceDate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, _) = try ExportHarness.export(AtomExporter(), Portfolio(projects: []),
                                                 context: ExportHarness.context(try ExportHarness.settings()), into: directory)
        let reading = try Self.read(path)
        #expect(reading.problems.isEmpty)
        #expect(reading.entries.isEmpty)
        #expect(reading.feedElements.first { $0.name == "updated" }?.text == "2026-11-30T00:00:00+01:00")
    }

    @Test func theFeedIsDeterministic() throws {
        let (portfolio, context) = try ExportHarness.realPortfolio()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try ExportHarness.export(AtomExporter(), portfolio, context: context, into: directory).bytes
        let second = try ExportHarness.export(AtomExporter(), portfolio, context: context, into: directory).bytes
        #expect(first == second)
    }
}
