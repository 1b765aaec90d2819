/// Where a project stands, derived from its progress and years as of a reference date.
public enum ProjectStatus: String, Sendable, Codable, CaseIterable {
    case planned
    case inProgress
    case completed

    /// - completed: progress is 100 %;
    /// - planned: progress is 0 %, or the start year still lies ahead of the reference year;
    /// - in progress: everything else.
    public init(progress: Int, period: ProjectPeriod, referenceYear: Int) {
        if progress >= 100 {
            self = .completed
        } else if progress <= 0 || period.startYear > referenceYear {
            self = .planned
        } else {
            self = .inProgress
        }
    }

    /// The code used in CSV and JSON-LD (German, snake_case, as data.bs.ch users know it).
    public var code: String {
        switch self {
        case .planned: "geplant"
        case .inProgress: "in_umsetzung"
        case .completed: "abgeschlossen"
        }
    }

    public var label: LocalizedText {
        switch self {
        case .planned: LocalizedText(de: "geplant", fr: "planifié", it: "pianificato", en: "planned")
        case .inProgress: LocalizedText(de: "in Umsetzung", fr: "en cours", it: "in corso", en: "in progress")
        case .completed: LocalizedText(de: "abgeschlossen", fr: "terminé", it: "concluso", en: "completed")
        }
    }
}
