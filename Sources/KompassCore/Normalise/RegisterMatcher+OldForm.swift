/// The register's old form, `position;fingerprint;id;title`: one fingerprint of both texts.
///
/// Matched as it always was: by the fingerprint wherever the project stands; when its texts were edited, by the
/// entry at its position, if no other project claims it and the page has as many projects as the register has
/// entries (a warning asks for the new fingerprint). An info gives the file in the register's form, with a
/// fingerprint per text, for the projects as the page lists them now.
extension RegisterMatcher {
    func assignByCombinedFingerprint(to drafts: inout [DraftProject]) -> [Finding] {
        var findings: [Finding] = []
        let fingerprints = drafts.map { draft -> String? in
            guard let before = draft.before, let future = draft.future else { return nil }
            return ProjectFingerprint.of(before: before, future: future)
        }
        let byFingerprint = Dictionary(register.entries.compactMap { entry in entry.combined.map { ($0, entry) } },
                                       uniquingKeysWith: { first, _ in first })
        let byPosition = Dictionary(register.entries.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        let presentFingerprints = Set(fingerprints.compactMap { $0 })
        var used: [ProjectID: (position: Int, location: SourceLocation, fingerprint: String, draft: Int)] = [:]
        // Positions mean something only while the page lists as many projects as the register.
        let positionsHold = drafts.count == register.entries.count

        for index in drafts.indices {
            let position = index + 1
            let location = drafts[index].origins.record
            guard let fingerprint = fingerprints[index] else { continue }  // texts missing: reported already
            var entry = byFingerprint[fingerprint]
            if entry == nil, positionsHold, let candidate = byPosition[position],
               !presentFingerprints.contains(candidate.combined ?? "") {
                entry = candidate
                findings.append(Self.fingerprintChanged(at: location, project: candidate.id,
                                                        Message.takenByPosition(position, candidate, fingerprint: fingerprint,
                                                                                register: register.path)))
            }
            guard let entry else {
                let positionTellsNothing = !positionsHold && byPosition[position] != nil
                findings.append(Self.missing(at: location,
                                             Message.missingByFingerprint(position, fingerprint: fingerprint, register: register,
                                                                          pageProjects: positionTellsNothing ? drafts.count : nil)))
                continue
            }
            if let earlier = used[entry.id], earlier.fingerprint == fingerprint {
                findings.append(Self.repeatedBlock(at: location, project: entry.id,
                                                   Message.repeatedBlock(position, of: earlier.position, line: earlier.location.line,
                                                                         id: entry.id)))
                continue
            }
            if used[entry.id] != nil {
                // Not reachable through a loaded register (identifiers and fingerprints name one entry each, and
                // a position is taken only while no block has that entry's fingerprint); kept as a guard.
                findings.append(Self.ambiguous(at: location, project: entry.id,
                                               Message.alreadyTaken(position, entry.id, fingerprint: fingerprint)))
                continue
            }
            used[entry.id] = (position, location, fingerprint, index)
            take(entry, for: &drafts[index])
        }
        for entry in register.entries where used[entry.id] == nil {
            findings.append(Self.unused(entry))
        }
        findings.append(conversion(drafts, taken: used.mapValues(\.draft)))
        return findings
    }

    /// The info that proposes the register's form: the header, then each entry's line with the fingerprints of
    /// the texts of the block that took it (empty where no block did: its identifier stays reserved).
    private func conversion(_ drafts: [DraftProject], taken: [ProjectID: Int]) -> Finding {
        var lines = [ProjectRegister.header.joined(separator: ";")]
        var unmatched = 0
        for entry in register.entries {
            if let index = taken[entry.id], let before = drafts[index].before, let future = drafts[index].future {
                lines.append(entry.line(before: ProjectFingerprint.of(text: before), future: ProjectFingerprint.of(text: future)))
            } else {
                lines.append(entry.line(before: nil, future: nil))
                unmatched += 1
            }
        }
        return Self.oldForm(at: SourceLocation(file: register.path, line: 1),
                            Message.oldForm(file: lines.joined(separator: "\n"), unmatched: unmatched > 0))
    }
}

// MARK: - Messages

extension RegisterMatcher.Message {
    /// The old form's project whose texts changed, taken as the entry at its position.
    static func takenByPosition(_ position: Int, _ candidate: ProjectRegister.Entry, fingerprint: String, register path: String) -> Text {
        (Bilingual(
            en: "the texts of project \(position) changed since the register was written; taken as '\(candidate.id)' by its position",
            de: "die Texte von Vorhaben \(position) haben sich seit dem Erstellen des Registers geändert; nach seiner Position als '\(candidate.id)' übernommen"),
         Bilingual(
            en: "check that it is still '\(candidate.title)', then set its fingerprint to \(fingerprint) in \(path) line \(candidate.location.line)",
            de: "prüfen Sie, ob es noch «\(candidate.title)» ist, und setzen Sie dann seinen Fingerabdruck auf \(fingerprint) in \(path), Zeile \(candidate.location.line)"))
    }

