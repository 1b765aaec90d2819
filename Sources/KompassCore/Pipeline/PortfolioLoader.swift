/// Reads every configured source and turns it into one portfolio: import, normalise, identify.
/// Findings of all sources are collected; nothing stops at the first problem.
public struct PortfolioLoader: Sendable {
    public init() {}

    public struct Result: Sendable {
        public var portfolio: Portfolio
        public var findings: [Finding]
        /// Projects that were read but could not be completed (their problems are among the findings).
        public var incompleteProjects: Int
    }

    public func load(_ sources: [SourceConfiguration]) throws -> Result {
        var projects: [Project] = []
        var findings: [Finding] = []
        var incomplete = 0
        for source in sources {
            let drafts: [DraftProject]
            switch source.format {
            case .pageText:
                (drafts, findings) = try readPageText(source, findings: findings)
            case .csv, .json, .jsonl, .xml:
                throw ConfigurationError(path: source.path, keyPath: "format",
                                         message: "the \(source.format.rawValue) importer is not available yet; use page-text")
            }
            for draft in drafts {
                if let project = draft.project { projects.append(project) } else { incomplete += 1 }
            }
        }
        return Result(portfolio: Portfolio(projects: projects), findings: findings, incompleteProjects: incomplete)
    }

    private func readPageText(_ source: SourceConfiguration, findings: [Finding]) throws -> ([DraftProject], [Finding]) {
        var findings = findings
        let imported = try PageTextImporter().read(path: source.path)
        findings += imported.findings
        let normaliser = Normaliser(mapping: .pageText, reportsMissingValues: false)
        var drafts: [DraftProject] = []
        var findingsPerDraft: [[Finding]] = []
        for record in imported.records {
            let (draft, recordFindings) = normaliser.draft(record)
            drafts.append(draft)
            findingsPerDraft.append(recordFindings)
        }
        guard let registerPath = source.register else {
            findings.append(Finding(ruleID: "register.not-configured", severity: .error,
                                    location: SourceLocation(file: source.path, line: 0),
                                    message: "the page text has no titles and no identifiers, and no register is configured for it",
                                    hint: "name a register (position;fingerprint;id;title) in the source's \"register\" key"))
            return (drafts, findings + PortfolioLoader.naming(findingsPerDraft, after: drafts))
        }
        let (register, registerFindings) = try ProjectRegister.load(path: registerPath)
        findings += registerFindings
        findings += RegisterMatcher(register: register).assign(to: &drafts)
        return (drafts, findings + PortfolioLoader.naming(findingsPerDraft, after: drafts))
    }

    /// Once the register has named the projects, the findings about their values name them too.
    private static func naming(_ findingsPerDraft: [[Finding]], after drafts: [DraftProject]) -> [Finding] {
        zip(drafts, findingsPerDraft).flatMap { draft, findings in
            findings.map { finding in
                var finding = finding
                if finding.projectID == nil { finding.projectID = draft.id?.rawValue }
                return finding
            }
        }
    }
}
