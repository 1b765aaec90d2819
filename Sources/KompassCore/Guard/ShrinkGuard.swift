/// Protects what was published from a run that would take something away without saying so.
///
/// Harvesters delete what disappears from a source, so a project (or a file of the catalogue) that
/// vanishes is a loss for everyone who relied on it. Before anything is published the guard compares
/// the run with the last publication:
/// - a published project missing from the sources refuses the run (`guard.vanished`), unless the
///   removal is named: on the command line (`--retire ID`) or in a source's `retired` list;
/// - removals named only by the sources' lists may not exceed `maxShrink` of the published portfolio
///   (`guard.shrink`): the command line must confirm a large cut;
/// - a file published last time that this run would not write refuses the run (`guard.file.vanished`),
///   unless it is named with `--retire FILE`;
/// - a named removal that is not a removal (`guard.retire.unknown`) and a project that uses the
///   identifier of a retired one (`guard.id.reserved`) are errors too.
/// The first publication has nothing to guard. An empty or cut-off source never reaches this point as
/// "0 projects": its importer reports it as an error first; a source cut at a row boundary is caught here.
public struct ShrinkGuard: Sendable {
    public var settings: GuardSettings

    public init(settings: GuardSettings = GuardSettings()) {
        self.settings = settings
    }

    /// What the run is about to do, against the last publication.
    public struct Run: Sendable {
        /// The projects now whose identifiers the guard asks about, in portfolio order: at least those named
        /// for retirement and those with the identifier of a retired project (every project will do).
        public var projects: [(id: String, title: String)]
        /// The projects of the last publication the sources no longer have, in the order it published them.
        public var vanished: [(id: String, title: String)]
        /// The output files this run writes.
        public var files: Set<String>
        /// Named on the command line with `--retire`: project identifiers or output file names.
        public var retiredOnCommandLine: Set<String>
        /// Named in the sources' `retired` lists.
        public var retiredInSources: Set<String>
        /// Whether reading the sources found errors: a project whose block could not be read then looks
        /// missing, and the guard asks for those errors to be fixed first instead of proposing a retirement.
        public var sourcesHaveErrors = false
        /// The sources' first error about each project: a vanished project with one is reported as its
        /// consequence (`causedBy`), one finding each, under that error.
        public var causes = ProjectCauses()

        public init(projects: [(id: String, title: String)], vanished: [(id: String, title: String)], files: Set<String>,
                    retiredOnCommandLine: Set<String> = [], retiredInSources: Set<String> = []) {
            self.projects = projects
            self.vanished = vanished
            self.files = files
            self.retiredOnCommandLine = retiredOnCommandLine
            self.retiredInSources = retiredInSources
        }
    }

    /// The guard's verdict: its findings (errors refuse the run) and the projects this run retires.
    public struct Verdict: Sendable {
        public var findings: [Finding]
        public var retiring: [(id: String, title: String)]
    }

    /// How many identifiers a finding lists before it says "and N more".
    public static let listedIdentifiers = 20

