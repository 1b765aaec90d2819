/// What an importer read from one source: its records, and the findings about the source itself.
public struct ImportResult: Sendable {
    public var records: [RawRecord]
    public var findings: [Finding]

    public init(records: [RawRecord] = [], findings: [Finding] = []) {
        self.records = records
        self.findings = findings
    }
}
