internal import CLibXML2
#if canImport(Glibc)
internal import Glibc
#endif

/// Where an `XMLStreamReader` pulls its bytes from, and the bridge to libxml2's input callbacks.
///
/// The source is read once, in order: the first bytes go through `XMLProlog.Scanner` and are kept
/// (`pending`) until the scanner has decided, then libxml2 receives them, then everything else
/// straight from the source into libxml2's own buffer (`xmlReaderForIO`'s read callback; its context
/// is this object, unretained: the reader owns it and frees libxml2's reader first). libxml2 never
/// opens a file itself.
final class XMLByteSource {
    /// Fills the buffer from its start and returns how many bytes it wrote; 0 at the end.
    typealias Pull = (UnsafeMutableRawBufferPointer) throws -> Int

    private var pull: Pull?
    /// Bytes read from the source that libxml2 has not received yet (the prolog, while it is scanned).
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var ended = false
    private let collector: ProblemCollector
    /// What the source threw, if it did: the document then ends there.
    private(set) var error: (any Error)?
    /// The prolog check, while it has not decided: it then goes on with the bytes as they pass to libxml2.
    private var scanner: XMLProlog.Scanner?
    /// What the DOCTYPE problem says.
    var doctypeMessage = ""
    /// Whether the DOCTYPE has been reported (by the prolog check or, failing that, by the reader).
    private(set) var doctypeReported = false

    init(collector: ProblemCollector, pull: @escaping Pull) {
        self.collector = collector
        self.pull = pull
    }

    /// Reads the source until the scanner knows whether the prolog has a DOCTYPE, or until
    /// `XMLProlog.limit` bytes did not tell. The bytes read stay here for libxml2. If it does not know
    /// by then, it goes on with the bytes as libxml2 receives them, and reports a DOCTYPE it finds then.
    func scanProlog(_ scanner: XMLProlog.Scanner) {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: XMLProlog.chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        while !scanner.isDecided && pending.count < XMLProlog.limit {
            let count = next(into: chunk)
            if count == 0 {
                scanner.finish()
                break
            }
            let bytes = UnsafeRawBufferPointer(rebasing: chunk[0..<count])
            pending.append(contentsOf: bytes)
            scanner.feed(bytes)
        }
        if !scanner.isDecided { self.scanner = scanner }
    }

    /// Reports the DOCTYPE, once.
    func reportDoctype(_ position: XMLProlog.Position) {
        guard !doctypeReported else { return }
        doctypeReported = true
        collector.append(XMLProblem(line: position.line, column: position.column, message: doctypeMessage, kind: .entity))
    }

    /// The next bytes of the source, straight from it; 0 at its end or after it failed.
    private func next(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard !ended, let pull, buffer.count > 0 else { return 0 }
        do {
            let count = min(try pull(buffer), buffer.count)
            guard count > 0 else {
                ended = true
                scan(nil)
                return 0
            }
            scan(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            return count
        } catch {
            ended = true
            self.error = error
            collector.append(XMLProblem(line: 0, column: nil, message: "the source cannot be read to its end: \(error)"))
            scan(nil)
            return 0
        }
    }

    /// The prolog check past `XMLProlog.limit`: sees the bytes just before libxml2 does (nil: the end).
    private func scan(_ bytes: UnsafeRawBufferPointer?) {
        guard let scanner else { return }
        if let bytes { scanner.feed(bytes) } else { scanner.finish() }
        guard scanner.isDecided else { return }
        self.scanner = nil
        if let doctype = scanner.doctype { reportDoctype(doctype) }
    }

    /// libxml2's read callback: first what was kept, then the source itself.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let available = pending.count - pendingOffset
        if available > 0 {
            let count = min(available, buffer.count)
            pending.withUnsafeBytes { kept in
                buffer.baseAddress!.copyMemory(from: kept.baseAddress! + pendingOffset, byteCount: count)
            }
            pendingOffset += count
            if pendingOffset == pending.count {
                pending = []
                pendingOffset = 0
            }
            return count
        }
        return next(into: buffer)
    }

    /// libxml2 is done with the input: let go of the source (and whatever it holds open).
    func close() {
        pull = nil
        scanner = nil
        ended = true
        pending = []
        pendingOffset = 0
    }

    /// The context pointer handed to libxml2; the reader keeps the source alive for as long as
    /// libxml2 may call back.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    static let readCallback: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        let source = Unmanaged<XMLByteSource>.fromOpaque(context).takeUnretainedValue()
        return Int32(source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
    }

    static let closeCallback: xmlInputCloseCallback = { context in
        guard let context else { return 0 }
        Unmanaged<XMLByteSource>.fromOpaque(context).takeUnretainedValue().close()
        return 0
    }
}

/// A file opened with `open(2)` and read with `read(2)`, for `XMLStreamReader.init(path:)`.
final class XMLFileDescriptor {
    private let descriptor: Int32

    /// nil when the file cannot be opened.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(XMLReadError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw XMLReadError(reason: String(cString: strerror(errno)))
        }
    }
}

/// Why `XMLStreamReader.init(path:)` could not read its file to the end.
struct XMLReadError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
