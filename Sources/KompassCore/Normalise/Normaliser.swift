import Foundation

/// Maps raw records onto the domain model through a field mapping and the value parsers.
///
/// Every value that cannot be read becomes a finding at the value's own position; nothing is guessed.
/// Every conversion that changes a value (a synonym, a label in another language, a share turned into
/// percent) is reported as an info finding with the value before and after.
public struct Normaliser: Sendable {
    public var mapping: FieldMapping
    /// Whether a mapped field the record lacks is reported here. Importers that check a source's
    /// structure themselves (the page text's blocks) report it already, with better context.
    public var reportsMissingValues: Bool

    public init(mapping: FieldMapping, reportsMissingValues: Bool = true) {
        self.mapping = mapping
        self.reportsMissingValues = reportsMissingValues
    }

    public func draft(_ record: RawRecord) -> (draft: DraftProject, findings: [Finding]) {
        var reading = RecordReading(record: record, mapping: mapping, reportsMissingValues: reportsMissingValues)
        reading.readAll()
        return (reading.draft, reading.findings)
    }
}

/// The reading of one record: the draft so far and the findings about it.
private struct RecordReading {
    let record: RawRecord
    let mapping: FieldMapping
    let reportsMissingValues: Bool
    var draft: DraftProject
    var findings: [Finding] = []
    /// Each list classified once per record: reading one list also classifies the other (a term listed in
    /// both is reported), and reading the other then reuses it.
    private var fieldsClassifier: TermClassifier<FieldOfAction, UserGroup>?
    private var groupsClassifier: TermClassifier<UserGroup, FieldOfAction>?

    init(record: RawRecord, mapping: FieldMapping, reportsMissingValues: Bool) {
        self.record = record
        self.mapping = mapping
        self.reportsMissingValues = reportsMissingValues
        draft = DraftProject(origins: ProjectOrigins(record: record.location))
    }

    func values(_ target: FieldMapping.Target) -> [RawValue] {
        guard let name = mapping.sourceFields[target] else { return [] }
        return record[name]
    }

    mutating func finding(_ rule: RuleID, _ value: RawValue, _ target: FieldMapping.Target,
                          _ text: Message.Text, severity: Severity = .error) {
        findings.append(Finding(ruleID: rule, severity: severity, location: value.location, field: target.field, text))
    }

    /// The single value of a mapped field; reports a missing one and extra ones.
    mutating func single(_ target: FieldMapping.Target, required: Bool = true) -> RawValue? {
        let all = values(target)
        guard let name = mapping.sourceFields[target] else { return nil }
        if all.isEmpty {
            if required && reportsMissingValues {
                findings.append(Finding(ruleID: .valueMissing, severity: .error,
                                        location: SourceLocation(file: record.location.file, line: record.location.line, field: name),
                                        field: target.field, Message.valueMissing(name)))
            }
            return nil
        }
        if all.count > 1, ![.before, .future, .fieldsOfAction, .userGroups].contains(target) {
            finding(.valueRepeated, all[1], target, Message.valueRepeated(name, first: all[0].text))
        }
        draft.origins[target.field] = all[0].location
        return all[0]
    }

    mutating func readAll() {
        // A value longer than any reader of the outputs takes is an error at the value (nothing is published).
        for (target, name) in mapping.sourceFields {
            for value in record[name] where value.text.utf8.count > InputLimits.valueBytes {
                finding(.valueTooLong, value, target, (InputLimits.Message.valueTooLong(bytes: value.text.utf8.count),
                                                       InputLimits.Message.valueTooLongHint))
            }
        }
        if let value = single(.id) {
            let text = normalised(value.text, value, .id)
            if let id = ProjectID(text) {
                draft.id = id
            } else {
                let trimmedWouldDo = text.trimmingWhitespace() != text && ProjectID(text.trimmingWhitespace()) != nil
                finding(.idFormat, value, .id, Message.idFormat(value.text, trimmedWouldDo: trimmedWouldDo))
            }
        }
        if let value = single(.title) {
            draft.title = normalised(value.text, value, .title)
        }
        readProgress()
        readPeriod()
        for target in [FieldMapping.Target.before, .future] {
            guard let first = single(target) else { continue }
            let text = normalised(values(target).map(\.text).joined(separator: "\n"), first, target)
            if target == .before { draft.before = text } else { draft.future = text }
        }
        if mapping.sourceFields[.fieldsOfAction] != nil, let terms = readTerms(.fieldsOfAction, FieldOfAction.self, UserGroup.self,
                                                                              synonyms: mapping.fieldOfActionSynonyms) {
            draft.fieldsOfAction = terms
        }
        if mapping.sourceFields[.userGroups] != nil, let terms = readTerms(.userGroups, UserGroup.self, FieldOfAction.self,
                                                                          synonyms: mapping.userGroupSynonyms) {
            draft.userGroups = terms
        }
    }

