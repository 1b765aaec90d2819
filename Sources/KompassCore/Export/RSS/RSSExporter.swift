/// `changes.rss`: an RSS 2.0 feed of changes to the portfolio. On a first run every project is new,
/// so the feed holds one "new" item per project.
///
/// Dates are RFC 822 in English with the right weekday; guids are stable and marked
/// `isPermaLink="false"`; links are absolute; every text is escaped once.
public struct RSSExporter: Exporter {
    public let file = OutputFile.rss

    public init() {}

    public func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        let settings = context.settings
        let x = Escaping.xml
        let date = context.referenceTimestamp.rfc822
        try writer.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
          <channel>
            <title>\(x(settings.title.de)): Änderungen</title>
            <link>\(x(settings.landingPage))</link>
            <description>\(x("Neue und geänderte Vorhaben: " + settings.description.de))</description>
            <language>de</language>
            <atom:link href="\(x(settings.url(of: file.rawValue)))" rel="self" type="application/rss+xml"/>
            <lastBuildDate>\(date)</lastBuildDate>

        """)
        for project in portfolio.projects {
            let link = settings.landingPage + "#" + project.id.rawValue
            let guid = context.projectIRI(project.id) + "#added-" + context.referenceDate.iso
            let summary = "Neues Vorhaben: \(project.title). Fortschritt \(project.progress) %, Dauer \(project.period.displayText). "
                + "In Zukunft: \(project.future)"
            try writer.write("""
                <item>
                  <title>\(x("Neu: " + project.title))</title>
                  <link>\(x(link))</link>
                  <description>\(x(summary))</description>
                  <guid isPermaLink="false">\(x(guid))</guid>
                  <pubDate>\(date)</pubDate>
                </item>

            """)
        }
        try writer.write("  </channel>\n</rss>\n")
    }
}
