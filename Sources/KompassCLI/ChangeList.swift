import KompassCore

/// The changes of a run as the command line prints them, in the run's language: the headline counts every
/// change; the lines are those the report kept (`RunReport.listedChanges`), and a last line says how many more
/// there are.
struct ChangeList {
    let changes: [ProjectChange]
    let count: Int
    let first: Bool

    init(_ changes: [ProjectChange], count: Int? = nil, first: Bool) {
        self.changes = changes
        self.count = count ?? changes.count
        self.first = first
    }

    init(_ report: RunReport) {
        self.init(report.changes, count: report.changeCount, first: report.firstPublication)
    }

    /// `3 changes against the last publication:`, `the first publication: 34 projects`.
    func headline(in language: ReportLanguage) -> String {
        switch (language, first) {
        case (.de, true): "die erste Publikation: \(count) Vorhaben"
        case (.de, false): (count == 1 ? "1 Änderung" : "\(count) Änderungen") + " gegenüber der letzten Publikation:"
        case (.en, true): "the first publication: \(count) \(count == 1 ? "project" : "projects")"
        case (.en, false): (count == 1 ? "1 change" : "\(count) changes") + " against the last publication:"
        }
    }

    /// One line per kept change (`digital-lab: progress 30% → 40%`), then how many more there are. A change of
    /// texts with its word diff (`texts`) is shown as the words removed and added in each text, in git's
    /// word-diff notation (`[-removed-]{+added+}`), coloured when `colour`.
    func lines(in language: ReportLanguage, texts: [String: TextChange] = [:], colour: Bool = false) -> [String] {
        let more = count - changes.count
        let rest = language == .de ? "… und \(more) weitere (kompass diff listet jede Änderung auf)"
            : "… and \(more) more (kompass diff lists every change)"
        var lines: [String] = []
        for change in changes {
            guard change.kind == .texts, let text = texts[change.projectID] else {
                lines.append(Self.line(change, in: language))
                continue
            }
            lines.append("\(change.projectID): " + (language == .de ? "Texte geändert" : "texts changed"))
            for (label, diff) in [("Bisher", text.before), ("In Zukunft", text.future)] where !diff.isEmpty {
                lines.append("  \(label): " + Self.render(diff, colour: colour))
            }
        }
        return lines + (more > 0 ? [rest] : [])
    }

    /// `Das [-alte-]{+neue+} Verfahren …`; red and green on a terminal.
    static func render(_ diff: WordDiff, colour: Bool) -> String {
        diff.condensed().map { part in
            switch part.operation {
            case .equal: part.text
            case .delete: colour ? "\u{1B}[31m[-\(part.text)-]\u{1B}[0m" : "[-\(part.text)-]"
            case .insert: colour ? "\u{1B}[32m{+\(part.text)+}\u{1B}[0m" : "{+\(part.text)+}"
            }
        }.joined(separator: " ")
    }

    static func line(_ change: ProjectChange, in language: ReportLanguage) -> String {
        guard language == .de else { return change.description }
        let id = change.projectID
        switch change.kind {
        case .added: return "\(id): neu (\(change.title))"
        case .removed: return "\(id): entfernt (\(change.title))"
        default: return "\(id): \(label(change.kind)) \(change.before ?? "") → \(change.after ?? "")"
        }
    }

    private static func label(_ kind: ProjectChange.Kind) -> String {
        switch kind {
        case .added: "neu"
        case .removed: "entfernt"
        case .progress: "Fortschritt"
        case .status: "Status"
        case .period: "Dauer"
        case .title: "Titel"
        case .texts: "Texte"
        case .classification: "Einordnung"
        }
    }
}
