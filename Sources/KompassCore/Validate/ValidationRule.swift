/// A rule of the validation catalogue.
///
/// Every rule has a stable identifier, a default severity and a one-line description; it looks at
/// one project (`check(_:)`) or at the whole portfolio (`check(portfolio:)`) and returns findings.
/// A rule never changes data and never stops the run.
public protocol ValidationRule: Sendable {
    /// Stable identifier, e.g. `progress.range`.
    var id: String { get }
    var severity: Severity { get }
    /// What the rule checks, in one line.
    var summary: String { get }

    func check(_ project: Project, context: ValidationContext) -> [Finding]
    func check(portfolio: Portfolio, context: ValidationContext) -> [Finding]
}

extension ValidationRule {
    public func check(_ project: Project, context: ValidationContext) -> [Finding] { [] }
    public func check(portfolio: Portfolio, context: ValidationContext) -> [Finding] { [] }

    /// A finding of this rule about one project.
    func finding(_ project: Project, _ field: ProjectField, _ message: String, hint: String) -> Finding {
        Finding(ruleID: id, severity: severity, location: project.origins[field], field: field,
                projectID: project.id.rawValue, message: message, hint: hint)
    }
}
