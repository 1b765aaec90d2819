/// Runs the catalogue of rules over a portfolio and collects every finding in one pass.
public struct Validator: Sendable {
    public var rules: [any ValidationRule]

    public init(rules: [any ValidationRule]) {
        self.rules = rules
    }

    /// Every rule of the catalogue, tuned by `settings` (rule id → settings); a rule is left out only
    /// when its settings switch it off.
    public init(settings: [RuleID: RuleSettings] = [:]) {
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
        OtherProjectTextRule.self,
    ]

    /// Every rule over projects at hand (tests, conversions): the same pass the run makes, fed from an array.
    public func validate(_ portfolio: Portfolio, context: ValidationContext,
                         stage: (String) -> Void = { _ in }) -> [Finding] {
        var findings: [Finding] = []
        var pass = ValidationPass(self, context: context, retainPerGroup: .max)
        for (position, project) in portfolio.projects.enumerated() {
            pass.add(project, position: position) { findings.append($0) }
        }
        pass.finish(stage: stage) { findings.append($0) }
        return findings
    }
}
