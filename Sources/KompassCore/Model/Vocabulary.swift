/// A closed vocabulary of the portfolio (fields of action, user groups): a fixed set of terms,
/// each with a stable code, labels in de/fr/it/en and a place in a SKOS concept scheme.
public protocol Vocabulary: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// The scheme's path segment in IRIs, e.g. `handlungsfelder`.
    static var schemeCode: String { get }
    /// The scheme's name in the four languages.
    static var schemeLabel: LocalizedText { get }
    /// The term's labels in the four languages; `label.de` is how the page writes it.
    var label: LocalizedText { get }
}

extension Vocabulary {
    /// The stable code of the term (ASCII, lowercase), used in identifiers and IRIs.
    public var code: String { rawValue }

    /// The term whose German label is exactly `text`, if any.
    public init?(germanLabel text: String) {
        guard let term = Self.allCases.first(where: { $0.label.de == text }) else { return nil }
        self = term
    }
}
