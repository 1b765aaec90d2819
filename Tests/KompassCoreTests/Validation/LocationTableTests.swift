import Testing
@testable import KompassCore

/// What the comparing rules keep of a location reads back as the same location.
@Suite("Location table")
struct LocationTableTests {
    @Test func locationsReadBackAsTheyWereKept() {
        var table = LocationTable()
        let locations = [
            SourceLocation(file: "a.csv", line: 12, column: 3, field: "bisher"),
            SourceLocation(file: "a.csv", line: 0),
            SourceLocation(file: "b/c.json", line: 4_000_000, column: 0, field: nil),
            SourceLocation(file: "a.csv", line: 13, column: nil, field: "titel"),
            SourceLocation(file: "", line: 1, column: 1, field: ""),
        ]
        let entries = locations.map { table.keep($0) }
        #expect(entries.map { table.location($0) } == locations)
        #expect(MemoryLayout<LocationTable.Entry>.size == 16)
    }
}
