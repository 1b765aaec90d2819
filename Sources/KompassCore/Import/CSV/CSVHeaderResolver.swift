/// How a CSV header cell was matched to a field the mapping reads, and which tolerances that took.
struct CSVHeaderMatch: Equatable {
    /// The name in `ImportRequest.fields` the column is read as (the mapping's canonical name).
    var canonical: String
    /// The header and the name it matched differ in surrounding whitespace.
    var spaces: Bool
    /// The header and the name it matched differ in case.
    var caseDiffers: Bool
    /// The mapping's synonym the header matched, when it matched one rather than the canonical name.
    var synonym: String?

    /// Whether the header is exactly the canonical name: no tolerance was needed.
    var isExact: Bool { !spaces && !caseDiffers && synonym == nil }
}

/// Matches CSV header cells to the fields a mapping reads, trying in order: the exact name; the name
/// without surrounding whitespace; the name ignoring case; a synonym the mapping declares (exactly, then
/// ignoring surrounding whitespace, then ignoring case). A case-insensitive match that fits more than one
/// name matches none: kompass does not guess.
struct CSVHeaderResolver {
    let fields: Set<String>
    /// Synonym → canonical name, only for canonical names in `fields`.
    let synonyms: [String: String]
    private let fieldsByKey: [String: [String]]
    private let synonymsByKey: [String: [String]]

    init(fields: Set<String>, synonyms: [String: String]) {
        self.fields = fields
        let usable = synonyms.filter { fields.contains($0.value) }
        self.synonyms = usable
        fieldsByKey = Dictionary(grouping: fields, by: CSVHeaderResolver.key)
        synonymsByKey = Dictionary(grouping: usable.keys, by: CSVHeaderResolver.key)
    }

    /// A name as headers are compared when tolerating spaces and case.
    static func key(_ name: String) -> String { name.trimmingWhitespace().lowercased() }

    /// The field a header cell (its text as written) is read as; nil when it matches none.
    func match(_ written: String) -> CSVHeaderMatch? {
        if fields.contains(written) { return CSVHeaderMatch(canonical: written, spaces: false, caseDiffers: false) }
        let name = written.trimmingWhitespace()
        if fields.contains(name) { return compare(written, with: name, canonical: name, synonym: nil) }
        let key = CSVHeaderResolver.key(name)
        if let candidates = fieldsByKey[key], candidates.count == 1 {
            return compare(written, with: candidates[0], canonical: candidates[0], synonym: nil)
        }
        for candidate in [written, name] {
            if let canonical = synonyms[candidate] { return compare(written, with: candidate, canonical: canonical, synonym: candidate) }
        }
        if let candidates = synonymsByKey[key], candidates.count == 1, let canonical = synonyms[candidates[0]] {
            return compare(written, with: candidates[0], canonical: canonical, synonym: candidates[0])
        }
        return nil
    }

    /// The match of `written` to `name` (equal to it ignoring surrounding whitespace and case).
    private func compare(_ written: String, with name: String, canonical: String, synonym: String?) -> CSVHeaderMatch {
        let writtenTrimmed = written.trimmingWhitespace()
        let nameTrimmed = name.trimmingWhitespace()
        return CSVHeaderMatch(canonical: canonical,
                              spaces: written != name && (written != writtenTrimmed || name != nameTrimmed),
                              caseDiffers: writtenTrimmed != nameTrimmed,
                              synonym: synonym)
    }
}
