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
                        ruleID: .mergeIDDuplicate, severity: .error, location: draft.origins.record, field: .id,
                        projectID: id.rawValue,
                        message: Bilingual(
                            en: "the identifier '\(id)' appears twice in the source '\(source.source.name)' (first at \(earlier.origins.record))",
                            de: "die Kennung '\(id)' kommt in der Quelle '\(source.source.name)' zweimal vor (zuerst bei \(earlier.origins.record))"),
                        hint: Bilingual(en: "give each project its own identifier; kompass does not guess which record is meant",
                                        de: "geben Sie jedem Vorhaben eine eigene Kennung; kompass rät nicht, welcher Datensatz gemeint ist")))
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
                    ruleID: .mergePartial, severity: settings.partialProjects == .error ? .error : .warning,
                    location: first.origins.record, projectID: id.rawValue,
                    message: Bilingual(en: "the project '\(id)' is missing from the source\(missing.contains(",") ? "s" : "") \(missing)",
                                       de: "das Vorhaben '\(id)' fehlt in der Quelle\(missing.contains(",") ? "n" : "") \(missing)"),
                    hint: Bilingual(en: "add it there, or set merge.partialProjects to \"allow\" or \"warning\" if the sources cover different projects",
                                    de: "ergänzen Sie es dort, oder setzen Sie merge.partialProjects auf \"allow\" oder \"warning\", "
                                        + "wenn die Quellen verschiedene Vorhaben abdecken")))
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
                        ruleID: .mergeConflict, severity: .warning, location: otherDraft.origins[field], field: field,
                        projectID: id.rawValue,
                        message: Bilingual(
                            en: "'\(names[other])' says \(field.rawValue) is '\(otherDraft.display(field) ?? "")', "
                                + "'\(names[chosen])' (\(chosenDraft.origins[field])) says '\(chosenDraft.display(field) ?? "")'; "
                                + "the value of '\(names[chosen])' is used",
                            de: "laut '\(names[other])' steht im Feld «\(PortfolioMerger.germanLabel(of: field))» '\(otherDraft.display(field) ?? "")', "
                                + "laut '\(names[chosen])' (\(chosenDraft.origins[field])) '\(chosenDraft.display(field) ?? "")'; "
                                + "verwendet wird der Wert von '\(names[chosen])'"),
                        hint: Bilingual(en: "correct the source that is wrong, or change merge.precedence.\(field.rawValue)",
                                        de: "korrigieren Sie die falsche Quelle, oder ändern Sie merge.precedence.\(field.rawValue)")))
                }
            }
            merged.append(result)
        }
        return (merged, findings)
    }

    /// The German name of a field in findings, as the page writes it: Fortschritt, Dauer, …
    static func germanLabel(of field: ProjectField) -> String {
        switch field {
        case .id: "Kennung"
        case .title: "Titel"
        case .progress: "Fortschritt"
        case .period: "Dauer"
        case .before: "Bisher"
        case .future: "In Zukunft"
        case .fieldsOfAction: "Handlungsfelder"
        case .userGroups: "Nutzende"
        }
    }

    /// Source indices in the order of precedence for `field`.
    private func rank(_ field: ProjectField, names: [String]) -> [Int] {
        let preferred = (settings.precedence[field] ?? []).compactMap { names.firstIndex(of: $0) }
        return preferred + names.indices.filter { !preferred.contains($0) }
    }
}
