import Foundation
import Testing
@testable import KompassCore

@Suite("SHA-256")
struct SHA256Tests {
    // FIPS 180-4 / NIST CSRC example values.
    static let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    static let twoBlock448 = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    static let twoBlock896 = "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    static let millionA = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

    static let message448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    static let message896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

    @Test func emptyMessage() {
        #expect(SHA256.hex(of: [UInt8]()) == Self.empty)
        #expect(SHA256.hexString(SHA256().finalize()) == Self.empty)
    }

    @Test func abcMessage() {
        #expect(SHA256.hex(of: Array("abc".utf8)) == Self.abc)
    }

    @Test func message448Bits() {
        #expect(Self.message448.utf8.count == 56)
        #expect(SHA256.hex(of: Array(Self.message448.utf8)) == Self.twoBlock448)
    }

    @Test func message896Bits() {
        #expect(SHA256.hex(of: Array(Self.message896.utf8)) == Self.twoBlock896)
    }

    @Test func oneMillionA() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(buffer: $0) }
        #expect(SHA256.hexString(hasher.finalize()) == Self.millionA)
    }

    @Test func oneMillionAThroughTheSequenceAPIInPieces() {
        var hasher = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000)
        for _ in 0..<1_000 { hasher.update(piece) }
        #expect(SHA256.hexString(hasher.finalize()) == Self.millionA)
    }

    @Test func digestIs32BytesAndHexIsLowercase() {
        var hasher = SHA256()
        hasher.update(Array("abc".utf8))
        let digest = hasher.finalize()
        #expect(digest.count == 32)
        #expect(digest.first == 0xba && digest.last == 0xad)
        #expect(SHA256.hexString([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }

    /// Lengths around the block and padding boundaries (55/56/63/64/65 bytes) in one-shot and in pieces.
    static let awkwardLengths = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1_000, 4_099]

    static func sample(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    }

    @Test(arguments: awkwardLengths)
    func incrementalUpdateInOddPiecesEqualsOneShot(length: Int) {
        let bytes = Self.sample(length)
        let oneShot = SHA256.hex(of: bytes)
        for pieceSize in [1, 3, 7, 13, 63, 65] {
            var hasher = SHA256()
            var start = 0
            while start < bytes.count {
                let end = min(start + pieceSize, bytes.count)
                hasher.update(bytes[start..<end])
                start = end
            }
            #expect(SHA256.hexString(hasher.finalize()) == oneShot, "pieces of \(pieceSize)")
        }
    }

    @Test(arguments: awkwardLengths)
    func bufferUpdateInOddPiecesEqualsOneShot(length: Int) {
        let bytes = Self.sample(length)
        let oneShot = SHA256.hex(of: bytes)
        for pieceSize in [1, 5, 31, 64, 100] {
            var hasher = SHA256()
            bytes.withUnsafeBytes { raw in
                var start = 0
                while start < raw.count {
                    let end = min(start + pieceSize, raw.count)
                    hasher.update(buffer: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                    start = end
                }
            }
            #expect(SHA256.hexString(hasher.finalize()) == oneShot, "buffer pieces of \(pieceSize)")
        }
    }

    @Test func mixingSequenceAndBufferUpdates() {
        let bytes = Self.sample(333)
        var hasher = SHA256()
        hasher.update(bytes[0..<10])
        bytes.withUnsafeBytes { hasher.update(buffer: UnsafeRawBufferPointer(rebasing: $0[10..<200])) }
        hasher.update(bytes[200..<201])
        bytes.withUnsafeBytes { hasher.update(buffer: UnsafeRawBufferPointer(rebasing: $0[201..<333])) }
        #expect(SHA256.hexString(hasher.finalize()) == SHA256.hex(of: bytes))
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        _ = hasher.finalize()
        hasher.update(Array("c".utf8))
        #expect(SHA256.hexString(hasher.finalize()) == Self.abc)
    }

    @Test func differentInputsGiveDifferentDigests() {
        #expect(SHA256.hex(of: Array("abc".utf8)) != SHA256.hex(of: Array("abd".utf8)))
    }
}

