import Foundation
import Testing
@testable import KompassCore

/// Our own JSON outputs read by an independent parser: the files a run publishes (datapackage.json,
/// csv-metadata.json, projects.jsonld, context.jsonld, catalog.jsonld) and the state it keeps (state.json),
/// parsed by Python's `json` — strictly: a key given twice, NaN/Infinity or a lone surrogate is an error —
/// and by `JSONDocumentReader` (our tokenizer, which refuses duplicate keys too). Both must accept every
/// file, and the two readings must be the same value: each side writes a canonical text (keys sorted by code
/// point, no white space, strings as Python's `json.dumps` writes them, numbers as written) and the texts
/// must be equal. The self-check and its tests read the outputs with our tokenizer only; this reads them with
/// one that shares no code with the writers or the reader.
///
/// Three runs: the real portfolio (config/kompass.json), a synthetic one of 120 projects, and a synthetic one
/// whose titles and texts hold what JSON writers get wrong (quotes, backslashes, U+2028/U+2029, astral
/// characters, a BOM character, NBSP, combining marks, bidi marks, JSON-like text).
@Suite("Differential: our JSON outputs vs Python json")
struct DifferentialOutputTests {
    static let options = RunOptions(referenceDate: CalendarDate(iso: "2026-11-30")!)

    /// Texts that are valid in titles and texts (the validators refuse control characters and HTML).
    static let trickyTexts = [
        "Quote \" and \\ backslash / slash & < > ' \\u0041 \\n",
        "Line\u{2028}separator\u{2029}paragraph",
        "Astral 😀 𝄞 \u{10FFFD} and combining e\u{0301}",
        "NBSP\u{00A0}and\u{200F}bidi\u{202E}override\u{202C}",
        "BOM\u{FEFF}inside and replacement \u{FFFD}",
        "JSON-like {\"a\": [1, 2,], \"b\": null} // comment /* x */",
        "Zürich Genève Bâle – „Anführung“ «Guillemets» ‚single‘",
    ]

    /// Writes a synthetic portfolio (JSON source) into `folder`, with `tricky` texts in the first projects.
    static func synthetic(count: Int, seed: UInt64, tricky: Bool, in folder: String) throws -> String {
        let generator = PortfolioGenerator(count: count, seed: seed, format: .json)
        _ = try generator.write(into: folder)
        let source = (folder as NSString).appendingPathComponent(generator.sourceFileName)
        if tricky {
            let data = try Data(contentsOf: URL(fileURLWithPath: source))
            var projects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            for (index, text) in trickyTexts.enumerated() where index < projects.count {
                projects[index]["title"] = text
                projects[index]["before"] = ((projects[index]["before"] as? String) ?? "") + " " + text
                projects[index]["future"] = text + " " + ((projects[index]["future"] as? String) ?? "")
            }
            try writeFile(source, [UInt8](try JSONSerialization.data(withJSONObject: projects)))
        }
        return (folder as NSString).appendingPathComponent("kompass.json")
    }

    /// Runs the pipeline with the configuration at `configPath` (its output into `output`) and returns every
    /// JSON file it wrote, published and kept, by name.
    static func runAndCollect(configPath: String, output: String) throws -> [(name: String, bytes: [UInt8])] {
        var configuration = try ConfigurationLoader().load(path: configPath)
        configuration.outputDirectory = output
        let report = try Pipeline(configuration: configuration).run(options: options)
        try #require(report.outcome == .published, "\(report.findings.all.filter { $0.severity == .error }.map(\.message))")
        var files: [(name: String, bytes: [UInt8])] = []
        for folder in [configuration.outputDirectory, configuration.stateDirectory] {
            for name in try TestFiles.listing(folder) where name.hasSuffix(".json") || name.hasSuffix(".jsonld") {
                files.append(("\((folder as NSString).lastPathComponent)/\(name)",
                              try TestFiles.bytes(atPath: (folder as NSString).appendingPathComponent(name))))
            }
        }
        return files
    }

