/// Gives each drafted project of a page text its identifier and title from the register.
///
/// A project is recognised by the fingerprints of its two texts ("Bisher" and "In Zukunft"), each on its own,
/// wherever it stands on the page; its position never gives it an identifier. A block whose two texts match an
/// entry is that entry. A block whose one text matches an entry, while its other text matches none, is taken as
/// that entry with a warning that gives the line to write, as long as nothing contradicts it: no other block
/// claims that entry, and the block's texts point at no other free entry. Where the evidence is split or
/// contested, the block gets no identifier and an error (`register.ambiguous`) names the places; a block that
/// repeats another word for word is one error naming both (`register.repeated-block`); a block the register does
/// not know is an error that proposes the line to add (`register.missing`). An identifier is never invented,
/// because harvesters and feed readers key on it.
///
/// A register in the old form (one fingerprint of both texts) is matched as before; see
/// `assignByCombinedFingerprint(to:)`.
public struct RegisterMatcher: Sendable {
    public var register: ProjectRegister

    public init(register: ProjectRegister) {
        self.register = register
    }

    public func assign(to drafts: inout [DraftProject]) -> [Finding] {
        switch register.form {
        case .perText: assignByTexts(to: &drafts)
        case .combined: assignByCombinedFingerprint(to: &drafts)
        }
    }

    /// One of a project's two texts.
    enum Text: Sendable {
        case before, future

        var other: Text { self == .before ? .future : .before }
    }

    /// A project block of the page whose two texts are there, with their fingerprints.
    struct Block {
        var draft: Int
        var location: SourceLocation
        var before: String
        var future: String

        var position: Int { draft + 1 }

        func fingerprint(_ text: Text) -> String { text == .before ? before : future }

        /// The register line a new project would get: its position now, its fingerprints, and the two cells to fill in.
        var newLine: String { "\(position);\(before);\(future);<id>;<title>" }
    }

    /// What became of a block.
    enum Outcome {
        /// Both texts match the entry.
        case certain(Int)
        /// One text matches the entry, the other matches no entry.
        case edited(Int, matched: Text)
        /// The block repeats an earlier block word for word.
        case repeated(of: Int)
        /// The block's one text matches an entry that another block holds (by both texts) or claims as well.
        case contested(Int, matched: Text, by: Int)
        /// The block's texts match different entries, none of them by both texts.
        case split([(entry: Int, text: Text)])
        /// No text of the block matches an entry.
        case missing
    }

    private func assignByTexts(to drafts: inout [DraftProject]) -> [Finding] {
        let entries = register.entries
        var blocks: [Block] = []
        for index in drafts.indices {
            guard let before = drafts[index].before, let future = drafts[index].future else { continue }  // reported already
            blocks.append(Block(draft: index, location: drafts[index].origins.record,
                                before: ProjectFingerprint.of(text: before), future: ProjectFingerprint.of(text: future)))
        }
        var byBefore: [String: [Int]] = [:]
        var byFuture: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if let before = entry.before { byBefore[before, default: []].append(index) }
            if let future = entry.future { byFuture[future, default: []].append(index) }
        }
        func matches(_ block: Block, _ text: Text) -> [Int] {
            (text == .before ? byBefore[block.before] : byFuture[block.future]) ?? []
        }

