import Testing
import KompassXML

/// `XMLStreamReader.init(name:schema:problemLimit:read:)`: libxml2 parses exactly the bytes the read
/// function hands over, each asked for once, and the DOCTYPE check happens in that same stream.
@Suite struct XMLPullSourceTests {
    /// A read function over `bytes` handing over at most `piece` bytes per call, and what it handed over.
    final class Feed {
        let bytes: [UInt8]
        let piece: Int
        private(set) var handedOver: [UInt8] = []
        private(set) var callsAfterEnd = 0
        private var ended = false
        var failAfter: Int?

        struct Failure: Error, CustomStringConvertible {
            var description: String { "disk on fire" }
        }

        init(_ text: String, piece: Int = .max) {
            bytes = Array(text.utf8)
            self.piece = piece
        }

        func read(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            if ended { callsAfterEnd += 1 }
            if let failAfter, handedOver.count >= failAfter { throw Failure() }
            let count = min(buffer.count, piece, bytes.count - handedOver.count)
            guard count > 0 else {
                ended = true
                return 0
            }
            buffer.copyBytes(from: bytes[handedOver.count..<(handedOver.count + count)])
            handedOver += bytes[handedOver.count..<(handedOver.count + count)]
            return count
        }
    }

    static func read(_ feed: Feed, schema: XMLSchema? = nil) throws -> (texts: [String], problems: [XMLProblem], reader: XMLStreamReader) {
        let reader = try XMLStreamReader(name: "pulled.xml", schema: schema) { try feed.read($0) }
        var texts: [String] = []
        reader.forEachEvent { event in
            if case .text(let text, _) = event, text.contains(where: { !$0.isWhitespace }) { texts.append(text) }
            if case .startElement(_, let attributes, _, _) = event { texts += attributes.map(\.value) }
        }
        return (texts, reader.problems, reader)
    }

    static func longDocument(items: Int) -> String {
        "<?xml version=\"1.0\"?>\n<list xmlns=\"urn:test\">\n"
            + (0..<items).map { "<item>\(String(repeating: "abc", count: $0 % 7 + 1))</item>\n" }.joined()
            + "</list>\n"
    }

    @Test(arguments: [1, 3, 4096, Int.max])
    func everyByteIsAskedForOnceAndParsed(piece: Int) throws {
        let document = Self.longDocument(items: piece == 1 ? 500 : 20_000)
        let feed = Feed(document, piece: piece)
        let (texts, problems, reader) = try Self.read(feed, schema: XMLDoctypeTests.schema())
        #expect(problems.isEmpty, "\(problems)")
        #expect(texts.count == (piece == 1 ? 500 : 20_000))
        #expect(feed.handedOver == feed.bytes)
        #expect(feed.callsAfterEnd == 0)
        #expect(reader.sourceError == nil)
    }

    @Test(arguments: [1, 7, Int.max])
    func theDoctypeIsFoundInTheStreamAtTheSamePlace(piece: Int) throws {
        let document = "<?xml version=\"1.0\"?>\n<!-- a comment\n over two lines -->\n  <!DOCTYPE list [\n<!ENTITY e \"SECRET\">\n]>\n<list xmlns=\"urn:test\" a=\"&e;\"><item>a&e;b</item></list>\n"
        let feed = Feed(document, piece: piece)
        let (texts, problems, _) = try Self.read(feed, schema: XMLDoctypeTests.schema())
        let doctype = problems.filter { $0.message.contains("DOCTYPE") }
        #expect(doctype.count == 1, "\(problems)")
        #expect(doctype.first?.line == 4)
        #expect(doctype.first?.column == 3)
        #expect(doctype.first?.message.contains("not validated") == true)
        #expect(problems.filter { $0.kind == .entity }.count == 3, "\(problems)")
        #expect(problems.allSatisfy { $0.kind != .schema }, "the schema was attached: \(problems)")
        #expect(texts.allSatisfy { !$0.contains("SECRET") }, "\(texts)")
        #expect(feed.handedOver == feed.bytes)
    }

