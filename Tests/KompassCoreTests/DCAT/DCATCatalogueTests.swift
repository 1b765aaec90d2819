import Foundation
import Testing
import KompassXML
@testable import KompassCore

/// The catalogue graph and its three files: what it describes, with which identifiers, dates, sizes
/// and checksums, on the real configuration and on hand-made export contexts.
@Suite("DCAT catalogue")
struct DCATCatalogueTests {
    static let referenceDate = CalendarDate(iso: "2026-11-30")!
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let dct = "http://purl.org/dc/terms/"
    static let spdx = "http://spdx.org/rdf/terms#"
    static let describable: [OutputFile] = [.csv, .jsonLD, .rss, .atom, .spreadsheetCSV, .fieldsCSV, .historyCSV]

    static func dcat(_ local: String) -> IRI { try! IRI(dcat + local) }
    static func dct(_ local: String) -> IRI { try! IRI(dct + local) }
    static func spdx(_ local: String) -> IRI { try! IRI(spdx + local) }

    static func settings() throws -> PublicationSettings {
        try ConfigurationLoader().load(path: TestFiles.configPath).publication
    }

    static func context(_ settings: PublicationSettings, referenceDate: CalendarDate = referenceDate,
                        written: [OutputFile] = describable) -> ExportContext {
        var context = ExportContext(settings: settings, referenceDate: referenceDate, zone: Pipeline.cantonZone)
        for (index, file) in written.enumerated() {
            context.writtenFiles[file] = WrittenFile(path: "/staging/\(file.rawValue)", byteCount: 1000 + index,
                                                     sha256: String(repeating: String(index % 10), count: 64))
        }
        return context
    }

    static func portfolio() -> Portfolio {
        func project(_ id: String, _ start: Int, _ end: Int?) -> Project {
            Project(id: ProjectID(id)!, title: id, progress: 10, period: ProjectPeriod(startYear: start, endYear: end),
                    before: "Bisher.", future: "In Zukunft.", fieldsOfAction: [.prozesse], userGroups: [.mitarbeitende],
                    origins: ProjectOrigins(record: SourceLocation(file: "test", line: 1)))
        }
        return Portfolio(projects: [project("a", 2021, 2024), project("b", 2019, nil), project("c", 2023, 2027)])
    }

    static func iris(_ terms: [RDFTerm]) -> [IRI] {
        terms.compactMap { if case .iri(let iri) = $0 { iri } else { nil } }
    }

    static func literal(_ graph: RDFGraph, _ subject: some RDFSubjectConvertible, _ predicate: IRI) -> RDFLiteral? {
        for case .literal(let literal) in graph.objects(subject, predicate) { return literal }
        return nil
    }

    static func datasets(_ graph: RDFGraph) -> [RDFNode] { graph.subjects(RDF.type, dcat("Dataset")) }

    static func distributions(_ graph: RDFGraph, of dataset: RDFNode) -> [IRI] {
        iris(graph.objects(dataset, dcat("distribution")))
    }

    // MARK: The real run

    @Test func theRealRunsCatalogueDescribesEveryFileWithItsSizeAndChecksum() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        configuration.outputDirectory = directory.file("public")
        let pipeline = Pipeline(configuration: configuration)
        let options = RunOptions(referenceDate: Self.referenceDate)
        let report = try pipeline.run(options: options)
        try #require(report.outcome == .published)
        let (portfolio, _) = try pipeline.collect(options: options)

        // The context the catalogue saw: every file written in this run (a fresh folder: dates are the run's).
        var context = ExportContext(settings: configuration.publication, referenceDate: Self.referenceDate, zone: Pipeline.cantonZone)
        for file in report.files {
            if let output = OutputFile(rawValue: (file.path as NSString).lastPathComponent) { context.writtenFiles[output] = file }
        }
        let graph = try DCATCatalogue.graph(PortfolioSummary(portfolio, referenceYear: 2026, keeping: 0), context: context)
        let base = configuration.publication.baseURL

        // Datasets: the portfolio always, the long table when its file was written.
        let datasets = Self.datasets(graph)
        var expectedDatasets = ["\(base)/dataset/digitalisierungs-kompass"]
        if context.writtenFiles[.fieldsCSV] != nil { expectedDatasets.append("\(base)/dataset/digitalisierungs-kompass-handlungsfelder") }
        if context.writtenFiles[.historyCSV] != nil { expectedDatasets.append("\(base)/dataset/digitalisierungs-kompass-verlauf") }
        #expect(datasets == expectedDatasets.map { .iri(try! IRI($0)) })

