/// A problem (or a noteworthy fact) in the data: what rule, how bad, where, what is wrong and what to do.
///
/// Findings travel with the data; they never stop the flow. The publish policy decides at the end.
public struct Finding: Sendable, Equatable, Codable {
    /// A stable identifier of the rule, e.g. `page-text.progress.not-a-number`.
    public var ruleID: String
    public var severity: Severity
    /// Where the problem is; nil for problems of the run as a whole.
    public var location: SourceLocation?
    /// The domain field concerned, where one is.
    public var field: ProjectField?
    /// The project concerned, where it is known.
    public var projectID: String?
    /// What is wrong, in one sentence.
    public var message: String
    /// What would be right, or what to do.
    public var hint: String?

    public init(ruleID: String, severity: Severity, location: SourceLocation?, field: ProjectField? = nil,
                projectID: String? = nil, message: String, hint: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.location = location
        self.field = field
        self.projectID = projectID
        self.message = message
        self.hint = hint
    }
}
