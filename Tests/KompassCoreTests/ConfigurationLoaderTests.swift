import Foundation
import Testing
@testable import KompassCore

@Suite("ConfigurationLoader")
struct ConfigurationLoaderTests {
    /// The real configuration as a JSON object, to edit.
    static func realObject() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.configPath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Writes `object` as kompass.json into a fresh folder and loads it; returns the error if it throws.
    static func load(_ object: [String: Any]) throws -> Result<Configuration, ConfigurationError> {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let path = try directory.write("kompass.json", bytes: [UInt8](data))
        do {
            return .success(try ConfigurationLoader().load(path: path))
        } catch let error as ConfigurationError {
            #expect(error.path == path)
            return .failure(error)
        }
    }

    static func expectError(_ object: [String: Any], keyPath: String, mentioning words: [String] = [],
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        switch try load(object) {
        case .success:
            Issue.record("expected a ConfigurationError at '\(keyPath)'", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(error.keyPath == keyPath, "\(error)", sourceLocation: sourceLocation)
            for word in words {
                #expect(error.message.contains(word) || error.description.contains(word), "'\(word)' in \(error)",
                        sourceLocation: sourceLocation)
            }
            #expect(error.description.contains(keyPath), sourceLocation: sourceLocation)
        }
    }

    static func editing(_ path: [String], _ value: Any?) throws -> [String: Any] {
        var object = try realObject()
        func set(_ dictionary: inout [String: Any], _ keys: ArraySlice<String>) {
            guard let key = keys.first else { return }
            if keys.count == 1 {
                dictionary[key] = value
            } else {
                var inner = dictionary[key] as? [String: Any] ?? [:]
                set(&inner, keys.dropFirst())
                dictionary[key] = inner
            }
        }
        set(&object, path[...])
        return object
    }

    @Test func theRealConfigurationLoads() throws {
        let configuration = try ConfigurationLoader().load(path: TestFiles.configPath)
        let folder = TestFiles.path("config")
        #expect(configuration.version == 1)
        #expect(configuration.path == TestFiles.configPath)
        #expect(configuration.sources.count == 1)
        let source = try #require(configuration.sources.first)
        #expect(source.path == folder + "/sources/digital-basel-umsetzung.txt")
        #expect(source.format == .pageText)
        #expect(source.register == folder + "/sources/register.csv")
        // "../output" from config/ is the repository's output folder ("config/../output" collapsed).
        #expect(configuration.outputDirectory == TestFiles.path("output"))
        #expect(FileManager.default.fileExists(atPath: source.path))
        #expect(FileManager.default.fileExists(atPath: try #require(source.register)))
        let publication = configuration.publication
        #expect(publication.baseURL == "https://opendata.example.org/kompass")
        #expect(publication.organisationSlug == "kanton-basel-stadt")
        #expect(publication.datasetID == "digitalisierungs-kompass")
        #expect(publication.issued == CalendarDate(iso: "2026-11-30"))
        #expect(publication.publisher.uri == "https://www.bs.ch/")
        #expect(publication.publisher.name.fr == "Canton de Bâle-Ville")
        #expect(publication.contact == .init(name: "Open Data Basel-Stadt", email: "opendata@bs.ch"))
        #expect(publication.licence == .by)
        #expect(publication.licence.uri == "http://dcat-ap.ch/vocabulary/licenses/terms_by")
        #expect(publication.title.de == "Digitalisierungs-Kompass: Vorhaben der kantonalen Verwaltung")
        #expect(Language.allCases.allSatisfy { publication.description[$0]?.isEmpty == false })
        #expect(publication.keywords[.de] == ["digitalisierung", "verwaltung", "e-government", "projekte"])
        #expect(publication.keywords[.fr] == ["numérisation", "administration-publique", "cyberadministration", "projets"])
        #expect(publication.themes == ["GOVE"])
        #expect(publication.frequency == "IRREG")
        #expect(publication.landingPage == "https://opendata.example.org/kompass/")
        #expect(publication.vocabularyBase == "https://opendata.example.org/kompass/vocab/")
        #expect(publication.url(of: "projects.csv") == "https://opendata.example.org/kompass/projects.csv")
    }

