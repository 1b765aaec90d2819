import CKompassSHA256

/// SHA-256 (FIPS 180-4), incremental. Used for distribution checksums and content fingerprints;
/// the toolchain's Foundation on Linux has no digest API and the product takes no packages.
///
/// The work happens in the C target CKompassSHA256: the x86-64 SHA extensions (SHA-NI) when CPUID
/// reports them, portable C otherwise. The C context is a plain struct stored inline, so a copy of
/// a hasher is an independent hasher (value semantics, as before).
public struct SHA256: Sendable {
    /// The implementations of the compression function (the raw values are the C library's).
    enum Implementation: Int32, Sendable, CaseIterable {
        /// The fastest this CPU has.
        case automatic = 0
        /// Portable C, on every CPU.
        case portable = 1
        /// The x86-64 SHA extensions.
        case shaNI = 2
    }

    private var context = kompass_sha256_ctx()

    public init() {
        kompass_sha256_init(&context)
    }

    /// A hasher that runs `implementation`; nil when this CPU (or build) lacks it. For tests.
    init?(implementation: Implementation) {
        guard kompass_sha256_init_with(&context, CInt(implementation.rawValue)) == 0 else { return nil }
    }

    /// Which implementation this hasher runs: "sha-ni" or "portable".
    var implementationName: String {
        String(cString: kompass_sha256_implementation_name(CInt(context.implementation)))
    }

    /// Which implementation `SHA256()` runs on this machine: "sha-ni" or "portable".
    public static let implementation: String =
        String(cString: kompass_sha256_implementation_name(kompass_sha256_automatic_implementation()))

    /// Whether this CPU (and build) can run the SHA-NI implementation.
    static var hardwareAvailable: Bool { kompass_sha256_hardware_available() != 0 }

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { contiguous in
            kompass_sha256_update(&context, contiguous.baseAddress, contiguous.count)
        }
        if done != nil { return }
        // Not contiguous: through a small buffer, so no copy of the whole sequence is made.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { scratch in
            var count = 0
            for byte in bytes {
                scratch[count] = byte
                count += 1
                if count == scratch.count {
                    kompass_sha256_update(&context, scratch.baseAddress, count)
                    count = 0
                }
            }
            if count > 0 { kompass_sha256_update(&context, scratch.baseAddress, count) }
        }
    }

    /// Feeds a contiguous buffer; whole 64-byte blocks are hashed in place, without copying.
    public mutating func update(buffer: UnsafeRawBufferPointer) {
        kompass_sha256_update(&context, buffer.baseAddress, buffer.count)
    }

    /// The digest of everything fed so far (the hasher itself is left as it was).
    public func finalize() -> [UInt8] {
        var copy = context
        return [UInt8](unsafeUninitializedCapacity: 32) { digest, initialized in
            kompass_sha256_final(&copy, digest.baseAddress!)
            initialized = 32
        }
    }

    /// The digest of `bytes` as lowercase hex.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hexString(hasher.finalize())
    }

    /// The digest of a file's content as lowercase hex, read in 1 MiB chunks; nil when it cannot be read.
    public static func hex(ofFileAt path: String) -> String? {
        guard let reader = try? ByteFileReader(path: path, chunkSize: 1 << 20) else { return nil }
        var hasher = SHA256()
        do {
            try reader.forEachChunk { hasher.update(buffer: $0) }
        } catch {
            return nil
        }
        return hexString(hasher.finalize())
    }

    public static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
