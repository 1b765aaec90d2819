/// An importer of one source format: streams the source's records, in source order, to a closure.
///
/// The contract every importer keeps:
/// - it reads in chunks and keeps only what the current record needs, so memory stays flat
///   whatever the size of the source;
/// - it hands over each record as soon as it is complete, with the position of every value
///   (file, line, column where the format has one, and the source's own field name);
/// - it never stops at the first problem: problems of the source (syntax, encoding, structure)
///   are returned as findings with their position, and reading goes on wherever it safely can;
/// - it decodes only the fields in `request.fields`, and reports every other field name of the
///   source once (rule `source.field.unknown`, severity info), so nothing is ignored silently;
/// - it throws only for operational failures (the file cannot be opened or read).
public protocol RecordImporter: Sendable {
    func read(_ request: ImportRequest, emit: (RawRecord) throws -> Void) throws -> [Finding]
}

/// What to read, and how.
public struct ImportRequest: Sendable {
    /// The file to read.
    public var path: String
    /// The source field names the mapping uses; only these are decoded into records.
    public var fields: Set<String>
    /// Format-specific settings.
    public var options: SourceOptions
    /// Other names the source may give a field: synonym → the name in `fields` it stands for (the mapping's
    /// `columnSynonyms`). Records carry values under the name in `fields`. The CSV importer uses them to read
    /// its header; other importers read the names in `fields` only.
    public var synonyms: [String: String]
    /// Whether a header read only through a tolerance (surrounding spaces, another case, a synonym, a BOM)
    /// is an error instead of an info finding: the `--strict` run.
    public var strictHeaders: Bool
    /// Sees the bytes as they are read (the source's checksum and accepted copy); nil: nobody watches.
    public var capture: SourceCapture?

    public init(path: String, fields: Set<String>, options: SourceOptions = SourceOptions(),
                synonyms: [String: String] = [:], strictHeaders: Bool = false, capture: SourceCapture? = nil) {
        self.capture = capture
        self.path = path
        self.fields = fields
        self.options = options
        self.synonyms = synonyms
        self.strictHeaders = strictHeaders
    }
}

extension ImportRequest {
    /// The source opened for reading, its bytes seen by `capture`: importers read through this, once. Reading
    /// stops with `ReadingStopped` beyond `InputLimits.fileBytes`.
    public func openReader(chunkSize: Int = 1 << 16) throws(IOError) -> ByteFileReader {
        try ByteFileReader(path: path, chunkSize: chunkSize, capture: capture, byteLimit: InputLimits.fileBytes)
    }
}

/// Format-specific settings of a source (all optional: each has a default or is detected).
public struct SourceOptions: Sendable, Equatable {
    /// CSV: the delimiter (`;`, `,` or tab); nil means detect it from the header.
    public var csvDelimiter: UInt8?
    /// CSV: the text encoding; nil means detect UTF-8 or Windows-1252 and report the choice.
    public var encoding: TextEncoding?
    /// JSON: the key of the top-level object that holds the array of records; nil means the
    /// document is itself the array (or, for `.jsonl`, one record per line).
    public var jsonRecordsKey: String?
    /// XML: the local name of the element that holds one record.
    public var xmlRecordElement: String
    /// XML: the namespace of record elements and fields; nil means no namespace.
    public var xmlNamespace: String?
    /// XML: the XSD the source is validated against while streaming; nil means none.
    public var xmlSchemaPath: String?

    public init(csvDelimiter: UInt8? = nil, encoding: TextEncoding? = nil, jsonRecordsKey: String? = nil,
                xmlRecordElement: String = "project", xmlNamespace: String? = nil, xmlSchemaPath: String? = nil) {
        self.csvDelimiter = csvDelimiter
        self.encoding = encoding
        self.jsonRecordsKey = jsonRecordsKey
        self.xmlRecordElement = xmlRecordElement
        self.xmlNamespace = xmlNamespace
        self.xmlSchemaPath = xmlSchemaPath
    }
}

/// The text encodings a source may be in.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
}
