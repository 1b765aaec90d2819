/// Merges the drafts of several sources by project identifier.
///
/// Each field is taken from the first source, in the field's precedence list, that has a value for it.
/// A source that disagrees is a warning naming both sources and both values. A project missing from
/// some sources is accepted, warned about or an error, as the configuration says.
public struct PortfolioMerger: Sendable {
    public var settings: MergeSettings

    public init(settings: MergeSettings) {
        self.settings = settings
    }

    public func merge(_ sources: [SourceDrafts]) -> (drafts: [DraftProject], findings: [Finding]) {
        var findings: [Finding] = []
        var order: [ProjectID] = []
        var bySource: [[ProjectID: DraftProject]] = []
        for source in sources {
            var index: [ProjectID: DraftProject] = [:]
            for draft in source.drafts {
                guard let id = draft.id else { continue }  // an unreadable identifier was reported already
                if let earlier = index[id] {
                    findings.append(Finding(
                        ruleID: "merge.id.duplicate", severity: .error, location: draft.origins.record, field: .id,
                        projectID: id.rawValue,
                        message: "the identifier '\(id)' appears twice in the source '\(source.source.name)' (first at \(earlier.origins.record))",
                        hint: "give each project its own identifier; kompass does not guess which record is meant"))
                    continue
                }
                index[id] = draft
                if !bySource.contains(where: { $0[id] != nil }) { order.append(id) }
            }
            bySource.append(index)
        }
        let names = sources.map(\.source.name)
        var merged: [DraftProject] = []
        for id in order {
            let present = sources.indices.filter { bySource[$0][id] != nil }
            if present.count < sources.count, settings.partialProjects != .allow {
                let missing = sources.indices.filter { bySource[$0][id] == nil }.map { "'\(names[$0])'" }.joined(separator: ", ")
                let first = bySource[present[0]][id]!
                findings.append(Finding(
                    ruleID: "merge.partial", severity: settings.partialProjects == .error ? .error : .warning,
                    location: first.origins.record, projectID: id.rawValue,
                    message: "the project '\(id)' is missing from the source\(missing.contains(",") ? "s" : "") \(missing)",
                    hint: "add it there, or set merge.partialProjects to \"allow\" or \"warning\" if the sources cover different projects"))
            }
            var result = bySource[present[0]][id]!
            for field in ProjectField.allCases where field != .id {
                let ranked = rank(field, names: names).filter { bySource[$0][id]?.has(field) == true }
                guard let chosen = ranked.first else { continue }
                let chosenDraft = bySource[chosen][id]!
                result.take(field, from: chosenDraft)
                for other in ranked.dropFirst() {
                    let otherDraft = bySource[other][id]!
                    guard !otherDraft.agrees(with: chosenDraft, on: field) else { continue }
                    findings.append(Finding(
                        ruleID: "merge.conflict", severity: .warning, location: otherDraft.origins[field], field: field,
                        projectID: id.rawValue,
                        message: "'\(names[other])' says \(field.rawValue) is '\(otherDraft.display(field) ?? "")', "
                            + "'\(names[chosen])' (\(chosenDraft.origins[field])) says '\(chosenDraft.display(field) ?? "")'; "
                            + "the value of '\(names[chosen])' is used",
                        hint: "correct the source that is wrong, or change merge.precedence.\(field.rawValue)"))
                }
            }
            merged.append(result)
        }
        return (merged, findings)
    }

    /// Source indices in the order of precedence for `field`.
    private func rank(_ field: ProjectField, names: [String]) -> [Int] {
        let preferred = (settings.precedence[field] ?? []).compactMap { names.firstIndex(of: $0) }
        return preferred + names.indices.filter { !preferred.contains($0) }
    }
}
