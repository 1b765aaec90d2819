/// What a run announces, decided once the pass has read the portfolio and the changes are known: the items
/// of the change feeds (this run's new items first, then the earlier ones, at most `PublicationState.feedLimit`),
/// the history with this run's rows appended, and which projects the landing page shows one by one.
public struct FeedPlan: Sendable, Equatable {
    /// The feeds' items, newest first.
    public var items: [FeedItem]
    /// The history rows, oldest first: the last publication's, then one per change of progress or status,
    /// added or removed project in this run.
    public var history: [HistoryRow]
    /// The projects the landing page shows one by one when it cannot show every project; nil when it shows all.
    public var landingPageProjectIDs: Set<String>?

    /// The changes that make a history row.
    static let historyKinds: Set<ProjectChange.Kind> = [.added, .removed, .progress, .status]

    /// - Parameters:
    ///   - changes: this run's changes, in portfolio order, removed projects last.
    ///   - announced: the projects the pass kept whole for the items (those changed first).
    ///   - context: the export context; its `landingPageProjectIDs` is ignored (this plan decides it).
    public init(changes: [ProjectChange], previous: PublicationState, announced: [String: Project],
                summary: PortfolioSummary, snapshots: [ProjectSnapshot], date: CalendarDate, context: ExportContext) {
        landingPageProjectIDs = summary.projectCount > context.settings.landingPageLimit
            ? Set(summary.leadingProjects.prefix(context.settings.landingPageLimit).map(\.id.rawValue)) : nil
        var context = context
        context.landingPageProjectIDs = landingPageProjectIDs
        // The feeds keep the newest items only: items for as many changes as they can hold.
        let newItems = changes.prefix(PublicationState.feedLimit).map {
            FeedItem($0, date: date, context: context, project: announced[$0.projectID])
        }
        let newGuids = Set(newItems.map(\.guid))
        items = Array((newItems + previous.feed.filter { !newGuids.contains($0.guid) }).prefix(PublicationState.feedLimit))
        // The changes of present projects come in portfolio order, as the snapshots do: one walk pairs them
        // (removed projects, last, have no snapshot now).
        var next = 0
        history = previous.history
        for change in changes where FeedPlan.historyKinds.contains(change.kind) {
            var snapshot: ProjectSnapshot?
            if change.kind != .removed {
                while next < snapshots.count && snapshots[next].id != change.projectID { next += 1 }
                snapshot = next < snapshots.count ? snapshots[next] : nil
            }
            history.append(HistoryRow(date: date, projectID: change.projectID, event: change.kind.rawValue,
                                      progress: snapshot?.progress, status: snapshot?.status))
        }
    }

    /// The context the documents are written with: this plan's items, history and landing-page projects.
    public func applied(to context: ExportContext) -> ExportContext {
        var context = context
        context.feedItems = items
        context.history = history
        context.landingPageProjectIDs = landingPageProjectIDs
        return context
    }
}
