/// How the landing page names the files a run publishes.
struct LandingPageFile {
    var file: OutputFile
    /// What the file holds, in German.
    var label: String
    /// The format as a person knows it, e.g. `CSV` or `RDF/XML`.
    var format: String

    /// The catalogue files (they describe the other files, and the page links them like every other file).
    static let catalogueFiles: [OutputFile] = [.catalogue, .catalogueTurtle, .catalogueJSONLD]

    /// The files the page links with their sizes: every file but the page, the catalogue files included
    /// (the catalogue does not describe the page, so it is written before it).
    static let filesBeforeThePage = OutputFile.allCases.filter { $0 != .landingPage }

    init(_ file: OutputFile) {
        self.file = file
        switch file {
        case .csv:
            (label, format) = ("Vorhaben, eine Zeile pro Vorhaben", "CSV (UTF-8, Semikolon)")
        case .fieldsCSV:
            (label, format) = ("Vorhaben je Handlungsfeld (lange Tabelle)", "CSV (UTF-8, Semikolon)")
        case .historyCSV:
            (label, format) = ("Verlauf: Fortschritt und Status je Änderung", "CSV (UTF-8, Semikolon)")
        case .spreadsheetCSV:
            (label, format) = ("Vorhaben für Tabellenkalkulationen (Excel)", "CSV (UTF-8 mit BOM)")
        case .dataPackage:
            (label, format) = ("Beschreibung der CSV-Dateien (Frictionless Data Package)", "JSON")
        case .csvMetadata:
            (label, format) = ("Beschreibung der CSV-Dateien (CSV on the Web)", "JSON")
        case .jsonLD:
            (label, format) = ("Vorhaben als Linked Data (schema.org, SKOS)", "JSON-LD")
        case .jsonLDContext:
            (label, format) = ("JSON-LD-Kontext der Vorhaben", "JSON-LD")
        case .vocabularyTurtle:
            (label, format) = ("Vokabular der Vorhaben (RDFS, Beschriftungen in vier Sprachen)", "Turtle")
        case .vocabularyJSONLD:
            (label, format) = ("Vokabular der Vorhaben (RDFS, Beschriftungen in vier Sprachen)", "JSON-LD")
        case .rss:
            (label, format) = ("Änderungen als Feed", "RSS 2.0")
        case .atom:
            (label, format) = ("Änderungen als Feed", "Atom")
        case .landingPage:
            (label, format) = ("Diese Seite", "HTML")
        case .catalogue:
            (label, format) = ("Metadaten-Katalog (DCAT-AP CH), für opendata.swiss", "RDF/XML")
        case .catalogueTurtle:
            (label, format) = ("Metadaten-Katalog (DCAT-AP CH)", "Turtle")
        case .catalogueJSONLD:
            (label, format) = ("Metadaten-Katalog (DCAT-AP CH)", "JSON-LD")
        }
    }

    /// The files this run publishes besides the page, in the order of `OutputFile` (all written before the page).
    static func published(in context: ExportContext) -> [LandingPageFile] {
        OutputFile.allCases
            .filter { $0 != .landingPage && context.writtenFiles[$0] != nil }
            .map(LandingPageFile.init)
    }

    /// A size as people read it, in German notation: `532 Bytes`, `12,3 kB`, `4,5 MB` (SI units).
    static func sizeText(_ bytes: Int) -> String {
        if bytes < 1_000 { return bytes == 1 ? "1 Byte" : "\(bytes) Bytes" }
        var tenths = (bytes + 50) / 100  // in 100-byte steps, rounded
        var unit = "kB"
        if tenths >= 10_000 {
            tenths = (bytes + 50_000) / 100_000
            unit = "MB"
        }
        if tenths >= 10_000 {
            tenths = (bytes + 50_000_000) / 100_000_000
            unit = "GB"
        }
        return "\(tenths / 10),\(tenths % 10) \(unit)"
    }
}