    mutating func readProgress() {
        guard let value = single(.progress) else { return }
        switch mapping.progressForm {
        case .percent:
            if let percent = ValueParsers.percent(value.text) {
                draft.progress = percent
                if !ValueParsers.isCanonicalPercent(value.text) {
                    // Read, and said so: a form kompass accepts but does not write (`30 %`, ` 50`).
                    finding(.progressLenientForm, value, .progress, Message.progressLenient(value.text, percent: percent), severity: .info)
                }
            } else {
                finding(.progressFormat, value, .progress, Message.notAPercentage(value.text))
            }
        case .fraction:
            if let percent = ValueParsers.fraction(value.text) {
                draft.progress = percent
                finding(.progressConverted, value, .progress, Message.shareConverted(value.text, percent: percent), severity: .info)
            } else {
                finding(.progressFormat, value, .progress, Message.notAShare(value.text))
            }
        }
    }

    /// The year of a start or end value in the mapping's declared `dateForm`; a date's year is
    /// reported (info), a value of another form is an error, never a guess.
    mutating func year(_ value: RawValue, _ target: FieldMapping.Target) -> Int? {
        let text = value.text.trimmingWhitespace()
        let form = mapping.dateForm
        let isStart = target == .startYear
        if let year = ValueParsers.year(text, form: form) {
            if form != .year {
                finding(.periodDateRead, value, target, Message.dateRead(text, year: year, form: form, isStart: isStart), severity: .info)
            }
            return year
        }
        finding(.periodFormat, value, target,
                Message.notAYear(value.text, form: form, seen: ValueParsers.dateForm(of: text), isStart: isStart))
        return nil
    }

    /// `text` with the normalisations the mapping declares; each change is an info finding with the
    /// value before and after. Undeclared, nothing is changed.
    mutating func normalised(_ text: String, _ value: RawValue, _ target: FieldMapping.Target) -> String {
        var result = text
        let name = mapping.sourceFields[target] ?? target.rawValue
        if mapping.normalisations.contains(.trim) {
            let trimmed = result.trimmingWhitespace()
            if trimmed.utf8.count != result.utf8.count {
                finding(.valueTrimmed, value, target, Message.trimmed(name, to: trimmed), severity: .info)
                result = trimmed
            }
        }
        if mapping.normalisations.contains(.nfc), target != .id {
            let composed = result.precomposedStringWithCanonicalMapping
            if !composed.unicodeScalars.elementsEqual(result.unicodeScalars) {
                let changed = result.unicodeScalars.count - composed.unicodeScalars.count
                finding(.valueUnicodeNormalised, value, target, Message.composed(name, to: composed, fewer: changed), severity: .info)
                result = composed
            }
        }
        return result
    }

    mutating func readPeriod() {
        if let value = single(.period) {
            if let period = ValueParsers.period(value.text) {
                draft.period = period
            } else {
                finding(.periodFormat, value, .period, Message.notAPeriod(value.text))
            }
            return
        }
        guard let startValue = single(.startYear) else { return }
        guard let start = year(startValue, .startYear) else { return }
        var end: Int?
        // An empty end year (a blank cell, an empty string) means a project of a single year.
        if let endValue = single(.endYear, required: false), !endValue.text.trimmingWhitespace().isEmpty {
            guard let year = year(endValue, .endYear) else { return }
            end = year
        }
        draft.period = ProjectPeriod(startYear: start, endYear: end)
        draft.origins[.period] = startValue.location
    }

    /// The terms of a list field; nil when the field is missing (reported).
    mutating func readTerms<Own: Vocabulary, Other: Vocabulary>(
        _ target: FieldMapping.Target, _ own: Own.Type, _ other: Other.Type, synonyms: [String: String]
    ) -> [Own]? {
        guard single(target) != nil else { return nil }
        let classifier = classified(target, Own.self, Other.self, synonyms: synonyms)
        // The other list, read the same way (its synonyms and labels in other languages count).
        let otherTarget: FieldMapping.Target = target == .fieldsOfAction ? .userGroups : .fieldsOfAction
        let otherSynonyms = target == .fieldsOfAction ? mapping.userGroupSynonyms : mapping.fieldOfActionSynonyms
        let listedThere = Set(classified(otherTarget, Other.self, Own.self, synonyms: otherSynonyms).terms)
        findings += classifier.findings(otherTermsAlsoListed: { listedThere.contains($0) })
        return classifier.terms
    }

