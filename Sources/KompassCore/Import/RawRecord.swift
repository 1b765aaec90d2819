/// One record as a source holds it, before normalisation: the source's own field names with their
/// text values and where each came from. Multi-valued fields (lists) hold several values.
public struct RawRecord: Sendable, Equatable {
    /// Where the record starts.
    public var location: SourceLocation
    /// Field name (as the source writes it) to its values, in source order.
    public private(set) var values: [String: [RawValue]] = [:]
    /// The field names in the order they first appeared.
    public private(set) var fieldOrder: [String] = []

    public init(location: SourceLocation) {
        self.location = location
    }

    public mutating func append(_ value: RawValue, to field: String) {
        if values[field] == nil { fieldOrder.append(field) }
        values[field, default: []].append(value)
    }

    /// The values of a field; empty when the source did not give it.
    public subscript(field: String) -> [RawValue] {
        values[field] ?? []
    }
}

/// A text value from a source, with its position.
public struct RawValue: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