        // Distributions: exactly the describable files written, each with the size and SHA-256 of the file on disk.
        var described: [String] = []
        for dataset in datasets {
            for distribution in Self.distributions(graph, of: dataset) {
                let url = try #require(Self.iris(graph.objects(distribution, Self.dcat("downloadURL"))).first)
                #expect(Self.iris(graph.objects(distribution, Self.dcat("accessURL"))) == [url])
                let name = (url.value as NSString).lastPathComponent
                #expect(url.value == "\(base)/\(name)")
                described.append(name)
                let bytes = try TestFiles.bytes(atPath: directory.file("public/\(name)"))
                #expect(Self.literal(graph, distribution, Self.dcat("byteSize")) == RDFLiteral(String(bytes.count), datatype: XSD.decimal), "\(name)")
                guard case .blank(let checksum) = graph.objects(distribution, Self.spdx("checksum")).first else {
                    Issue.record("\(name) has no checksum node")
                    continue
                }
                #expect(Self.iris(graph.objects(checksum, Self.spdx("algorithm"))) == [Self.spdx("checksumAlgorithm_sha256")])
                #expect(Self.literal(graph, checksum, Self.spdx("checksumValue")) == RDFLiteral(SHA256.hex(of: bytes), datatype: XSD.hexBinary), "\(name)")
                #expect(Self.literal(graph, distribution, Self.dct("issued")) == RDFLiteral("2026-11-30", datatype: XSD.date))
            }
        }
        let expectedFiles = Self.describable.filter { file in
            context.writtenFiles[file] != nil && (file != .spreadsheetCSV || configuration.publication.spreadsheetCopy)
        }
        #expect(described.sorted() == expectedFiles.map(\.rawValue).sorted())
        #expect(described.contains("projects.csv") && described.contains("projects.jsonld") && described.contains("changes.rss"))

