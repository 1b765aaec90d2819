/// Reads the values of a multi-valued field against its closed vocabulary, and names what does not fit:
/// an unknown term (with the closest known one), a term of the other vocabulary, a repeated term.
///
/// A term is its German label exactly. A declared synonym of the mapping, or the term's label in French,
/// Italian or English (case aside), is accepted too, and reported as an info finding with the value
/// before and after: no value is changed silently.
struct TermClassifier<Own: Vocabulary, Other: Vocabulary> {
    let field: ProjectField
    private let synonyms: [String: String]
    private(set) var terms: [Own] = []
    private var unknown: [RawValue] = []
    private var foreign: [(RawValue, Other)] = []
    private var repeated: [RawValue] = []
    private var converted: [(RawValue, Own, Bilingual)] = []

    init(field: ProjectField, synonyms: [String: String] = [:]) {
        self.field = field
        var folded: [String: String] = [:]
        for (key, value) in synonyms { folded[key.lowercased()] = value }
        self.synonyms = folded
    }

    /// The term `text` stands for other than by its German label, and why.
    private func alternative(_ text: String) -> (Own, Bilingual)? {
        let folded = text.lowercased()
        if let label = synonyms[folded], let term = Own(germanLabel: label) {
            return (term, Bilingual(en: "a synonym declared in the mapping", de: "ein im Mapping festgelegtes Synonym"))
        }
        for term in Own.allCases {
            if term.label.de.lowercased() == folded {
                return (term, Bilingual(en: "the German label in other case", de: "die deutsche Bezeichnung in anderer Gross-/Kleinschreibung"))
            }
            for (language, label) in term.label.entries where language != .de && label.lowercased() == folded {
                return (term, Bilingual(en: "its \(language.rawValue) label", de: "die Bezeichnung auf \(TermClassifier.germanName(of: language))"))
            }
        }
        return nil
    }

    private static func germanName(of language: Language) -> String {
        switch language {
        case .de: "Deutsch"
        case .fr: "Französisch"
        case .it: "Italienisch"
        case .en: "Englisch"
        }
    }

    mutating func classify(_ value: RawValue) {
        let text = value.text.trimmingWhitespace()
        var term = Own(germanLabel: text)
        if term == nil, let (alternative, reason) = alternative(text) {
            term = alternative
            converted.append((value, alternative, reason))
        }
        if let term {
            if terms.contains(term) { repeated.append(value) } else { terms.append(term) }
        } else if let other = Other(germanLabel: text) {
            foreign.append((value, other))
        } else {
            unknown.append(value)
        }
    }

    /// - Parameter otherTermsAlsoListed: whether a term of the other vocabulary is also listed
    ///   where it belongs (then leaving it out here loses nothing, and it is a warning).
    func findings(otherTermsAlsoListed: (Other) -> Bool) -> [Finding] {
        var findings: [Finding] = []
        let ownName = Own.schemeLabel.en!.lowercased()
        let ownNameDE = Own.schemeLabel.de
        let known = Own.allCases.map(\.label.de).joined(separator: ", ")
        for value in unknown {
            var hint = Bilingual(en: "use one of: \(known)", de: "verwenden Sie einen dieser Begriffe: \(known)")
            if let suggestion = TermClassifier.closest(to: value.text) {
                hint = Bilingual(en: "did you mean '\(suggestion.label.de)'? Known \(ownName): \(known)",
                                 de: "meinten Sie '\(suggestion.label.de)'? Bekannte Begriffe in «\(ownNameDE)»: \(known)")
            }
            findings.append(Finding(ruleID: .vocabularyUnknown(Own.self), severity: .error, location: value.location,
                                    field: field,
                                    message: Bilingual(en: "'\(value.text)' is not a known term of \(ownName)",
                                                       de: "'\(value.text)' ist kein bekannter Begriff in «\(ownNameDE)»"),
                                    hint: hint))
        }
        let otherName = Other.schemeLabel.en!.lowercased()
        let otherNameDE = Other.schemeLabel.de
        for (value, other) in foreign {
            let alsoListed = otherTermsAlsoListed(other)
            findings.append(Finding(
                ruleID: .vocabularyOtherVocabulary(Own.self), severity: alsoListed ? .warning : .error,
                location: value.location, field: field,
                message: Bilingual(en: "'\(value.text)' is one of the \(otherName), not of the \(ownName)",
                                   de: "'\(value.text)' gehört zu «\(otherNameDE)», nicht zu «\(ownNameDE)»"),
                hint: alsoListed
                    ? Bilingual(en: "it is listed under '\(Other.schemeLabel.de)' as well, so it is left out of the \(ownName); remove it from this list",
                                de: "es steht auch unter «\(otherNameDE)» und wird darum bei «\(ownNameDE)» weggelassen; entfernen Sie es aus dieser Liste")
                    : Bilingual(en: "move it to '\(Other.schemeLabel.de)'", de: "verschieben Sie es zu «\(otherNameDE)»")))
        }
        for (value, term, reason) in converted {
            findings.append(Finding(ruleID: .vocabularySynonym(Own.self), severity: .info, location: value.location,
                                    field: field,
                                    message: Bilingual(en: "'\(value.text)' was read as '\(term.label.de)' (\(reason.en))",
                                                       de: "'\(value.text)' wurde als '\(term.label.de)' gelesen (\(reason.de))"),
                                    hint: nil))
        }
        for value in repeated {
            findings.append(Finding(ruleID: .vocabularyRepeated(Own.self), severity: .warning, location: value.location,
                                    field: field,
                                    message: Bilingual(en: "'\(value.text)' is listed twice", de: "'\(value.text)' ist doppelt aufgeführt"),
                                    hint: Bilingual(en: "list each term once; the repetition is left out",
                                                    de: "führen Sie jeden Begriff einmal auf; die Wiederholung wird weggelassen")))
        }
        return findings
    }

    /// The term whose label is within a small edit distance of `text`, ignoring case.
    static func closest(to text: String) -> Own? {
        let needle = Array(text.lowercased().trimmingWhitespace())
        var best: (Own, Int)?
        for term in Own.allCases {
            let distance = EditDistance.between(needle, Array(term.label.de.lowercased()))
            if distance <= max(2, needle.count / 3), distance < (best?.1 ?? .max) { best = (term, distance) }
        }
        return best?.0
    }
}