/// The C implementations (CKompassSHA256) forced one at a time: portable C everywhere, and the
/// x86-64 SHA extensions where the CPU has them.
@Suite("SHA-256 implementations")
struct SHA256ImplementationTests {
    static let vectors: [(message: [UInt8], digest: String)] = [
        ([], SHA256Tests.empty),
        (Array("abc".utf8), SHA256Tests.abc),
        (Array(SHA256Tests.message448.utf8), SHA256Tests.twoBlock448),
        (Array(SHA256Tests.message896.utf8), SHA256Tests.twoBlock896),
        ([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000), SHA256Tests.millionA),
    ]

    static func digest(_ bytes: [UInt8], with implementation: SHA256.Implementation) throws -> [UInt8] {
        var hasher = try #require(SHA256(implementation: implementation))
        bytes.withUnsafeBytes { hasher.update(buffer: $0) }
        return hasher.finalize()
    }

    static func checkVectors(_ implementation: SHA256.Implementation, name: String) throws {
        let hasher = try #require(SHA256(implementation: implementation))
        #expect(hasher.implementationName == name)
        for (message, expected) in vectors {
            #expect(SHA256.hexString(try digest(message, with: implementation)) == expected,
                    "\(name), \(message.count) bytes")
            // The same message a byte at a time through the sequence API, and in 1000-byte pieces.
            var pieces = try #require(SHA256(implementation: implementation))
            var start = 0
            while start < message.count {
                let end = min(start + 1_000, message.count)
                pieces.update(message[start..<end])
                start = end
            }
            #expect(SHA256.hexString(pieces.finalize()) == expected, "\(name), \(message.count) bytes in pieces")
        }
    }

    @Test func portableNISTVectors() throws {
        try Self.checkVectors(.portable, name: "portable")
    }

    @Test(.enabled(if: SHA256.hardwareAvailable,
                   "this CPU has no SHA extensions (SHA-NI): only the portable implementation is checked"))
    func shaNINISTVectors() throws {
        try Self.checkVectors(.shaNI, name: "sha-ni")
    }

    @Test func automaticChoiceFollowsTheCPU() throws {
        #expect(SHA256.implementation == (SHA256.hardwareAvailable ? "sha-ni" : "portable"))
        #expect(SHA256().implementationName == SHA256.implementation)
        #expect(try #require(SHA256(implementation: .automatic)).implementationName == SHA256.implementation)
        if !SHA256.hardwareAvailable {
            #expect(SHA256(implementation: .shaNI) == nil)
        }
        #if arch(x86_64) && os(Linux)
        // Where the kernel reports the flag, the CPUID check must find it too (so the SHA-NI tests
        // cannot be skipped by a detection bug on a machine that has the extensions).
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
            let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }
            if let flags, flags.split(separator: " ").contains("sha_ni") {
                #expect(SHA256.hardwareAvailable)
            }
        }
        #endif
    }

    @Test(.enabled(if: SHA256.hardwareAvailable,
                   "this CPU has no SHA extensions (SHA-NI): nothing to compare the portable implementation with"))
    func portableAndSHANIAgreeOnRandomInputsInRandomChunks() throws {
        var random = SeededGenerator(seed: 0x5348_4132_3536)
        for round in 0..<300 {
            let length = Int.random(in: 0...5_000, using: &random)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            var portable = try #require(SHA256(implementation: .portable))
            var hardware = try #require(SHA256(implementation: .shaNI))
            // Each side in its own random chunks, so buffering paths differ between the two.
            for hasherIndex in 0..<2 {
                var start = 0
                while start < length {
                    let end = min(length, start + Int.random(in: 0...600, using: &random))
                    bytes.withUnsafeBytes { raw in
                        let chunk = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                        if hasherIndex == 0 { portable.update(buffer: chunk) } else { hardware.update(buffer: chunk) }
                    }
                    start = end
                }
            }
            let expected = try Self.digest(bytes, with: .portable)
            #expect(portable.finalize() == expected, "round \(round), \(length) bytes")
            #expect(hardware.finalize() == expected, "round \(round), \(length) bytes")
            #expect(try Self.digest(bytes, with: .shaNI) == expected, "round \(round), \(length) bytes")
        }
    }

    @Test(arguments: [SHA256.Implementation.portable, .shaNI])
    func anySplitOfA130ByteInputEqualsOneUpdate(implementation: SHA256.Implementation) throws {
        guard SHA256.hardwareAvailable || implementation != .shaNI else { return }
        let bytes = SHA256Tests.sample(130)
        let oneShot = try Self.digest(bytes, with: implementation)
        for split in 0...130 {
            var hasher = try #require(SHA256(implementation: implementation))
            bytes.withUnsafeBytes { raw in
                hasher.update(buffer: UnsafeRawBufferPointer(rebasing: raw[0..<split]))
                hasher.update(buffer: UnsafeRawBufferPointer(rebasing: raw[split..<130]))
            }
            #expect(hasher.finalize() == oneShot, "split at \(split)")
            var sequence = try #require(SHA256(implementation: implementation))
            sequence.update(bytes[0..<split])
            sequence.update(bytes[split..<130])
            #expect(sequence.finalize() == oneShot, "sequence split at \(split)")
        }
    }

    @Test func aCopyOfAHasherIsIndependent() {
        var first = SHA256()
        first.update(Array("ab".utf8))
        var second = first
        first.update(Array("c".utf8))
        second.update(Array("d".utf8))
        #expect(SHA256.hexString(first.finalize()) == SHA256Tests.abc)
        #expect(SHA256.hexString(second.finalize()) == SHA256.hex(of: Array("abd".utf8)))
    }

    @Test func nonContiguousSequencesAndFiles() throws {
        // A lazy sequence has no contiguous storage: it goes through the small scratch buffer.
        let bytes = SHA256Tests.sample(10_000)
        var hasher = SHA256()
        hasher.update(bytes.lazy.map { $0 })
        #expect(SHA256.hexString(hasher.finalize()) == SHA256.hex(of: bytes))

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let large = SHA256Tests.sample(3 << 20 | 17)  // over three 1 MiB reads
        let path = directory.file("large.bin")
        let writer = try ByteFileWriter(path: path)
        try writer.write(large)
        let written = try writer.finish()
        #expect(SHA256.hex(ofFileAt: path) == SHA256.hex(of: large))
        #expect(SHA256.hex(ofFileAt: path) == written.sha256)
        #expect(SHA256.hex(ofFileAt: directory.file("missing")) == nil)
    }
}