        // The published catalogue files are this graph, byte for byte.
        let rdf = try TestFiles.text(atPath: directory.file("public/catalog.rdf"))
        #expect(rdf == (try RDFXMLSerializer().string(graph)))
        let reader = try XMLStreamReader(path: directory.file("public/catalog.rdf"))
        #expect(reader.readToEnd().isEmpty)
        for (file, serializer) in [(OutputFile.catalogueTurtle, TurtleSerializer() as any RDFSerializer), (.catalogueJSONLD, JSONLDSerializer())] {
            let path = directory.file("public/\(file.rawValue)")
            if FileManager.default.fileExists(atPath: path) {
                #expect(try TestFiles.text(atPath: path) == (try serializer.string(graph)), "\(file.rawValue)")
            }
        }
    }

    @Test func theThreeExportersWriteTheSameGraphInTheirFormats() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let context = Self.context(try Self.settings())
        let portfolio = Self.portfolio()
        let graph = try DCATCatalogue.graph(PortfolioSummary(portfolio, referenceYear: 2026, keeping: 0), context: context)
        let exporters: [(any Exporter, any RDFSerializer)] = [
            (DCATExporter(), RDFXMLSerializer()), (DCATTurtleExporter(), TurtleSerializer()), (DCATJSONLDExporter(), JSONLDSerializer()),
        ]
        #expect(exporters.map(\.0.file) == [.catalogue, .catalogueTurtle, .catalogueJSONLD])
        for (exporter, serializer) in exporters {
            let path = directory.file(exporter.file.rawValue)
            let writer = try ByteFileWriter(path: path)
            try exporter.export(portfolio, context: context, to: writer)
            let written = try writer.finish()
            let text = try TestFiles.text(atPath: path)
            #expect(text == (try serializer.string(graph)))
            #expect(written.byteCount == text.utf8.count)
            #expect(exporter.isEnabled(in: context))
        }
        #expect(try JSONSerialization.jsonObject(with: Data(try TestFiles.bytes(atPath: directory.file("catalog.jsonld")))) is [String: Any])
    }

    // MARK: What is described

    @Test func everyDatasetAndDistributionIsComplete() throws {
        let settings = try Self.settings()
        let graph = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: Self.context(settings))
        let datasets = Self.datasets(graph)
        #expect(datasets.count == 3)
        let catalogue = RDFNode.iri(try IRI("\(settings.baseURL)/catalog"))
        #expect(graph.objects(catalogue, Self.dcat("dataset")) == datasets.map(\.term))
        for dataset in datasets {
            for predicate in ["title", "description"] {
                let languages = graph.objects(dataset, Self.dct(predicate)).compactMap { term -> String? in
                    if case .literal(let literal) = term { literal.language } else { nil }
                }
                #expect(languages.first == "de" && Set(languages).isSubset(of: ["de", "fr", "it", "en"]), "\(dataset) \(predicate)")
            }
            #expect(Self.iris(graph.objects(dataset, Self.dct("publisher"))) == [try IRI(settings.publisher.uri)])
            #expect(Self.iris(graph.objects(dataset, Self.dcat("landingPage"))) == [try IRI(settings.landingPage)])
            #expect(Self.iris(graph.objects(dataset, Self.dct("accrualPeriodicity")))
                    == [try IRI("http://publications.europa.eu/resource/authority/frequency/IRREG")])
            #expect(Self.iris(graph.objects(dataset, Self.dcat("theme")))
                    == [try IRI("http://publications.europa.eu/resource/authority/data-theme/GOVE")])
            #expect(Self.iris(graph.objects(dataset, Self.dct("language")))
                    == [try IRI("http://publications.europa.eu/resource/authority/language/DEU")])
            guard case .blank(let contact) = graph.objects(dataset, Self.dcat("contactPoint")).first else {
                Issue.record("no contact point")
                continue
            }
            #expect(Self.iris(graph.objects(contact, RDF.type)) == [try IRI("http://www.w3.org/2006/vcard/ns#Organization"),
                                                                     try IRI("http://www.w3.org/2006/vcard/ns#Kind")])
            #expect(Self.iris(graph.objects(contact, try IRI("http://www.w3.org/2006/vcard/ns#hasEmail"))) == [try IRI("mailto:opendata@bs.ch")])
            for distribution in Self.distributions(graph, of: dataset) {
                #expect(Self.iris(graph.objects(distribution, Self.dct("license"))) == [try IRI("http://dcat-ap.ch/vocabulary/licenses/terms_by")])
                #expect(graph.objects(distribution, Self.dct("format")).count == 1)
                #expect(Self.literal(graph, distribution, Self.dct("identifier")) != nil)
            }
        }
        // Linked resources carry the classes the DCAT-AP range shapes ask for.
        let types: [(String, String)] = [
            (settings.publisher.uri, "http://xmlns.com/foaf/0.1/Agent"), (settings.landingPage, "http://xmlns.com/foaf/0.1/Document"),
            (settings.licence.uri, Self.dct + "LicenseDocument"),
            ("http://publications.europa.eu/resource/authority/frequency/IRREG", Self.dct + "Frequency"),
            ("http://publications.europa.eu/resource/authority/file-type/CSV", Self.dct + "MediaTypeOrExtent"),
            ("https://www.iana.org/assignments/media-types/text/csv", Self.dct + "MediaType"),
            (Self.spdx + "checksumAlgorithm_sha256", Self.spdx + "ChecksumAlgorithm"),
        ]
        for (subject, type) in types {
            #expect(graph.contains(RDFTriple(.iri(try IRI(subject)), RDF.type, .iri(try IRI(type)))), "\(subject) a \(type)")
        }
    }

    @Test func formatsAndMediaTypesFollowTheEUAndIANAVocabularies() throws {
        let settings = try Self.settings()
        let graph = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: Self.context(settings))
        let base = "\(settings.baseURL)/dataset/digitalisierungs-kompass"
        let expected: [(String, String, String?)] = [
            ("\(base)/distribution/csv", "CSV", "text/csv"),
            ("\(base)/distribution/jsonld", "JSON_LD", "application/ld+json"),
            ("\(base)/distribution/rss", "RSS", nil),
            ("\(base)/distribution/atom", "ATOM", "application/atom+xml"),
            ("\(base)-handlungsfelder/distribution/csv", "CSV", "text/csv"),
        ]
        for (distribution, fileType, mediaType) in expected {
            let node = try IRI(distribution)
            #expect(Self.iris(graph.objects(node, Self.dct("format")))
                    == [try IRI("http://publications.europa.eu/resource/authority/file-type/\(fileType)")], "\(distribution)")
            #expect(Self.iris(graph.objects(node, Self.dcat("mediaType")))
                    == (try mediaType.map { [try IRI("https://www.iana.org/assignments/media-types/\($0)")] } ?? []), "\(distribution)")
        }
    }

    @Test func onlyFilesWrittenInThisRunAreDescribed() throws {
        let settings = try Self.settings()
        let graph = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: Self.context(settings, written: [.csv, .rss]))
        let datasets = Self.datasets(graph)
        #expect(datasets == [.iri(try IRI("\(settings.baseURL)/dataset/digitalisierungs-kompass"))])
        #expect(Self.distributions(graph, of: datasets[0]).map { ($0.value as NSString).lastPathComponent } == ["csv", "rss"])
        #expect(graph.subjects(RDF.type, Self.dcat("Distribution")).count == 2)

        // Nothing written that the catalogue describes: no dataset at all (a dataset needs a distribution).
        let empty = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: Self.context(settings, written: [.dataPackage]))
        #expect(Self.datasets(empty).isEmpty)
    }

    @Test func theSpreadsheetCopyIsDescribedOnlyWhenConfigured() throws {
        var settings = try Self.settings()
        settings.spreadsheetCopy = false
        let without = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: Self.context(settings))
        #expect(!without.triples.contains { $0.object == .iri(try! IRI("\(settings.baseURL)/projects-excel.csv")) })
        settings.spreadsheetCopy = true
        let with = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: Self.context(settings))
        let node = try IRI("\(settings.baseURL)/dataset/digitalisierungs-kompass/distribution/csv-excel")
        #expect(Self.iris(with.objects(node, Self.dcat("downloadURL"))) == [try IRI("\(settings.baseURL)/projects-excel.csv")])
        #expect(Self.literal(with, node, Self.dct("identifier")) == RDFLiteral("digitalisierungs-kompass-csv-excel"))
        #expect(Self.distributions(with, of: .iri(try IRI("\(settings.baseURL)/dataset/digitalisierungs-kompass"))).count == 5)
    }

    @Test func identifiersAndIRIsDependOnlyOnTheConfiguration() throws {
        let settings = try Self.settings()
        func identities(_ date: String, written: [OutputFile]) throws -> (iris: Set<IRI>, identifiers: [String]) {
            let graph = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0),
                                                context: Self.context(settings, referenceDate: CalendarDate(iso: date)!, written: written))
            let iris = Set(graph.triples.compactMap { if case .iri(let iri) = $0.subject { iri } else { nil } })
            let identifiers = graph.triples.filter { $0.predicate == Self.dct("identifier") }.compactMap { triple -> String? in
                if case .literal(let literal) = triple.object { literal.lexicalForm } else { nil }
            }
            return (iris, identifiers)
        }
        let one = try identities("2026-11-30", written: Self.describable)
        let two = try identities("2025-07-01", written: Self.describable.reversed())
        #expect(one.iris == two.iris)
        #expect(one.identifiers == two.identifiers)
        #expect(one.identifiers == [
            "digitalisierungs-kompass@kanton-basel-stadt", "digitalisierungs-kompass-csv", "digitalisierungs-kompass-jsonld",
            "digitalisierungs-kompass-rss", "digitalisierungs-kompass-atom",
            "digitalisierungs-kompass-handlungsfelder@kanton-basel-stadt", "digitalisierungs-kompass-handlungsfelder-csv",
            "digitalisierungs-kompass-verlauf@kanton-basel-stadt", "digitalisierungs-kompass-verlauf-csv",
        ])
    }

    // MARK: Dates

    @Test func datesComeFromTheFilesAndRollUp() throws {
        let settings = try Self.settings()
        var context = Self.context(settings, written: [.csv, .jsonLD, .fieldsCSV])
        func dates(_ issued: String, _ modified: String) -> FileDates {
            FileDates(issued: CalendarDate(iso: issued)!, modified: CalendarDate(iso: modified)!)
        }
        context.fileDates = [.csv: dates("2025-01-15", "2026-03-01"), .jsonLD: dates("2025-06-01", "2026-11-30"),
                             .fieldsCSV: dates("2026-01-01", "2026-02-01")]
        let graph = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: context)
        let base = "\(settings.baseURL)/dataset/digitalisierungs-kompass"
        func check(_ subject: String, _ issued: String, _ modified: String) throws {
            let node = try IRI(subject)
            #expect(Self.literal(graph, node, Self.dct("issued")) == RDFLiteral(issued, datatype: XSD.date), "\(subject)")
            #expect(Self.literal(graph, node, Self.dct("modified")) == RDFLiteral(modified, datatype: XSD.date), "\(subject)")
        }
        try check("\(base)/distribution/csv", "2025-01-15", "2026-03-01")
        try check("\(base)/distribution/jsonld", "2025-06-01", "2026-11-30")
        try check(base, "2025-01-15", "2026-11-30")
        try check("\(base)-handlungsfelder/distribution/csv", "2026-01-01", "2026-02-01")
        try check("\(base)-handlungsfelder", "2026-01-01", "2026-02-01")
        try check("\(settings.baseURL)/catalog", "2025-01-15", "2026-11-30")
    }

    @Test func everyDateIsTypedAndTheTemporalCoverageHasBothEnds() throws {
        let graph = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: Self.context(try Self.settings()))
        let datePredicates = ["issued", "modified"].map(Self.dct) + ["startDate", "endDate"].map(Self.dcat)
        for triple in graph.triples where datePredicates.contains(triple.predicate) {
            guard case .literal(let literal) = triple.object else { Issue.record("\(triple)"); continue }
            #expect(literal.datatype == XSD.date && CalendarDate(iso: literal.lexicalForm) != nil)
        }
        for dataset in Self.datasets(graph) {
            guard case .blank(let period) = graph.objects(dataset, Self.dct("temporal")).first else {
                Issue.record("no temporal coverage")
                continue
            }
            #expect(Self.literal(graph, period, Self.dcat("startDate")) == RDFLiteral("2019-01-01", datatype: XSD.date))
            #expect(Self.literal(graph, period, Self.dcat("endDate")) == RDFLiteral("2027-12-31", datatype: XSD.date))
        }
        // No projects: no temporal coverage rather than a half one.
        let empty = try DCATCatalogue.graph(PortfolioSummary(Portfolio(projects: []), referenceYear: 2026, keeping: 0), context: Self.context(try Self.settings()))
        #expect(!empty.triples.contains { $0.predicate == Self.dct("temporal") })
    }

    // MARK: Languages and escaping

    @Test func literalsUseOnlyDeFrItEnAndTheLongTableSpeaksAllFour() throws {
        let settings = try Self.settings()
        let graph = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: Self.context(settings))
        for triple in graph.triples {
            if case .literal(let literal) = triple.object, let language = literal.language {
                #expect(["de", "fr", "it", "en"].contains(language))
            }
        }
        let longTable = try IRI("\(settings.baseURL)/dataset/digitalisierungs-kompass-handlungsfelder")
        for predicate in ["title", "description"] {
            let languages = graph.objects(longTable, Self.dct(predicate)).compactMap { term -> String? in
                if case .literal(let literal) = term { literal.language } else { nil }
            }
            #expect(languages == ["de", "fr", "it", "en"])
        }
        let keywords = graph.objects(longTable, Self.dcat("keyword"))
        #expect(keywords.contains(.literal(try RDFLiteral("handlungsfelder", language: "de"))))
        #expect(keywords.contains(.literal(try RDFLiteral("fields-of-action", language: "en"))))
        // The configuration gives keywords in all four languages (issue 15): the dataset's own one is added in each.
        #expect(keywords.contains(.literal(try RDFLiteral("champs-d-action", language: "fr"))))
        #expect(keywords.contains(.literal(try RDFLiteral("campi-d-azione", language: "it"))))
        #expect(keywords.contains(.literal(try RDFLiteral("numérisation", language: "fr"))))
    }

    @Test func configuredTextsAreEscapedInEveryFormat() throws {
        var settings = try Self.settings()
        let title = "Kompass \"2026\" <Basel> & Co.\nzweite Zeile \\ Ende"
        settings.title = LocalizedText(de: title, en: "plain")
        settings.contact.name = "Open Data <BS> & \"Team\""
        let graph = try DCATCatalogue.graph(PortfolioSummary(Self.portfolio(), referenceYear: 2026, keeping: 0), context: Self.context(settings))

        let xml = try RDFXMLSerializer().string(graph)
        let events = try RDFXMLSerializerTests.events(xml)
        #expect(RDFXMLSerializerTests.texts(events, "title").contains(title))
        #expect(RDFXMLSerializerTests.texts(events, "fn") == [settings.contact.name, settings.contact.name, settings.contact.name],
                "one contact point per dataset")

        let turtle = try TurtleSerializer().string(graph)
        #expect(turtle.contains(#"dct:title "Kompass \"2026\" <Basel> & Co.\nzweite Zeile \\ Ende"@de"#))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONLDSerializer().string(graph).utf8)) as? [String: Any])
        let nodes = try #require(json["@graph"] as? [[String: Any]])
        let catalogue = try #require(nodes.first { $0["@id"] as? String == "\(settings.baseURL)/catalog" })
        #expect((catalogue["dct:title"] as? [[String: String]])?.first == ["@value": title, "@language": "de"])
    }
}
