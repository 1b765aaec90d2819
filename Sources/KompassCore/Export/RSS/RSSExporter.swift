/// `changes.rss`: an RSS 2.0 feed of changes to the portfolio, newest first: each project added or
/// removed, each change of progress, status, duration, title, texts or classification (on a first run,
/// every project is new). Items come from the publication state, so an item keeps its guid and date
/// in every later run and a reader never sees it twice.
///
/// Dates are RFC 822 in English with the right weekday; guids are stable and marked
/// `isPermaLink="false"`; links are absolute; every text is escaped once.
public struct RSSExporter: DocumentExporter {
    public let file = OutputFile.rss

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        let settings = context.settings
        let x = Escaping.xml
        try writer.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
          <channel>
            <title>\(x(settings.title.de)): Änderungen</title>
            <link>\(x(settings.landingPage))</link>
            <description>\(x("Neue und geänderte Vorhaben: " + settings.description.de))</description>
            <language>de</language>
            <atom:link href="\(x(settings.url(of: file.rawValue)))" rel="self" type="application/rss+xml"/>
            <lastBuildDate>\(ChangeFeedEntry.newest(context).rfc822)</lastBuildDate>

        """)
        for entry in ChangeFeedEntry.entries(context) {
            try writer.write("""
                <item>
                  <title>\(x(entry.title))</title>
                  <link>\(x(entry.link))</link>
                  <description>\(x(entry.summary))</description>
                  <guid isPermaLink="false">\(x(entry.id))</guid>
                  <pubDate>\(entry.updated.rfc822)</pubDate>
                </item>

            """)
        }
        try writer.write("  </channel>\n</rss>\n")
    }
}
