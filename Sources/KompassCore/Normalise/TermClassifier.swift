/// Reads the values of a multi-valued field against its closed vocabulary, and names what does not fit:
/// an unknown term (with the closest known one), a term of the other vocabulary, a repeated term.
struct TermClassifier<Own: Vocabulary, Other: Vocabulary> {
    let field: ProjectField
    private(set) var terms: [Own] = []
    private var unknown: [RawValue] = []
    private var foreign: [(RawValue, Other)] = []
    private var repeated: [RawValue] = []

    init(field: ProjectField) {
        self.field = field
    }

    mutating func classify(_ value: RawValue) {
        let text = value.text.trimmingWhitespace()
        if let term = Own(germanLabel: text) {
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
        let known = Own.allCases.map(\.label.de).joined(separator: ", ")
        for value in unknown {
            var hint = "use one of: \(known)"
            if let suggestion = TermClassifier.closest(to: value.text) {
                hint = "did you mean '\(suggestion.label.de)'? Known \(ownName): \(known)"
            }
            findings.append(Finding(ruleID: "vocabulary.\(Own.schemeCode).unknown", severity: .error, location: value.location,
                                    field: field, message: "'\(value.text)' is not a known term of \(ownName)", hint: hint))
        }
        let otherName = Other.schemeLabel.en!.lowercased()
        for (value, other) in foreign {
            let alsoListed = otherTermsAlsoListed(other)
            findings.append(Finding(
                ruleID: "vocabulary.\(Own.schemeCode).other-vocabulary", severity: alsoListed ? .warning : .error,
                location: value.location, field: field,
                message: "'\(value.text)' is one of the \(otherName), not of the \(ownName)",
                hint: alsoListed
                    ? "it is listed under '\(Other.schemeLabel.de)' as well, so it is left out of the \(ownName); remove it from this list"
                    : "move it to '\(Other.schemeLabel.de)'"))
        }
        for value in repeated {
            findings.append(Finding(ruleID: "vocabulary.\(Own.schemeCode).repeated", severity: .warning, location: value.location,
                                    field: field, message: "'\(value.text)' is listed twice",
                                    hint: "list each term once; the repetition is left out"))
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

/// Levenshtein distance between two character sequences.
enum EditDistance {
    static func between(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
