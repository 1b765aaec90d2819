import Foundation
import KompassXML

/// Checks the staged outputs before anything becomes visible: every XML file well-formed (read back
/// with libxml2), every JSON file parseable, the CSV's header and row count, the catalogue's
/// identifier and licences, the feed's guids. A failure is an error finding: nothing is published.
public struct SelfCheck: Sendable {
    public var projectCount: Int

    public init(projectCount: Int) {
        self.projectCount = projectCount
    }

    /// Checks each of `files` as staged by `publisher`, but those `checkedWhileWritten` (their findings are
    /// the written-bytes checks').
    public func check(staged publisher: Publisher, files: [OutputFile], checkedWhileWritten: Set<OutputFile> = []) -> [Finding] {
        check(directory: publisher.stagingDirectory, files: files.filter { !checkedWhileWritten.contains($0) })
    }

    /// The files a run checks as it writes them (on a thread of their own), instead of reading them back.
    /// Only `projects.csv`: the JSON-LD's key check decodes every string, and fed while the pass runs it cost
    /// more (12.0–12.4 s against 9.7–10.6 s for 100,000 projects on 2 cores) than reading it back after.
    static let checkedAsWritten: Set<OutputFile> = [.csv]

    /// The checks of a file's bytes, fed as it is written or read back: the CSV's values, the JSON-LD's
    /// syntax and keys; nil for the files checked whole (XML, the small JSON files).
    static func streamingChecks(for file: OutputFile) -> [any OutputCheck]? {
        switch file {
        case .csv: [CSVOutputCheck()]
        case .jsonLD: [JSONSyntaxCheck(file: .jsonLD), JSONLDKeyCheck()]
        default: nil
        }
    }

    /// Checks each of `files` in `directory`, read back. The long reads (the CSV, the JSON-LD's syntax and its
    /// keys) run at the same time; the small files follow on one thread (libxml2 readers stay on it). The
    /// findings come in the order of `files`, as from one pass.
    public func check(directory: String, files: [OutputFile]) -> [Finding] {
        var checks: [@Sendable () -> [Finding]] = []
        var small: [OutputFile] = []
        let projectCount = self.projectCount
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.rawValue)
            if let streaming = SelfCheck.streamingChecks(for: file) {
                for index in streaming.indices {
                    checks.append {
                        var check = SelfCheck.streamingChecks(for: file)![index]
                        return check.check(fileAt: path, projectCount: projectCount)
                            ?? [selfCheckFailure(file, Bilingual(en: "cannot be read back", de: "kann nicht zurückgelesen werden"))]
                    }
                }
            } else {
                small.append(file)
            }
        }
        let smallFiles = small
        checks.append { smallFiles.flatMap { checkSmall(directory: directory, file: $0) } }
        let slots = ParallelChunks.Slots<[Finding]>(count: checks.count)
        let all = checks
        DispatchQueue.concurrentPerform(iterations: all.count) { index in
            slots.set(index, all[index]())
        }
        return slots.values.flatMap { $0 ?? [] }
    }

    private func checkSmall(directory: String, file: OutputFile) -> [Finding] {
        let path = (directory as NSString).appendingPathComponent(file.rawValue)
        switch file {
        case .dataPackage, .jsonLDContext, .vocabularyJSONLD, .csvMetadata, .catalogueJSONLD:
            var check = JSONSyntaxCheck(file: file)
            return check.check(fileAt: path, projectCount: projectCount)
                ?? [failure(file, Bilingual(en: "cannot be read back", de: "kann nicht zurückgelesen werden"))]
        case .rss: return checkXML(path, file, inspect: RSSInspection())
        case .catalogue: return checkXML(path, file, inspect: CatalogueInspection())
        case .atom: return checkXML(path, file, inspect: NoInspection())
        case .csv, .jsonLD, .fieldsCSV, .historyCSV, .spreadsheetCSV, .landingPage, .catalogueTurtle, .vocabularyTurtle: return []
        }
    }

    private func failure(_ file: OutputFile, _ message: Bilingual, line: Int = 0, column: Int? = nil) -> Finding {
        selfCheckFailure(file, message, line: line, column: column)
    }

    private func checkXML(_ path: String, _ file: OutputFile, inspect: some XMLInspection) -> [Finding] {
        let reader: XMLStreamReader
        do { reader = try XMLStreamReader(path: path) } catch {
            return [failure(file, Bilingual(en: "cannot be read back", de: "kann nicht zurückgelesen werden"))]
        }
        var inspection = inspect
        while let event = reader.next() { inspection.observe(event) }
        var findings = reader.problems.map {
            failure(file, Bilingual(en: "is not well-formed: \($0.message)", de: "ist kein wohlgeformtes XML: \($0.message)"),
                    line: $0.line, column: $0.column)
        }
        findings += inspection.problems(projectCount: projectCount).map { failure(file, $0) }
        return findings
    }
}

/// Structural checks on one XML output, fed event by event.
protocol XMLInspection {
    mutating func observe(_ event: XMLEvent)
    func problems(projectCount: Int) -> [Bilingual]
}

