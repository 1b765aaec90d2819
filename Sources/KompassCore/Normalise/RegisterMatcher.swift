/// Gives each drafted project of a page text its identifier and title from the register.
///
/// A project is recognised by the fingerprint of its texts wherever it stands on the page. When its
/// texts were edited, the register entry at its position is used if no other project claims it and the page
/// has as many projects as the register has entries, with a warning that asks for the new fingerprint; a page
/// whose number of projects changed gives positions no meaning, so there an unknown text is an error that
/// proposes the register line. A block listed twice is one error naming both places. A project the register
/// does not know is an error: an identifier is never invented, because harvesters and feed readers key on it.
public struct RegisterMatcher: Sendable {
    public var register: ProjectRegister

    public init(register: ProjectRegister) {
        self.register = register
    }

    public func assign(to drafts: inout [DraftProject]) -> [Finding] {
        var findings: [Finding] = []
        let fingerprints = drafts.map { draft -> String? in
            guard let before = draft.before, let future = draft.future else { return nil }
            return ProjectFingerprint.of(before: before, future: future)
        }
        let byFingerprint = Dictionary(register.entries.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        let byPosition = Dictionary(register.entries.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        let presentFingerprints = Set(fingerprints.compactMap { $0 })
        var used: [ProjectID: (position: Int, location: SourceLocation, fingerprint: String)] = [:]
        // Positions mean something only while the page lists as many projects as the register.
        let positionsHold = drafts.count == register.entries.count

        for index in drafts.indices {
            let position = index + 1
            let location = drafts[index].origins.record
            guard let fingerprint = fingerprints[index] else { continue }  // texts missing: reported already
            var entry = byFingerprint[fingerprint]
            if entry == nil, positionsHold, let candidate = byPosition[position], !presentFingerprints.contains(candidate.fingerprint) {
                entry = candidate
                findings.append(Finding(
                    ruleID: .registerFingerprintChanged, severity: .warning, location: location, projectID: candidate.id.rawValue,
                    message: Bilingual(
                        en: "the texts of project \(position) changed since the register was written; taken as '\(candidate.id)' by its position",
                        de: "die Texte von Vorhaben \(position) haben sich seit dem Erstellen des Registers geändert; nach seiner Position als '\(candidate.id)' übernommen"),
                    hint: Bilingual(
                        en: "check that it is still '\(candidate.title)', then set its fingerprint to \(fingerprint) in \(register.path) line \(candidate.location.line)",
                        de: "prüfen Sie, ob es noch «\(candidate.title)» ist, und setzen Sie dann seinen Fingerabdruck auf \(fingerprint) in \(register.path), Zeile \(candidate.location.line)")))
            }
            guard let entry else {
                findings.append(Finding(
                    ruleID: .registerMissing, severity: .error, location: location,
                    message: Bilingual(en: "project \(position) (fingerprint \(fingerprint)) has no entry in the register",
                                       de: "Vorhaben \(position) (Fingerabdruck \(fingerprint)) hat keinen Eintrag im Register"),
                    hint: positionsHold || byPosition[position] == nil ? Bilingual(
                        en: "add the line '\(position);\(fingerprint);<id>;<title>' to \(register.path) with a new identifier and a short German title",
                        de: "ergänzen Sie in \(register.path) die Zeile '\(position);\(fingerprint);<id>;<title>' mit einer neuen Kennung und einem kurzen deutschen Titel")
                    : Bilingual(
                        en: "the page lists \(drafts.count) projects and the register \(register.entries.count), so its position tells nothing: if this is a project of the register "
                            + "whose texts were edited, set its fingerprint to \(fingerprint) in \(register.path); if it is new, add the line '\(position);\(fingerprint);<id>;<title>'",
                        de: "die Seite führt \(drafts.count) Vorhaben und das Register \(register.entries.count), darum sagt seine Position nichts: ist es ein Vorhaben des Registers "
                            + "mit geänderten Texten, setzen Sie seinen Fingerabdruck in \(register.path) auf \(fingerprint); ist es neu, ergänzen Sie die Zeile '\(position);\(fingerprint);<id>;<title>'")))
                continue
            }
            if let earlier = used[entry.id], earlier.fingerprint == fingerprint {
                findings.append(Finding(
                    ruleID: .registerRepeatedBlock, severity: .error, location: location, projectID: entry.id.rawValue,
                    message: Bilingual(
                        en: "project \(position) repeats project \(earlier.position) (line \(earlier.location.line)) word for word: '\(entry.id)' is listed twice",
                        de: "Vorhaben \(position) wiederholt Vorhaben \(earlier.position) (Zeile \(earlier.location.line)) wörtlich: '\(entry.id)' steht zweimal da"),
                    hint: Bilingual(
                        en: "remove the repeated block; if it is a project of its own, write its own texts and give it a register line",
                        de: "entfernen Sie den wiederholten Block; ist es ein eigenes Vorhaben, schreiben Sie seine eigenen Texte und geben Sie ihm eine Registerzeile")))
                continue
            }
            if used[entry.id] != nil {
                findings.append(Finding(
                    ruleID: .registerAmbiguous, severity: .error, location: location, projectID: entry.id.rawValue,
                    message: Bilingual(en: "project \(position) matches the register entry '\(entry.id)', which another project already took",
                                       de: "Vorhaben \(position) passt zum Registereintrag '\(entry.id)', den schon ein anderes Vorhaben belegt"),
                    hint: Bilingual(en: "two projects have the same texts; give this one its own register line with fingerprint \(fingerprint)",
                                    de: "zwei Vorhaben haben dieselben Texte; geben Sie diesem eine eigene Registerzeile mit dem Fingerabdruck \(fingerprint)")))
                continue
            }
            used[entry.id] = (position, location, fingerprint)
            drafts[index].id = entry.id
            drafts[index].title = entry.title
            drafts[index].origins[.id] = entry.location
            drafts[index].origins[.title] = entry.location
        }
        for entry in register.entries where used[entry.id] == nil {
            findings.append(Finding(
                ruleID: .registerUnused, severity: .warning, location: entry.location, projectID: entry.id.rawValue,
                message: Bilingual(en: "the register entry '\(entry.id)' matches no project on the page",
                                   de: "der Registereintrag '\(entry.id)' passt zu keinem Vorhaben auf der Seite"),
                hint: Bilingual(
                    en: "if the project left the page, keep the line (its identifier stays reserved) but expect the project to be reported as removed",
                    de: "wenn das Vorhaben nicht mehr auf der Seite steht, behalten Sie die Zeile (die Kennung bleibt reserviert); das Vorhaben wird dann als entfernt gemeldet")))
        }
        return findings
    }
}
