import Foundation
import Testing
import KompassXML
@testable import KompassCore

/// The exporters, run through the whole pipeline on the real configuration into temporary folders.
@Suite("Exporters through the Pipeline")
struct ExporterTests {
    static let referenceDate = CalendarDate(iso: "2026-11-30")!
    static let options = RunOptions(referenceDate: referenceDate)
    static let fileNames = OutputFile.allCases.filter { $0 != .spreadsheetCSV }.map(\.rawValue).sorted()

    static func configuration(output: String) throws -> Configuration {
        var configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        configuration.outputDirectory = output
        return configuration
    }

    /// Runs the pipeline on the real configuration into `directory/name` and returns the report.
    static func run(into output: String, options: RunOptions = options) throws -> RunReport {
        try Pipeline(configuration: configuration(output: output)).run(options: options)
    }

    /// One published run, shared by the read-back tests of each format.
    static func publishedRun() throws -> (directory: TemporaryDirectory, output: String, report: RunReport) {
        let directory = try TemporaryDirectory()
        let output = directory.file("public")
        let report = try run(into: output)
        return (directory, output, report)
    }

    /// What each project should be, from an independent reading of the page and the register.
    struct Expected {
        var id: String
        var title: String
        var page: ReferenceProject
        var status: String {
            if page.progress >= 100 { return "abgeschlossen" }
            if page.progress <= 0 || page.startYear > 2026 { return "geplant" }
            return "in_umsetzung"
        }
    }

    static func expectedProjects() throws -> [Expected] {
        let page = try #require(ReferencePage.parse(try TestFiles.realPageText()))
        let rows = ReferencePage.registerRows(try TestFiles.text(atPath: TestFiles.registerPath))
        try #require(page.count == 34 && rows.count == 34)
        return zip(rows, page).map { Expected(id: $0.id, title: $0.title, page: $1) }
    }

    // MARK: The run

