/// Reads every configured source and turns them into one portfolio: import, normalise, identify, merge.
/// Findings of all sources are collected; nothing stops at the first problem.
public struct PortfolioLoader: Sendable {
    public var merge: MergeSettings

    public init(merge: MergeSettings = MergeSettings()) {
        self.merge = merge
    }

    public struct Result: Sendable {
        public var portfolio: Portfolio
        public var findings: [Finding]
        /// Projects that were read but could not be completed (their problems are among the findings).
        public var incompleteProjects: Int
    }

    /// What a stream of the sources found besides the projects it handed over.
    public struct StreamResult: Sendable {
        /// Counted in full, kept up to a bound per group: memory follows the kinds of problem, not the records.
        public var findings: FindingList
        /// Projects that were read but could not be completed (their problems are among the findings).
        public var incompleteProjects: Int
    }

    /// All projects at once (conversions and tests): the stream below, collected.
    /// `strictHeaders`: a CSV header read only through a tolerance (spaces, case, a synonym, a BOM) is an
    /// error instead of an info finding (the `--strict` run).
    public func load(_ sources: [SourceConfiguration], strictHeaders: Bool = false) throws -> Result {
        var projects: [Project] = []
        let result = try stream(sources, strictHeaders: strictHeaders) { projects.append($0) }
        return Result(portfolio: Portfolio(projects: projects), findings: result.findings.all, incompleteProjects: result.incompleteProjects)
    }

    /// Reads the sources and hands each complete project to `each`, in portfolio order. One structured source
    /// streams: each record becomes a project as it is read, and nothing of it is kept here. Several sources
    /// (merged by identifier) and the page text (named through the register) are read whole first.
    /// `captures`: per source (by index), what sees its bytes as they are read (its checksum and accepted copy).
    /// `retainPerGroup`: how many findings of one group are kept (all are counted).
    public func stream(_ sources: [SourceConfiguration], strictHeaders: Bool = false, captures: [SourceCapture?] = [],
                       retainPerGroup: Int = FindingList.defaultRetainPerGroup,
                       each: (Project) throws -> Void) throws -> StreamResult {
        func capture(_ index: Int) -> SourceCapture? { index < captures.count ? captures[index] : nil }
        var findings = FindingList(retainPerGroup: retainPerGroup)
        if sources.count == 1, let source = sources.first, source.format != .pageText {
            var incomplete = 0
            try read(source, strictHeaders: strictHeaders, capture: capture(0), into: &findings) { draft in
                if let project = draft.project { try each(project) } else { incomplete += 1 }
            }
            return StreamResult(findings: findings, incompleteProjects: incomplete)
        }
        var perSource: [SourceDrafts] = []
        for (index, source) in sources.enumerated() {
            var drafts: [DraftProject] = []
            if source.format == .pageText {
                let sourceFindings: [Finding]
                (drafts, sourceFindings) = try readPageText(source, capture: capture(index))
                findings.append(contentsOf: sourceFindings)
            } else {
                try read(source, strictHeaders: strictHeaders, capture: capture(index), into: &findings) { drafts.append($0) }
            }
            perSource.append(SourceDrafts(source: source, drafts: drafts))
        }
        var drafts = perSource.first?.drafts ?? []
        if perSource.count > 1 {
            let merged = PortfolioMerger(settings: merge).merge(perSource)
            drafts = merged.drafts
            findings.append(contentsOf: merged.findings)
            findings.append(contentsOf: incompleteAfterMerge(drafts, perSource))
        }
        var incomplete = 0
        for draft in drafts {
            if let project = draft.project { try each(project) } else { incomplete += 1 }
        }
        return StreamResult(findings: findings, incompleteProjects: incomplete)
    }

    /// How many records are normalised at a time (split over the cores).
    static let normaliseBatch = 1_024

    /// The importer of a structured format.
    private static func importer(for format: SourceFormat) -> any RecordImporter {
        switch format {
        case .csv: CSVImporter()
        case .json: JSONImporter()
        case .jsonl: JSONImporter(lines: true)
        case .xml, .pageText: XMLImporter()
        }
    }

