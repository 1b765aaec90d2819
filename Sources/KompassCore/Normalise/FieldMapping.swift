/// Which field of a source feeds which field of the domain model.
public struct FieldMapping: Sendable, Equatable {
    /// Domain field → the source's own field name.
    public var sourceFields: [ProjectField: String]

    public init(sourceFields: [ProjectField: String]) {
        self.sourceFields = sourceFields
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
}
