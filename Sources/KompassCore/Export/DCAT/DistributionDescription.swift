/// How the catalogue describes one published file.
struct DistributionDescription {
    var file: OutputFile
    /// The distribution's identifier suffix, e.g. `csv`.
    var code: String
    var title: LocalizedText
    var description: LocalizedText
    /// The EU file-type code, e.g. `CSV`.
    var fileType: String
    /// The IANA media type, nil where none is registered (RSS).
    var mediaType: String?

    static let all: [DistributionDescription] = [
        DistributionDescription(
            file: .csv, code: "csv",
            title: LocalizedText(de: "Vorhaben als CSV", fr: "Projets en CSV", it: "Progetti in CSV", en: "Projects as CSV"),
            description: LocalizedText(
                de: "Eine Zeile pro Vorhaben, UTF-8, durch Semikolon getrennt; beschrieben durch datapackage.json.",
                en: "One row per project, UTF-8, semicolon-separated; described by datapackage.json."),
            fileType: "CSV", mediaType: "text/csv"),
        DistributionDescription(
            file: .jsonLD, code: "jsonld",
            title: LocalizedText(de: "Vorhaben als JSON-LD", fr: "Projets en JSON-LD", it: "Progetti in JSON-LD", en: "Projects as JSON-LD"),
            description: LocalizedText(
                de: "Alle Vorhaben als Linked Data (schema.org), mit den Handlungsfeldern und Nutzenden als SKOS-Begriffsschemata.",
                en: "All projects as linked data (schema.org), with fields of action and user groups as SKOS concept schemes."),
            fileType: "JSON_LD", mediaType: "application/ld+json"),
        DistributionDescription(
            file: .rss, code: "rss",
            title: LocalizedText(de: "Änderungen als RSS-Feed", fr: "Modifications en flux RSS", it: "Modifiche come feed RSS", en: "Changes as RSS feed"),
            description: LocalizedText(
                de: "Neue und geänderte Vorhaben als RSS 2.0.",
                en: "New and changed projects as RSS 2.0."),
            fileType: "RSS", mediaType: nil),
    ]
}
