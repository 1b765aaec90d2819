/// `index.html`: the landing page the catalogue's `dcat:landingPage` points to, the portfolio as a
/// person reads it.
///
/// One self-contained HTML5 document in German: inline CSS, no script (one JSON-LD data block, the schema.org
/// `Dataset` markup: `LandingPageDatasetMarkup`), no external asset. A summary
/// (how many projects are planned, in progress and completed in the reference year), an overview
/// table, then one section per project with its anchor `id="<project id>"` (the feed's items link to
/// `<landingPage>#<id>`), the files of this run with format and size, the licence and the contact.
///
/// Accessible: landmarks, a skip link, one `h1`, a heading per project, progress as a number and as
/// a labelled `<progress>`, the status as a word, tables with captions and header cells, visible
/// focus, colours with AA contrast (see `LandingPageStyle`). Streams project by project; every
/// value is escaped; the same portfolio and context give the same bytes.
public struct LandingPageExporter: DocumentExporter {
    public var reads: [OutputFile] { LandingPageFile.filesBeforeThePage }
    public let file = OutputFile.landingPage

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        let year = context.referenceDate.year
        let timeline = LandingPageTimeline(yearSpan: portfolio.yearSpan, referenceYear: year)
        try writer.write(head(portfolio, context, timeline: timeline))
        try writer.write(header(context, timeline: timeline != nil))
        try writer.write("<main id=\"inhalt\" tabindex=\"-1\">\n<div class=\"wrap\">\n")
        try writer.write(summary(portfolio, referenceYear: year))
        // Beyond the limit, the page shows the first projects and says where the rest is.
        let shown = portfolio.leadingProjects.prefix(context.settings.landingPageLimit)
        if shown.count < portfolio.projectCount {
            try writer.write(limitNote(shown: shown.count, total: portfolio.projectCount, context))
        }

        try writer.write(overviewTableStart(referenceYear: year,
                                            caption: shown.count < portfolio.projectCount ? "Die ersten \(shown.count) Vorhaben" : "Alle Vorhaben"))
        for project in shown {
            try writer.write(overviewRow(project, referenceYear: year))
        }
        try writer.write("</tbody>\n</table>\n</div>\n</section>\n\n")

        if let timeline, !shown.isEmpty {
            try writer.write(timeline.start(shown: shown.count, total: portfolio.projectCount))
            for project in shown {
                try writer.write(timeline.row(project, status: project.status(referenceYear: year)))
            }
            try writer.write(LandingPageTimeline.end)
        }

        try writer.write("""
        <section aria-labelledby="vorhaben-titel">
        <h2 id="vorhaben-titel">Die Vorhaben im Einzelnen</h2>
        <div class="projects">

        """)
        for project in shown {
            try writer.write(section(for: project, referenceYear: year))
        }
        try writer.write("</div>\n</section>\n\n")

