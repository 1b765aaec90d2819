/// What a run announces, decided once the pass has read the portfolio and the changes are known: the items
/// of the change feeds (this run's new items first, then the earlier ones, at most `PublicationState.feedLimit`)
/// and which projects the landing page shows one by one. (The history rows are written as the pass finds the
/// changes: `ChangeLog`.)
public struct FeedPlan: Sendable, Equatable {
    /// The feeds' items, newest first.
    public var items: [FeedItem]
    /// The projects the landing page shows one by one when it cannot show every project; nil when it shows all.
    public var landingPageProjectIDs: Set<String>?

    /// - Parameters:
    ///   - changes: this run's first changes (at least `PublicationState.feedLimit` of them, where there are
    ///     as many), in portfolio order, removed projects last.
    ///   - announced: the projects the pass kept whole for the items (those changed first).
    ///   - date: the run's reference date; `detected`: when the run ran (nil: midnight of `date`).
    ///   - context: the export context; its `landingPageProjectIDs` is ignored (this plan decides it).
    public init(changes: [ProjectChange], previous: PublicationState, announced: [String: Project],
                summary: PortfolioSummary, date: CalendarDate, detected: Timestamp? = nil, context: ExportContext) {
        landingPageProjectIDs = summary.projectCount > context.settings.landingPageLimit
            ? Set(summary.leadingProjects.prefix(context.settings.landingPageLimit).map(\.id.rawValue)) : nil
        var context = context
        context.landingPageProjectIDs = landingPageProjectIDs
        // The feeds keep the newest items only: items for as many changes as they can hold.
        let newItems = changes.prefix(PublicationState.feedLimit).map {
            FeedItem($0, date: date, detected: detected, context: context, project: announced[$0.projectID])
        }
        let newGuids = Set(newItems.map(\.guid))
        items = Array((newItems + previous.feed.filter { !newGuids.contains($0.guid) }).prefix(PublicationState.feedLimit))
    }

    /// The context the documents are written with: this plan's items and landing-page projects.
    public func applied(to context: ExportContext) -> ExportContext {
        var context = context
        context.feedItems = items
        context.landingPageProjectIDs = landingPageProjectIDs
        return context
    }
}
