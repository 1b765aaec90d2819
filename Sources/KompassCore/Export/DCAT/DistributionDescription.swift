/// How the catalogue describes one published file.
struct DistributionDescription: Sendable {
    var file: OutputFile
    /// The last segment of the distribution's IRI and the suffix of its identifier, e.g. `csv`. Never changes.
    var code: String
    var title: LocalizedText
    var description: LocalizedText
    /// The EU file-type code (http://publications.europa.eu/resource/authority/file-type/…), e.g. `CSV`.
    var fileType: String
    /// The IANA media type, nil where none is registered (RSS).
    var mediaType: String?

    static let csv = DistributionDescription(
        file: .csv, code: "csv",
        title: LocalizedText(de: "Vorhaben als CSV", fr: "Projets en CSV", it: "Progetti in CSV", en: "Projects as CSV"),
        description: LocalizedText(
            de: "Eine Zeile pro Vorhaben, UTF-8, durch Semikolon getrennt; beschrieben durch datapackage.json.",
            fr: "Une ligne par projet, UTF-8, séparée par des points-virgules ; décrite par datapackage.json.",
            it: "Una riga per progetto, UTF-8, separata da punto e virgola; descritta da datapackage.json.",
            en: "One row per project, UTF-8, semicolon-separated; described by datapackage.json."),
        fileType: "CSV", mediaType: "text/csv")

    static let jsonLD = DistributionDescription(
        file: .jsonLD, code: "jsonld",
        title: LocalizedText(de: "Vorhaben als JSON-LD", fr: "Projets en JSON-LD", it: "Progetti in JSON-LD", en: "Projects as JSON-LD"),
        description: LocalizedText(
            de: "Alle Vorhaben als Linked Data (schema.org), mit den Handlungsfeldern und Nutzenden als SKOS-Begriffsschemata.",
            fr: "Tous les projets en données liées (schema.org), avec les champs d'action et les groupes d'utilisateurs comme schémas de concepts SKOS.",
            it: "Tutti i progetti come dati collegati (schema.org), con i campi d'azione e i gruppi di utenti come schemi di concetti SKOS.",
            en: "All projects as linked data (schema.org), with fields of action and user groups as SKOS concept schemes."),
        fileType: "JSON_LD", mediaType: "application/ld+json")

    static let rss = DistributionDescription(
        file: .rss, code: "rss",
        title: LocalizedText(de: "Änderungen als RSS-Feed", fr: "Modifications en flux RSS", it: "Modifiche come feed RSS", en: "Changes as RSS feed"),
        description: LocalizedText(
            de: "Neue und geänderte Vorhaben als RSS 2.0.",
            fr: "Projets nouveaux et modifiés en RSS 2.0.",
            it: "Progetti nuovi e modificati in RSS 2.0.",
            en: "New and changed projects as RSS 2.0."),
        fileType: "RSS", mediaType: nil)

    static let atom = DistributionDescription(
        file: .atom, code: "atom",
        title: LocalizedText(de: "Änderungen als Atom-Feed", fr: "Modifications en flux Atom", it: "Modifiche come feed Atom", en: "Changes as Atom feed"),
        description: LocalizedText(
            de: "Neue und geänderte Vorhaben als Atom-Feed (RFC 4287).",
            fr: "Projets nouveaux et modifiés en flux Atom (RFC 4287).",
            it: "Progetti nuovi e modificati come feed Atom (RFC 4287).",
            en: "New and changed projects as an Atom feed (RFC 4287)."),
        fileType: "ATOM", mediaType: "application/atom+xml")

    static let spreadsheetCSV = DistributionDescription(
        file: .spreadsheetCSV, code: "csv-excel",
        title: LocalizedText(de: "Vorhaben als CSV für Tabellenkalkulationen", fr: "Projets en CSV pour tableurs",
                             it: "Progetti in CSV per fogli di calcolo", en: "Projects as CSV for spreadsheets"),
        description: LocalizedText(
            de: "Dieselben Zeilen wie projects.csv für Tabellenkalkulationen: UTF-8 mit Byte-Order-Mark, Zellen, die wie Formeln beginnen, entschärft.",
            fr: "Les mêmes lignes que projects.csv pour les tableurs : UTF-8 avec marque d'ordre des octets, cellules commençant comme des formules neutralisées.",
            it: "Le stesse righe di projects.csv per i fogli di calcolo: UTF-8 con byte order mark, celle che iniziano come formule neutralizzate.",
            en: "The same rows as projects.csv for spreadsheets: UTF-8 with a byte order mark, cells that begin like formulas neutralised."),
        fileType: "CSV", mediaType: "text/csv")

    static let fieldsCSV = DistributionDescription(
        file: .fieldsCSV, code: "csv",
        title: LocalizedText(de: "Handlungsfelder der Vorhaben als CSV", fr: "Champs d'action des projets en CSV",
                             it: "Campi d'azione dei progetti in CSV", en: "Fields of action of the projects as CSV"),
        description: LocalizedText(
            de: "Eine Zeile pro Vorhaben und Handlungsfeld, UTF-8, durch Semikolon getrennt; beschrieben durch datapackage.json.",
            fr: "Une ligne par projet et champ d'action, UTF-8, séparée par des points-virgules ; décrite par datapackage.json.",
            it: "Una riga per progetto e campo d'azione, UTF-8, separata da punto e virgola; descritta da datapackage.json.",
            en: "One row per project and field of action, UTF-8, semicolon-separated; described by datapackage.json."),
        fileType: "CSV", mediaType: "text/csv")

