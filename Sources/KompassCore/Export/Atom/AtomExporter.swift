/// `changes.atom`: an Atom 1.0 feed (RFC 4287) of changes to the portfolio, beside `changes.rss`
/// and with the same entries (`ChangeFeedEntry`): on a first run one "new" entry per project.
///
/// - the feed's `id` is the feed's own URL, `<baseURL>/changes.atom` (stable as long as the base URL
///   is), with a `self` link to it and an `alternate` link to the landing page; its `author` is the
///   publisher;
/// - each entry's `id` is the RSS item's guid (`<baseURL>/project/<id>#added-<date>`), with a title,
///   an `alternate` link to `<landingPage>#<id>` and a plain-text `summary`;
/// - `updated` and `published` are RFC 3339 date-times with the offset of Europe/Zurich: the time of
///   the run that detected the change (`FeedItem.time(in:)`; entries of one run share it); the feed's
///   `updated` is its newest entry's (the start of the reference date when there is none);
/// - every text and attribute is escaped once (`Escaping.xml`); the summary is `type="text"`, so a
///   reader shows tags in it as text and never interprets them.
public struct AtomExporter: DocumentExporter {
    public let file = OutputFile.atom

    public init() {}

    public static let namespace = "http://www.w3.org/2005/Atom"

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        let settings = context.settings
        let x = Escaping.xml
        let entries = ChangeFeedEntry.entries(context)
        let updated = entries.map(\.updated).max { $0.date < $1.date } ?? context.referenceTimestamp
        let selfURL = settings.url(of: file.rawValue)
        try writer.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="\(Self.namespace)" xml:lang="de">
          <id>\(x(selfURL))</id>
          <title type="text">\(x(settings.title.de)): Änderungen</title>
          <subtitle type="text">\(x("Neue und geänderte Vorhaben: " + settings.description.de))</subtitle>
          <updated>\(updated.iso8601)</updated>
          <link rel="self" type="application/atom+xml" href="\(x(selfURL))"/>
          <link rel="alternate" type="text/html" href="\(x(settings.landingPage))"/>
          <author>
            <name>\(x(settings.publisher.name.de))</name>
            <uri>\(x(settings.publisher.uri))</uri>
          </author>

        """)
        for entry in entries {
            try writer.write("""
              <entry>
                <id>\(x(entry.id))</id>
                <title type="text">\(x(entry.title))</title>
                <updated>\(entry.updated.iso8601)</updated>
                <published>\(entry.updated.iso8601)</published>
                <link rel="alternate" type="text/html" href="\(x(entry.link))"/>
                <summary type="text">\(x(entry.summary))</summary>
              </entry>

            """)
        }
        try writer.write("</feed>\n")
    }
}