    @Test func unknownKeyAtTheTop() throws {
        try Self.expectError(try Self.editing(["outputs"], "x"), keyPath: "outputs", mentioning: ["not a known key"])
    }

    @Test func unknownKeyDeepInside() throws {
        try Self.expectError(try Self.editing(["publication", "contact", "phone"], "061 000 00 00"),
                             keyPath: "publication.contact.phone")
        try Self.expectError(try Self.editing(["publication", "title", "rm"], "Rumantsch"), keyPath: "publication.title.rm")
        try Self.expectError(try Self.editing(["publication", "licence_"], "terms_by"), keyPath: "publication.licence_")
    }

    @Test func unknownKeyInASource() throws {
        var object = try Self.realObject()
        object["sources"] = [["path": "sources/x.txt", "format": "page-text", "regsiter": "r.csv"]]
        try Self.expectError(object, keyPath: "sources[0].regsiter")
    }

    @Test(arguments: [99, 2, 0, -1])
    func unsupportedVersion(version: Int) throws {
        try Self.expectError(try Self.editing(["version"], version), keyPath: "version", mentioning: ["\(version)"])
    }

    @Test func unsupportedVersionIsReportedBeforeUnknownKeys() throws {
        // A newer file may have new keys: the version is what is wrong.
        var object = try Self.editing(["version"], 2)
        object["newFeature"] = true
        try Self.expectError(object, keyPath: "version")
    }

    @Test func versionMustBeAWholeNumber() throws {
        try Self.expectError(try Self.editing(["version"], "1"), keyPath: "version")
        try Self.expectError(try Self.editing(["version"], 1.5), keyPath: "version")
        try Self.expectError(try Self.editing(["version"], true), keyPath: "version")
        try Self.expectError(try Self.editing(["version"], nil), keyPath: "version", mentioning: ["missing"])
    }

    @Test(arguments: ["opendata-at-bs.ch", "opendata@bs", "@bs.ch", "a@b@c.ch", "open data@bs.ch", ""])
    func badEmail(email: String) throws {
        try Self.expectError(try Self.editing(["publication", "contact", "email"], email), keyPath: "publication.contact.email")
    }

    @Test(arguments: ["cc-by", "terms-by", "TERMS_BY", ""])
    func badLicence(licence: String) throws {
        try Self.expectError(try Self.editing(["publication", "licence"], licence), keyPath: "publication.licence")
    }

    @Test func missingPublication() throws {
        try Self.expectError(try Self.editing(["publication"], nil), keyPath: "publication", mentioning: ["missing"])
    }

    @Test func missingPieces() throws {
        try Self.expectError(try Self.editing(["publication", "contact"], nil), keyPath: "publication.contact")
        try Self.expectError(try Self.editing(["publication", "title", "de"], nil), keyPath: "publication.title.de")
        try Self.expectError(try Self.editing(["output"], nil), keyPath: "output")
        try Self.expectError(try Self.editing(["sources"], [Any]()), keyPath: "sources")
    }

    /// The catalogue's texts are published in de, fr, it and en: a missing language is an error naming it, at its object.
    @Test func everyLanguageIsRequired() throws {
        for language in ["de", "fr", "it", "en"] {
            for path in [["publication", "title"], ["publication", "description"], ["publication", "publisher", "name"],
                         ["publication", "keywords"]] {
                try Self.expectError(try Self.editing(path + [language], nil), keyPath: (path + [language]).joined(separator: "."),
                                     mentioning: ["missing", "de, fr, it and en", "\"\(language)\""])
            }
            try Self.expectError(try Self.editing(["publication", "keywords", language], [String]()),
                                 keyPath: "publication.keywords.\(language)", mentioning: ["at least one"])
            try Self.expectError(try Self.editing(["publication", "title", language], " "), keyPath: "publication.title.\(language)")
        }
        try Self.expectError(try Self.editing(["publication", "keywords"], nil), keyPath: "publication.keywords", mentioning: ["missing"])
        try Self.expectError(try Self.editing(["publication", "translatedBy"], 3), keyPath: "publication.translatedBy")
    }