    static let historyCSV = DistributionDescription(
        file: .historyCSV, code: "csv",
        title: LocalizedText(de: "Verlauf der Vorhaben als CSV", fr: "Historique des projets en CSV",
                             it: "Cronologia dei progetti in CSV", en: "History of the projects as CSV"),
        description: LocalizedText(
            de: "Eine Zeile pro Vorhaben und publizierter Änderung von Fortschritt oder Status, mit Datum; UTF-8, durch Semikolon getrennt.",
            fr: "Une ligne par projet et modification publiée de l'avancement ou du statut, avec la date ; UTF-8, séparée par des points-virgules.",
            it: "Una riga per progetto e modifica pubblicata dell'avanzamento o dello stato, con la data; UTF-8, separata da punto e virgola.",
            en: "One row per project and published change of progress or status, with its date; UTF-8, semicolon-separated."),
        fileType: "CSV", mediaType: "text/csv")
}

/// How the catalogue describes one dataset: its identifier suffix, texts and candidate distributions.
struct DatasetDescription: Sendable {
    /// Appended to the configured dataset identifier (`""` for the portfolio, `-handlungsfelder`).
    var idSuffix: String
    /// Nil: the configured title and description.
    var title: LocalizedText?
    var description: LocalizedText?
    /// Keywords added to the configured ones, in the languages the configuration gives keywords in.
    var extraKeywords: LocalizedText?
    var distributions: [DistributionDescription]

    /// The portfolio (`projects.csv` and the same projects in other formats), the long table of the
    /// fields of action, and the history of progress and status. The spreadsheet copy is described only when the configuration switches it on.
    static func all(spreadsheetCopy: Bool) -> [DatasetDescription] {
        [
            DatasetDescription(
                idSuffix: "", title: nil, description: nil, extraKeywords: nil,
                distributions: [.csv, .jsonLD, .rss, .atom] + (spreadsheetCopy ? [.spreadsheetCSV] : [])),
            DatasetDescription(
                idSuffix: "-handlungsfelder",
                title: LocalizedText(
                    de: "Digitalisierungs-Kompass: Handlungsfelder der Vorhaben",
                    fr: "Boussole de la numérisation : champs d'action des projets",
                    it: "Bussola della digitalizzazione: campi d'azione dei progetti",
                    en: "Digitalisation Compass: fields of action of the projects"),
                description: LocalizedText(
                    de: "Die Handlungsfelder der Vorhaben des Digitalisierungs-Kompasses als lange Tabelle: eine Zeile pro Vorhaben und Handlungsfeld, mit der Kennung des Vorhabens wie in projects.csv, dem Handlungsfeld und seinem Code. So lassen sich die Handlungsfelder filtern, zählen und verknüpfen, ohne eine Liste aufzuteilen.",
                    fr: "Les champs d'action des projets de la Boussole de la numérisation sous forme de table longue : une ligne par projet et champ d'action, avec l'identifiant du projet comme dans projects.csv, le champ d'action et son code. Les champs d'action peuvent ainsi être filtrés, comptés et joints sans découper de liste.",
                    it: "I campi d'azione dei progetti della Bussola della digitalizzazione come tabella lunga: una riga per progetto e campo d'azione, con l'identificativo del progetto come in projects.csv, il campo d'azione e il suo codice. Così i campi d'azione si possono filtrare, contare e collegare senza dividere una lista.",
                    en: "The fields of action of the Digitalisation Compass projects as a long table: one row per project and field of action, with the project's identifier as in projects.csv, the field of action and its code. The fields of action can thus be filtered, counted and joined without splitting a list."),
                extraKeywords: LocalizedText(de: "handlungsfelder", fr: "champs-d-action", it: "campi-d-azione", en: "fields-of-action"),
                distributions: [.fieldsCSV]),
            DatasetDescription(
                idSuffix: "-verlauf",
                title: LocalizedText(
                    de: "Digitalisierungs-Kompass: Verlauf von Fortschritt und Status",
                    fr: "Boussole de la numérisation : historique de l'avancement et du statut",
                    it: "Bussola della digitalizzazione: cronologia dell'avanzamento e dello stato",
                    en: "Digitalisation Compass: history of progress and status"),
                description: LocalizedText(
                    de: "Wie sich Fortschritt und Status der Vorhaben des Digitalisierungs-Kompasses entwickeln: eine Zeile pro Vorhaben und publizierter Änderung, mit dem Datum der Publikation.",
                    fr: "L'évolution de l'avancement et du statut des projets de la Boussole de la numérisation : une ligne par projet et modification publiée, avec la date de publication.",
                    it: "L'evoluzione dell'avanzamento e dello stato dei progetti della Bussola della digitalizzazione: una riga per progetto e modifica pubblicata, con la data di pubblicazione.",
                    en: "How the progress and status of the Digitalisation Compass projects develop: one row per project and published change, with the date of publication."),
                extraKeywords: LocalizedText(de: "verlauf", fr: "historique", it: "cronologia", en: "history"),
                distributions: [.historyCSV]),
        ]
    }
}
