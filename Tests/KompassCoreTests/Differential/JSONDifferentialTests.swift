import Foundation
import Testing
@testable import KompassCore

/// Our `JSONTokenizer` (document mode) against Python's `json.loads` on generated, mutated and file inputs.
///
/// Python gets the bytes, decodes them as UTF-8 (strictly: json.loads on bytes would guess UTF-16/32), and
/// parses them with `object_pairs_hook` (members in order, duplicates kept), `parse_int`/`parse_float` that
/// keep the literal, and a `parse_constant` that refuses NaN/Infinity. For every input:
///
/// - the verdicts agree, apart from the documented differences:
///   D3 Python's leniencies: NaN, Infinity, -Infinity (json.loads accepts them by default) and lone surrogate
///      escapes (`"\uD800"`: Python makes a str with a lone surrogate). reference.py reports these as
///      "lenient"; ours must reject them.
///   D4 a UTF-8 BOM at the start: json.loads refuses it ("Unexpected UTF-8 BOM"), RFC 8259 §8.1 lets a
///      parser ignore it, and ours does; reference.py takes it off and judges the rest.
///   D5 nesting: ours stops at 64 levels (the default limit); Python only at its recursion limit.
/// - where both accept, the tokens agree: the same structure, the same decoded keys and strings (bytes),
///   and the same number literals.
/// - the tokens and the error do not depend on where the input is cut (a few random cuts each).
@Suite("Differential: JSONTokenizer vs Python json")
struct DifferentialJSONTests {
    // MARK: - Generated values

    /// Writes a random value with random white space and random (valid) ways of writing strings and numbers.
    struct Writer {
        var random: SeededGenerator
        var out: [UInt8] = []

        mutating func space() {
            guard random.chance(0.3) else { return }
            for _ in 0..<random.int(1...3) { out.append(random.pick([0x20, 0x09, 0x0A, 0x0D])) }
        }

        mutating func value(depth: Int) {
            space()
            let kind = depth >= 7 ? random.int(2...6) : random.int(0...6)
            switch kind {
            case 0:
                out.append(UInt8(ascii: "{"))
                let count = random.int(0...4)
                var keys: [String] = []
                for index in 0..<count {
                    if index > 0 { space(); out.append(UInt8(ascii: ",")) }
                    space()
                    // Now and then a key given twice: the grammar allows it, and both sides keep both.
                    let key = !keys.isEmpty && random.chance(0.05) ? random.pick(keys) : randomText()
                    keys.append(key)
                    string(key)
                    space()
                    out.append(UInt8(ascii: ":"))
                    value(depth: depth + 1)
                }
                space()
                out.append(UInt8(ascii: "}"))
            case 1:
                out.append(UInt8(ascii: "["))
                for index in 0..<random.int(0...4) {
                    if index > 0 { space(); out.append(UInt8(ascii: ",")) }
                    value(depth: depth + 1)
                }
                space()
                out.append(UInt8(ascii: "]"))
            case 2, 3:
                string(randomText())
            case 4:
                number()
            default:
                out.append(contentsOf: Array(random.pick(["true", "false", "null"]).utf8))
            }
            space()
        }

        static let characters: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\u{08}", "\u{0C}", "\n", "\r", "\t",
                                                   "\u{00}", "\u{1F}", "\u{7F}", "ä", "€", "\u{2028}", "\u{FEFF}", "\u{FFFF}",
                                                   "𝄞", "😀", "\u{10FFFF}", "{", "]", ":", ","]

        mutating func randomText() -> String {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.int(0...6) { text.append(random.pick(Self.characters)) }
            return String(text)
        }