    /// A prolog longer than one chunk: the check keeps reading until it reaches the DOCTYPE.
    @Test func aDoctypeAfterALongCommentIsFound() throws {
        let comment = "<!--" + String(repeating: "0123456789\n", count: 2_000) + "-->\n"
        let big = String(repeating: "x", count: 5_000)
        let document = comment + "<!DOCTYPE list [<!ENTITY big \"\(big)\">]>\n<list xmlns=\"urn:test\"><item>" + String(repeating: "&big;", count: 5_000) + "</item></list>\n"
        let clock = ContinuousClock()
        var result: (texts: [String], problems: [XMLProblem], reader: XMLStreamReader)?
        let elapsed = try clock.measure { result = try Self.read(Feed(document, piece: 1000), schema: XMLDoctypeTests.schema()) }
        let (texts, problems, _) = try #require(result)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        #expect(problems.contains { $0.message.contains("DOCTYPE") && $0.line == 2_002 && ($0.column == 1 || $0.column == nil) }, "\(problems.prefix(3))")
        #expect(texts.allSatisfy { !$0.contains("xxxx") }, "an entity was expanded")
    }

    /// Beyond 1 MiB of prolog the check no longer holds the bytes back: the document is read without the
    /// schema, and the check goes on as the bytes pass, so a DOCTYPE after it is still refused where it
    /// stands, and nothing is expanded.
    @Test(arguments: [false, true])
    func aPrologBeyondTheLimitIsReadWithoutTheSchema(withSchema: Bool) throws {
        var comments = ""
        while comments.utf8.count <= 1 << 20 { comments += "<!--" + String(repeating: "c", count: 60_000) + "-->\n" }
        let line = comments.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let document = comments + "<!DOCTYPE list [<!ENTITY big \"SECRET\">]>\n<list xmlns=\"urn:test\"><item>a&big;</item><wrong/></list>\n"
        let feed = Feed(document, piece: 5_000)
        let (texts, problems, _) = try Self.read(feed, schema: withSchema ? XMLDoctypeTests.schema() : nil)
        if withSchema {
            #expect(problems.first?.kind == .schema)
            #expect(problems.first?.message.contains("not validated against the schema") == true, "\(problems)")
        }
        #expect(problems.filter { $0.kind == .schema }.count == (withSchema ? 1 : 0), "the schema was attached: \(problems)")
        let doctype = problems.filter { $0.message.contains("DOCTYPE") }
        #expect(doctype.count == 1, "\(problems)")
        #expect(doctype.first?.kind == .entity)
        #expect(doctype.first?.line == line)
        #expect(doctype.first?.column == 1)
        #expect(problems.contains { $0.message.contains("&big;") }, "\(problems)")
        #expect(texts.allSatisfy { !$0.contains("SECRET") }, "\(texts)")
        #expect(feed.handedOver == feed.bytes)
    }

    @Test func aLongPrologWithoutADoctypeAndWithTheSchemaIsReportedOnce() throws {
        let comments = String(repeating: "<!--" + String(repeating: "c", count: 60_000) + "-->\n", count: 20)
        let (texts, problems, _) = try Self.read(Feed(comments + "<list xmlns=\"urn:test\"><item>a</item></list>\n"),
                                                 schema: XMLDoctypeTests.schema())
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.kind == .schema)
        #expect(texts == ["a"])
    }

    @Test func aLongPrologWithoutASchemaIsJustRead() throws {
        let comments = String(repeating: "<!--" + String(repeating: "c", count: 60_000) + "-->\n", count: 20)
        let (texts, problems, _) = try Self.read(Feed(comments + "<list><item>a</item></list>\n"))
        #expect(problems.isEmpty, "\(problems)")
        #expect(texts == ["a"])
    }

    @Test func aFailingSourceEndsTheDocumentWithAProblem() throws {
        let feed = Feed(Self.longDocument(items: 5_000), piece: 4096)
        feed.failAfter = 20_000
        let (_, problems, reader) = try Self.read(feed, schema: XMLDoctypeTests.schema())
        #expect(reader.sourceError is Feed.Failure)
        #expect(problems.contains { $0.message.contains("disk on fire") }, "\(problems)")
        #expect(feed.handedOver.count >= 20_000 && feed.handedOver.count < feed.bytes.count)
    }

    @Test func aSourceFailingAtOnceIsAProblemToo() throws {
        let feed = Feed("<list/>")
        feed.failAfter = 0
        let (_, problems, reader) = try Self.read(feed)
        #expect(reader.sourceError != nil)
        #expect(!problems.isEmpty)
    }

    @Test func anEmptySourceIsReported() throws {
        let (_, problems, _) = try Self.read(Feed(""))
        #expect(!problems.isEmpty)
    }
}
