/// Names one finding: its rule and its place. A finding that follows from another carries the other's
/// reference (`Finding.causedBy`), and reports fold it under that cause ("1 more error follows from this").
public struct FindingReference: Sendable, Hashable, Codable {
    public var ruleID: RuleID
    public var location: SourceLocation?

    public init(ruleID: RuleID, location: SourceLocation?) {
        self.ruleID = ruleID
        self.location = location
    }

    public init(_ finding: Finding) {
        self.init(ruleID: finding.ruleID, location: finding.location)
    }

    /// Whether `finding` is the one this reference names.
    public func names(_ finding: Finding) -> Bool {
        finding.ruleID == ruleID && finding.location == location
    }
}
