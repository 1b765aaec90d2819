/// One change of the portfolio as the feeds announce it. `changes.atom` takes its entries from here;
/// they are, field for field, the items `RSSExporter` writes into `changes.rss` (a test compares the
/// two feeds), so that a reader sees the same news in either format.
public struct ChangeFeedEntry: Sendable, Equatable {
    /// Stable and unique in the feed: the RSS `guid` and the Atom `id`.
    public var id: String
    public var title: String
    /// The project on the landing page: `<landingPage>#<project id>`.
    public var link: String
    /// Plain text.
    public var summary: String
    public var updated: Timestamp

    /// The entries of the feeds: the context's feed items, newest first.
    public static func entries(_ context: ExportContext) -> [ChangeFeedEntry] {
        context.feedItems.map { item in
            ChangeFeedEntry(id: item.guid, title: item.title, link: item.link, summary: item.summary,
                            updated: item.time(in: context.zone))
        }
    }

    /// The newest entry's time, or the start of the reference date when the feed is empty.
    public static func newest(_ context: ExportContext) -> Timestamp {
        context.feedItems.first.map { $0.time(in: context.zone) } ?? context.referenceTimestamp
    }
}