        try writer.write(downloads(context))
        try writer.write("</div>\n</main>\n\n")
        try writer.write(footer(context))
        try writer.write("</body>\n</html>\n")
    }

    // MARK: Head and header

    private func head(_ portfolio: PortfolioSummary, _ context: ExportContext, timeline: LandingPageTimeline?) -> String {
        let h = Escaping.html
        let settings = context.settings
        // The change feeds this run wrote, for browsers and feed readers that look for them.
        let feeds = [(OutputFile.rss, "RSS"), (OutputFile.atom, "Atom")]
            .filter { context.writtenFiles[$0.0] != nil }
            .map { file, name in
                "<link rel=\"alternate\" type=\"\(file == .rss ? "application/rss+xml" : "application/atom+xml")\" "
                    + "href=\"\(file.rawValue)\" title=\"\(h(settings.title.de)): Änderungen (\(name))\">\n"
            }.joined()
        return """
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(h(settings.title.de))</title>
        <meta name="description" content="\(h(LandingPageExporter.singleLine(settings.description.de)))">
        <meta name="generator" content="kompass">
        \(feeds)\(LandingPageDatasetMarkup.script(portfolio, context: context))<style>
        \(LandingPageStyle.css)
        \(timeline?.css ?? "")
        </style>
        </head>
        <body>
        <a class="skip-link" href="#inhalt">Zum Inhalt springen</a>

        """
    }

    private func header(_ context: ExportContext, timeline: Bool) -> String {
        let h = Escaping.html
        let settings = context.settings
        let lead = LandingPageExporter.paragraphs(settings.description.de)
            .map { "<p class=\"lead\">\(h($0))</p>" }.joined(separator: "\n")
        return """
        <header class="site-header">
        <div class="wrap">
        <p class="publisher">\(h(settings.publisher.name.de)) · Offene Daten</p>
        <h1>\(h(settings.title.de))</h1>
        \(lead)
        <nav aria-label="Auf dieser Seite">
        <ul>
        <li><a href="#uebersicht-titel">Übersicht</a></li>
        \(timeline ? "<li><a href=\"#zeitachse-titel\">Zeitachse</a></li>\n" : "")<li><a href="#vorhaben-titel">Vorhaben</a></li>
        <li><a href="#daten-titel">Daten herunterladen</a></li>
        <li><a href="#kontakt-titel">Lizenz und Kontakt</a></li>
        </ul>
        </nav>
        </div>
        </header>


        """
    }

    // MARK: Summary and overview

    private func summary(_ portfolio: PortfolioSummary, referenceYear: Int) -> String {
        let counts = portfolio.statusCounts
        let total = portfolio.projectCount
        let cards = [("Vorhaben", total)] + ProjectStatus.allCases.map { ($0.label.de, counts[$0, default: 0]) }
        let list = cards.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined(separator: "\n")
        let sentence = "Im Jahr \(referenceYear) sind von \(LandingPageExporter.count(total, "Vorhaben", "Vorhaben")) "
            + ProjectStatus.allCases.map { "\(counts[$0, default: 0]) \($0.label.de)" }.joined(separator: ", ")
            .replacingLastSeparator(", ", with: " und ") + "."
        let delayedCount = portfolio.delayedCount
        let delayed = delayedCount == 0 ? "" : " "
            + (delayedCount == 1 ? "1 Vorhaben ist verzögert" : "\(delayedCount) Vorhaben sind verzögert")
            + (delayedCount == 1 ? ": sein geplantes Ende liegt vor \(referenceYear), sein" : ": ihr geplantes Ende liegt vor \(referenceYear), ihr")
            + " Fortschritt unter 100 %."
        return """
        <section aria-labelledby="uebersicht-titel">
        <h2 id="uebersicht-titel">Übersicht</h2>
        <p>\(sentence) Der Status ergibt sich aus Fortschritt und Dauer: abgeschlossen bei 100 %, geplant bei 0 % oder wenn der Beginn nach \(referenceYear) liegt, sonst in Umsetzung.\(delayed)</p>
        <dl class="stats">
        \(list)
        </dl>
        <p class="note"><strong>Hinweis:</strong> Die öffentliche Seite des Digitalisierungs-Kompasses nennt keine Titel. Die kurzen Titel der Vorhaben sind deshalb aus ihren Texten abgeleitet; sie stammen nicht vom Kanton.</p>

        """
    }

    private func limitNote(shown: Int, total: Int, _ context: ExportContext) -> String {
        let csv = context.writtenFiles[.csv] != nil
            ? "<a href=\"\(OutputFile.csv.rawValue)\">\(OutputFile.csv.rawValue)</a>" : OutputFile.csv.rawValue
        return "<p class=\"note\"><strong>Auszug:</strong> Diese Seite zeigt die ersten \(shown) von \(total) Vorhaben. "
            + "Alle Vorhaben mit allen Werten enthält die Datei \(csv) (siehe «Daten herunterladen»).</p>\n"
    }

    private func overviewTableStart(referenceYear: Int, caption: String) -> String {
        """
        <div class="table-scroll">
        <table class="stack">
        <caption>\(caption) mit Fortschritt, Dauer und Status (Stand \(referenceYear))</caption>
        <thead>
        <tr><th scope="col">Vorhaben</th><th scope="col" class="number">Fortschritt</th><th scope="col">Dauer</th><th scope="col">Status</th></tr>
        </thead>
        <tbody>

        """
    }

    private func overviewRow(_ project: Project, referenceYear: Int) -> String {
        let h = Escaping.html
        let id = h(project.id.rawValue)
        let status = project.status(referenceYear: referenceYear)
        let progress = LandingPageExporter.clampedProgress(project.progress)
        return "<tr><th scope=\"row\"><a href=\"#\(id)\">\(h(project.title))</a></th>"
            + "<td class=\"number\">\(project.progress) %<span class=\"minibar\" aria-hidden=\"true\"><span style=\"width: \(progress)%\"></span></span></td>"
            + "<td class=\"nowrap\">\(h(project.period.displayText))</td>"
            + "<td>\(statusBadge(status))\(project.isDelayed(referenceYear: referenceYear) ? " " + delayedBadge : "")</td></tr>\n"
    }

    private func statusBadge(_ status: ProjectStatus) -> String {
        let symbol: String
        switch status {
        case .planned: symbol = "○"
        case .inProgress: symbol = "◐"
        case .completed: symbol = "●"
        }
        return "<span class=\"status status-\(status.code)\"><span aria-hidden=\"true\">\(symbol) </span>\(status.label.de)</span>"
    }

    /// The overview's mark of a delayed project: a symbol and a word (the reason is in its section).
    private let delayedBadge = "<span class=\"status status-verzoegert\"><span aria-hidden=\"true\">⚠ </span>verzögert</span>"

    // MARK: One project

    private func section(for project: Project, referenceYear: Int) -> String {
        let h = Escaping.html
        let id = h(project.id.rawValue)
        // Element ids other than the anchor carry a `--` suffix: project ids never contain `--`,
        // so no suffixed id can collide with another project's anchor.
        let titleID = "\(id)--titel"
        let barID = "\(id)--fortschritt"
        let status = project.status(referenceYear: referenceYear)
        let fields = project.fieldsOfAction.map(\.label.de)
        let groups = project.userGroups.map(\.label.de)
        return """
        <article class="project" id="\(id)" aria-labelledby="\(titleID)">
        <h3 id="\(titleID)">\(h(project.title))</h3>
        <div class="progress-line">
        <label for="\(barID)">Fortschritt<span class="visually-hidden">: \(h(project.title))</span></label>
        <progress id="\(barID)" max="100" value="\(LandingPageExporter.clampedProgress(project.progress))">\(project.progress) %</progress>
        <span class="percent">\(project.progress) %</span>
        </div>
        \(project.isDelayed(referenceYear: referenceYear) ? "<p class=\"delayed\"><span aria-hidden=\"true\">⚠ </span>\(LandingPageExporter.delayText(project))</p>\n" : "")        <dl class="facts">
        <div><dt>Status (\(referenceYear))</dt><dd>\(statusBadge(status))</dd></div>
        <div><dt>Dauer</dt><dd>\(h(project.period.displayText))</dd></div>
        <div><dt>Handlungsfelder</dt><dd>\(LandingPageExporter.list(fields))</dd></div>
        <div><dt>Nutzende</dt><dd>\(LandingPageExporter.list(groups))</dd></div>
        </dl>
        <div class="texts">
        <div>
        <h4 id="\(id)--bisher">Bisher</h4>
        \(LandingPageExporter.paragraphsHTML(project.before))
        </div>
        <div>
        <h4 id="\(id)--zukunft">In Zukunft</h4>
        \(LandingPageExporter.paragraphsHTML(project.future))
        </div>
        </div>
        <p class="back"><a href="#uebersicht-titel">Zur Übersicht</a></p>
        </article>

        """
    }

    // MARK: Files, licence, contact

    private func downloads(_ context: ExportContext) -> String {
        let h = Escaping.html
        let settings = context.settings
        // Every file the page lists was written before it (`LandingPageFile.published`), so its size is known.
        let rows = LandingPageFile.published(in: context).compactMap { entry -> String? in
            guard let written = context.writtenFiles[entry.file] else { return nil }
            let name = h(entry.file.rawValue)
            let sizeCell = "<td class=\"number\">\(LandingPageFile.sizeText(written.byteCount))</td>"
            return "<tr><th scope=\"row\"><a href=\"\(name)\" type=\"\(h(entry.file.contentType))\">\(name)</a></th>"
                + "<td>\(h(entry.label))</td><td>\(h(entry.format))</td>\(sizeCell)</tr>"
        }.joined(separator: "\n")
        let licence = settings.licence
        let attribution = licence == .by || licence == .byAsk
            ? " Bitte nennen Sie als Quelle: \(h(settings.publisher.name.de))." : ""
        return """
        <section aria-labelledby="daten-titel">
        <h2 id="daten-titel">Daten herunterladen</h2>
        <p>Die Vorhaben stehen als offene Daten in mehreren Formaten bereit; jede Datei behält ihren Namen, damit ihre Adresse gleich bleibt. Die Katalogdateien beschreiben alle Dateien für Datenportale wie opendata.swiss.</p>
        <div class="table-scroll">
        <table class="stack">
        <caption>Dateien dieser Veröffentlichung</caption>
        <thead>
        <tr><th scope="col">Datei</th><th scope="col">Inhalt</th><th scope="col">Format</th><th scope="col" class="number">Grösse</th></tr>
        </thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        </div>
        </section>

        <section aria-labelledby="kontakt-titel">
        <h2 id="kontakt-titel">Lizenz und Kontakt</h2>
        <p class="licence">Nutzungsbedingungen: <a href="\(h(licence.uri))">\(h(LandingPageExporter.licenceText(licence)))</a>\(attribution)</p>
        <p>Fragen zu den Daten beantwortet \(h(settings.contact.name)): <a href="mailto:\(h(settings.contact.email))">\(h(settings.contact.email))</a>.</p>
        </section>

        """
    }

    private func footer(_ context: ExportContext) -> String {
        let h = Escaping.html
        let settings = context.settings
        let modified = context.dates(of: .csv).modified
        return """
        <footer class="site-footer">
        <div class="wrap">
        <dl>
        <dt>Herausgeber</dt><dd><a href="\(h(settings.publisher.uri))">\(h(settings.publisher.name.de))</a></dd>
        <dt>Kontakt</dt><dd>\(h(settings.contact.name)), <a href="mailto:\(h(settings.contact.email))">\(h(settings.contact.email))</a></dd>
        <dt>Erstmals veröffentlicht</dt><dd>\(LandingPageExporter.dateHTML(settings.issued))</dd>
        <dt>Daten zuletzt geändert</dt><dd>\(LandingPageExporter.dateHTML(modified))</dd>
        <dt>Datensatz</dt><dd>\(h(settings.datasetID))@\(h(settings.organisationSlug))</dd>
        </dl>
        </div>
        </footer>

        """
    }

    // MARK: Helpers

    /// The paragraphs of a text: its lines (LF, CRLF or CR), trimmed, empty ones dropped.
    static func paragraphs(_ text: String) -> [String] {
        // Split on the UTF-8 bytes of line breaks and trim with kompass's own helper: Foundation's
        // trimmingCharacters bridges through NSString and took a fifth of a large run.
        text.utf8.split(omittingEmptySubsequences: true) { $0 == 0x0A || $0 == 0x0D }
            .map { String(decoding: $0, as: UTF8.self).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }

    static func paragraphsHTML(_ text: String) -> String {
        let paragraphs = paragraphs(text)
        if paragraphs.isEmpty { return "<p>–</p>" }
        return paragraphs.map { "<p>\(Escaping.html($0))</p>" }.joined(separator: "\n")
    }

    /// A text on one line (for an attribute such as the page's description).
    static func singleLine(_ text: String) -> String {
        paragraphs(text).joined(separator: " ")
    }

    static func list(_ terms: [String]) -> String {
        terms.isEmpty ? "–" : Escaping.html(terms.joined(separator: ", "))
    }

    static func clampedProgress(_ progress: Int) -> Int { min(100, max(0, progress)) }

    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }

    static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                         "Oktober", "November", "Dezember"]

    /// `<time datetime="2026-11-30">30. November 2026</time>`
    static func dateHTML(_ date: CalendarDate) -> String {
        "<time datetime=\"\(date.iso)\">\(date.day). \(months[date.month - 1]) \(date.year)</time>"
    }

    /// Why a project counts as delayed, in words: `Verzögert: Ende 2025 geplant, 40 % erreicht`.
    static func delayText(_ project: Project) -> String {
        "Verzögert: Ende \(project.period.lastYear) geplant, \(project.progress) % erreicht"
    }

    /// The opendata.swiss terms of use, as opendata.swiss words them in German.
    static func licenceText(_ licence: PublicationSettings.Licence) -> String {
        switch licence {
        case .open: "Freie Nutzung."
        case .by: "Freie Nutzung. Quellenangabe ist Pflicht."
        case .ask: "Freie Nutzung. Kommerzielle Nutzung nur mit Bewilligung des Datenlieferanten zulässig."
        case .byAsk: "Freie Nutzung. Quellenangabe ist Pflicht. Kommerzielle Nutzung nur mit Bewilligung des Datenlieferanten zulässig."
        }
    }
}

private extension String {
    /// Replaces the last occurrence of `separator` (for "a, b und c").
    func replacingLastSeparator(_ separator: String, with replacement: String) -> String {
        guard let range = range(of: separator, options: .backwards) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
