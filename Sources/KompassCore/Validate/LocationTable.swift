/// Source locations kept by the hundred thousand (what the comparing rules keep of each project to name it
/// in a finding): the file and field names interned once, each location in 16 bytes. Reads back as the same
/// `SourceLocation`.
struct LocationTable: Sendable {
    /// A kept location: indices into the table's names (0 = none), the line, and the column plus one (0 = none).
    struct Entry: Sendable, Hashable {
        var file: UInt32
        var field: UInt32
        var line: UInt32
        var column: UInt32
    }

    private var names: [String] = []
    private var indices: [String: UInt32] = [:]

    private mutating func index(of name: String) -> UInt32 {
        if let index = indices[name] { return index }
        names.append(name)
        let index = UInt32(names.count)
        indices[name] = index
        return index
    }

    mutating func keep(_ location: SourceLocation) -> Entry {
        Entry(file: index(of: location.file), field: location.field.map { index(of: $0) } ?? 0,
              line: UInt32(clamping: location.line), column: location.column.map { UInt32(clamping: $0 + 1) } ?? 0)
    }

    func location(_ entry: Entry) -> SourceLocation {
        SourceLocation(file: names[Int(entry.file) - 1], line: Int(entry.line),
                       column: entry.column == 0 ? nil : Int(entry.column) - 1,
                       field: entry.field == 0 ? nil : names[Int(entry.field) - 1])
    }
}
