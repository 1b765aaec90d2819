/// The validation of a portfolio as the single pass reads it: each project goes through the per-project
/// rules as it arrives, and is shown to the rules that compare projects, which keep only their keys.
/// What their findings name of a project (its identifier and locations) the pass keeps once for all of them
/// (`ComparedProjects`).
///
/// What depends on one project alone (its per-project findings, the comparing rules' keys) is `prepare`d,
/// on any core; `add` then takes the prepared projects in portfolio order. The findings come out in the order
/// a validation of the whole portfolio gives them: every per-project finding in portfolio order, then, at the
/// end (`finish`), the findings of each comparing rule in the catalogue's order. The comparing rules' findings
/// wait in bounded lists (`FindingList`).
public struct ValidationPass: Sendable {
    private let perProject: [any ValidationRule]
    private var checks: [(id: RuleID, check: any PortfolioCheck)]
    private var waiting: [FindingList]
    /// What the comparing rules' findings name of each project so far; kept only when there are such rules.
    private var compared = ComparedProjects()
    private let context: ValidationContext

    public init(_ validator: Validator, context: ValidationContext, retainPerGroup: Int = FindingList.defaultRetainPerGroup) {
        self.context = context
        perProject = validator.rules.filter { !type(of: $0).checksPortfolio }
        checks = validator.rules.compactMap { rule in rule.portfolioCheck(context: context).map { (rule.id, $0) } }
        waiting = checks.map { _ in FindingList(retainPerGroup: retainPerGroup) }
    }

    /// What the pass knows of one project before it takes its place in the portfolio.
    public struct Prepared: Sendable {
        /// Its per-project findings.
        public var findings: [Finding]
        /// Per comparing rule, what it keeps of the project.
        public var keys: [(any Sendable)?]
    }

    /// The per-project findings and the comparing rules' keys of `project`: depends on it alone.
    public func prepare(_ project: Project) -> Prepared {
        var findings: [Finding] = []
        for rule in perProject { findings += rule.check(project, context: context) }
        // A value that has an error gets no follow-on findings (140% is out of range; that it is "at 100% but
        // runs until 2028" follows from it and would only distract).
        let wrong = Set(findings.filter { $0.severity == .error }.compactMap(\.field))
        if !wrong.isEmpty { findings.removeAll { $0.severity != .error && $0.field.map(wrong.contains) == true } }
        return Prepared(findings: findings, keys: checks.map { $0.check.key(for: project) })
    }

    /// Takes `project`, the `position`-th of the portfolio (projects come in order, from 0), prepared by
    /// `prepare`; hands each per-project finding to `report`.
    public mutating func add(_ project: Project, position: Int, prepared: Prepared, report: (Finding) -> Void) {
        prepared.findings.forEach(report)
        guard !checks.isEmpty else { return }
        precondition(position == compared.count, "ValidationPass: position \(position) given, \(compared.count) expected")
        for index in checks.indices {
            let found = checks[index].check.add(project, position: position, key: prepared.keys[index], earlier: compared)
            if !found.isEmpty { waiting[index].append(contentsOf: found) }
        }
        compared.append(project)
    }

    /// Prepares and takes `project` at once.
    public mutating func add(_ project: Project, position: Int, report: (Finding) -> Void) {
        add(project, position: position, prepared: prepare(project), report: report)
    }

    /// The comparing rules' findings, rule by rule; `stage` is told each rule as its end begins.
    public mutating func finish(stage: (String) -> Void = { _ in }, report: (FindingList) -> Void) {
        for index in checks.indices {
            stage("validate the portfolio: \(checks[index].id)")
            checks[index].check.finish(projects: compared) { waiting[index].append($0) }
            report(waiting[index])
        }
    }

    /// The same, finding by finding (what the list kept of each rule).
    public mutating func finish(stage: (String) -> Void = { _ in }, report: (Finding) -> Void) {
        finish(stage: stage) { (list: FindingList) in list.all.forEach(report) }
    }
}
