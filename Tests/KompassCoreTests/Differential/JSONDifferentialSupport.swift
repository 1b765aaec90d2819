import Foundation
import Testing
@testable import KompassCore

/// Our `JSONTokenizer` (document mode) run to the end, in the token notation `reference.py` writes:
/// `{` `}` `[` `]`, `k`+hex of a decoded key, `s`+hex of a decoded string, `n`+the number's literal,
/// `t` `f` `z` for true, false, null.
struct JSONRun: Equatable, CustomStringConvertible {
    var tokens: [String] = []
    /// Each token's line and column, for the chunking checks (Python has no columns to compare).
    var positions: [[Int]] = []
    /// The error that ended the document, if one did.
    var error: JSONSyntaxError?
    /// `next` said `.needsInput` after `finish`: never allowed.
    var needsInputAfterFinish = false

    var accepted: Bool { error == nil && !needsInputAfterFinish }

    var description: String {
        accepted ? "accepts \(tokens)" : "rejects (\(error.map { "\($0.line):\($0.column) \($0.message)" } ?? "needsInput after finish"))"
    }

    /// Tokenizes `bytes` fed in the pieces that `splits` (byte positions) cut, draining after each piece.
    static func of(_ bytes: [UInt8], splits: [Int] = [], maxDepth: Int = 64) -> JSONRun {
        var tokenizer = JSONTokenizer(mode: .document, maxDepth: maxDepth)
        var run = JSONRun()
        func drain(_ tokenizer: inout JSONTokenizer, finished: Bool) {
            while run.error == nil {
                do {
                    switch try tokenizer.next() {
                    case .token(let token):
                        run.tokens.append(notation(token.kind, tokenizer.textBytes))
                        run.positions.append([token.line, token.column])
                    case .needsInput:
                        if finished { run.needsInputAfterFinish = true }
                        return
                    case .end:
                        return
                    }
                } catch {
                    run.error = error
                }
            }
        }
        var start = 0
        for split in splits.sorted() + [bytes.count] where split >= start && split <= bytes.count {
            tokenizer.feed(Array(bytes[start..<split]))
            drain(&tokenizer, finished: false)
            start = split
        }
        tokenizer.finish()
        drain(&tokenizer, finished: true)
        return run
    }

    static func notation(_ kind: JSONTokenizer.Token.Kind, _ text: [UInt8]) -> String {
        switch kind {
        case .beginObject: "{"
        case .endObject: "}"
        case .beginArray: "["
        case .endArray: "]"
        case .key: "k" + text.hex
        case .string: "s" + text.hex
        case .number: "n" + String(decoding: text, as: UTF8.self)
        case .true: "t"
        case .false: "f"
        case .null: "z"
        }
    }

    /// Whether the error is the tokenizer's nesting limit (a documented difference: Python has none below
    /// its recursion limit).
    var isDepthLimit: Bool {
        error?.message.hasPrefix("the values are nested deeper than") == true
    }
}

/// What Python's `json.loads` said about one input (reference.py, mode "json").
struct PythonJSONVerdict {
    enum Verdict: String {
        case accept, reject
        /// Python accepts what RFC 8259 does not (NaN/Infinity, a lone surrogate escape) or stops at its
        /// recursion limit: `reason` says which.
        case lenient
    }

    var verdict: Verdict
    var reason: String
    var tokens: [String]
    /// The input starts with a UTF-8 BOM, which reference.py takes off before json.loads (documented difference:
    /// json.loads refuses it, RFC 8259 lets a parser ignore it, and ours does).
    var bom: Bool

    init(_ result: [String: Any]) throws {
        verdict = try #require(Verdict(rawValue: result["verdict"] as? String ?? ""), "\(result)")
        reason = result["reason"] as? String ?? ""
        tokens = result["tokens"] as? [String] ?? []
        bom = result["bom"] as? Bool ?? false
    }

    static func of(_ inputs: [[UInt8]]) throws -> [PythonJSONVerdict] {
        try DifferentialReference.python(mode: "json", inputs: inputs.map(\.hex)).map(PythonJSONVerdict.init)
    }
}
