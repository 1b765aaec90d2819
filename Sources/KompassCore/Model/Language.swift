/// The four languages a label or a catalogue literal can carry (opendata.swiss reads exactly these tags).
public enum Language: String, CaseIterable, Sendable, Codable, Comparable {
    case de, fr, it, en

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A text in one or more of the four languages; German is the reference.
public struct LocalizedText: Sendable, Equatable, Codable {
    public var de: String
    public var fr: String?
    public var it: String?
    public var en: String?

    public init(de: String, fr: String? = nil, it: String? = nil, en: String? = nil) {
        self.de = de
        self.fr = fr
        self.it = it
        self.en = en
    }

    public subscript(language: Language) -> String? {
        switch language {
        case .de: de
        case .fr: fr
        case .it: it
        case .en: en
        }
    }

    /// The languages present, in the order de, fr, it, en.
    public var entries: [(language: Language, text: String)] {
        Language.allCases.compactMap { language in self[language].map { (language, $0) } }
    }
}
