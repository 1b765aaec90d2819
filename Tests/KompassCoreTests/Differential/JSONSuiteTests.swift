import Foundation
import Testing
@testable import KompassCore

/// A JSONTestSuite-style corpus written for kompass (Tests/Fixtures/json-suite, made by its make-suite.py):
/// `y_*.json` must be accepted, `n_*.json` must be rejected (RFC 8259), `i_*.json` are left to the parser.
///
/// Our tokenizer (document mode, the default depth limit of 64) must accept every y_ and reject every n_, fed
/// whole, split once at every byte position, and byte by byte, with the same tokens, positions and error
/// every way. For i_ it must not crash, and it must make the choices pinned below. Python's `json.loads`
/// checks the corpus itself: it must accept every y_ (with the same tokens as ours) and reject every n_, but
/// for its known leniencies, listed below.
@Suite("Differential: JSON suite (y_/n_/i_)")
struct DifferentialJSONSuiteTests {
    static let folder = DifferentialReference.path("Tests/Fixtures/json-suite")

    static func corpus() throws -> [(name: String, bytes: [UInt8])] {
        try TestFiles.listing(folder).filter { $0.hasSuffix(".json") }.map {
            ($0, try TestFiles.bytes(atPath: (folder as NSString).appendingPathComponent($0)))
        }
    }

    /// Our choices where RFC 8259 leaves one (true: accepted).
    static let ourChoices: [String: Bool] = [
        "i_structure_utf8_bom.json": true,  // RFC 8259 §8.1: a parser MAY ignore a BOM; ours does, at the start only
        "i_structure_depth_65.json": false,  // the tokenizer's limit (64 by default; JSONDocumentReader's is 512)
        "i_structure_depth_500.json": false,
        "i_object_duplicate_key.json": true,  // the grammar allows it; JSONDocumentReader refuses it (tested below)
        "i_number_huge_exponent.json": true,  // numbers keep their literal: no range to exceed
        "i_number_5000_digits.json": true,
        "i_string_lone_high_surrogate.json": false,  // a lone surrogate escape is an error (no UTF-8 for it)
        "i_string_lone_low_surrogate.json": false,
        "i_string_high_then_ascii_escape.json": false,
        "i_string_reversed_pair.json": false,
        "i_string_high_then_text.json": false,
        "i_string_two_high_surrogates.json": false,
        "i_encoding_utf16le_bom.json": false,  // UTF-8 only (RFC 8259 §8.1)
        "i_encoding_utf16be.json": false,
        "i_encoding_utf32le.json": false,
    ]

    /// n_ files that Python's json.loads accepts by default (reference.py turns them into "lenient" with
    /// parse_constant); nothing else may be lenient.
    static let pythonLeniencies: Set<String> = ["n_number_NaN.json", "n_number_Infinity.json", "n_number_minus_Infinity.json"]

    @Test func corpusIsLargeAndNamedByVerdict() throws {
        let names = try Self.corpus().map(\.name)
        #expect(names.count >= 80)
        #expect(names.allSatisfy { $0.hasPrefix("y_") || $0.hasPrefix("n_") || $0.hasPrefix("i_") })
        #expect(Set(names.filter { $0.hasPrefix("i_") }) == Set(Self.ourChoices.keys), "every i_ file has a pinned choice")
        print("differential json suite: \(names.count) files: \(names.filter { $0.hasPrefix("y_") }.count) y_, \(names.filter { $0.hasPrefix("n_") }.count) n_, \(names.filter { $0.hasPrefix("i_") }.count) i_")
    }

    @Test func ourTokenizerAcceptsYRejectsNAndChoosesI() throws {
        var wrong: [String] = []
        for (name, bytes) in try Self.corpus() {
            let whole = JSONRun.of(bytes)
            let expected: Bool? = name.hasPrefix("y_") ? true : name.hasPrefix("n_") ? false : Self.ourChoices[name]
            if whole.accepted != expected {
                wrong.append("\(name) \(shown(bytes)): \(whole)")
            }
            #expect(!whole.needsInputAfterFinish, "\(name): needsInput after finish")
            // The whole-document reader (the tokenizer, and no key twice) says the same of y_ and n_.
            if let expected, !name.hasPrefix("i_") {
                let read = (try? JSONDocumentReader.read(bytes)) != nil
                if read != expected { wrong.append("\(name) \(shown(bytes)): JSONDocumentReader \(read ? "accepts" : "rejects")") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    /// The verdict, the tokens, their positions and the error do not depend on where the input is cut.
    @Test func chunkingChangesNothing() throws {
        var differences: [String] = []
        var checked = 0
        for (name, bytes) in try Self.corpus() where bytes.count <= 300 {
            let whole = JSONRun.of(bytes)
            let byteByByte = JSONRun.of(bytes, splits: Array(0...bytes.count))
            if byteByByte != whole { differences.append("\(name) byte by byte: \(byteByByte) vs whole \(whole)") }
            for split in 0...bytes.count {
                let cut = JSONRun.of(bytes, splits: [split])
                checked += 1
                if cut != whole {
                    differences.append("\(name) cut at \(split): \(cut) vs whole \(whole)")
                    break
                }
            }
        }
        print("differential json suite: \(checked) single cuts and every file byte by byte")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test func theDocumentReaderRefusesTheDuplicateKey() throws {
        let bytes = try TestFiles.bytes(atPath: (Self.folder as NSString).appendingPathComponent("i_object_duplicate_key.json"))
        #expect(throws: JSONDocumentError.self) { try JSONDocumentReader.read(bytes) }
    }

    @Test(.enabled(if: DifferentialReference.python != nil, Comment(rawValue: DifferentialReference.pythonMissing)))
    func pythonAgreesWithTheCorpus() throws {
        let corpus = try Self.corpus()
        let verdicts = try PythonJSONVerdict.of(corpus.map(\.bytes))
        var wrong: [String] = []
        var iVerdicts: [String] = []
        for ((name, bytes), python) in zip(corpus, verdicts) {
            if name.hasPrefix("y_") {
                let ours = JSONRun.of(bytes)
                if python.verdict != .accept {
                    wrong.append("\(name): Python \(python.verdict) (\(python.reason))")
                } else if python.tokens != ours.tokens {
                    wrong.append("\(name): tokens differ: Python \(python.tokens), ours \(ours.tokens)")
                }
            } else if name.hasPrefix("n_") {
                let allowed: Set<PythonJSONVerdict.Verdict> = Self.pythonLeniencies.contains(name) ? [.lenient] : [.reject]
                if !allowed.contains(python.verdict) {
                    wrong.append("\(name) \(shown(bytes)): Python \(python.verdict) (\(python.reason))")
                }
            } else {
                iVerdicts.append("\(name): Python \(python.verdict)\(python.bom ? " (BOM taken off)" : ""), ours \(Self.ourChoices[name] == true ? "accept" : "reject")")
            }
        }
        print("differential json suite, the i_ files:\n  " + iVerdicts.joined(separator: "\n  "))
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }
}
