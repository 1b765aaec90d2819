/// `text.duplicate`: no two projects have identical or nearly identical texts (a copy-paste left
/// on the page). Compares each project's "Bisher" and "In Zukunft" together, through a similarity
/// index that stays linear in the number of projects.
public struct DuplicateTextRule: ValidationRule {
    public static let id = RuleID.textDuplicate
    public static let checksPortfolio = true
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(
        en: "No two projects have identical or nearly identical texts (estimated word-shingle similarity at or above `threshold`, default 0.8).",
        de: "Keine zwei Vorhaben haben gleiche oder fast gleiche Texte (geschätzte Ähnlichkeit ab `threshold`, Standard 0.8).")
    public static let defaultParameters: [String: Double] = ["threshold": 0.8]
    /// `threshold` is a fraction (a similarity): 0 to 1.
    public static func allowedRange(of parameter: String) -> ClosedRange<Double> { 0...1 }
    public let severity: Severity
    let threshold: Double

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
        threshold = parameters.value("threshold", default: 0.8)
    }

    public func portfolioCheck(context: ValidationContext) -> (any PortfolioCheck)? { Check(rule: self) }

    /// Each project's signature in the similarity index, under its position. Pairs are told at the end, named
    /// from `ComparedProjects` (identifiers, where the records and the "Bisher" texts start).
    struct Check: PortfolioCheck {
        let rule: DuplicateTextRule
        var index = SimilarityIndex()

        init(rule: DuplicateTextRule) {
            self.rule = rule
        }

        /// The texts' entry in the similarity index (shingled and min-hashed: most of this rule's time).
        func key(for project: Project) -> (any Sendable)? {
            var wordHashes: [UInt64] = []
            return SimilarityIndex.entry(text: project.before + "\n" + project.future, scratch: &wordHashes)
        }

        mutating func add(_ project: Project, position: Int, key: (any Sendable)?, earlier: ComparedProjects) -> [Finding] {
            if let entry = key as? SimilarityIndex.Entry { index.add(id: position, entry: entry) }
            return []
        }

        mutating func finish(projects: ComparedProjects, report: (Finding) -> Void) {
            for pair in index.pairs(threshold: rule.threshold) {
                let first = (id: projects.identifier(at: pair.first), record: projects.recordLocation(at: pair.first))
                let second = (id: projects.identifier(at: pair.second), before: projects.beforeLocation(at: pair.second))
                let percent = Int((pair.estimatedJaccard * 100).rounded())
                let message = pair.identical
                    ? Bilingual(en: "the texts are identical to those of '\(first.id)' (\(first.record))",
                                de: "die Texte sind dieselben wie bei '\(first.id)' (\(first.record))")
                    : Bilingual(en: "the texts are nearly identical (about \(percent)%) to those of '\(first.id)' (\(first.record))",
                                de: "die Texte sind fast gleich (etwa \(percent) %) wie bei '\(first.id)' (\(first.record))")
                report(Finding(ruleID: DuplicateTextRule.id, severity: rule.severity, location: second.before, field: .before,
                               projectID: second.id.rawValue, message: message,
                               hint: Bilingual(en: "a copy-paste left on the page? Write this project's own texts",
                                               de: "eine vergessene Kopie? Erfassen Sie die eigenen Texte dieses Vorhabens")))
            }
        }
    }
}