/// Well-formedness only.
struct NoInspection: XMLInspection {
    mutating func observe(_ event: XMLEvent) {}
    func problems(projectCount: Int) -> [Bilingual] { [] }
}

/// The feed: one item per project on a first run, each with a unique guid and a pubDate.
struct RSSInspection: XMLInspection {
    private var items = 0
    private var guids: [String] = []
    private var problemsFound: [Bilingual] = []
    private var current: String?
    private var text = ""

    mutating func observe(_ event: XMLEvent) {
        switch event {
        case .startElement(let name, let attributes, _, _):
            if name.localName == "item" { items += 1 }
            if name.localName == "guid", attributes.first(where: { $0.name.localName == "isPermaLink" })?.value != "false" {
                problemsFound.append(Bilingual(en: "a guid is not marked isPermaLink=\"false\"",
                                               de: "eine guid ist nicht mit isPermaLink=\"false\" markiert"))
            }
            current = name.namespaceURI == nil ? name.localName : nil
            text = ""
        case .text(let value, _):
            if current != nil { text += value }
        case .endElement(let name, _):
            guard name.namespaceURI == nil else { return }
            switch name.localName {
            case "guid": guids.append(text)
            case "pubDate", "lastBuildDate":
                if let problem = RFC822Date.problem(in: text) {
                    problemsFound.append(Bilingual(en: "the date \(problem)", de: "das Datum \(problem)"))
                }
            case "link":
                if !(text.hasPrefix("https://") || text.hasPrefix("http://")) {
                    problemsFound.append(Bilingual(en: "the link '\(text)' is not absolute", de: "der Link '\(text)' ist nicht absolut"))
                }
            default: break
            }
            current = nil
        }
    }

    func problems(projectCount: Int) -> [Bilingual] {
        var problems = problemsFound
        if Set(guids).count != guids.count || guids.count != items {
            problems.append(Bilingual(en: "has missing or repeated guids", de: "hat fehlende oder wiederholte guids"))
        }
        return problems
    }
}

/// The catalogue: a dataset identifier of the form `<id>@<slug>`, exactly one licence per distribution.
struct CatalogueInspection: XMLInspection {
    private static let dcat = "http://www.w3.org/ns/dcat#"
    private static let dct = "http://purl.org/dc/terms/"
    private var depth: [XMLName] = []
    private var identifiers: [String] = []
    private var distributions = 0
    private var licences = 0
    private var untypedDates: [String] = []
    private var text = ""
    private static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    /// Properties whose value is a date: an untyped one is silently dropped by the harvester.
    private static let dateProperties: Set<XMLName> = [
        XMLName(namespaceURI: dct, localName: "issued"), XMLName(namespaceURI: dct, localName: "modified"),
        XMLName(namespaceURI: dcat, localName: "startDate"), XMLName(namespaceURI: dcat, localName: "endDate"),
    ]

    mutating func observe(_ event: XMLEvent) {
        switch event {
        case .startElement(let name, let attributes, let isEmpty, let line):
            if name == XMLName(namespaceURI: Self.dcat, localName: "Distribution") { distributions += 1 }
            if name == XMLName(namespaceURI: Self.dct, localName: "license") { licences += 1 }
            if Self.dateProperties.contains(name),
               !attributes.contains(where: { $0.name == XMLName(namespaceURI: Self.rdf, localName: "datatype") }) {
                untypedDates.append("\(name.localName) (line \(line))")
            }
            text = ""
            if !isEmpty { depth.append(name) }
        case .text(let value, _):
            text += value
        case .endElement(let name, _):
            if name == XMLName(namespaceURI: Self.dct, localName: "identifier"),
               depth.dropLast().last == XMLName(namespaceURI: Self.dcat, localName: "Dataset") {
                identifiers.append(text)
            }
            depth.removeLast()
        }
    }

    func problems(projectCount: Int) -> [Bilingual] {
        var problems: [Bilingual] = []
        if identifiers.isEmpty {
            problems.append(Bilingual(en: "has no dataset identifier", de: "hat keine Datensatz-Kennung"))
        }
        for identifier in identifiers where !CatalogueInspection.isHarvestIdentifier(identifier) {
            problems.append(Bilingual(en: "the dataset identifier '\(identifier)' is not of the form <id>@<organisation-slug>",
                                      de: "die Datensatz-Kennung '\(identifier)' hat nicht die Form <id>@<organisation-slug>"))
        }
        for date in untypedDates {
            problems.append(Bilingual(en: "the date \(date) has no datatype: harvesters drop untyped dates",
                                      de: "das Datum \(date) hat keinen Datentyp: Harvester verwerfen Daten ohne Typ"))
        }
        if distributions == 0 || licences != distributions {
            problems.append(Bilingual(en: "has \(licences) licences for \(distributions) distributions",
                                      de: "hat \(licences) Lizenzen für \(distributions) Distributionen"))
        }
        return problems
    }

    static func isHarvestIdentifier(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let idOK = parts[0].utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) || $0 == 45 || $0 == 95 }
        let slugOK = parts[1].utf8.allSatisfy { (48...57).contains($0) || (97...122).contains($0) || $0 == 45 || $0 == 95 }
        return idOK && slugOK
    }
}