        var outcomes = [Outcome?](repeating: nil, count: blocks.count)
        // A word-for-word repetition is not matched: it is the block it repeats.
        var firstOfTexts: [[String]: Int] = [:]
        for (index, block) in blocks.enumerated() {
            if let first = firstOfTexts[[block.before, block.future]] {
                outcomes[index] = .repeated(of: first)
            } else {
                firstOfTexts[[block.before, block.future]] = index
            }
        }
        // Certain: both texts match one entry (the first of the register, should two lines hold the same texts).
        var holder: [Int: Int] = [:]  // entry → block
        for (index, block) in blocks.enumerated() where outcomes[index] == nil {
            let both = Set(matches(block, .future))
            if let entry = matches(block, .before).first(where: { both.contains($0) && holder[$0] == nil }) {
                holder[entry] = index
                outcomes[index] = .certain(entry)
            }
        }
        // One text: the entries a block's texts match that no block holds for certain. A block takes such an entry
        // only when it is the one entry its texts point at and no other block's text points at it.
        var free: [Int: [(entry: Int, text: Text)]] = [:]  // block → its free candidates
        var claims: [Int: [(block: Int, text: Text)]] = [:]  // entry → the blocks whose one text matches it
        for (index, block) in blocks.enumerated() where outcomes[index] == nil {
            let candidates = [Text.before, .future].flatMap { text in
                matches(block, text).filter { holder[$0] == nil }.map { (entry: $0, text: text) }
            }
            free[index] = candidates
            for candidate in candidates { claims[candidate.entry, default: []].append((index, candidate.text)) }
        }
        for (index, block) in blocks.enumerated() where outcomes[index] == nil {
            let candidates = free[index] ?? []
            if candidates.count > 1 {
                outcomes[index] = .split(candidates)
            } else if let candidate = candidates.first {
                let claimants = claims[candidate.entry] ?? []
                if let rival = claimants.first(where: { $0.block != index }) {
                    outcomes[index] = .contested(candidate.entry, matched: candidate.text, by: rival.block)
                } else {
                    outcomes[index] = .edited(candidate.entry, matched: candidate.text)
                }
            } else if let text = [Text.before, .future].first(where: { !matches(block, $0).isEmpty }),
                      let entry = matches(block, text).first, let strongest = holder[entry] {
                outcomes[index] = .contested(entry, matched: text, by: strongest)
            } else {
                outcomes[index] = .missing
            }
        }

        var findings: [Finding] = []
        var used = Set<Int>()
        var concerned = Set<Int>()  // entries named by an error: not reported as unused as well
        for (index, block) in blocks.enumerated() {
            switch outcomes[index] ?? .missing {
            case .certain(let entry):
                used.insert(entry)
                take(entries[entry], for: &drafts[block.draft])
            case .edited(let entry, let matched):
                used.insert(entry)
                take(entries[entry], for: &drafts[block.draft])
                let known = (matched.other == .before ? entries[entry].before : entries[entry].future) != nil
                findings.append(Self.fingerprintChanged(at: block.location, project: entries[entry].id,
                                                        Message.edited(block, entries[entry], matched: matched, known: known,
                                                                       register: register.path)))
            case .repeated(let first):
                let earlier = blocks[first]
                let entry = drafts[earlier.draft].id
                findings.append(Self.repeatedBlock(at: block.location, project: entry,
                                                   Message.repeatedBlock(block.position, of: earlier.position,
                                                                         line: earlier.location.line, id: entry)))
            case .contested(let entry, let matched, let other):
                concerned.insert(entry)
                // Reported at the block whose claim is weaker, and once per pair of equal claims (at the later block).
                if case .contested(let otherEntry, _, let back)? = outcomes[other], otherEntry == entry, back == index, other > index { continue }
                let otherText = (free[other] ?? []).first { $0.entry == entry }?.text
                findings.append(Self.ambiguous(at: block.location, project: entries[entry].id,
                                               Message.contested(block, entries[entry], matched: matched, other: blocks[other],
                                                                 otherText: otherText, register: register.path)))
            case .split(let candidates):
                candidates.forEach { concerned.insert($0.entry) }
                findings.append(Self.ambiguous(at: block.location, project: nil,
                                               Message.split(block, candidates.map { (entries[$0.entry], $0.text) },
                                                             register: register.path)))
            case .missing:
                findings.append(Self.missing(at: block.location, Message.missing(block, register: register.path)))
            }
        }
        for (index, entry) in entries.enumerated() where !used.contains(index) && !concerned.contains(index) {
            findings.append(Self.unused(entry))
        }
        return findings
    }

    /// Gives the draft the entry's identifier and title, with the register line as their origin.
    func take(_ entry: ProjectRegister.Entry, for draft: inout DraftProject) {
        draft.id = entry.id
        draft.title = entry.title
        draft.origins[.id] = entry.location
        draft.origins[.title] = entry.location
    }
}

// MARK: - Messages

