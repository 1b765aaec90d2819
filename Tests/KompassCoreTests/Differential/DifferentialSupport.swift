import Foundation
import Testing

/// The independent parsers the differential tests compare against, run as subprocesses: Python 3's standard
/// library (`csv`, `json`, `xml.sax`) through `python/reference.py`, and libxml2's `xmllint`.
///
/// Many inputs go to one subprocess call: a request is one JSON document on stdin, the reply one on stdout,
/// with every byte string as hex (so that neither side's JSON escaping stands between the two). The JSON of
/// the request and the reply is written and read with Foundation's `JSONSerialization`, not with our tokenizer.
enum DifferentialReference {
    /// The repository root, from this file's path (Tests/KompassCoreTests/Differential/DifferentialSupport.swift).
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String {
        (repoRoot as NSString).appendingPathComponent(relative)
    }

    /// `python/reference.py`.
    static var script: String { path("Tests/KompassCoreTests/Differential/python/reference.py") }

    /// The system Python 3 (`KOMPASS_PYTHON` overrides; then /usr/bin/python3; then `python3` on the PATH).
    static let python: String? = locate("python3", override: "KOMPASS_PYTHON", preferred: ["/usr/bin/python3"])
    /// libxml2's xmllint (Debian's libxml2-utils, installed by scripts/install-test-deps).
    static let xmllint: String? = locate("xmllint", override: "KOMPASS_XMLLINT", preferred: ["/usr/bin/xmllint"])

    static let pythonMissing = "python3 not found (set KOMPASS_PYTHON): the differential tests against Python are skipped"
    static let xmllintMissing = "xmllint not found (Debian: libxml2-utils; set KOMPASS_XMLLINT): the XML differential tests are skipped"

    private static func locate(_ name: String, override: String, preferred: [String]) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment[override], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let searched = (environment["PATH"] ?? "").split(separator: ":").map { ($0 as NSString).appendingPathComponent(name) }
        let found = (preferred + searched).first { FileManager.default.isExecutableFile(atPath: $0) }
        if found == nil { print("differential: \(name) not found; the tests that need it are skipped") }
        return found
    }

    struct Output {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: String
    }

    /// Runs `executable` with `arguments` and `input` on stdin; stdout, stderr and stdin go through files
    /// (no pipe can fill up and block either side).
    static func run(_ executable: String, _ arguments: [String], input: [UInt8] = [],
                    directory: String? = nil) throws -> Output {
        let folder = try TemporaryDirectory("kompass-differential")
        defer { folder.remove() }
        let inPath = try writeFile(folder.file("stdin"), input)
        let outPath = try writeFile(folder.file("stdout"), [])
        let errPath = try writeFile(folder.file("stderr"), [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONHASHSEED"] = "0"
        environment["PYTHONIOENCODING"] = "utf-8"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        let stdin = try #require(FileHandle(forReadingAtPath: inPath))
        let stdout = try #require(FileHandle(forWritingAtPath: outPath))
        let stderr = try #require(FileHandle(forWritingAtPath: errPath))
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      standardOutput: try TestFiles.bytes(atPath: outPath),
                      standardError: String(decoding: try TestFiles.bytes(atPath: errPath), as: UTF8.self))
    }

    /// Sends `inputs` to `reference.py` in `mode` and returns one result per input.
    static func python(mode: String, inputs: [Any]) throws -> [[String: Any]] {
        let python = try #require(python, Comment(rawValue: pythonMissing))
        let request = try JSONSerialization.data(withJSONObject: ["mode": mode, "inputs": inputs])
        let output = try run(python, ["-I", script], input: [UInt8](request))
        try #require(output.status == 0, "reference.py \(mode) failed (\(output.status)): \(output.standardError)")
        let reply = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput)) as? [String: Any])
        let results = try #require(reply["results"] as? [[String: Any]])
        try #require(results.count == inputs.count, "reference.py gave \(results.count) results for \(inputs.count) inputs")
        return results
    }
}

/// Writes `bytes` to `path` with open(2) and write(2): Foundation's `Data.write` takes milliseconds a file here,
/// and the XML comparison writes thousands.
@discardableResult
func writeFile(_ path: String, _ bytes: [UInt8]) throws -> String {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw TestFileError("cannot create \(path): \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
        let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { throw TestFileError("cannot write \(path): \(String(cString: strerror(errno)))") }
        written += count
    }
    return path
}

// MARK: - Bytes as hex

extension Array where Element == UInt8 {
    /// Lower-case hex, as Python's `bytes.hex()`.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self = bytes
    }
}

/// Bytes for a failure message: printable ASCII as it is, everything else escaped, as a Swift literal would be.
func shown(_ bytes: [UInt8]) -> String {
    var out = "\""
    for byte in bytes {
        switch byte {
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x20..<0x7F: out += String(UnicodeScalar(byte))
        default: out += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }
    }
    return out + "\""
}

// MARK: - A seeded generator

/// SplitMix64: the same inputs on every run and machine, so that a disagreement found once is found again.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &self)]
    }
}

/// Mutates `bytes` a few times: a byte deleted, inserted (from `alphabet`), replaced, or a run duplicated;
/// or the input cut off.
func mutate(_ bytes: [UInt8], alphabet: [[UInt8]], using random: inout SeededGenerator) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<random.int(1...3) {
        let position = bytes.isEmpty ? 0 : random.int(0...bytes.count - 1)
        switch random.int(0...5) {
        case 0 where !bytes.isEmpty:
            bytes.remove(at: position)
        case 1:
            bytes.insert(contentsOf: random.pick(alphabet), at: min(position, bytes.count))
        case 2 where !bytes.isEmpty:
            bytes.replaceSubrange(position...position, with: random.pick(alphabet))
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + random.int(1...8))
            bytes.insert(contentsOf: Array(bytes[position..<end]), at: end)
        case 4 where !bytes.isEmpty:
            bytes.removeSubrange(position...)
        default:
            bytes.append(contentsOf: random.pick(alphabet))
        }
    }
    return bytes
}

/// The files of a fuzz corpus folder (Fuzz/corpus/NAME), or of `KOMPASS_FUZZ_CORPUS`/NAME: none when it is not
/// there. The corpora belong to the fuzzing branch; the differential tests use them when they are present.
func fuzzCorpus(_ name: String) -> [(name: String, bytes: [UInt8])] {
    let root = ProcessInfo.processInfo.environment["KOMPASS_FUZZ_CORPUS"] ?? DifferentialReference.path("Fuzz/corpus")
    let folder = (root as NSString).appendingPathComponent(name)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    return names.sorted().compactMap { file in
        let path = (folder as NSString).appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let bytes = try? TestFiles.bytes(atPath: path), bytes.count <= 1 << 20 else { return nil }
        return ("\(name)/\(file)", bytes)
    }
}
