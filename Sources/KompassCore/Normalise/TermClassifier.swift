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
    private var converted: [(RawValue, Own, Reason)] = []

    init(field: ProjectField, synonyms: [String: String] = [:]) {
        self.field = field
        var folded: [String: String] = [:]
        for (key, value) in synonyms { folded[key.lowercased()] = value }
        self.synonyms = folded
    }

    /// Why a term was read other than by its German label.
    enum Reason {
        /// A synonym the mapping declares.
        case synonym
        /// The German label in another case.
        case otherCase
        /// The label in another language.
        case label(Language)
    }

    /// The term `text` stands for other than by its German label, and why.
    private func alternative(_ text: String) -> (Own, Reason)? {
        let folded = text.lowercased()
        if let label = synonyms[folded], let term = Own(germanLabel: label) {
            return (term, .synonym)
        }
        for term in Own.allCases {
            if term.label.de.lowercased() == folded {
                return (term, .otherCase)
            }
            for (language, label) in term.label.entries where language != .de && label.lowercased() == folded {
                return (term, .label(language))
            }
        }
        return nil
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
        for value in unknown {
            findings.append(Finding(ruleID: .vocabularyUnknown(Own.self), severity: .error, location: value.location, field: field,
                                    Message.unknown(value.text, suggestion: TermClassifier.closest(to: value.text))))
        }
        for (value, other) in foreign {
            let alsoListed = otherTermsAlsoListed(other)
            findings.append(Finding(ruleID: .vocabularyOtherVocabulary(Own.self), severity: alsoListed ? .warning : .error,
                                    location: value.location, field: field, Message.otherVocabulary(value.text, alsoListed: alsoListed)))
        }
        for (value, term, reason) in converted {
            findings.append(Finding(ruleID: .vocabularySynonym(Own.self), severity: .info, location: value.location, field: field,
                                    Message.converted(value.text, to: term, reason)))
        }
        for value in repeated {
            findings.append(Finding(ruleID: .vocabularyRepeated(Own.self), severity: .warning, location: value.location, field: field,
                                    Message.repeated(value.text)))
        }
        return findings
    }

    /// The term whose label is within a small edit distance of `text`, ignoring case.
    static func closest(to text: String) -> Own? {
        let needle = Array(text.lowercased().trimmingWhitespace())
        let allowed = max(2, needle.count / 3)
        var best: (Own, Int)?
        for term in Own.allCases {
            let label = Array(term.label.de.lowercased())
            // The distance is at least the difference in length (a long text is near no label).
            guard abs(label.count - needle.count) <= allowed else { continue }
            let distance = EditDistance.between(needle, label)
            if distance <= allowed, distance < (best?.1 ?? .max) { best = (term, distance) }
        }
        return best?.0
    }
}

// MARK: - Messages

extension TermClassifier {
    /// The term classifier's messages, apart from the logic that classifies the terms: each a message and, where
    /// there is something to do, a hint, in English and German.
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual?)

        /// The own vocabulary's name in English, lowercased, and in German.
        private static var ownName: (en: String, de: String) { (Own.schemeLabel.en!.lowercased(), Own.schemeLabel.de) }
        private static var otherName: (en: String, de: String) { (Other.schemeLabel.en!.lowercased(), Other.schemeLabel.de) }

        /// `suggestion`: a known term close to the text, if any.
        static func unknown(_ text: String, suggestion: Own?) -> Text {
            let (ownName, ownNameDE) = ownName
            let known = Own.allCases.map(\.label.de).joined(separator: ", ")
            var hint = Bilingual(en: "use one of: \(known)", de: "verwenden Sie einen dieser Begriffe: \(known)")
            if let suggestion {
                hint = Bilingual(en: "did you mean '\(ShownText.value(suggestion.label.de))'? Known \(ownName): \(known)",
                                 de: "meinten Sie '\(ShownText.value(suggestion.label.de))'? Bekannte Begriffe in «\(ownNameDE)»: \(known)")
            }
            return (Bilingual(en: "'\(ShownText.value(text))' is not a known term of \(ownName)",
                              de: "'\(ShownText.value(text))' ist kein bekannter Begriff in «\(ownNameDE)»"),
                    hint)
        }

        /// `alsoListed`: the term is listed in the other vocabulary's field as well.
        static func otherVocabulary(_ text: String, alsoListed: Bool) -> Text {
            let (ownName, ownNameDE) = ownName
            let (otherName, otherNameDE) = otherName
            return (Bilingual(en: "'\(ShownText.value(text))' is one of the \(otherName), not of the \(ownName)",
                              de: "'\(ShownText.value(text))' gehört zu «\(otherNameDE)», nicht zu «\(ownNameDE)»"),
                    alsoListed
                        ? Bilingual(en: "it is listed under '\(ShownText.value(Other.schemeLabel.de))' as well, so it is left out of the \(ownName); remove it from this list",
                                    de: "es steht auch unter «\(otherNameDE)» und wird darum bei «\(ownNameDE)» weggelassen; entfernen Sie es aus dieser Liste")
                        : Bilingual(en: "move it to '\(ShownText.value(Other.schemeLabel.de))'", de: "verschieben Sie es zu «\(otherNameDE)»"))
        }

        static func converted(_ text: String, to term: Own, _ reason: Reason) -> Text {
            let reason = Self.reason(reason)
            return (Bilingual(en: "'\(ShownText.value(text))' was read as '\(ShownText.value(term.label.de))' (\(reason.en))",
                              de: "'\(ShownText.value(text))' wurde als '\(ShownText.value(term.label.de))' gelesen (\(reason.de))"),
                    nil)
        }

        static func repeated(_ text: String) -> Text {
            (Bilingual(en: "'\(ShownText.value(text))' is listed twice", de: "'\(ShownText.value(text))' ist doppelt aufgeführt"),
             Bilingual(en: "list each term once; the repetition is left out",
                       de: "führen Sie jeden Begriff einmal auf; die Wiederholung wird weggelassen"))
        }

        private static func reason(_ reason: Reason) -> Bilingual {
            switch reason {
            case .synonym: Bilingual(en: "a synonym declared in the mapping", de: "ein im Mapping festgelegtes Synonym")
            case .otherCase: Bilingual(en: "the German label in other case", de: "die deutsche Bezeichnung in anderer Gross-/Kleinschreibung")
            case .label(let language): Bilingual(en: "its \(language.rawValue) label", de: "die Bezeichnung auf \(germanName(of: language))")
            }
        }

        private static func germanName(of language: Language) -> String {
            switch language {
            case .de: "Deutsch"
            case .fr: "Französisch"
            case .it: "Italienisch"
            case .en: "Englisch"
            }
        }
    }
}
