/// Where each value of a project came from.
public struct ProjectOrigins: Sendable, Hashable {
    /// Where the project's record starts (its first line).
    public var record: SourceLocation
    private var fields: [ProjectField: SourceLocation]

    public init(record: SourceLocation, fields: [ProjectField: SourceLocation] = [:]) {
        self.record = record
        self.fields = fields
    }

    /// The location of one field's value, or the record's when the field's own is unknown.
    public subscript(field: ProjectField) -> SourceLocation {
        get { fields[field] ?? record }
        set { fields[field] = newValue }
    }
}
