/// How one source maps onto the domain model: which of its fields feeds which domain field, and
/// the declared forms of its values. Nothing that is not declared here is read or converted.
public struct FieldMapping: Sendable, Equatable {
    /// The domain values a source field can feed. A source gives the duration either as one
    /// `period` field (`2023–2028`) or as `startYear` and `endYear`.
    public enum Target: String, CaseIterable, Sendable, Codable {
        case id, title, progress, period, startYear, endYear, before, future, fieldsOfAction, userGroups

        /// The domain field the target fills (for origins and findings).
        public var field: ProjectField {
            switch self {
            case .id: .id
            case .title: .title
            case .progress: .progress
            case .period, .startYear, .endYear: .period
            case .before: .before
            case .future: .future
            case .fieldsOfAction: .fieldsOfAction
            case .userGroups: .userGroups
            }
        }
    }

    /// How a source writes progress.
    public enum ProgressForm: String, Sendable, Equatable, CaseIterable {
        /// `30%`, `30 %` or `30`.
        case percent
        /// `0.3` for 30 %: a share from 0 to 1.
        case fraction
    }

    /// How a source writes the start and end of a project (`dateForm`): as years (the default), or as
    /// dates of one declared form, whose year is read and reported. Nothing else is accepted.
    public enum DateForm: String, Sendable, Equatable, CaseIterable {
        /// `2025`.
        case year = "YYYY"
        /// `31.12.2025` (day and month with one or two digits).
        case dayMonthYear = "DD.MM.YYYY"
        /// `2025-12-31` (ISO 8601).
        case isoDate = "YYYY-MM-DD"
    }

    /// What the mapping allows kompass to change in a text value (`normalise`); each change is reported
    /// with the value before and after. Without a declaration a value is kept exactly as it is.
    public enum Normalisation: String, Sendable, Equatable, CaseIterable {
        /// Remove white space around identifiers, titles and texts.
        case trim
        /// Compose decomposed characters (`u` + U+0308 → `ü`, Unicode NFC) in titles and texts.
        case nfc
    }

    /// Target → the source's own field name: the canonical name of its column, key or element.
    public var sourceFields: [Target: String]
    /// Other names a source may give a column: synonym → the canonical name in `sourceFields` it stands for
    /// (a mapping writes `"title": ["Titel", "Bezeichnung"]`: `Titel` is canonical, `Bezeichnung` a synonym).
    /// The CSV importer matches header cells through them and reports each use; records always carry values
    /// under the canonical name, so nothing downstream needs to know about synonyms.
    public var columnSynonyms: [String: String]
    /// Splits a single text value of a list field (fields of action, user groups) into terms;
    /// nil when the source gives lists natively (JSON arrays, repeated XML elements, page bullets).
    public var listSeparator: String?
    public var progressForm: ProgressForm
    /// Declared synonyms per vocabulary: the source's term → the German label it stands for.
    public var fieldOfActionSynonyms: [String: String]
    public var userGroupSynonyms: [String: String]
    public var dateForm: DateForm = .year
    public var normalisations: Set<Normalisation> = []

    public init(sourceFields: [Target: String], listSeparator: String? = nil, progressForm: ProgressForm = .percent,
                fieldOfActionSynonyms: [String: String] = [:], userGroupSynonyms: [String: String] = [:],
                columnSynonyms: [String: String] = [:]) {
        self.sourceFields = sourceFields
        self.columnSynonyms = columnSynonyms
        self.listSeparator = listSeparator
        self.progressForm = progressForm
        self.fieldOfActionSynonyms = fieldOfActionSynonyms
        self.userGroupSynonyms = userGroupSynonyms
    }

    /// The source field names this mapping reads (the canonical names; synonyms are in `columnSynonyms`).
    public var usedSourceFields: Set<String> { Set(sourceFields.values) }

    /// The names a target's column may have: the canonical name first, then its synonyms (sorted).
    public func columnNames(of target: Target) -> [String] {
        guard let canonical = sourceFields[target] else { return [] }
        return [canonical] + columnSynonyms.filter { $0.value == canonical }.keys.sorted()
    }

    /// The page text: its headings. It has no identifier and no title (the register supplies them).
    public static let pageText = FieldMapping(sourceFields: [
        .progress: PageTextHeading.progress.rawValue,
        .period: PageTextHeading.duration.rawValue,
        .before: PageTextHeading.before.rawValue,
        .future: PageTextHeading.future.rawValue,
        .fieldsOfAction: PageTextHeading.fields.rawValue,
        .userGroups: PageTextHeading.userGroups.rawValue,
    ])

    /// kompass's own CSV (`projects.csv`), so that a published CSV can be read back.
    public static let publishedCSV = FieldMapping(sourceFields: [
        .id: CSVColumn.id.rawValue, .title: CSVColumn.title.rawValue, .progress: CSVColumn.progress.rawValue,
        .startYear: CSVColumn.startYear.rawValue, .endYear: CSVColumn.endYear.rawValue,
        .before: CSVColumn.before.rawValue, .future: CSVColumn.future.rawValue,
        .fieldsOfAction: CSVColumn.fieldsOfAction.rawValue, .userGroups: CSVColumn.userGroups.rawValue,
    ], listSeparator: CSVColumn.listSeparator)
}
