/// Where each value of a project came from.
///
/// One slot per field, stored inline: a dictionary per project cost about a kilobyte of buckets and
/// headers (a third of a project's memory at a million projects); eight optional slots cost half of
/// that and no allocation.
public struct ProjectOrigins: Sendable, Hashable {
    /// Where the project's record starts (its first line).
    public var record: SourceLocation
    private var id: SourceLocation?
    private var title: SourceLocation?
    private var progress: SourceLocation?
    private var period: SourceLocation?
    private var before: SourceLocation?
    private var future: SourceLocation?
    private var fieldsOfAction: SourceLocation?
    private var userGroups: SourceLocation?

    public init(record: SourceLocation, fields: [ProjectField: SourceLocation] = [:]) {
        self.record = record
        for (field, location) in fields { self[field] = location }
    }

    /// The location of one field's value, or the record's when the field's own is unknown.
    public subscript(field: ProjectField) -> SourceLocation {
        get { slot(field) ?? record }
        set {
            switch field {
            case .id: id = newValue
            case .title: title = newValue
            case .progress: progress = newValue
            case .period: period = newValue
            case .before: before = newValue
            case .future: future = newValue
            case .fieldsOfAction: fieldsOfAction = newValue
            case .userGroups: userGroups = newValue
            }
        }
    }

    private func slot(_ field: ProjectField) -> SourceLocation? {
        switch field {
        case .id: id
        case .title: title
        case .progress: progress
        case .period: period
        case .before: before
        case .future: future
        case .fieldsOfAction: fieldsOfAction
        case .userGroups: userGroups
        }
    }
}
