import Foundation
import KompassCore

/// One fuzz target: takes any bytes and must neither crash, hang nor grow without bound. Findings and thrown
/// errors are the expected outcome of most inputs.
protocol FuzzTarget {
    func run(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// The targets of `kompass-fuzz`, by the name KOMPASS_FUZZ_TARGET gives.
enum TargetKind: String, CaseIterable {
    case pageText = "page-text"
    case csv
    case json
    case jsonl
    case xml
    case xmlXSD = "xml-xsd"
    case normaliseValidate = "normalise-validate"
    case config

    func make(workspace: Workspace) throws -> any FuzzTarget {
        switch self {
        case .pageText:
            return try PageTextTarget(workspace: workspace)
        case .csv:
            return try StructuredTarget(workspace: workspace, example: "config/examples/csv.json", importer: CSVImporter())
        case .json:
            return try StructuredTarget(workspace: workspace, example: "config/examples/json.json", importer: JSONImporter())
        case .jsonl:
            return try StructuredTarget(workspace: workspace, example: "config/examples/jsonl.json",
                                        importer: JSONImporter(lines: true))
        case .xml:
            return try StructuredTarget(workspace: workspace, example: "config/examples/xml.json", importer: XMLImporter(),
                                        keepsSchema: false)
        case .xmlXSD:
            return try StructuredTarget(workspace: workspace, example: "config/examples/xml.json", importer: XMLImporter(),
                                        keepsSchema: true)
        case .normaliseValidate:
            return try NormaliseValidateTarget(workspace: workspace)
        case .config:
            return try ConfigTarget(workspace: workspace)
        }
    }
}

/// What a run does with the findings of a source before it prints them: groups them (`FindingList`), picks
/// the entries of the report, reads the lines they point at back from the source and cuts the excerpts with
/// their carets (as `kompass validate` and the HTML report do), and words every message in both languages.
func report(_ findings: [Finding]) {
    let list = FindingList(findings, retainPerGroup: 5)
    let entries = list.entries(examples: 3)
    let lines = SourceExcerpt.lines(at: entries.compactMap(\.first.location))
    var length = 0
    for entry in entries {
        for finding in entry.examples {
            length += finding.message(in: .en).utf8.count + finding.message(in: .de).utf8.count
            length += (finding.hint(in: .en)?.utf8.count ?? 0) + (finding.hint(in: .de)?.utf8.count ?? 0)
            length += finding.location?.description.utf8.count ?? 0
            if let location = finding.location, let text = lines[location.file]?[location.line] {
                let excerpt = SourceExcerpt(line: location.line, fullLine: text, column: location.column)
                length += excerpt.text.utf8.count + (excerpt.column ?? 0)
            }
        }
    }
    blackHole(length)
}

/// Keeps the optimiser from dropping work whose result is not used otherwise.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

// MARK: - page-text

/// The page text as the default run reads it: `PortfolioLoader` with the one page-text source of
/// `config/kompass.json` and its register (importer, normaliser, register matching, the causes of unread blocks).
/// The loader reads the page text on the calling thread (it is never read ahead), so the target stays single-threaded.
struct PageTextTarget: FuzzTarget {
    let source: SourceConfiguration
    let input: String

    init(workspace: Workspace) throws {
        let configuration = try ConfigurationLoader().load(path: workspace.repo("config/kompass.json"))
        guard var source = configuration.sources.first, source.format == .pageText else {
            throw SetupError("config/kompass.json does not read a page text first")
        }
        input = workspace.temp("digital-basel-umsetzung.txt")
        source.path = input
        self.source = source
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        writeFile(input, bytes)
        guard let result = try? PortfolioLoader().load([source]) else { return }
        blackHole(result.portfolio.projects.count + result.incompleteProjects)
        report(result.findings)
    }
}

// MARK: - csv, json, jsonl, xml, xml-xsd

/// A structured source as its example configuration (`config/examples/*.json`) reads it: its importer with the
/// example's mapping and options, and each record through the normaliser, as `PortfolioLoader` does for one
/// source, but on the calling thread (the loader reads one structured source ahead on a second thread, which
/// costs more than a small input and makes runs less repeatable).
struct StructuredTarget: FuzzTarget {
    let importer: any RecordImporter
    let request: ImportRequest
    let normaliser: Normaliser

    init(workspace: Workspace, example: String, importer: any RecordImporter, keepsSchema: Bool = true) throws {
        let configuration = try ConfigurationLoader().load(path: workspace.repo(example))
        guard let source = configuration.sources.first else { throw SetupError("\(example) names no source") }
        var options = source.options
        if !keepsSchema {
            options.xmlSchemaPath = nil
        } else if source.format == .xml, options.xmlSchemaPath == nil {
            throw SetupError("\(example) names no XML schema")
        }
        let ext = source.path.split(separator: ".").last.map(String.init) ?? "txt"
        request = ImportRequest(path: workspace.temp("input.\(ext)"), fields: source.mapping.usedSourceFields,
                                options: options, synonyms: source.mapping.columnSynonyms)
        normaliser = Normaliser(mapping: source.mapping)
        self.importer = importer
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        writeFile(request.path, bytes)
        var normalised: [Finding] = []
        var complete = 0
        let findings: [Finding]
        do {
            let sourceFindings = try importer.read(request) { record in
                let (draft, recordFindings) = normaliser.draft(record)
                if draft.project != nil { complete += 1 }
                normalised += recordFindings
            }
            findings = sourceFindings + normalised
        } catch {
            blackHole("\(error)")
            return
        }
        blackHole(complete)
        report(findings)
    }
}
