/// Texts the catalogue publishes in each of the four languages opendata.swiss reads (`de`, `fr`, `it`, `en`).
///
/// The catalogue's title, description and keywords and the publisher's name must be given in all four:
/// the portal shows an empty slot for a language that is missing, and a harvester has no fallback. A
/// missing language is a configuration error at the place of the object, naming the language.
extension JSONObject {
    /// `{"de": …, "fr": …, "it": …, "en": …}`, each a non-empty string.
    func textInEveryLanguage(_ name: String) throws(ConfigurationError) -> LocalizedText {
        let object = try self.object(name)
        try object.allowOnly(Set(Language.allCases.map(\.rawValue)))
        for language in Language.allCases where object[language.rawValue] == nil {
            throw object.missingLanguage(language)
        }
        return LocalizedText(de: try object.string("de"), fr: try object.string("fr"),
                             it: try object.string("it"), en: try object.string("en"))
    }

    /// `{"de": [...], "fr": [...], "it": [...], "en": [...]}`, each a non-empty list of non-empty words.
    func keywordsInEveryLanguage(_ name: String) throws(ConfigurationError) -> [Language: [String]] {
        let object = try self.object(name)
        try object.allowOnly(Set(Language.allCases.map(\.rawValue)))
        var keywords: [Language: [String]] = [:]
        for language in Language.allCases {
            guard let list = try object.optionalArray(language.rawValue) else { throw object.missingLanguage(language) }
            let words = try list.map { element throws(ConfigurationError) in
                guard let word = element.string, !word.trimmingWhitespace().isEmpty else {
                    throw object.error(language.rawValue, "must be a list of non-empty strings")
                }
                return word
            }
            guard !words.isEmpty else {
                throw object.error(language.rawValue, "must hold at least one keyword")
            }
            keywords[language] = words
        }
        return keywords
    }

    private func missingLanguage(_ language: Language) -> ConfigurationError {
        var error = error(language.rawValue, "is missing: the catalogue needs this text in each of de, fr, it and en")
        error.hint = "add \"\(language.rawValue)\": the \(Self.languageNames[language]!) text (opendata.swiss shows an empty slot otherwise)"
        error.messageDE = "fehlt: der Katalog braucht diesen Text in jeder der Sprachen de, fr, it und en"
        error.hintDE = "\"\(language.rawValue)\" ergänzen: den Text auf \(Self.languageNamesDE[language]!) (opendata.swiss zeigt sonst ein leeres Feld)"
        return error
    }

    private static let languageNames: [Language: String] = [.de: "German", .fr: "French", .it: "Italian", .en: "English"]
    private static let languageNamesDE: [Language: String] = [.de: "Deutsch", .fr: "Französisch", .it: "Italienisch", .en: "Englisch"]
}