    /// The landing page's dataset markup gives search engines the German description: 50 to 5,000 characters.
    @Test func theGermanDescriptionFitsTheDatasetMarkup() throws {
        for length in [49, 5_001] {
            try Self.expectError(try Self.editing(["publication", "description", "de"], String(repeating: "ä", count: length)),
                                 keyPath: "publication.description.de", mentioning: ["\(length) characters", "50 to 5,000"])
        }
        for length in [50, 5_000] {
            let text = String(repeating: "ä", count: length)
            #expect(try Self.load(try Self.editing(["publication", "description", "de"], text)).get().publication.description.de == text)
        }
        try Self.expectError(try Self.editing(["publication", "spatialCoverage"], " "), keyPath: "publication.spatialCoverage")
        var withoutPlace = try Self.realObject()
        var publication = try #require(withoutPlace["publication"] as? [String: Any])
        publication["spatialCoverage"] = nil
        withoutPlace["publication"] = publication
        #expect(try Self.load(withoutPlace).get().publication.place == "Kanton Basel-Stadt")
        #expect(try Self.load(try Self.realObject()).get().publication.spatialCoverage == "Kanton Basel-Stadt")
    }

    /// The missing language's error points at the object that lacks it, and says so in German too.
    @Test func aMissingLanguageIsLocated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = """
        {"version": 1, "sources": [{"path": "a.txt", "format": "page-text"}], "output": "out",
         "publication": {"baseURL": "https://example.org/k", "organisationSlug": "o", "datasetID": "d", "issued": "2026-01-01",
          "publisher": {"uri": "https://example.org/", "name": {"de": "A", "fr": "A", "it": "A", "en": "A"}},
          "contact": {"name": "C", "email": "c@example.org"}, "licence": "terms_by",
          "title": {"de": "T", "fr": "T", "it": "T", "en": "T"},
          "description": {"de": "D", "fr": "D",
                          "en": "D"},
          "keywords": {"de": ["k"], "fr": ["k"], "it": ["k"], "en": ["k"]}}}
        """
        let path = try directory.write("kompass.json", bytes: Array(text.utf8))
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader().load(path: path) }
        do {
            _ = try ConfigurationLoader().load(path: path)
        } catch let error as ConfigurationError {
            #expect(error.keyPath == "publication.description.it")
            #expect(error.line == 6)
            #expect(error.description(in: .de).contains("Italienisch"))
            #expect(error.description(in: .en).contains("Italian"))
        }
    }

    @Test func otherBadValues() throws {
        try Self.expectError(try Self.editing(["publication", "baseURL"], "ftp://example.org"), keyPath: "publication.baseURL")
        try Self.expectError(try Self.editing(["publication", "organisationSlug"], "Kanton BS"), keyPath: "publication.organisationSlug")
        try Self.expectError(try Self.editing(["publication", "issued"], "2026-02-30"), keyPath: "publication.issued")
        try Self.expectError(try Self.editing(["publication", "publisher", "uri"], "www.bs.ch"), keyPath: "publication.publisher.uri")
        try Self.expectError(try Self.editing(["publication", "themes"], ["gove"]), keyPath: "publication.themes")
        try Self.expectError(try Self.editing(["publication", "keywords", "de"], ["", "x"]), keyPath: "publication.keywords.de")
        try Self.expectError(try Self.editing(["publication", "vocabularyBase"], "https://example.org/vocab"), keyPath: "publication.vocabularyBase")
        try Self.expectError(try Self.editing(["publication"], "not an object"), keyPath: "publication")
        try Self.expectError(try Self.editing(["output"], "   "), keyPath: "output")
        try Self.expectError(try Self.editing(["publication", "landingPageLimit"], 0), keyPath: "publication.landingPageLimit")
        try Self.expectError(try Self.editing(["publication", "landingPageLimit"], 2.5), keyPath: "publication.landingPageLimit")
    }

    @Test func guardAndRetiredListsAreReadAndChecked() throws {
        let defaults = try Self.load(try Self.realObject()).get()
        #expect(defaults.guardSettings.maxShrink == GuardSettings.defaultMaxShrink)
        #expect(defaults.sources.allSatisfy { $0.retired.isEmpty })
        let tuned = try Self.load(try Self.editing(["guard", "maxShrink"], 0.5)).get()
        #expect(tuned.guardSettings.maxShrink == 0.5)
        try Self.expectError(try Self.editing(["guard", "maxShrink"], 1.5), keyPath: "guard.maxShrink", mentioning: ["0 to 1"])
        try Self.expectError(try Self.editing(["guard", "maxShrink"], true), keyPath: "guard.maxShrink")
        try Self.expectError(try Self.editing(["guard", "share"], 0.5), keyPath: "guard.share")

        var object = try Self.realObject()
        var sources = try #require(object["sources"] as? [[String: Any]])
        sources[0]["retired"] = ["e-voting", "alt"]
        object["sources"] = sources
        #expect(try Self.load(object).get().sources[0].retired == ["e-voting", "alt"])
        sources[0]["retired"] = ["e-voting", 7]
        object["sources"] = sources
        try Self.expectError(object, keyPath: "sources[0].retired[1]", mentioning: ["project identifier"])
    }

    @Test func landingPageLimitDefaultsAndCanBeSet() throws {
        let defaults = try Self.load(try Self.realObject()).get()
        #expect(defaults.publication.landingPageLimit == PublicationSettings.defaultLandingPageLimit)
        let set = try Self.load(try Self.editing(["publication", "landingPageLimit"], 500)).get()
        #expect(set.publication.landingPageLimit == 500)
    }

    @Test func badSourceFormat() throws {
        var object = try Self.realObject()
        object["sources"] = [["path": "sources/x.txt", "format": "pdf"]]
        try Self.expectError(object, keyPath: "sources[0].format", mentioning: ["pdf"])
        object["sources"] = [["path": "sources/x.unknown"]]
        try Self.expectError(object, keyPath: "sources[0].format")
    }

    @Test func formatIsImpliedByTheExtension() throws {
        var object = try Self.realObject()
        object["sources"] = [["path": "a.txt", "register": "r.csv"], ["path": "b.TXT", "register": "r.csv"]]
        let configuration = try Self.load(object).get()
        #expect(configuration.sources.map(\.format) == [.pageText, .pageText])
        #expect(SourceFormat(pathExtensionOf: "dir.v2/b.CSV") == .csv)
        #expect(SourceFormat(pathExtensionOf: "c.ndjson") == .jsonl)
        #expect(SourceFormat(pathExtensionOf: "d.xml") == .xml)
        #expect(SourceFormat(pathExtensionOf: "e.json") == .json)
        #expect(SourceFormat(pathExtensionOf: "noextension") == nil)
        #expect(SourceFormat(pathExtensionOf: "f.pdf") == nil)
    }

    @Test func invalidJSON() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("kompass.json", text: "{\"version\": 1,")
        let error = try #require(throws: ConfigurationError.self) { try ConfigurationLoader().load(path: path) }
        #expect(error.keyPath == "")
        #expect(error.line == 1 && error.column == 15, "\(error)")
        #expect(error.message.contains("the file ends inside the object"), "\(error)")
        let array = try directory.write("array.json", text: "[1, 2]")
        let notAnObject = try #require(throws: ConfigurationError.self) { try ConfigurationLoader().load(path: array) }
        #expect(notAnObject.message == "must be an object, not an array")
        #expect(notAnObject.line == 1 && notAnObject.column == 1)
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: IOError.self) { try ConfigurationLoader().load(path: "/nonexistent/kompass.json") }
    }

    @Test func relativePathsResolveAgainstTheConfigurationsFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var object = try Self.realObject()
        object["sources"] = [
            ["path": "sources/page.txt", "format": "page-text", "register": "../shared/register.csv"],
            ["path": "/absolute/other.txt", "register": "/absolute/register.csv"],
        ]
        object["output"] = "out/public"
        let data = try JSONSerialization.data(withJSONObject: object)
        let folder = try directory.makeDirectory("deep/config")
        let path = try directory.write("deep/config/kompass.json", bytes: [UInt8](data))
        let configuration = try ConfigurationLoader().load(path: path)
        #expect(configuration.sources[0].path == folder + "/sources/page.txt")
        // "deep/config/../shared" is written without the "..".
        #expect(configuration.sources[0].register == directory.path + "/deep/shared/register.csv")
        #expect(configuration.sources[1].path == "/absolute/other.txt")
        #expect(configuration.sources[1].format == .pageText)
        #expect(configuration.sources[1].register == "/absolute/register.csv")
        #expect(configuration.outputDirectory == folder + "/out/public")
    }
}