        /// A string, each character written as itself where JSON allows, or escaped (short or \u, any case).
        mutating func string(_ text: String) {
            out.append(UInt8(ascii: "\""))
            for scalar in text.unicodeScalars {
                let mustEscape = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
                if !mustEscape && random.chance(0.6) {
                    out.append(contentsOf: Array(String(scalar).utf8))
                    continue
                }
                let short: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "/": "\\/", "\u{08}": "\\b", "\u{0C}": "\\f",
                                                       "\n": "\\n", "\r": "\\r", "\t": "\\t"]
                if let escape = short[scalar], random.chance(0.5) {
                    out.append(contentsOf: Array(escape.utf8))
                } else {
                    let units = Array(String(scalar).utf16)
                    for unit in units {
                        var hex = String(unit, radix: 16)
                        hex = String(repeating: "0", count: 4 - hex.count) + hex
                        out.append(contentsOf: Array(("\\u" + (random.chance(0.5) ? hex.uppercased() : hex)).utf8))
                    }
                }
            }
            out.append(UInt8(ascii: "\""))
        }

        mutating func number() {
            var text = random.chance(0.3) ? "-" : ""
            if random.chance(0.3) {
                text += "0"
            } else {
                text += String(random.int(1...9)) + (0..<random.int(0...25)).map { _ in String(random.int(0...9)) }.joined()
            }
            if random.chance(0.4) { text += "." + (0..<random.int(1...6)).map { _ in String(random.int(0...9)) }.joined() }
            if random.chance(0.3) {
                text += random.pick(["e", "E"]) + random.pick(["", "+", "-"]) + (0..<random.int(1...4)).map { _ in String(random.int(0...9)) }.joined()
            }
            out.append(contentsOf: Array(text.utf8))
        }
    }

    static let mutationAlphabet: [[UInt8]] = [
        "\"", "\\", ",", ":", "[", "]", "{", "}", "0", "1", "-", "+", ".", "e", "E", " ", "\n", "\t", "\r", "\u{0B}", "\u{0C}",
        "u", "\\u", "\\uD800", "\\uDC00", "\\uD83D\\uDE00", "NaN", "Infinity", "-Infinity", "//", "/*", "true", "nul", "'",
        "\u{FEFF}", "\u{A0}", "\u{2028}", "x",
    ].map { Array($0.utf8) } + [[0x00], [0x01], [0x1F], [0x7F], [0x80], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]]

    static func inputs() -> [(bytes: [UInt8], origin: String)] {
        var random = SeededGenerator(seed: 0x15_0014)
        var inputs: [(bytes: [UInt8], origin: String)] = []
        for _ in 0..<4000 {
            var writer = Writer(random: SeededGenerator(seed: random.next()))
            writer.value(depth: 0)
            inputs.append((writer.out, "generated"))
        }
        for index in 0..<6000 {
            inputs.append((mutate(inputs[index % 4000].bytes, alphabet: mutationAlphabet, using: &random), "mutated"))
        }
        // The repository's JSON files (configuration, mappings, schemas, samples, golden lists) and the fuzz
        // corpus if present, whole and mutated.
        let tracked = ["config/kompass.json", "config/examples/csv.json", "config/examples/json.json", "config/examples/jsonl.json",
                       "config/examples/three-sources.json", "config/examples/xml.json", "config/mappings/kompass-csv.json",
                       "config/mappings/kompass-json.json", "config/mappings/kompass-xml.json",
                       "config/sources/samples/portfolio.json", "config/sources/samples/website.json",
                       "schemas/kompass-config.schema.json", "schemas/kompass-input.schema.json",
                       "schemas/kompass-input.tableschema.json", "schemas/kompass.context.jsonld", "schemas/mapping.schema.json",
                       "schemas/report.schema.json"]
        var files = tracked.compactMap { path in (try? TestFiles.bytes(atPath: TestFiles.path(path))).map { (bytes: $0, origin: path) } }
        files += (fuzzCorpus("json") + fuzzCorpus("config")).map { (bytes: $0.bytes, origin: $0.name) }
        for file in files {
            inputs.append(file)
            for _ in 0..<5 { inputs.append((mutate(file.bytes, alphabet: mutationAlphabet, using: &random), file.origin + " mutated")) }
        }
        return inputs
    }

    @Test(.enabled(if: DifferentialReference.python != nil, Comment(rawValue: DifferentialReference.pythonMissing)))
    func sameVerdictsAndTokensAsPythonJSON() throws {
        let inputs = Self.inputs()
        let verdicts = try PythonJSONVerdict.of(inputs.map(\.bytes))
        var disagreements: [String] = []
        var counts = (accept: 0, reject: 0, lenient: [String: Int](), bom: 0, depth: 0, files: 0)
        var cuts = SeededGenerator(seed: 99)
        for (input, python) in zip(inputs, verdicts) {
            let ours = JSONRun.of(input.bytes)
            let describe = "\(input.origin) \(shown(input.bytes))"
            if !input.origin.hasPrefix("generated") && !input.origin.hasPrefix("mutated") { counts.files += 1 }
            if python.bom { counts.bom += 1 }
            switch python.verdict {
            case .accept where ours.accepted:
                counts.accept += 1
                if ours.tokens != python.tokens {
                    disagreements.append("\(describe): tokens differ: ours \(ours.tokens), Python \(python.tokens)")
                }
            case .accept where ours.isDepthLimit:
                counts.depth += 1  // D5
            case .accept:
                disagreements.append("\(describe): Python accepts, ours \(ours)")
            case .reject where ours.accepted:
                disagreements.append("\(describe): Python rejects (\(python.reason)), ours \(ours)")
            case .reject:
                counts.reject += 1
            case .lenient where ours.accepted:
                disagreements.append("\(describe): Python is lenient (\(python.reason)) and ours accepts: \(ours)")
            case .lenient:
                counts.lenient[python.reason.hasPrefix("constant") ? "NaN/Infinity" : python.reason, default: 0] += 1  // D3
            }
            #expect(!ours.needsInputAfterFinish, "\(describe): needsInput after finish")
            // Chunking: three random cuts give the same tokens, positions and error.
            if !input.bytes.isEmpty {
                let splits = (0..<3).map { _ in cuts.int(0...input.bytes.count) }
                let cut = JSONRun.of(input.bytes, splits: splits)
                #expect(cut == ours, "\(describe) cut at \(splits.sorted()): \(cut) vs whole \(ours)")
            }
        }
        print("differential json: \(inputs.count) inputs (\(counts.files) from files); both accept \(counts.accept), both reject \(counts.reject); D3 Python lenient \(counts.lenient.sorted { $0.key < $1.key }), D4 BOM \(counts.bom), D5 depth \(counts.depth); disagreements \(disagreements.count)")
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(10).joined(separator: "\n"))")
        #expect(counts.accept > 3000 && counts.reject > 1000, "the inputs cover both verdicts")
        #expect(counts.lenient.values.reduce(0, +) > 20, "the mutations reach Python's leniencies")
    }
}