    /// The terms of one list, classified the first time it is asked for.
    private mutating func classified<Own: Vocabulary, Other: Vocabulary>(
        _ target: FieldMapping.Target, _ own: Own.Type, _ other: Other.Type, synonyms: [String: String]
    ) -> TermClassifier<Own, Other> {
        if let cached = (target == .fieldsOfAction ? fieldsClassifier as Any? : groupsClassifier as Any?) as? TermClassifier<Own, Other> {
            return cached
        }
        var classifier = TermClassifier<Own, Other>(field: target.field, synonyms: synonyms)
        for value in values(target) {
            for item in split(value) { classifier.classify(item) }
        }
        if target == .fieldsOfAction {
            fieldsClassifier = classifier as? TermClassifier<FieldOfAction, UserGroup>
        } else {
            groupsClassifier = classifier as? TermClassifier<UserGroup, FieldOfAction>
        }
        return classifier
    }

    /// A list value split by the mapping's list separator, each part with the value's position.
    func split(_ value: RawValue) -> [RawValue] {
        guard let separator = mapping.listSeparator, !separator.isEmpty else { return [value] }
        // A one-character separator (the usual `,`) splits by that character, which is much faster.
        let parts = separator.count == 1
            ? value.text.split(separator: separator.first!, omittingEmptySubsequences: false)
            : value.text.split(separator: separator, omittingEmptySubsequences: false)
        return parts.map { RawValue(String($0).trimmingWhitespace(), at: value.location) }
            .filter { !$0.text.isEmpty }
    }
}

// MARK: - Messages

extension RecordReading {
    /// The normaliser's messages, apart from the logic that reads the values: each a message and, where there is
    /// something to do, a hint, in English and German.
    enum Message {
        typealias Text = (message: Bilingual, hint: Bilingual?)

        /// `name`: the source's field.
        static func valueMissing(_ name: String) -> Text {
            (Bilingual(en: "the record has no value for '\(ShownText.value(name))'",
                       de: "der Datensatz hat keinen Wert für '\(ShownText.value(name))'"),
             Bilingual(en: "every project needs a value for '\(ShownText.value(name))'",
                       de: "jedes Vorhaben braucht einen Wert für '\(ShownText.value(name))'"))
        }

        static func valueRepeated(_ name: String, first: String) -> Text {
            (Bilingual(en: "'\(ShownText.value(name))' has more than one value; the first, '\(first.truncated(40))', is used",
                       de: "'\(ShownText.value(name))' hat mehr als einen Wert; verwendet wird der erste, '\(first.truncated(40))'"),
             Bilingual(en: "give '\(ShownText.value(name))' once per project", de: "geben Sie '\(ShownText.value(name))' einmal pro Vorhaben an"))
        }

        /// `trimmedWouldDo`: the identifier is well-formed but for white space around it.
        static func idFormat(_ text: String, trimmedWouldDo: Bool) -> Text {
            (Bilingual(en: "the identifier '\(ShownText.value(text))' is not well-formed",
                       de: "die Kennung '\(ShownText.value(text))' ist nicht gültig gebildet"),
             trimmedWouldDo
                 ? Bilingual(en: "remove the white space around it, or declare \"normalise\": [\"trim\"] in the mapping",
                             de: "entfernen Sie die Leerzeichen darum, oder deklarieren Sie \"normalise\": [\"trim\"] im Mapping")
                 : Bilingual(en: "use lowercase a-z, 0-9 and single hyphens, e.g. digital-lab",
                             de: "verwenden Sie Kleinbuchstaben a-z, Ziffern 0-9 und einzelne Bindestriche, z. B. digital-lab"))
        }

        static func progressLenient(_ text: String, percent: Int) -> Text {
            (Bilingual(en: "the progress '\(ShownText.value(text))' was read as \(percent)%",
                       de: "der Fortschritt '\(ShownText.value(text))' wurde als \(percent) % gelesen"),
             Bilingual(en: "write it as \(percent)% (or \(percent)), without spaces",
                       de: "schreiben Sie \(percent)% (oder \(percent)), ohne Leerzeichen"))
        }

        static func notAPercentage(_ text: String) -> Text {
            (Bilingual(en: "the progress '\(ShownText.value(text))' is not a percentage",
                       de: "der Fortschritt '\(ShownText.value(text))' ist keine Prozentangabe"),
             Bilingual(en: "write a whole number from 0 to 100 followed by %, e.g. 30%",
                       de: "schreiben Sie eine ganze Zahl von 0 bis 100, gefolgt von %, z. B. 30%"))
        }

        static func shareConverted(_ text: String, percent: Int) -> Text {
            (Bilingual(en: "the share '\(ShownText.value(text))' was read as \(percent)%",
                       de: "der Anteil '\(ShownText.value(text))' wurde als \(percent) % gelesen"),
             nil)
        }

