/// `text.other-project`: no "Bisher" or "In Zukunft" text reads as if it described another project of the
/// portfolio (a text pasted into the wrong project, or left there from another one).
///
/// Each text is compared, by the TF-IDF cosine of its terms (`GermanTerms`, `TermIndex`), with its own project's
/// other text and with every other project's two texts together. It is reported when its similarity to another
/// project exceeds that to its own other text by `margin` (default 0.2) or more. A project's two texts describe
/// one undertaking, before and after: they share its subject's words; a text that shares more of them with
/// another project than with its partner is out of place. The difference (not a ratio) because a short text
/// often shares no informative word with its partner at all (own similarity 0), where any ratio is infinite.
///
/// One mistake, one message (findings are taken strongest first):
/// - a text is not reported when its partner, too, reads like the other project's text of the partner's kind
///   (a "Bisher" like its "Bisher") by the margin: the project is a copy of the other one (`text.duplicate`
///   reports identical and nearly identical texts) or on the same subject, not a project with a text out of place;
/// - a project gets at most one finding: a foreign text lowers its partner's own similarity too, so the partner
///   can look foreign as well; the text that reads more clearly like another project is reported;
/// - when a text of project P reads like project Q, Q's own texts may read like P through that text: a text of
///   Q is reported as reading like P only if it still does against P's other text alone (an echo is not).
///
/// Linear in the portfolio's size: an inverted index with capped postings, see `TermIndex`.
public struct OtherProjectTextRule: ValidationRule {
    public static let id = RuleID.textOtherProject
    public static let checksPortfolio = true
    public static let defaultSeverity = Severity.warning
    public static let summary = Bilingual(
        en: "No \"Bisher\" or \"In Zukunft\" text reads as if it described another project (its TF-IDF similarity to another project's texts exceeds that to its own project's other text by `margin` or more, default 0.2).",
        de: "Kein «Bisher»- oder «In Zukunft»-Text liest sich, als beschreibe er ein anderes Vorhaben (seine TF-IDF-Ähnlichkeit zu den Texten eines anderen Vorhabens übersteigt die zum anderen Text des eigenen um `margin` oder mehr, Standard 0.2).")
    public static let defaultParameters: [String: Double] = ["margin": 0.2]
    /// `margin` is a fraction (a similarity difference): 0 to 1.
    public static func allowedRange(of parameter: String) -> ClosedRange<Double> { 0...1 }
    /// How many of the words both share a finding names.
    static let sharedWordCount = 5
    public let severity: Severity
    let margin: Double

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
        margin = parameters.value("margin", default: 0.2)
    }

    public func portfolioCheck(context: ValidationContext) -> (any PortfolioCheck)? { Check(rule: self) }

    /// A text that reads like another project, before the selection (one per project, no echoes).
    struct Candidate {
        var match: TermIndex.TextMatch
        var other: Int
        var lead: Double { match.otherSimilarity - match.ownSimilarity }
    }

    /// Each project's terms in the TF-IDF index, under its position. The texts are compared at the end, named
    /// from `ComparedProjects` (identifiers, titles, where the records and the texts start). Unlike the other
    /// comparing rules, it keeps more than a fixed-size key per project: its texts' coded term lists (about
    /// 1–3 bytes per distinct word), which the comparison at the end needs.
    struct Check: PortfolioCheck {
        let rule: OtherProjectTextRule
        var index = TermIndex()

        struct Key: Sendable {
            var before: TermCounts
            var future: TermCounts
        }

        /// The terms of the two texts (tokenised and counted: most of this rule's time before the end).
        func key(for project: Project) -> (any Sendable)? {
            Key(before: GermanTerms.terms(project.before), future: GermanTerms.terms(project.future))
        }

        mutating func add(_ project: Project, position: Int, key: (any Sendable)?, earlier: ComparedProjects) -> [Finding] {
            let key = key as? Key ?? Key(before: GermanTerms.terms(project.before), future: GermanTerms.terms(project.future))
            index.add(before: key.before, future: key.future)
            return []
        }

        mutating func finish(projects: ComparedProjects, report: (Finding) -> Void) {
            let weighted = index.weighted()
            index = TermIndex()
            for candidate in OtherProjectTextRule.select(weighted, margin: rule.margin) {
                report(rule.finding(candidate, weighted, projects))
            }
        }
    }

    /// The texts to report, in portfolio order ("Bisher" before "In Zukunft").
    static func select(_ weighted: TermIndex.Weighted, margin: Double) -> [Candidate] {
        var candidates: [Candidate] = []
        weighted.search { match in
            guard let other = match.other, match.otherSimilarity - match.ownSimilarity >= margin else { return }
            // The other text reads like the other project's text of its kind too: the project is a copy of the
            // other one (text.duplicate's finding) or on the same subject, not a project with a text out of place.
            let partner = weighted.textVector(position: match.position, side: match.side.other)
            let sameKind = weighted.textVector(position: other, side: match.side.other)
            guard partner.dot(sameKind) - match.ownSimilarity < margin else { return }
            candidates.append(Candidate(match: match, other: other))
        }
        // Strongest first: one finding per project, and no echo of a finding in the project it names.
        candidates.sort { ($1.lead, $0.match.position, $0.match.side.rawValue) < ($0.lead, $1.match.position, $1.match.side.rawValue) }
        var selected: [Int: Candidate] = [:]
        for candidate in candidates {
            let position = candidate.match.position
            guard selected[position] == nil else { continue }
            if let named = selected[candidate.other], named.other == position {
                // The other project has a text that reads like this one. Without that text, does this text
                // still read like the other project? If not, it only echoes the finding there.
                let remaining = weighted.textVector(position: candidate.other, side: named.match.side.other)
                let text = weighted.textVector(position: position, side: candidate.match.side)
                guard text.dot(remaining) - candidate.match.ownSimilarity >= margin else { continue }
            }
            selected[position] = candidate
        }
        return selected.values.sorted { ($0.match.position, $0.match.side.rawValue) < ($1.match.position, $1.match.side.rawValue) }
    }

    func finding(_ candidate: Candidate, _ weighted: TermIndex.Weighted, _ projects: ComparedProjects) -> Finding {
        let match = candidate.match
        let position = match.position, other = candidate.other
        let text = weighted.textVector(position: position, side: match.side)
        let words = weighted.sharedWords(text, weighted.documentVector(position: other), limit: Self.sharedWordCount)
            .joined(separator: ", ")
        let (field, english, german, partnerEnglish, partnerGerman): (ProjectField, String, String, String, String) =
            match.side == .before ? (.before, "\"Bisher\"", "«Bisher»", "\"In Zukunft\"", "«In Zukunft»")
                                  : (.future, "\"In Zukunft\"", "«In Zukunft»", "\"Bisher\"", "«Bisher»")
        let this = "'\(projects.identifier(at: position))' (\(projects.title(at: position)))"
        let that = "'\(projects.identifier(at: other))' (\(projects.title(at: other)), \(projects.recordLocation(at: other)))"
        let otherValue = Self.decimal(match.otherSimilarity), ownValue = Self.decimal(match.ownSimilarity)
        return Finding(
            ruleID: Self.id, severity: severity,
            location: field == .before ? projects.beforeLocation(at: position) : projects.futureLocation(at: position),
            field: field, projectID: projects.identifier(at: position).rawValue,
            message: Bilingual(
                en: "the \(english) text of \(this) reads as if it described \(that): TF-IDF similarity \(otherValue) to that project's texts, \(ownValue) to this project's \(partnerEnglish); words in common: \(words)",
                de: "der \(german)-Text von \(this) liest sich, als beschreibe er \(that): TF-IDF-Ähnlichkeit \(otherValue) zu dessen Texten, \(ownValue) zum \(partnerGerman) dieses Vorhabens; gemeinsame Wörter: \(words)"),
            hint: Bilingual(
                en: "a text pasted into the wrong project? Check which project it describes, and write this project's own \(english)",
                de: "ein Text beim falschen Vorhaben eingefügt? Prüfen Sie, welches Vorhaben er beschreibt, und erfassen Sie \(german) dieses Vorhabens"))
    }

    /// A similarity with two decimals, e.g. `0.28`.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