extension RegisterMatcher {
    /// The register matcher's messages, apart from the logic that matches the blocks: each a message and a hint, in
    /// English and German. (`RegisterMatcher.Text` is one of a project's two texts; `Message.Text` a message's.)
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual)

        /// How a message names one of a project's two texts.
        static func label(_ text: RegisterMatcher.Text) -> Bilingual {
            switch text {
            case .before: Bilingual(en: "'Bisher'", de: "«Bisher»")
            case .future: Bilingual(en: "'In Zukunft'", de: "«In Zukunft»")
            }
        }

        /// The entry no block matches.
        static func unused(_ id: ProjectID) -> Text {
            (Bilingual(en: "the register entry '\(id)' matches no project on the page",
                       de: "der Registereintrag '\(id)' passt zu keinem Vorhaben auf der Seite"),
             Bilingual(
                 en: "if the project left the page, keep the line (its identifier stays reserved) but expect the project to be reported as removed",
                 de: "wenn das Vorhaben nicht mehr auf der Seite steht, behalten Sie die Zeile (die Kennung bleibt reserviert); das Vorhaben wird dann als entfernt gemeldet"))
        }

        /// The hint of an unused entry whose block could not be read: the entry is fine, the block's error is the
        /// thing to fix (as the shrink guard says of the project that block would miss).
        static let fixTheErrorFirst = Bilingual(
            en: "fix the error it follows from first; change nothing because of it",
            de: "beheben Sie zuerst den Fehler, aus dem dies folgt; ändern Sie deswegen nichts")

        /// Project `position` repeats project `earlier` (at `line`) word for word; `id`: the identifier that one has.
        static func repeatedBlock(_ position: Int, of earlier: Int, line: Int, id: ProjectID?) -> Text {
            (id.map { id in Bilingual(
                en: "project \(position) repeats project \(earlier) (line \(line)) word for word: '\(id)' is listed twice",
                de: "Vorhaben \(position) wiederholt Vorhaben \(earlier) (Zeile \(line)) wörtlich: '\(id)' steht zweimal da")
             } ?? Bilingual(
                en: "project \(position) repeats project \(earlier) (line \(line)) word for word",
                de: "Vorhaben \(position) wiederholt Vorhaben \(earlier) (Zeile \(line)) wörtlich"),
             Bilingual(
                en: "remove the repeated block; if it is a project of its own, write its own texts and give it a register line",
                de: "entfernen Sie den wiederholten Block; ist es ein eigenes Vorhaben, schreiben Sie seine eigenen Texte und geben Sie ihm eine Registerzeile"))
        }

        /// The block recognised as `entry` by its `matched` text while its other text changed (`known`: the register
        /// has a fingerprint of that other text).
        static func edited(_ block: Block, _ entry: ProjectRegister.Entry, matched: RegisterMatcher.Text, known: Bool,
                           register path: String) -> Text {
            let fingerprint = block.fingerprint(matched.other)
            let line = entry.line(before: block.before, future: block.future)
            let changed = label(matched.other), kept = label(matched)
            return (known ? Bilingual(
                        en: "the \(changed.en) text of project \(block.position) changed since the register was written; recognised as '\(entry.id)' by its unchanged \(kept.en)",
                        de: "der Text \(changed.de) von Vorhaben \(block.position) hat sich seit dem Erstellen des Registers geändert; an seinem unveränderten Text \(kept.de) als '\(entry.id)' erkannt")
                    : Bilingual(
                        en: "the register has no fingerprint of the \(changed.en) text of project \(block.position); recognised as '\(entry.id)' by its \(kept.en)",
                        de: "das Register hat keinen Fingerabdruck des Textes \(changed.de) von Vorhaben \(block.position); an seinem Text \(kept.de) als '\(entry.id)' erkannt"),
                    Bilingual(
                        en: "check that it is still '\(entry.title)', then write the fingerprint \(fingerprint) of its \(changed.en): line \(entry.location.line) of \(path) becomes '\(line)'",
                        de: "prüfen Sie, ob es noch «\(entry.title)» ist, und schreiben Sie dann den Fingerabdruck \(fingerprint) seines Textes \(changed.de): Zeile \(entry.location.line) von \(path) wird zu '\(line)'"))
        }

        static func missing(_ block: Block, register path: String) -> Text {
            (Bilingual(
                en: "project \(block.position) has no entry in the register: neither its 'Bisher' (fingerprint \(block.before)) nor its 'In Zukunft' (\(block.future)) matches one",
                de: "Vorhaben \(block.position) hat keinen Eintrag im Register: weder sein Text «Bisher» (Fingerabdruck \(block.before)) noch «In Zukunft» (\(block.future)) passt zu einem"),
             Bilingual(
                en: "if it is new, add the line '\(block.newLine)' to \(path) with a new identifier and a short German title; "
                    + "if it is a project of the register whose two texts were both edited, write the fingerprints \(block.before) and \(block.future) into that project's line instead",
                de: "ist es neu, ergänzen Sie in \(path) die Zeile '\(block.newLine)' mit einer neuen Kennung und einem kurzen deutschen Titel; "
                    + "ist es ein Vorhaben des Registers, dessen beide Texte geändert wurden, schreiben Sie stattdessen die Fingerabdrücke \(block.before) und \(block.future) in seine Zeile"))
        }

        /// `otherText` is the text by which the other block claims the entry; nil when it holds the entry by both.
        static func contested(_ block: Block, _ entry: ProjectRegister.Entry, matched: RegisterMatcher.Text, other: Block,
                              otherText: RegisterMatcher.Text?, register path: String) -> Text {
            let place = "\(path) line \(entry.location.line)"
            let placeDE = "\(path), Zeile \(entry.location.line)"
            let kept = label(matched)
            guard let otherText = otherText.map(label) else {
                return (Bilingual(
                            en: "project \(block.position) has the \(kept.en) of '\(entry.id)' (\(place)), but project \(other.position) (line \(other.location.line)) "
                                + "has both its texts and is '\(entry.id)'",
                            de: "Vorhaben \(block.position) hat den Text \(kept.de) von '\(entry.id)' (\(placeDE)), doch Vorhaben \(other.position) (Zeile \(other.location.line)) "
                                + "hat beide seiner Texte und ist '\(entry.id)'"),
                        Bilingual(
                            en: "if it is a leftover copy of project \(other.position), remove it; if it is a project of its own, add the line '\(block.newLine)' to \(path)",
                            de: "ist es eine übrig gebliebene Kopie von Vorhaben \(other.position), entfernen Sie es; ist es ein eigenes Vorhaben, ergänzen Sie in \(path) die Zeile '\(block.newLine)'"))
            }
            return (Bilingual(
                        en: "projects \(other.position) (line \(other.location.line)) and \(block.position) both claim the register entry '\(entry.id)' (\(place)), "
                            + "each by one text (its \(otherText.en) and its \(kept.en)): neither is taken as '\(entry.id)'",
                        de: "die Vorhaben \(other.position) (Zeile \(other.location.line)) und \(block.position) beanspruchen beide den Registereintrag '\(entry.id)' (\(placeDE)), "
                            + "jedes mit einem Text (\(otherText.de) und \(kept.de)): keines wird als '\(entry.id)' übernommen"),
                    Bilingual(
                        en: "decide which one is '\(entry.title)' and write its fingerprints into line \(entry.location.line) (project \(other.position): \(other.before);\(other.future), "
                            + "project \(block.position): \(block.before);\(block.future)); give the other a line of its own, or remove it if it is a leftover copy",
                        de: "entscheiden Sie, welches «\(entry.title)» ist, und schreiben Sie seine Fingerabdrücke in Zeile \(entry.location.line) (Vorhaben \(other.position): \(other.before);\(other.future), "
                            + "Vorhaben \(block.position): \(block.before);\(block.future)); geben Sie dem anderen eine eigene Zeile, oder entfernen Sie es, wenn es eine übrig gebliebene Kopie ist"))
        }

        /// The block whose texts match different entries, each by one text.
        static func split(_ block: Block, _ candidates: [(entry: ProjectRegister.Entry, text: RegisterMatcher.Text)], register path: String) -> Text {
            let list = candidates.map { "'\($0.entry.id)' (line \($0.entry.location.line), by its \(label($0.text).en))" }.joined(separator: ", ")
            let listDE = candidates.map { "'\($0.entry.id)' (Zeile \($0.entry.location.line), mit seinem Text \(label($0.text).de))" }.joined(separator: ", ")
            return (Bilingual(
                        en: "project \(block.position) matches several register entries, each by one text: \(list); none of them is certain",
                        de: "Vorhaben \(block.position) passt zu mehreren Registereinträgen, zu jedem mit einem Text: \(listDE); keiner davon ist sicher"),
                    Bilingual(
                        en: "write its fingerprints \(block.before);\(block.future) into the line of the project it is, or, if it is new, add the line '\(block.newLine)' to \(path)",
                        de: "schreiben Sie seine Fingerabdrücke \(block.before);\(block.future) in die Zeile des Vorhabens, das es ist, oder ergänzen Sie, wenn es neu ist, in \(path) die Zeile '\(block.newLine)'"))
        }
    }
}
