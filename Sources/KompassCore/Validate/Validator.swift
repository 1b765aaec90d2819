/// Runs the catalogue of rules over a portfolio and collects every finding in one pass.
public struct Validator: Sendable {
    public var rules: [any ValidationRule]

    public init(rules: [any ValidationRule] = Validator.standardRules) {
        self.rules = rules
    }

    /// The rules every run applies.
    public static let standardRules: [any ValidationRule] = [
        ProgressRangeRule(),
        PeriodOrderRule(),
        DuplicateIdentifierRule(),
    ]

    public func validate(_ portfolio: Portfolio, context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for project in portfolio.projects {
            for rule in rules {
                findings += rule.check(project, context: context)
            }
        }
        for rule in rules {
            findings += rule.check(portfolio: portfolio, context: context)
        }
        return findings
    }
}