    @Test func aRunPublishesEveryFile() throws {
        let (directory, output, report) = try Self.publishedRun()
        defer { directory.remove() }
        #expect(report.outcome == .published)
        #expect(report.projectCount == 34)
        #expect(report.outputDirectory == output)
        #expect(!report.findings.hasErrors, "\(report.findings.all.filter { $0.severity == .error }.map(\.message))")
        // The real page's warnings: three user groups among the fields of action, four overdue projects,
        // two not started (as of 2026-11-30) and one "In Zukunft" text that describes another project
        // (text.other-project, see OtherProjectTextRuleTests).
        #expect(report.findings.count(of: .warning) == 10)
        #expect(report.findings.all.filter { $0.severity == .warning }.filter {
            $0.ruleID == .vocabularyOtherVocabulary(FieldOfAction.self) && $0.projectID == "daten-und-ki-plattform"
        }.count == 3)
        #expect(try TestFiles.listing(output) == Self.fileNames, "no staging folder or other file is left behind")
        #expect(report.files.map { ($0.path as NSString).lastPathComponent }.sorted() == Self.fileNames)
        for file in report.files {
            #expect((file.path as NSString).deletingLastPathComponent == output)
            let bytes = try TestFiles.bytes(atPath: file.path)
            #expect(file.byteCount == bytes.count, "\(file.path)")
            #expect(file.sha256 == SHA256.hex(of: bytes), "\(file.path)")
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(file.path) is UTF-8")
        }
    }

    @Test func twoRunsGiveByteIdenticalFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = directory.file("first")
        let second = directory.file("second")
        #expect(try Self.run(into: first).outcome == .published)
        #expect(try Self.run(into: second).outcome == .published)
        for name in Self.fileNames {
            let a = try TestFiles.bytes(atPath: (first as NSString).appendingPathComponent(name))
            let b = try TestFiles.bytes(atPath: (second as NSString).appendingPathComponent(name))
            #expect(!a.isEmpty, "\(name)")
            #expect(a == b, "\(name) differs between runs")
        }
        // A second run into the same folder finds nothing changed and leaves the files as they are.
        let before = try Self.fileNames.map { try TestFiles.bytes(atPath: (first as NSString).appendingPathComponent($0)) }
        #expect(try Self.run(into: first).outcome == .unchanged)
        let after = try Self.fileNames.map { try TestFiles.bytes(atPath: (first as NSString).appendingPathComponent($0)) }
        #expect(before == after)
        #expect(try TestFiles.listing(first) == Self.fileNames)
    }

    @Test func anotherReferenceDateChangesOnlyTheDates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let summer = RunOptions(referenceDate: CalendarDate(iso: "2025-07-01")!)
        let report = try Self.run(into: directory.file("summer"), options: summer)
        #expect(report.outcome == .published)
        let rss = try TestFiles.text(atPath: directory.file("summer/changes.rss"))
        #expect(rss.contains("<pubDate>Tue, 01 Jul 2025 00:00:00 +0200</pubDate>"))
        #expect(rss.contains("<lastBuildDate>Tue, 01 Jul 2025 00:00:00 +0200</lastBuildDate>"))
    }

    // MARK: CSV

    @Test func csvHasTheHeaderAnd34RowsWithEachProjectsValues() throws {
        let (directory, output, _) = try Self.publishedRun()
        defer { directory.remove() }
        let bytes = try TestFiles.bytes(atPath: (output as NSString).appendingPathComponent("projects.csv"))
        #expect(!bytes.contains(0x0D), "LF line ends only")
        #expect(bytes.last == 0x0A)
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF], "no byte order mark")

        var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ";"), file: "test.csv")
        var rows: [[String]] = []
        bytes.withUnsafeBytes { raw in
            tokenizer.feed(raw) { row in rows.append(row.cells.map { String(decoding: $0.bytes, as: UTF8.self) }) }
        }
        tokenizer.finish { row in rows.append(row.cells.map { String(decoding: $0.bytes, as: UTF8.self) }) }
        #expect(tokenizer.problems.isEmpty)
        #expect(rows.count == 35)
        #expect(rows.first == ["id", "titel", "fortschritt_prozent", "beginn_jahr", "ende_jahr", "status", "bisher",
                               "in_zukunft", "handlungsfelder", "nutzende"])
        let expected = try Self.expectedProjects()
        for (row, project) in zip(rows.dropFirst(), expected) {
            let values = [
                project.id, project.title, String(project.page.progress), String(project.page.startYear),
                project.page.endYear.map(String.init) ?? "", project.status, project.page.before, project.page.future,
                project.page.fieldsOfAction.joined(separator: ","), project.page.userGroups.joined(separator: ","),
            ]
            #expect(row == values, "\(project.id)")
        }
        // Spot checks against the page, written out.
        #expect(rows[1][0...5] == ["digital-lab", "Digital Lab", "30", "2023", "2028", "in_umsetzung"])
        #expect(rows[4][0...5] == ["agov-login-und-eportal", "AGOV-Login und ePortal", "100", "2024", "", "abgeschlossen"])
        #expect(rows[2][8] == "Prozesse,Kompetenzen,Kultur,Technologie,Leistungen,Daten,Recht")
        #expect(rows[5][6] == NormaliserTests.hrBefore1 + "\n" + NormaliserTests.hrBefore2)
        #expect(rows[34][0] == "kantonaler-datenkatalog")
        let statuses = Set(rows.dropFirst().map { $0[5] })
        #expect(statuses == ["geplant", "in_umsetzung", "abgeschlossen"])
    }

    // MARK: JSON

    @Test func jsonLDParsesAndHoldsEveryProject() throws {
        let (directory, output, _) = try Self.publishedRun()
        defer { directory.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: (output as NSString).appendingPathComponent("projects.jsonld")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["@context"] is [String: Any])
        let graph = try #require(root["@graph"] as? [[String: Any]])
        let projects = graph.filter { $0["@type"] as? String == "Project" }
        #expect(projects.count == 34)
        #expect(graph.filter { $0["@type"] as? String == "ConceptScheme" }.count == 2)
        #expect(graph.filter { $0["@type"] as? String == "Concept" }.count == 10)
        let vocab = "https://opendata.example.org/kompass/vocab/"
        for (node, project) in zip(projects, try Self.expectedProjects()) {
            #expect(node["@id"] as? String == "https://opendata.example.org/kompass/project/\(project.id)")
            #expect(node["identifier"] as? String == project.id)
            #expect(node["name"] as? String == project.title)
            #expect((node["progressPercent"] as? NSNumber)?.intValue == project.page.progress)
            #expect(node["startYear"] as? String == String(project.page.startYear))
            #expect(node["endYear"] as? String == project.page.endYear.map(String.init))
            #expect(node["status"] as? String == project.status)
            #expect(node["situationBefore"] as? String == project.page.before)
            #expect(node["targetState"] as? String == project.page.future)
            let fields = project.page.fieldsOfAction.map { vocab + "handlungsfelder/" + Self.code(ofLabel: $0) }
            #expect(node["fieldOfAction"] as? [String] == fields, "\(project.id)")
            let groups = project.page.userGroups.map { vocab + "nutzende/" + Self.code(ofLabel: $0) }
            #expect(node["userGroup"] as? [String] == groups, "\(project.id)")
        }
    }

    static func code(ofLabel label: String) -> String {
        label.lowercased().replacingOccurrences(of: "ö", with: "oe")
    }

    @Test func dataPackageParsesAndDescribesTheCSV() throws {
        let (directory, output, _) = try Self.publishedRun()
        defer { directory.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: (output as NSString).appendingPathComponent("datapackage.json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["name"] as? String == "digitalisierungs-kompass")
        let resources = try #require(root["resources"] as? [[String: Any]])
        #expect(resources.count == 3)
        let resource = try #require(resources.first)
        #expect(resource["path"] as? String == "projects.csv")
        let dialect = try #require(resource["dialect"] as? [String: Any])
        #expect(dialect["delimiter"] as? String == ";")
        #expect(dialect["quoteChar"] as? String == "\"")
        let schema = try #require(resource["schema"] as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        #expect(fields.compactMap { $0["name"] as? String } == ["id", "titel", "fortschritt_prozent", "beginn_jahr", "ende_jahr",
                                                                "status", "bisher", "in_zukunft", "handlungsfelder", "nutzende"])
        #expect(schema["primaryKey"] as? [String] == ["id"])
        // The CSV's list cells match the package's own patterns.
        let patterns = Dictionary(uniqueKeysWithValues: fields.compactMap { field -> (String, String)? in
            guard let name = field["name"] as? String, let constraints = field["constraints"] as? [String: Any],
                  let pattern = constraints["pattern"] as? String else { return nil }
            return (name, pattern)
        })
        let fieldPattern = try NSRegularExpression(pattern: "^(?:" + (try #require(patterns["handlungsfelder"])) + ")$")
        for project in try Self.expectedProjects() {
            let cell = project.page.fieldsOfAction.joined(separator: ",")
            #expect(fieldPattern.firstMatch(in: cell, range: NSRange(cell.startIndex..., in: cell)) != nil, "\(cell)")
        }
    }

    @Test func contextParses() throws {
        let (directory, output, _) = try Self.publishedRun()
        defer { directory.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: (output as NSString).appendingPathComponent("context.jsonld")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["@context"] is [String: Any])
    }

    // MARK: XML

    static func events(_ path: String) throws -> (events: [XMLEvent], problems: [XMLProblem]) {
        let reader = try XMLStreamReader(path: path)
        var events: [XMLEvent] = []
        while let event = reader.next() { events.append(event) }
        return (events, reader.problems)
    }

    @Test func feedIsWellFormedWithOneItemPerProject() throws {
        let (directory, output, _) = try Self.publishedRun()
        defer { directory.remove() }
        let (events, problems) = try Self.events((output as NSString).appendingPathComponent("changes.rss"))
        #expect(problems.isEmpty, "\(problems)")
        var items = 0
        var current: String?
        var texts: [String: [String]] = [:]
        for event in events {
            switch event {
            case .startElement(let name, _, _, _):
                if name.localName == "item" { items += 1 }
                current = name.localName
            case .text(let text, _):
                if let current, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { texts[current, default: []].append(text) }
            case .endElement:
                current = nil
            }
        }
        #expect(items == 34)
        #expect(texts["pubDate"]?.count == 34)
        #expect(Set(texts["pubDate"] ?? []) == ["Mon, 30 Nov 2026 00:00:00 +0100"])
        #expect(texts["lastBuildDate"] == ["Mon, 30 Nov 2026 00:00:00 +0100"])
        let guids = texts["guid"] ?? []
        #expect(guids.count == 34 && Set(guids).count == 34)
        #expect(guids.first == "https://opendata.example.org/kompass/project/digital-lab#added-2026-11-30")
        #expect(texts["title"]?.contains("Neu: Digital Lab") == true)
    }

    @Test func catalogueIsWellFormedAndItsSizesMatchTheFiles() throws {
        let (directory, output, _) = try Self.publishedRun()
        defer { directory.remove() }
        let (events, problems) = try Self.events((output as NSString).appendingPathComponent("catalog.rdf"))
        #expect(problems.isEmpty, "\(problems)")
        let dcat = "http://www.w3.org/ns/dcat#"
        let dct = "http://purl.org/dc/terms/"
        let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        var sizes: [String: Int] = [:]
        var currentURL: String?
        var inByteSize = false
        var identifiers: [String] = []
        var inIdentifier = false
        var startDates: [String] = []
        var endDates: [String] = []
        var open: String?
        for event in events {
            switch event {
            case .startElement(let name, let attributes, _, _):
                if name == XMLName(namespaceURI: dcat, localName: "accessURL") {
                    currentURL = attributes.first { $0.name == XMLName(namespaceURI: rdf, localName: "resource") }?.value
                }
                inByteSize = name == XMLName(namespaceURI: dcat, localName: "byteSize")
                inIdentifier = name == XMLName(namespaceURI: dct, localName: "identifier")
                open = name.namespaceURI == dcat ? name.localName : nil
            case .text(let text, _):
                if inByteSize, let url = currentURL { sizes[(url as NSString).lastPathComponent] = Int(text) }
                if inIdentifier { identifiers.append(text) }
                if open == "startDate" { startDates.append(text) }
                if open == "endDate" { endDates.append(text) }
            case .endElement:
                inByteSize = false
                inIdentifier = false
                open = nil
            }
        }
        #expect(identifiers.contains("digitalisierungs-kompass@kanton-basel-stadt"))
        #expect(sizes.keys.sorted() == ["changes.atom", "changes.rss", "history.csv", "project-fields.csv", "projects.csv", "projects.jsonld"])
        for (name, size) in sizes {
            let actual = try TestFiles.bytes(atPath: (output as NSString).appendingPathComponent(name)).count
            #expect(size == actual, "\(name)")
        }
        #expect(startDates == ["2019-01-01", "2019-01-01", "2019-01-01"], "one temporal coverage per dataset")
        #expect(endDates == ["2030-12-31", "2030-12-31", "2030-12-31"])
    }

    // MARK: Refusal

    @Test func aBrokenSourceIsRefusedAndTheOutputFolderStaysAsItWas() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var lines = try TestFiles.realPageText().components(separatedBy: "\n")
        #expect(lines[14] == "30%")
        lines[14] = "abc"
        let page = try directory.write("sources/page.txt", text: lines.joined(separator: "\n"))
        let register = try directory.copy(TestFiles.registerPath, as: "sources/register.csv")
        let output = try directory.makeDirectory("public")
        let oldCSV: [UInt8] = Array("id;titel\nold;Alt\n".utf8) + [0x00, 0xFF]
        try directory.write("public/projects.csv", bytes: oldCSV)
        try directory.write("public/keep.txt", text: "unrelated")
        let listingBefore = try TestFiles.listing(output)

        var configuration = try Self.configuration(output: output)
        configuration.sources = [SourceConfiguration(path: page, format: .pageText, register: register)]
        let report = try Pipeline(configuration: configuration).run(options: Self.options)

        #expect(report.outcome == .refused)
        #expect(report.files.isEmpty)
        #expect(report.findings.hasErrors)
        let formatErrors = report.findings.all.filter { $0.ruleID == .progressFormat }
        #expect(formatErrors.count == 1)
        #expect(formatErrors.first?.location?.line == 15)
        #expect(report.projectCount == 33)
        #expect(try TestFiles.listing(output) == listingBefore, "no file added, no staging left")
        #expect(try TestFiles.bytes(atPath: directory.file("public/projects.csv")) == oldCSV)
        #expect(try TestFiles.text(atPath: directory.file("public/keep.txt")) == "unrelated")
    }

    @Test func strictRefusesOnWarningsAndPublishesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = try directory.makeDirectory("public")
        try directory.write("public/projects.csv", text: "previous")
        let report = try Self.run(into: output, options: RunOptions(referenceDate: Self.referenceDate, strict: true))
        #expect(report.outcome == .refused)
        #expect(!report.findings.hasErrors)
        #expect(report.findings.count(of: .warning) == 10)
        #expect(try TestFiles.listing(output) == ["projects.csv"])
        #expect(try TestFiles.text(atPath: directory.file("public/projects.csv")) == "previous")
    }

    @Test func dryRunWritesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = try directory.makeDirectory("public")
        let report = try Self.run(into: output, options: RunOptions(referenceDate: Self.referenceDate, dryRun: true))
        #expect(report.outcome == .dryRun)
        #expect(report.files.count == Self.fileNames.count)
        #expect(try TestFiles.listing(output).isEmpty)
    }

    @Test func checkValidatesWithoutWriting() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.file("never-created")
        let (portfolio, findings) = try Pipeline(configuration: Self.configuration(output: output)).collect(options: Self.options)
        #expect(portfolio.projects.count == 34)
        #expect(!findings.hasErrors)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(portfolio.yearSpan == 2019...2030)
    }
}
