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
        FormulaLikeTextRule.self,
        CompletedAheadRule.self,
        OverdueRule.self,
        ProgressBeforeStartRule.self,
        NotStartedRule.self,
        DuplicateIdentifierRule.self,
        DuplicateTitleRule.self,
        DuplicateTextRule.self,
    ]

    /// Every rule over `portfolio`: first each project through the per-project rules, then the
    /// portfolio through the rules that compare projects. `stage` is told each step as it begins
    /// (the run's timings name each portfolio rule).
    public func validate(_ portfolio: Portfolio, context: ValidationContext,
                         stage: (String) -> Void = { _ in }) -> [Finding] {
        var findings: [Finding] = []
        validate(portfolio, context: context, stage: stage) { findings.append($0) }
        return findings
    }

    /// The same, handing each finding to `report` as it is found (a `FindingList` keeps memory bounded).
    public func validate(_ portfolio: Portfolio, context: ValidationContext, stage: (String) -> Void = { _ in },
                         report: (Finding) -> Void) {
        stage("validate each project")
        // The per-project rules read one project each: both cores take half the portfolio; the findings
        // come back in portfolio order, as from one pass.
        let rules = self.rules
        let perProject = ParallelChunks.map(portfolio.projects.count) { range in
            var findings: [Finding] = []
            for index in range {
                for rule in rules { findings += rule.check(portfolio.projects[index], context: context) }
            }
            return findings
        }
        perProject.forEach(report)
        for rule in rules where type(of: rule).checksPortfolio {
            stage("validate the portfolio: \(rule.id)")
            rule.check(portfolio: portfolio, context: context).forEach(report)
        }
    }
}