    /// A project the old form does not know. `pageProjects`: how many projects the page lists, when that is not as
    /// many as the register has entries and an entry stands at the project's position (so its position tells nothing).
    static func missingByFingerprint(_ position: Int, fingerprint: String, register: ProjectRegister, pageProjects: Int?) -> Text {
        let path = register.path
        return (Bilingual(en: "project \(position) (fingerprint \(fingerprint)) has no entry in the register",
                          de: "Vorhaben \(position) (Fingerabdruck \(fingerprint)) hat keinen Eintrag im Register"),
                pageProjects.map { count in Bilingual(
                    en: "the page lists \(count) projects and the register \(register.entries.count), so its position tells nothing: if this is a project of the register "
                        + "whose texts were edited, set its fingerprint to \(fingerprint) in \(path); if it is new, add the line '\(position);\(fingerprint);<id>;<title>'",
                    de: "die Seite führt \(count) Vorhaben und das Register \(register.entries.count), darum sagt seine Position nichts: ist es ein Vorhaben des Registers "
                        + "mit geänderten Texten, setzen Sie seinen Fingerabdruck in \(path) auf \(fingerprint); ist es neu, ergänzen Sie die Zeile '\(position);\(fingerprint);<id>;<title>'")
                } ?? Bilingual(
                    en: "add the line '\(position);\(fingerprint);<id>;<title>' to \(path) with a new identifier and a short German title",
                    de: "ergänzen Sie in \(path) die Zeile '\(position);\(fingerprint);<id>;<title>' mit einer neuen Kennung und einem kurzen deutschen Titel"))
    }

    static func alreadyTaken(_ position: Int, _ id: ProjectID, fingerprint: String) -> Text {
        (Bilingual(en: "project \(position) matches the register entry '\(id)', which another project already took",
                   de: "Vorhaben \(position) passt zum Registereintrag '\(id)', den schon ein anderes Vorhaben belegt"),
         Bilingual(en: "give this project its own register line with fingerprint \(fingerprint)",
                   de: "geben Sie diesem Vorhaben eine eigene Registerzeile mit dem Fingerabdruck \(fingerprint)"))
    }

    /// The register in the old form, with `file`, the register in its form for the page as it is now (`unmatched`:
    /// some entry matches no project and keeps empty fingerprints).
    static func oldForm(file: String, unmatched: Bool) -> Text {
        let form = ProjectRegister.header.joined(separator: ";")
        let old = ProjectRegister.Form.combined.header.joined(separator: ";")
        let note = !unmatched ? Bilingual(en: "", de: "")
            : Bilingual(en: " (an entry that matches no project on the page keeps empty fingerprints: its identifier stays reserved)",
                        de: " (ein Eintrag, der zu keinem Vorhaben der Seite passt, behält leere Fingerabdrücke: seine Kennung bleibt reserviert)")
        return (Bilingual(
                    en: "the register has the old form \(old): one fingerprint of both texts, so a project whose text was edited is recognised "
                        + "only by its position, and only while the page lists as many projects as the register",
                    de: "das Register hat die alte Form \(old): ein Fingerabdruck beider Texte, darum wird ein Vorhaben mit geändertem Text "
                        + "nur an seiner Position erkannt, und nur solange die Seite so viele Vorhaben führt wie das Register"),
                Bilingual(
                    en: "write it in the form \(form), which recognises a project by each of its texts; for the page as it is now\(note.en), the file is:\n\(file)",
                    de: "schreiben Sie es in der Form \(form), die ein Vorhaben an jedem seiner Texte erkennt; für die Seite, wie sie jetzt ist\(note.de), lautet die Datei:\n\(file)"))
    }
}
