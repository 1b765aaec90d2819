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

    /// The first run's entries: one "new" entry per project, in the portfolio's order (lazily, so
    /// that a feed streams).
    public static func firstRun(_ portfolio: Portfolio, context: ExportContext) -> LazyMapSequence<[Project], ChangeFeedEntry> {
        let settings = context.settings
        let updated = context.referenceTimestamp
        let day = context.referenceDate.iso
        return portfolio.projects.lazy.map { project in
            ChangeFeedEntry(
                id: context.projectIRI(project.id) + "#added-" + day,
                title: "Neu: " + project.title,
                link: settings.landingPage + "#" + project.id.rawValue,
                summary: "Neues Vorhaben: \(project.title). Fortschritt \(project.progress) %, "
                    + "Dauer \(project.period.displayText). In Zukunft: \(project.future)",
                updated: updated)
        }
    }
}