    /// Streams one structured source through its importer and the normaliser, handing each draft to `keep` and
    /// adding what is found to `sourceList` (the importer's findings first, then the records').
    private func read(_ source: SourceConfiguration, strictHeaders: Bool, capture: SourceCapture?, into sourceList: inout FindingList,
                      keep: (DraftProject) throws -> Void) throws {
        let normaliser = Normaliser(mapping: source.mapping)
        var findings = FindingList(retainPerGroup: sourceList.retainPerGroup)
        let request = ImportRequest(path: source.path, fields: source.mapping.usedSourceFields, options: source.options,
                                    synonyms: source.mapping.columnSynonyms, strictHeaders: strictHeaders, capture: capture)
        // The importer reads ahead on another core; the records it hands over are normalised a batch at a
        // time on both cores (each record alone), then kept in source order.
        var batch: [RawRecord] = []
        batch.reserveCapacity(PortfolioLoader.normaliseBatch)
        func normaliseBatch() throws {
            let records = batch
            let drafts = ParallelChunks.map(records.count, minimumPerChunk: PortfolioLoader.normaliseBatch / 4) { range in
                range.map { normaliser.draft(records[$0]) }
            }
            batch.removeAll(keepingCapacity: true)
            for (draft, recordFindings) in drafts {
                try keep(draft)
                for var finding in recordFindings {
                    if finding.projectID == nil { finding.projectID = draft.id?.rawValue }
                    findings.append(finding)
                }
            }
        }
        var sourceFindings: [Finding]
        do {
            sourceFindings = try ImportAhead.read(PortfolioLoader.importer(for: source.format), request) { record in
                batch.append(record)
                if batch.count == PortfolioLoader.normaliseBatch { try normaliseBatch() }
            }
        } catch let stopped as ReadingStopped {
            // The source exceeds a limit, or is no UTF-8 text: what was read before is kept, the reason reported.
            sourceFindings = [stopped.finding]
        }
        try normaliseBatch()
        // A column missing from the header is named once there, not once more per row.
        let absent = Set(sourceFindings.filter { $0.ruleID == .csvHeaderMissing }.compactMap(\.location?.field))
        if !absent.isEmpty { findings.removeGroups { $0.ruleID == .valueMissing && absent.contains($0.field ?? "") } }
        sourceList.append(contentsOf: sourceFindings)
        sourceList.append(contentsOf: findings)
    }

    private func readPageText(_ source: SourceConfiguration, capture: SourceCapture?) throws -> ([DraftProject], [Finding]) {
        var findings: [Finding] = []
        var records: [RawRecord] = []
        do {
            findings += try PageTextImporter().read(ImportRequest(path: source.path, fields: FieldMapping.pageText.usedSourceFields,
                                                                  capture: capture)) { records.append($0) }
        } catch let stopped as ReadingStopped {
            findings.append(stopped.finding)
        }
        let normaliser = Normaliser(mapping: source.mapping, reportsMissingValues: false)
        var drafts: [DraftProject] = []
        var findingsPerDraft: [[Finding]] = []
        for record in records {
            let (draft, recordFindings) = normaliser.draft(record)
            drafts.append(draft)
            findingsPerDraft.append(recordFindings)
        }
        guard let registerPath = source.register else {
            findings.append(Finding(ruleID: .registerNotConfigured, severity: .error,
                                    location: SourceLocation(file: source.path, line: 0), Message.registerNotConfigured))
            return (drafts, findings + PortfolioLoader.naming(findingsPerDraft, after: drafts))
        }
        let (register, registerFindings) = try ProjectRegister.load(path: registerPath)
        findings += registerFindings
        findings += RegisterMatcher(register: register).assign(to: &drafts)
        findings = UnreadBlockCauses.link(findings, drafts: drafts, register: register, pageFile: source.path)
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

    /// A merged project that lacks a value no source of it maps: the sources' own findings cannot
    /// have named it, so it is named here.
    private func incompleteAfterMerge(_ drafts: [DraftProject], _ sources: [SourceDrafts]) -> [Finding] {
        var findings: [Finding] = []
        for draft in drafts where draft.project == nil {
            guard let id = draft.id else { continue }
            let holding = sources.filter { $0.drafts.contains { $0.id == id } }
            for field in ProjectField.allCases where !draft.has(field) {
                let mapped = holding.contains { source in
                    source.source.format == .pageText
                        || source.source.mapping.sourceFields.keys.contains { $0.field == field }
                }
                guard !mapped else { continue }
                findings.append(Finding(
                    ruleID: .mergeIncomplete, severity: .error, location: draft.origins.record, field: field,
                    projectID: id.rawValue, Message.incomplete(id, lacks: field, sources: holding.map(\.source.name))))
            }
        }
        return findings
    }
}

// MARK: - Messages

extension PortfolioLoader {
    /// The loader's messages, apart from the logic that loads: each a message and a hint, in English and German.
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual)

        static let registerNotConfigured: Text = (
            Bilingual(en: "the page text has no titles and no identifiers, and no register is configured for it",
                      de: "der Seitentext hat weder Titel noch Kennungen, und für ihn ist kein Register konfiguriert"),
            Bilingual(en: "name a register (position;before;future;id;title) in the source's \"register\" key",
                      de: "nennen Sie ein Register (position;before;future;id;title) im Schlüssel \"register\" der Quelle"))

        /// A merged project without `field`, which none of its `sources` (their names) gives.
        static func incomplete(_ id: ProjectID, lacks field: ProjectField, sources: [String]) -> Text {
            let label = PortfolioMerger.Message.germanLabel(of: field)
            return (Bilingual(en: "the project '\(id)' has no \(field.rawValue): the sources it appears in ("
                                  + sources.map { "'\($0)'" }.joined(separator: ", ") + ") do not give it",
                              de: "dem Vorhaben '\(id)' fehlt das Feld «\(label)»: die Quellen, in denen es vorkommt ("
                                  + sources.map { "'\($0)'" }.joined(separator: ", ") + "), geben es nicht an"),
                    Bilingual(en: "add the project to a source that gives \(field.rawValue)",
                              de: "nehmen Sie das Vorhaben in eine Quelle auf, die das Feld «\(label)» angibt"))
        }
    }
}
