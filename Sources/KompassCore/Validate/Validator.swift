/// Runs the catalogue of rules over a portfolio and collects every finding in one pass.
public struct Validator: Sendable {
    public var rules: [any ValidationRule]

    public init(rules: [any ValidationRule]) {
        self.rules = rules
    }

    /// Every rule of the catalogue, tuned by `settings` (rule id → settings); a rule is left out only
    /// when its settings switch it off.
    public init(settings: [String: RuleSettings] = [:]) {
        rules = Validator.catalogue.compactMap { type in
            let tuned = settings[type.id] ?? RuleSettings()
            guard tuned.enabled else { return nil }
            return type.init(severity: tuned.severity ?? type.defaultSeverity,
                             parameters: type.defaultParameters.merging(tuned.parameters) { _, configured in configured })
        }
    }

    /// The validation rules, in the order they run and are documented.
    public static let catalogue: [any ValidationRule.Type] = [
        ProgressRangeRule.self,
        PeriodOrderRule.self,
        PeriodPlausibleRule.self,
        BlankTextRule.self,
        ControlCharacterRule.self,
        HTMLInTextRule.self,
        CompletedAheadRule.self,
        OverdueRule.self,
        ProgressBeforeStartRule.self,
        NotStartedRule.self,
        DuplicateIdentifierRule.self,
        DuplicateTitleRule.self,
        DuplicateTextRule.self,
        VanishedProjectRule.self,
    ]

    /// Every rule over `portfolio`: first each project through the per-project rules, then the
    /// portfolio through the rules that compare projects. `stage` is told each step as it begins
    /// (the run's timings name each portfolio rule).
    public func validate(_ portfolio: Portfolio, context: ValidationContext,
                         stage: (String) -> Void = { _ in }) -> [Finding] {
        var findings: [Finding] = []
        stage("validate each project")
        for project in portfolio.projects {
            for rule in rules {
                findings += rule.check(project, context: context)
            }
        }
        for rule in rules where type(of: rule).checksPortfolio {
            stage("validate the portfolio: \(rule.id)")
            findings += rule.check(portfolio: portfolio, context: context)
        }
        return findings
    }
}
