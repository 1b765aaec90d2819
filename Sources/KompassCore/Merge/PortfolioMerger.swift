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
                        projectID: id.rawValue, Message.idDuplicate(id, in: source.source.name, first: earlier.origins.record)))
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
                let missing = sources.indices.filter { bySource[$0][id] == nil }.map { names[$0] }
                let first = bySource[present[0]][id]!
                findings.append(Finding(
                    ruleID: .mergePartial, severity: settings.partialProjects == .error ? .error : .warning,
                    location: first.origins.record, projectID: id.rawValue, Message.partial(id, missingFrom: missing)))
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
                        Message.conflict(field, other: (names[other], otherDraft.display(field) ?? ""),
                                         chosen: (names[chosen], chosenDraft.display(field) ?? ""), at: chosenDraft.origins[field])))
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

// MARK: - Messages

extension PortfolioMerger {
    /// The merger's messages, apart from the logic that merges: each a message and a hint, in English and German.
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual)

        /// `first`: where the source has the identifier first.
        static func idDuplicate(_ id: ProjectID, in source: String, first: SourceLocation) -> Text {
            (Bilingual(
                en: "the identifier '\(id)' appears twice in the source '\(source)' (first at \(first))",
                de: "die Kennung '\(id)' kommt in der Quelle '\(source)' zweimal vor (zuerst bei \(first))"),
             Bilingual(en: "give each project its own identifier; kompass does not guess which record is meant",
                       de: "geben Sie jedem Vorhaben eine eigene Kennung; kompass rät nicht, welcher Datensatz gemeint ist"))
        }

        /// `sources`: the names of the sources that lack the project.
        static func partial(_ id: ProjectID, missingFrom sources: [String]) -> Text {
            let missing = sources.map { "'\($0)'" }.joined(separator: ", ")
            return (Bilingual(en: "the project '\(id)' is missing from the source\(missing.contains(",") ? "s" : "") \(missing)",
                              de: "das Vorhaben '\(id)' fehlt in der Quelle\(missing.contains(",") ? "n" : "") \(missing)"),
                    Bilingual(en: "add it there, or set merge.partialProjects to \"allow\" or \"warning\" if the sources cover different projects",
                              de: "ergänzen Sie es dort, oder setzen Sie merge.partialProjects auf \"allow\" oder \"warning\", "
                                  + "wenn die Quellen verschiedene Vorhaben abdecken"))
        }

        /// Two sources (name and value) that disagree on `field`; the chosen one's value, at `origin`, is used.
        static func conflict(_ field: ProjectField, other: (source: String, value: String), chosen: (source: String, value: String),
                             at origin: SourceLocation) -> Text {
            (Bilingual(
                en: "'\(other.source)' says \(field.rawValue) is '\(other.value)', "
                    + "'\(chosen.source)' (\(origin)) says '\(chosen.value)'; "
                    + "the value of '\(chosen.source)' is used",
                de: "laut '\(other.source)' steht im Feld «\(germanLabel(of: field))» '\(other.value)', "
                    + "laut '\(chosen.source)' (\(origin)) '\(chosen.value)'; "
                    + "verwendet wird der Wert von '\(chosen.source)'"),
             Bilingual(en: "correct the source that is wrong, or change merge.precedence.\(field.rawValue)",
                       de: "korrigieren Sie die falsche Quelle, oder ändern Sie merge.precedence.\(field.rawValue)"))
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
    }
}