@Suite("ByteFileWriter")
struct ByteFileWriterTests {
    @Test func finishReportsByteCountAndSHA256OfWhatWasWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("out.bin")
        // A tiny buffer so that the writer flushes many times, at odd offsets.
        let writer = try ByteFileWriter(path: path, capacity: 7)
        var expected: [UInt8] = []
        try writer.write("Grüezi ")
        expected += Array("Grüezi ".utf8)
        try writer.write([0x00, 0xFF, 0x0A])
        expected += [0x00, 0xFF, 0x0A]
        try writer.write(byte: 0x41)
        expected.append(0x41)
        let block = SHA256Tests.sample(1_000)
        try block.withUnsafeBytes { try writer.write(bytes: $0) }
        expected += block
        try writer.write("Ende\n")
        expected += Array("Ende\n".utf8)

        let written = try writer.finish()
        #expect(written.path == path)
        #expect(written.byteCount == expected.count)
        #expect(written.sha256 == SHA256.hex(of: expected))
        #expect(try TestFiles.bytes(atPath: path) == expected)
        #expect(SHA256.hex(of: try TestFiles.bytes(atPath: path)) == written.sha256)
    }

    @Test func emptyFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ByteFileWriter(path: directory.file("empty"))
        let written = try writer.finish()
        #expect(written.byteCount == 0)
        #expect(written.sha256 == SHA256Tests.empty)
        #expect(try TestFiles.bytes(atPath: directory.file("empty")).isEmpty)
    }

    @Test func largeWriteWithDefaultBuffer() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ByteFileWriter(path: directory.file("big"))
        let bytes = SHA256Tests.sample(200_003)
        try writer.write(bytes)
        let written = try writer.finish()
        #expect(written.byteCount == 200_003)
        #expect(written.sha256 == SHA256.hex(of: bytes))
    }

    @Test func truncatesAnExistingFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("f", text: "a much longer old content")
        let writer = try ByteFileWriter(path: path)
        try writer.write("new")
        _ = try writer.finish()
        #expect(try TestFiles.text(atPath: path) == "new")
    }

    @Test func cannotCreateInAMissingFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: IOError.self) { try ByteFileWriter(path: directory.file("missing/folder/file")) }
    }
}
