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
/// `input`: the presented input the findings name (its excerpts are read from its file, as a pipe reads only once).
func report(_ findings: [Finding], projects: Int, input: InputFile.Presented? = nil, file: String? = nil) {
    if verbose { describe(findings, projects: projects, chunks: input?.chunks) }
    let list = FindingList(findings, retainPerGroup: 5)
    let entries = list.entries(examples: 3)
    var lines = SourceExcerpt.lines(at: entries.compactMap(\.first.location).map { location in
        var location = location
        if let input, let file, location.file == input.path { location.file = file }
        return location
    })
    if let input, let file, input.path != file { lines[input.path] = lines[file] }
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

/// KOMPASS_FUZZ_VERBOSE=1: each input's projects and findings on standard error (to see what a seed or a
/// reproducer does; slows fuzzing down).
let verbose = getenv("KOMPASS_FUZZ_VERBOSE").map { String(cString: $0) == "1" } ?? false

func describe(_ findings: [Finding], projects: Int, chunks: [Int]? = nil) {
    var counts: [String: Int] = [:]
    for finding in findings { counts["\(finding.severity) \(finding.ruleID)", default: 0] += 1 }
    let rules = counts.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")
    let read = chunks.map { $0.count > 1 ? "read in \($0.count) chunks (\($0.map(String.init).joined(separator: " "))); " : "read in one chunk; " } ?? ""
    FileHandle.standardError.write(Data("kompass-fuzz: \(read)\(projects) projects; findings: \(rules.isEmpty ? "none" : rules)\n".utf8))
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
    let input: InputFile

    init(workspace: Workspace) throws {
        let configuration = try ConfigurationLoader().load(path: workspace.repo("config/kompass.json"))
        guard let source = configuration.sources.first, source.format == .pageText else {
            throw SetupError("config/kompass.json does not read a page text first")
        }
        input = InputFile(path: workspace.temp("digital-basel-umsetzung.txt"))
        self.source = source
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let presented = input.present(bytes)
        defer { presented.close() }
        var source = self.source
        source.path = presented.path
        let result: PortfolioLoader.Result
        do {
            result = try PortfolioLoader().load([source])
        } catch {
            let message = "\(error)"
            if verbose { FileHandle.standardError.write(Data("kompass-fuzz: thrown: \(message)\n".utf8)) }
            return
        }
        report(result.findings, projects: result.portfolio.projects.count, input: presented, file: input.path)
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
    let input: InputFile

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
        input = InputFile(path: workspace.temp("input.\(ext)"))
        request = ImportRequest(path: input.path, fields: source.mapping.usedSourceFields,
                                options: options, synonyms: source.mapping.columnSynonyms)
        normaliser = Normaliser(mapping: source.mapping)
        self.importer = importer
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let presented = input.present(bytes)
        defer { presented.close() }
        var request = self.request
        request.path = presented.path
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
            let message = "\(error)"
            if verbose { FileHandle.standardError.write(Data("kompass-fuzz: thrown: \(message)\n".utf8)) }
            return
        }
        report(findings, projects: complete, input: presented, file: input.path)
    }
}
