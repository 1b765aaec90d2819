/// A rule of the validation catalogue.
///
/// Every rule has a stable identifier, a default severity, a one-line summary in English and German,
/// and the tunable parameters it reads, with their defaults. It looks at one project
/// (`check(_:context:)`) or at the whole portfolio (`check(portfolio:context:)`) and returns findings.
/// A rule never changes data and never stops the run. The configuration can change a rule's severity
/// and parameters, and switch it off only explicitly (`"enabled": false`).
public protocol ValidationRule: Sendable {
    /// Stable identifier, e.g. `progress.range`.
    static var id: String { get }
    static var defaultSeverity: Severity { get }
    /// What the rule checks, in one line.
    static var summary: Bilingual { get }
    /// Tunable parameters and their defaults, e.g. `["afterYears": 1]`.
    static var defaultParameters: [String: Double] { get }
    /// True for the rules that look at the portfolio as a whole (duplicates, near-duplicates): the
    /// run times them one by one, so that their cost at scale can be watched.
    static var checksPortfolio: Bool { get }

    /// The rule with its effective severity and parameters (defaults where the configuration is silent).
    init(severity: Severity, parameters: [String: Double])

    var severity: Severity { get }

    func check(_ project: Project, context: ValidationContext) -> [Finding]
    func check(portfolio: Portfolio, context: ValidationContext) -> [Finding]
}

extension ValidationRule {
    public static var defaultParameters: [String: Double] { [:] }
    public static var checksPortfolio: Bool { false }

    /// The rule with its defaults.
    public init() {
        self.init(severity: Self.defaultSeverity, parameters: Self.defaultParameters)
    }

    public var id: String { Self.id }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] { [] }
    public func check(portfolio: Portfolio, context: ValidationContext) -> [Finding] { [] }

    /// A finding of this rule about one project, in English and German.
    func finding(_ project: Project, _ field: ProjectField, _ message: Bilingual, hint: Bilingual) -> Finding {
        Finding(ruleID: Self.id, severity: severity, location: project.origins[field], field: field,
                projectID: project.id.rawValue, message: message, hint: hint)
    }
}

extension Dictionary where Key == String, Value == Double {
    /// A parameter's value, or the rule's default.
    func value(_ name: String, default fallback: Double) -> Double { self[name] ?? fallback }
}