        static func notAShare(_ text: String) -> Text {
            (Bilingual(en: "the progress '\(ShownText.value(text))' is not a share from 0 to 1 in whole percent",
                       de: "der Fortschritt '\(ShownText.value(text))' ist kein Anteil von 0 bis 1 in ganzen Prozent"),
             Bilingual(en: "the mapping declares progress as a share: write e.g. 0.3 for 30%",
                       de: "das Mapping gibt den Fortschritt als Anteil an: schreiben Sie z. B. 0.3 für 30 %"))
        }

        /// The start or end, in a message: "start date", "Startdatum".
        private static func startOrEnd(_ isStart: Bool) -> (en: String, de: String) {
            isStart ? ("start", "Start") : ("end", "End")
        }

        static func dateRead(_ text: String, year: Int, form: FieldMapping.DateForm, isStart: Bool) -> Text {
            let (en, de) = startOrEnd(isStart)
            return (Bilingual(en: "the \(en) date '\(ShownText.value(text))' was read as the year \(year) (the mapping declares dateForm \(form.rawValue))",
                              de: "das \(de)datum '\(ShownText.value(text))' wurde als Jahr \(year) gelesen (das Mapping deklariert dateForm \(form.rawValue))"),
                    nil)
        }

        /// A start or end value that is not of the declared form; `seen`: the form of date it has instead, if any.
        static func notAYear(_ text: String, form: FieldMapping.DateForm, seen: FieldMapping.DateForm?, isStart: Bool) -> Text {
            let (en, de) = startOrEnd(isStart)
            let hint: Bilingual
            if form == .year, let seen {
                hint = Bilingual(en: "it is a date: declare its form in the mapping (\"dateForm\": \"\(seen.rawValue)\") and kompass reads its year, or write the year",
                                 de: "das ist ein Datum: deklarieren Sie seine Form im Mapping (\"dateForm\": \"\(seen.rawValue)\"), dann liest kompass das Jahr, oder schreiben Sie das Jahr")
            } else if form == .year {
                hint = isStart
                    ? Bilingual(en: "write the year the project starts, e.g. 2023", de: "schreiben Sie das Jahr, in dem das Vorhaben beginnt, z. B. 2023")
                    : Bilingual(en: "write the year the project ends, e.g. 2028, or leave it empty for a single year",
                                de: "schreiben Sie das Jahr, in dem das Vorhaben endet, z. B. 2028, oder lassen Sie es für ein einzelnes Jahr leer")
            } else {
                hint = Bilingual(en: "write a date of the calendar in the declared form \(form.rawValue), or change dateForm in the mapping",
                                 de: "schreiben Sie ein gültiges Datum in der deklarierten Form \(form.rawValue), oder ändern Sie dateForm im Mapping")
            }
            let message: Bilingual
            switch (form, isStart) {
            case (.year, true):
                message = Bilingual(en: "the start year '\(ShownText.value(text))' is not a four-digit year", de: "das Startjahr '\(ShownText.value(text))' ist kein vierstelliges Jahr")
            case (.year, false):
                message = Bilingual(en: "the end year '\(ShownText.value(text))' is not a four-digit year", de: "das Endjahr '\(ShownText.value(text))' ist kein vierstelliges Jahr")
            default:
                message = Bilingual(en: "the \(en) '\(ShownText.value(text))' is not a date of the declared form \(form.rawValue)",
                                    de: "das \(de)datum '\(ShownText.value(text))' ist kein Datum der deklarierten Form \(form.rawValue)")
            }
            return (message, hint)
        }

        static func trimmed(_ name: String, to trimmed: String) -> Text {
            (Bilingual(en: "'\(ShownText.value(name))': white space around '\(trimmed.truncated(40))' was removed (the mapping declares normalise trim)",
                       de: "'\(ShownText.value(name))': die Leerzeichen um '\(trimmed.truncated(40))' wurden entfernt (das Mapping deklariert normalise trim)"),
             nil)
        }

        /// `fewer`: how many code points composing saved.
        static func composed(_ name: String, to composed: String, fewer changed: Int) -> Text {
            (Bilingual(en: "'\(ShownText.value(name))': decomposed characters were composed (Unicode NFC, \(changed) code points fewer): '\(composed.truncated(40))' (the mapping declares normalise nfc)",
                       de: "'\(ShownText.value(name))': zerlegte Zeichen wurden zusammengesetzt (Unicode NFC, \(changed) Codepunkte weniger): '\(composed.truncated(40))' (das Mapping deklariert normalise nfc)"),
             nil)
        }

        static func notAPeriod(_ text: String) -> Text {
            (Bilingual(en: "the duration '\(ShownText.value(text))' is not a year or a range of years",
                       de: "die Dauer '\(ShownText.value(text))' ist weder ein Jahr noch eine Spanne von Jahren"),
             Bilingual(en: "write four-digit years: 2023–2028, or a single year such as 2024",
                       de: "schreiben Sie vierstellige Jahre: 2023–2028, oder ein einzelnes Jahr wie 2024"))
        }
    }
}
