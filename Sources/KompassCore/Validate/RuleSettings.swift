/// How the configuration tunes one rule of the catalogue.
public struct RuleSettings: Sendable, Equatable {
    /// False only when the configuration switches the rule off explicitly.
    public var enabled: Bool
    /// Nil: the rule's default severity.
    public var severity: Severity?
    /// Only the parameters the configuration names; the others keep their defaults.
    public var parameters: [String: Double]

    public init(enabled: Bool = true, severity: Severity? = nil, parameters: [String: Double] = [:]) {
        self.enabled = enabled
        self.severity = severity
        self.parameters = parameters
    }
}
