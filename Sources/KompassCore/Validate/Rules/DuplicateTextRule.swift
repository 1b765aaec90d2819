/// `text.duplicate`: no two projects have identical or nearly identical texts (a copy-paste left
/// on the page). Compares each project's "Bisher" and "In Zukunft" together, through a similarity
/// index that stays linear in the number of projects.
public struct DuplicateTextRule: ValidationRule {
    public static let id = "text.duplicate"
    public static let checksPortfolio = true
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(
        en: "No two projects have identical or nearly identical texts (estimated word-shingle similarity at or above `threshold`, default 0.8).",
        de: "Keine zwei Vorhaben haben gleiche oder fast gleiche Texte (geschätzte Ähnlichkeit ab `threshold`, Standard 0.8).")
    public static let defaultParameters: [String: Double] = ["threshold": 0.8]
    public let severity: Severity
    let threshold: Double

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
        threshold = parameters.value("threshold", default: 0.8)
    }

    public func check(portfolio: Portfolio, context: ValidationContext) -> [Finding] {
        // Shingling and min-hashing each text is independent work (most of this rule's time): both cores
        // compute the entries, then the index takes them in portfolio order.
        let entries = ParallelChunks.map(portfolio.projects.count) { range in
            var wordHashes: [UInt64] = []
            return range.map { position in
                let project = portfolio.projects[position]
                return SimilarityIndex.entry(text: project.before + "\n" + project.future, scratch: &wordHashes)
            }
        }
        var index = SimilarityIndex(expectedCount: portfolio.projects.count)
        for (position, entry) in entries.enumerated() {
            if let entry { index.add(id: position, entry: entry) }
        }
        return index.pairs(threshold: threshold).map { pair in
            let first = portfolio.projects[pair.first], second = portfolio.projects[pair.second]
            let percent = Int((pair.estimatedJaccard * 100).rounded())
            let message = pair.identical
                ? Bilingual(en: "the texts are identical to those of '\(first.id)' (\(first.origins.record))",
                            de: "die Texte sind dieselben wie bei '\(first.id)' (\(first.origins.record))")
                : Bilingual(en: "the texts are nearly identical (about \(percent)%) to those of '\(first.id)' (\(first.origins.record))",
                            de: "die Texte sind fast gleich (etwa \(percent) %) wie bei '\(first.id)' (\(first.origins.record))")
            return finding(second, .before, message,
                           hint: Bilingual(en: "a copy-paste left on the page? Write this project's own texts",
                                           de: "eine vergessene Kopie? Erfassen Sie die eigenen Texte dieses Vorhabens"))
        }
    }
}
