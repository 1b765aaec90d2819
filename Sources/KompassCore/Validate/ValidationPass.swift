/// The validation of a portfolio as the single pass reads it: each project goes through the per-project
/// rules as it arrives, and is shown to the rules that compare projects, which keep only their keys.
///
/// The findings come out in the order a validation of the whole portfolio gives them: every per-project
/// finding in portfolio order (`add`), then, at the end (`finish`), the findings of each comparing rule in
/// the catalogue's order. The comparing rules' findings wait in bounded lists (`FindingList`).
public struct ValidationPass {
    private let perProject: [any ValidationRule]
    private var checks: [(id: String, check: any PortfolioCheck)]
    private var waiting: [FindingList]
    private let context: ValidationContext

    public init(_ validator: Validator, context: ValidationContext, retainPerGroup: Int = FindingList.defaultRetainPerGroup) {
        self.context = context
        perProject = validator.rules.filter { !type(of: $0).checksPortfolio }
        checks = validator.rules.compactMap { rule in rule.portfolioCheck(context: context).map { (rule.id, $0) } }
        waiting = checks.map { _ in FindingList(retainPerGroup: retainPerGroup) }
    }

    /// Checks `project`, the `position`-th of the portfolio; hands each per-project finding to `report`.
    public mutating func add(_ project: Project, position: Int, report: (Finding) -> Void) {
        for rule in perProject {
            for finding in rule.check(project, context: context) { report(finding) }
        }
        for index in checks.indices {
            let found = checks[index].check.add(project, position: position)
            if !found.isEmpty { waiting[index].append(contentsOf: found) }
        }
    }

    /// The comparing rules' findings, rule by rule; `stage` is told each rule as its end begins.
    public mutating func finish(stage: (String) -> Void = { _ in }, report: (FindingList) -> Void) {
        for index in checks.indices {
            stage("validate the portfolio: \(checks[index].id)")
            waiting[index].append(contentsOf: checks[index].check.finish())
            report(waiting[index])
        }
    }

    /// The same, finding by finding (what the list kept of each rule).
    public mutating func finish(stage: (String) -> Void = { _ in }, report: (Finding) -> Void) {
        finish(stage: stage) { (list: FindingList) in list.all.forEach(report) }
    }
}
