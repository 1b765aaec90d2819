/// A rule of the validation catalogue.
///
/// Every rule has a stable identifier, a default severity, a one-line summary in English and German,
/// and the tunable parameters it reads, with their defaults. It looks at one project
/// (`check(_:context:)`) or at the whole portfolio (`check(portfolio:context:)`) and returns findings.
/// A rule never changes data and never stops the run. The configuration can change a rule's severity
/// and parameters, and switch it off only explicitly (`"enabled": false`).
public protocol ValidationRule: Sendable {
    /// Stable identifier, e.g. `progress.range`.
    static var id: RuleID { get }
    static var defaultSeverity: Severity { get }
    /// What the rule checks, in one line.
    static var summary: Bilingual { get }
    /// Tunable parameters and their defaults, e.g. `["afterYears": 1]`.
    static var defaultParameters: [String: Double] { get }
    /// The values the configuration may give a parameter: by default a count (0 to `Int32.max`); a fraction
    /// such as a similarity threshold says `0...1`. The configuration reader refuses anything else.
    static func allowedRange(of parameter: String) -> ClosedRange<Double>
    /// True for the rules that look at the portfolio as a whole (duplicates, near-duplicates): the
    /// run times them one by one, so that their cost at scale can be watched.
    static var checksPortfolio: Bool { get }

    /// The rule with its effective severity and parameters (defaults where the configuration is silent).
    init(severity: Severity, parameters: [String: Double])

    var severity: Severity { get }

    func check(_ project: Project, context: ValidationContext) -> [Finding]
    /// For the rules that compare projects (`checksPortfolio`): what the single pass shows each project to,
    /// keeping only what the rule must keep (keys, positions, signatures), never the projects.
    func portfolioCheck(context: ValidationContext) -> (any PortfolioCheck)?
}

/// A rule's view of the portfolio as the pass reads it: each project once, in order, then the end.
///
/// What a finding names of another project (its identifier, where its record or its "Bisher" text starts) the
/// rule does not keep itself: the pass keeps it once for all rules (`ComparedProjects`) and hands it over, so
/// that a rule keeps of each project no more than a position or a fixed-size key.
public protocol PortfolioCheck: Sendable {
    /// What the rule keeps of a project, computed on any core before `add` (e.g. a text's signature); nil
    /// when `add` needs nothing prepared. Must not depend on earlier projects.
    func key(for project: Project) -> (any Sendable)?
    /// The findings about `project`, the `position`-th of the portfolio, that can be told at once (a repeat of
    /// an earlier key); `key` is `key(for: project)`, `earlier` holds the projects before it (positions
    /// 0 ..< `position`).
    mutating func add(_ project: Project, position: Int, key: (any Sendable)?, earlier: ComparedProjects) -> [Finding]
    /// The findings that need the whole portfolio (near-duplicates), handed to `report` one at a time (a
    /// generated portfolio can have hundreds of thousands; the pass keeps a bounded list of them); `projects`
    /// holds all of it.
    mutating func finish(projects: ComparedProjects, report: (Finding) -> Void)
}

extension PortfolioCheck {
    public func key(for project: Project) -> (any Sendable)? { nil }
    public mutating func finish(projects: ComparedProjects, report: (Finding) -> Void) {}
}

extension ValidationRule {
    public static var defaultParameters: [String: Double] { [:] }
    public static var checksPortfolio: Bool { false }
    public static func allowedRange(of parameter: String) -> ClosedRange<Double> { 0...Double(Int32.max) }

    /// The rule with its defaults.
    public init() {
        self.init(severity: Self.defaultSeverity, parameters: Self.defaultParameters)
    }

    public var id: RuleID { Self.id }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] { [] }
    public func portfolioCheck(context: ValidationContext) -> (any PortfolioCheck)? { nil }

    /// The rule over projects at hand: the same check the pass runs, fed from an array.
    public func check(portfolio: Portfolio, context: ValidationContext) -> [Finding] {
        guard var check = portfolioCheck(context: context) else { return [] }
        var findings: [Finding] = []
        var projects = ComparedProjects()
        for (position, project) in portfolio.projects.enumerated() {
            findings += check.add(project, position: position, key: check.key(for: project), earlier: projects)
            projects.append(project)
        }
        check.finish(projects: projects) { findings.append($0) }
        return findings
    }

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