    @Test(.enabled(if: DifferentialReference.python != nil, Comment(rawValue: DifferentialReference.pythonMissing)))
    func everyJSONOutputReadsTheSameInPython() throws {
        let directory = try TemporaryDirectory("kompass-differential-outputs")
        defer { directory.remove() }
        var files: [(name: String, bytes: [UInt8])] = []
        let real = try Self.runAndCollect(configPath: TestFiles.configPath, output: directory.file("public"))
        files += real.map { ("real " + $0.name, $0.bytes) }
        let syntheticConfig = try Self.synthetic(count: 120, seed: 14, tricky: false, in: directory.file("synthetic"))
        files += try Self.runAndCollect(configPath: syntheticConfig, output: directory.file("synthetic/output"))
            .map { ("synthetic " + $0.name, $0.bytes) }
        let trickyConfig = try Self.synthetic(count: 12, seed: 15, tricky: true, in: directory.file("tricky"))
        let tricky = try Self.runAndCollect(configPath: trickyConfig, output: directory.file("tricky/output"))
        files += tricky.map { ("tricky " + $0.name, $0.bytes) }

        let names = Set(real.map { ($0.name as NSString).lastPathComponent })
        #expect(names.isSuperset(of: ["datapackage.json", "csv-metadata.json", "projects.jsonld", "context.jsonld", "catalog.jsonld",
                                      "state.json"]), "\(names.sorted())")
        // The tricky texts reach the outputs (after the normaliser's NFC: é is one character there).
        let trickyJSONLD = try #require(tricky.first { $0.name.hasSuffix("projects.jsonld") })
        #expect(String(decoding: trickyJSONLD.bytes, as: UTF8.self).contains("😀"))

        let results = try DifferentialReference.python(mode: "canonical", inputs: files.map(\.bytes.hex))
        var bytes = 0
        var differing = 0
        for (file, python) in zip(files, results) {
            bytes += file.bytes.count
            let ours: JSONValue
            do {
                ours = try JSONDocumentReader.read(file.bytes)
            } catch {
                Issue.record("\(file.name): our reader refuses it: \(error)")
                differing += 1
                continue
            }
            guard python["ok"] as? Bool == true, let canonical = python["canonical"] as? String else {
                Issue.record("\(file.name): Python's json refuses it: \(python["error"] ?? "")")
                differing += 1
                continue
            }
            let mine = Self.canonical(ours)
            if mine != canonical {
                differing += 1
                let at = zip(mine.unicodeScalars, canonical.unicodeScalars).prefix { $0 == $1 }.count
                Issue.record("\(file.name): the readings differ from character \(at): ours …\(String(mine.unicodeScalars.dropFirst(max(0, at - 40)).prefix(120)))…, Python …\(String(canonical.unicodeScalars.dropFirst(max(0, at - 40)).prefix(120)))…")
            }
        }
        print("differential outputs: \(files.count) JSON files (\(bytes) bytes) from three runs; read differently or refused: \(differing)")
    }

    /// `Escaping.json`, which writes every string of the JSON outputs, on random strings: Python's json reads back
    /// exactly the string (and so does our tokenizer).
    @Test(.enabled(if: DifferentialReference.python != nil, Comment(rawValue: DifferentialReference.pythonMissing)))
    func escapedStringsReadBackInPython() throws {
        var random = SeededGenerator(seed: 0xE5C)
        var pool: [Unicode.Scalar] = (0x00...0x7F).compactMap(Unicode.Scalar.init)
        pool += ["\u{80}", "\u{85}", "\u{A0}", "ä", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{E2}", "\u{20AC}", "\u{FEFF}",
                 "\u{FFFD}", "\u{FFFF}", "😀", "\u{10FFFF}", "\u{0301}"]
        let texts = (0..<3000).map { index -> String in
            if index < pool.count { return String(pool[index]) }  // every scalar of the pool alone
            var view = String.UnicodeScalarView()
            for _ in 0..<random.int(0...12) { view.append(random.pick(pool)) }
            return String(view)
        }
        let literals = texts.map { Array(Escaping.json($0).utf8) }
        let verdicts = try PythonJSONVerdict.of(literals)
        for ((text, literal), python) in zip(zip(texts, literals), verdicts) {
            let expected = ["s" + Array(text.utf8).hex]
            #expect(python.verdict == .accept && python.tokens == expected, "Escaping.json(\(text.debugDescription)) = \(shown(literal)): Python \(python.verdict) \(python.reason) \(python.tokens)")
            #expect(JSONRun.of(literal).tokens == expected, "\(shown(literal))")
        }
        print("differential outputs: Escaping.json on \(texts.count) strings read back by Python's json")
    }

    // MARK: - The canonical text, as reference.py writes it

    static func canonical(_ value: JSONValue) -> String {
        switch value.content {
        case .object(let members):
            let sorted = members.sorted { $0.key.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.key.unicodeScalars.map(\.value)) }
            return "{" + sorted.map { pythonString($0.key) + ":" + canonical($0.value) }.joined(separator: ",") + "}"
        case .array(let elements):
            return "[" + elements.map(canonical).joined(separator: ",") + "]"
        case .string(let text):
            return pythonString(text)
        case .number(let literal):
            return literal
        case .bool(let flag):
            return flag ? "true" : "false"
        case .null:
            return "null"
        }
    }

    /// A string as Python's `json.dumps` writes it (ensure_ascii): `\"` `\\` `\n` `\r` `\t` `\b` `\f`, every other
    /// character outside space…tilde as `\uxxxx` (lower-case hex, UTF-16 units).
    static func pythonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        return out + "\""
    }
}
