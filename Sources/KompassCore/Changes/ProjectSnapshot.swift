/// What was published about one project, kept in the publication state to find what changed.
///
/// Compact, because a run keeps one per project: the texts' fingerprint is kept as its 64 bits, the fields
/// of action and the user groups as the positions of their terms in their vocabularies, four bits each, in
/// order. Outside, they read as the codes and hex digits the state file holds.
public struct ProjectSnapshot: Sendable, Equatable {
    public var id: String
    public var title: String
    public var progress: Int
    public var startYear: Int
    public var endYear: Int?
    public var status: String
    private var textDigest: UInt64
    private var fieldTerms: UInt32
    private var groupTerms: UInt32

    /// SHA-256 (16 hex digits) of the texts "Bisher" and "In Zukunft".
    public var textFingerprint: String {
        let digits = String(textDigest, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fields of action, as codes, in the order the source lists them.
    public var fieldsOfAction: [String] { Self.codes(fieldTerms, of: FieldOfAction.self) }
    /// The user groups, as codes, in the order the source lists them.
    public var userGroups: [String] { Self.codes(groupTerms, of: UserGroup.self) }

    public init(_ project: Project, referenceYear: Int) {
        id = project.id.rawValue
        title = project.title
        progress = project.progress
        startYear = project.period.startYear
        endYear = project.period.endYear
        status = project.status(referenceYear: referenceYear).code
        textDigest = ProjectFingerprint.digest(before: project.before, future: project.future)
        fieldTerms = Self.terms(project.fieldsOfAction)
        groupTerms = Self.terms(project.userGroups)
    }

    /// A snapshot as a state file holds it; nil when a value is not one a snapshot can hold (a fingerprint that
    /// is not 16 hex digits, a code that is not a term of its vocabulary, more than eight terms).
    public init?(id: String, title: String, progress: Int, startYear: Int, endYear: Int?, status: String, textFingerprint: String,
                 fieldsOfAction: [String], userGroups: [String]) {
        guard ProjectFingerprint.isWellFormed(textFingerprint), let digest = UInt64(textFingerprint, radix: 16),
              let fields = Self.terms(fieldsOfAction, of: FieldOfAction.self),
              let groups = Self.terms(userGroups, of: UserGroup.self) else { return nil }
        self.id = id
        self.title = title
        self.progress = progress
        self.startYear = startYear
        self.endYear = endYear
        self.status = status
        textDigest = digest
        fieldTerms = fields
        groupTerms = groups
    }

    var periodText: String { endYear.map { "\(startYear)–\($0)" } ?? "\(startYear)" }

    /// Terms packed in order, four bits each (the term's position in its vocabulary plus one); a project
    /// lists each term once, so its at most eight terms fit.
    private static func terms<V: Vocabulary>(_ terms: [V]) -> UInt32 {
        var packed: UInt32 = 0
        for (slot, term) in terms.prefix(8).enumerated() {
            packed |= UInt32(V.allCases.firstIndex(of: term).map { V.allCases.distance(from: V.allCases.startIndex, to: $0) + 1 } ?? 0)
                << (4 * UInt32(slot))
        }
        return packed
    }

    /// Codes packed in order, four bits each (the term's position in its vocabulary plus one).
    private static func terms<V: Vocabulary>(_ codes: [String], of vocabulary: V.Type) -> UInt32? {
        guard codes.count <= 8 else { return nil }
        let all = Array(V.allCases)
        var packed: UInt32 = 0
        for (slot, code) in codes.enumerated() {
            guard let index = all.firstIndex(where: { $0.code == code }) else { return nil }
            packed |= UInt32(index + 1) << (4 * UInt32(slot))
        }
        return packed
    }

    private static func codes<V: Vocabulary>(_ packed: UInt32, of vocabulary: V.Type) -> [String] {
        let all = Array(V.allCases)
        var codes: [String] = []
        var rest = packed
        while rest != 0 {
            codes.append(all[Int(rest & 0xF) - 1].code)
            rest >>= 4
        }
        return codes
    }
}

extension ProjectSnapshot: Codable {
    enum CodingKeys: String, CodingKey {
        case id, title, progress, startYear, endYear, status, textFingerprint, fieldsOfAction, userGroups
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        guard let snapshot = ProjectSnapshot(
            id: id, title: try container.decode(String.self, forKey: .title), progress: try container.decode(Int.self, forKey: .progress),
            startYear: try container.decode(Int.self, forKey: .startYear), endYear: try container.decodeIfPresent(Int.self, forKey: .endYear),
            status: try container.decode(String.self, forKey: .status),
            textFingerprint: try container.decode(String.self, forKey: .textFingerprint),
            fieldsOfAction: try container.decode([String].self, forKey: .fieldsOfAction),
            userGroups: try container.decode([String].self, forKey: .userGroups)) else {
            throw DecodingError.dataCorruptedError(forKey: .textFingerprint, in: container,
                                                   debugDescription: "the snapshot of '\(id)' holds a fingerprint or a term kompass does not know")
        }
        self = snapshot
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(progress, forKey: .progress)
        try container.encode(startYear, forKey: .startYear)
        try container.encodeIfPresent(endYear, forKey: .endYear)
        try container.encode(status, forKey: .status)
        try container.encode(textFingerprint, forKey: .textFingerprint)
        try container.encode(fieldsOfAction, forKey: .fieldsOfAction)
        try container.encode(userGroups, forKey: .userGroups)
    }
}
