public import Foundation

/// An item of the change feeds as the publication state keeps it, so that an item, once published,
/// keeps its guid, text, date and time in every later run (a reader never sees it twice).
public struct FeedItem: Sendable, Equatable, Codable {
    public var guid: String
    public var title: String
    public var link: String
    public var summary: String
    /// The reference date of the run that detected the change (in the guid).
    public var date: CalendarDate
    /// When the run that detected the change ran (`RunOptions.detectionTime`): every item of one run has the
    /// same. Nil in items of states written before kompass kept it (they had a date only): such an item
    /// shows midnight of `date` in the canton's zone, as it always did, so a reader sees no change.
    public var detected: Timestamp?

    /// The item announcing `change`, detected by a run on `date` at `detected` (nil: midnight of `date`).
    public init(_ change: ProjectChange, date: CalendarDate, detected: Timestamp? = nil, context: ExportContext, project: Project?) {
        let settings = context.settings
        let iri = ProjectID(change.projectID).map(context.projectIRI) ?? "\(settings.baseURL)/project/\(change.projectID)"
        let onPage = context.landingPageProjectIDs?.contains(change.projectID) ?? true
        link = onPage ? settings.landingPage + "#" + change.projectID : settings.landingPage
        self.date = date
        self.detected = detected?.wholeSeconds
        let detail = [change.kind.rawValue, change.after?.filter { $0.isLetter || $0.isNumber } ?? ""]
            .filter { !$0.isEmpty }.joined(separator: "-")
        guid = "\(iri)#\(detail)-\(date.iso)"
        switch change.kind {
        case .added:
            title = "Neu: \(change.title)"
            summary = project.map { "Neues Vorhaben: \($0.title). Fortschritt \($0.progress) %, Dauer \($0.period.displayText). In Zukunft: \($0.future)" }
                ?? "Neues Vorhaben: \(change.title)."
        case .removed:
            title = "Nicht mehr im Portfolio: \(change.title)"
            summary = "Das Vorhaben «\(change.title)» (\(change.projectID)) steht nicht mehr im Digitalisierungs-Kompass."
        case .progress:
            title = "\(change.title): Fortschritt \(change.before ?? "") → \(change.after ?? "")"
            // The direction, said: "gestiegen" or "gesunken" (a percentage that cannot be read says neither).
            let from = change.before.flatMap { Int($0.filter(\.isNumber)) }, to = change.after.flatMap { Int($0.filter(\.isNumber)) }
            let direction = from.flatMap { from in to.map { $0 > from ? " gestiegen" : $0 < from ? " gesunken" : " geblieben" } } ?? " geändert"
            summary = "Der Fortschritt von «\(change.title)» ist von \(change.before ?? "") auf \(change.after ?? "")\(direction)."
        case .status:
            let label = ProjectStatus.allCases.first { $0.code == change.after }?.label.de ?? change.after ?? ""
            title = "\(change.title): \(label)"
            summary = "«\(change.title)» ist jetzt \(label)."
        case .period:
            title = "\(change.title): Dauer \(change.after ?? "")"
            summary = "Die Dauer von «\(change.title)» ist jetzt \(change.after ?? "") (bisher \(change.before ?? ""))."
        case .title:
            title = "Neuer Titel: \(change.after ?? "")"
            summary = "«\(change.before ?? "")» heisst jetzt «\(change.after ?? "")»."
        case .texts:
            title = "\(change.title): Beschreibung geändert"
            summary = project.map { "Bisher: \($0.before) In Zukunft: \($0.future)" } ?? "Die Texte wurden geändert."
        case .classification:
            title = "\(change.title): Handlungsfelder oder Nutzende geändert"
            summary = project.map {
                "Handlungsfelder: \($0.fieldsOfAction.map(\.label.de).joined(separator: ", ")). Nutzende: \($0.userGroups.map(\.label.de).joined(separator: ", "))."
            } ?? "Die Einordnung wurde geändert."
        }
    }
}

extension FeedItem {
    /// The time the feeds give the item (`updated`, `published`, `pubDate`), shown with `zone`'s offset.
    public func time(in zone: TimeZone) -> Timestamp {
        detected?.shown(in: zone) ?? Timestamp(startOf: date, zone: zone)
    }
}