    public func check(_ run: Run, against previous: PublicationState?, stateFile: String) -> Verdict {
        let location = SourceLocation(file: stateFile, line: 0)
        var findings: [Finding] = []
        let current = Set(run.projects.map(\.id))
        let named = run.retiredOnCommandLine.union(run.retiredInSources)
        let reserved = Dictionary((previous?.retired ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        for project in run.projects {
            guard let earlier = reserved[project.id] else { continue }
            findings.append(Finding(ruleID: .guardIDReserved, severity: .error, location: location, field: .id, projectID: project.id,
                                    Message.idReserved(project, retired: earlier)))
        }
        guard let previous else {
            return Verdict(findings: findings + notRemovals(run, current: current, removable: [], location: location), retiring: [])
        }

        let vanished = run.vanished
        let unnamedAll = vanished.filter { !named.contains($0.id) }
        for project in unnamedAll {
            guard let cause = run.causes[project.id] else { continue }
            findings.append(ShrinkGuard.vanished(project, because: cause, location: location))
        }
        let unnamed = unnamedAll.filter { run.causes[$0.id] == nil }
        if !unnamed.isEmpty {
            findings.append(Finding(ruleID: .guardVanished, severity: .error, location: location, field: .id,
                                    Message.vanished(unnamed.map(\.id), sourcesHaveErrors: run.sourcesHaveErrors)))
        }
        let retiring = vanished.filter { named.contains($0.id) }
        let byListsOnly = retiring.filter { !run.retiredOnCommandLine.contains($0.id) }
        if previous.projectCount > 0, !byListsOnly.isEmpty {
            let share = Double(byListsOnly.count) / Double(previous.projectCount)
            if share > settings.maxShrink {
                let percent = Int((share * 100).rounded()), limit = Int((settings.maxShrink * 100).rounded())
                findings.append(Finding(ruleID: .guardShrink, severity: .error, location: location,
                                        Message.shrink(byListsOnly.count, of: previous.projectCount, percent: percent, limit: limit)))
            }
        }

        let lostFiles = Set(previous.files.keys).subtracting(run.files)
        for file in lostFiles.sorted() where !run.retiredOnCommandLine.contains(file) {
            findings.append(Finding(ruleID: .guardFileVanished, severity: .error, location: SourceLocation(file: file, line: 0),
                                    Message.fileVanished(file)))
        }
        findings += notRemovals(run, current: current, removable: Set(vanished.map(\.id)).union(lostFiles), location: location)
        return Verdict(findings: findings, retiring: retiring)
    }

    /// Names that are no removal. On the command line every name must be one (a typo must not pass
    /// unnoticed): a project of the last publication missing from the sources, or a file of the last
    /// publication this run does not write. A source's `retired` list may keep naming projects retired
    /// long ago; it is wrong only where it names a project that the sources still hold.
    private func notRemovals(_ run: Run, current: Set<String>, removable: Set<String>, location: SourceLocation) -> [Finding] {
        let fromCommandLine = run.retiredOnCommandLine.filter { !removable.contains($0) }
        let fromSources = run.retiredInSources.filter { current.contains($0) && !fromCommandLine.contains($0) }
        return fromCommandLine.union(fromSources).sorted().map { name in
            Finding(ruleID: .guardRetireUnknown, severity: .error, location: location, projectID: name,
                    Message.retireUnknown(name, stillInSources: current.contains(name)))
        }
    }

    /// A published project that would go missing because the sources report an error about it: the
    /// consequence of that error, which the report lists under it.
    private static func vanished(_ project: (id: String, title: String), because cause: FindingReference,
                                 location: SourceLocation) -> Finding {
        var finding = Finding(ruleID: .guardVanished, severity: .error, location: location, field: .id, projectID: project.id,
                              Message.vanished(project))
        finding.causedBy = cause
        return finding
    }
}

// MARK: - Messages

extension ShrinkGuard {
    /// The guard's messages, apart from the logic that guards: each a message and a hint, in English and German.
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual)

        /// A project of this run with the identifier of a `retired` one.
        static func idReserved(_ project: (id: String, title: String), retired earlier: RetiredProject) -> Text {
            (Bilingual(en: "the identifier '\(project.id)' belonged to the project «\(earlier.title)», retired on \(earlier.retiredOn.iso); it is reserved",
                       de: "die Kennung '\(project.id)' gehörte dem Vorhaben «\(earlier.title)», das am \(earlier.retiredOn.iso) zurückgezogen wurde; sie bleibt reserviert"),
             Bilingual(en: "give «\(project.title)» an identifier of its own: links and harvesters that knew '\(project.id)' must not land on another project",
                       de: "geben Sie «\(project.title)» eine eigene Kennung: Links und Harvester, die '\(project.id)' kannten, dürfen nicht auf einem anderen Vorhaben landen"))
        }

        /// Published projects missing from the sources for no reason the guard can link.
        static func vanished(_ ids: [String], sourcesHaveErrors: Bool) -> Text {
            (Bilingual(en: "\(count(ids.count, "project", "projects")) of the last publication \(ids.count == 1 ? "is" : "are") missing from the sources: \(list(ids)); nothing is published",
                       de: "\(ids.count) Vorhaben der letzten Publikation \(ids.count == 1 ? "fehlt" : "fehlen") in den Quellen: \(list(ids)); es wird nichts publiziert"),
             sourcesHaveErrors ? fixTheSourcesFirst : Bilingual(en: "if \(ids.count == 1 ? "it has" : "they have") really ended, name \(ids.count == 1 ? "it" : "them"): kompass run --retire \(list(ids, separator: " ")) (or list \(ids.count == 1 ? "it" : "them") under \"retired\" in the source's configuration); otherwise the source is incomplete: check the export",
                                                                de: "wenn \(ids.count == 1 ? "es" : "sie") wirklich beendet \(ids.count == 1 ? "ist" : "sind"), nennen Sie \(ids.count == 1 ? "es" : "sie"): kompass run --retire \(list(ids, separator: " ")) (oder unter \"retired\" in der Konfiguration der Quelle); sonst ist die Quelle unvollständig: prüfen Sie den Export"))
        }

        /// The published project that would go missing because of an error of the sources.
        static func vanished(_ project: (id: String, title: String)) -> Text {
            (Bilingual(en: "the published project '\(project.id)' («\(project.title)») would be missing from the publication; nothing is published",
                       de: "das publizierte Vorhaben '\(project.id)' («\(project.title)») würde in der Publikation fehlen; es wird nichts publiziert"),
             Bilingual(en: "fix the error it follows from; retire nothing because of it",
                       de: "beheben Sie den Fehler, aus dem dies folgt; ziehen Sie deswegen nichts zurück"))
        }

        /// The hint while the sources have errors: a retirement would change the publication's history for good,
        /// and the project is most likely only unreadable.
        static let fixTheSourcesFirst = Bilingual(
            en: "the sources have errors (reported above): a project whose block cannot be read looks missing. Fix those errors first; retire nothing while they remain",
            de: "die Quellen haben Fehler (oben aufgeführt): ein Vorhaben, dessen Block nicht gelesen werden kann, scheint zu fehlen. Beheben Sie zuerst diese Fehler; ziehen Sie nichts zurück, solange sie bestehen")

        static func shrink(_ removed: Int, of published: Int, percent: Int, limit: Int) -> Text {
            (Bilingual(en: "the sources' retired lists remove \(removed) of \(published) published projects (\(percent) %) at once; at most \(limit) % may go without confirmation",
                       de: "die Listen «retired» der Quellen entfernen \(removed) von \(published) publizierten Vorhaben (\(percent) %) auf einmal; ohne Bestätigung dürfen höchstens \(limit) % gehen"),
             Bilingual(en: "confirm on the command line (kompass run --retire ID…) or raise guard.maxShrink in the configuration",
                       de: "bestätigen Sie auf der Befehlszeile (kompass run --retire ID…) oder erhöhen Sie guard.maxShrink in der Konfiguration"))
        }

        static func fileVanished(_ file: String) -> Text {
            (Bilingual(en: "'\(file)' was published last time and this run would not write it: harvesters would delete its distribution",
                       de: "'\(file)' wurde zuletzt publiziert, und dieser Lauf würde die Datei nicht schreiben: Harvester würden ihre Distribution löschen"),
             Bilingual(en: "if the file is meant to go, say so: kompass run --retire \(file); otherwise restore the setting that wrote it",
                       de: "wenn die Datei wegfallen soll, sagen Sie es: kompass run --retire \(file); sonst stellen Sie die Einstellung wieder her, die sie schrieb"))
        }

        /// A name for retirement that is no removal: `stillInSources`, or not published (as a project or file) at all.
        static func retireUnknown(_ name: String, stillInSources: Bool) -> Text {
            let why = stillInSources
                ? Bilingual(en: "it is still in the sources", de: "es steht noch in den Quellen")
                : Bilingual(en: "the last publication has no project or file of that name that this run would remove",
                            de: "die letzte Publikation hat kein Vorhaben und keine Datei dieses Namens, die dieser Lauf entfernen würde")
            return (Bilingual(en: "'\(name)' is named for retirement, but \(why.en)",
                              de: "'\(name)' soll zurückgezogen werden, aber \(why.de)"),
                    Bilingual(en: "name only projects of the last publication that are gone from the sources, or files it no longer writes (see kompass status)",
                              de: "nennen Sie nur Vorhaben der letzten Publikation, die in den Quellen fehlen, oder Dateien, die nicht mehr geschrieben werden (siehe kompass status)"))
        }

        static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
            "\(n) \(n == 1 ? singular : plural)"
        }

        /// The first `listedIdentifiers` names, then "… and N more".
        static func list(_ ids: [String], separator: String = ", ") -> String {
            let shown = ids.prefix(listedIdentifiers).joined(separator: separator)
            return ids.count > listedIdentifiers ? shown + " … (+\(ids.count - listedIdentifiers))" : shown
        }
    }
}
