/// The IRIs of the controlled vocabularies the catalogue uses (EU authority tables, IANA).
enum DCATVocabulary {
    static let theme = "http://publications.europa.eu/resource/authority/data-theme/"
    static let frequency = "http://publications.europa.eu/resource/authority/frequency/"
    static let language = "http://publications.europa.eu/resource/authority/language/"
    static let fileType = "http://publications.europa.eu/resource/authority/file-type/"
    static let mediaType = "https://www.iana.org/assignments/media-types/"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    static let languageCodes: [Language: String] = [.de: "DEU", .fr: "FRA", .it: "ITA", .en: "ENG"]
}
