/// The input formats kompass reads.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    case pageText = "page-text"
    case csv
    case json
    case jsonl
    case xml

    /// The format a file's extension implies: `.txt` page text, `.csv`, `.json`, `.jsonl`/`.ndjson`, `.xml`.
    public init?(pathExtensionOf path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "txt": self = .pageText
        case "csv": self = .csv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "xml": self = .xml
        default: return nil
        }
    }
}
