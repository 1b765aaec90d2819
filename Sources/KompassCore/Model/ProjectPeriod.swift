/// The years a project runs: a start year and, unless the source gives a single year, an end year.
public struct ProjectPeriod: Sendable, Hashable, Codable {
    public var startYear: Int
    /// Nil when the source names a single year (e.g. "2024").
    public var endYear: Int?

    public init(startYear: Int, endYear: Int? = nil) {
        self.startYear = startYear
        self.endYear = endYear
    }

    /// The last year of the project: the end year, or the start year for a single-year project.
    public var lastYear: Int { endYear ?? startYear }

    /// The page's own notation: `2023–2028` (en dash) or `2024`.
    public var displayText: String {
        if let endYear { return "\(startYear)–\(endYear)" }
        return "\(startYear)"
    }
}
