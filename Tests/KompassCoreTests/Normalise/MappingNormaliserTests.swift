import Testing
@testable import KompassCore

/// A record as a CSV importer would give it: each value on line 2 of `file`, in its own column, under the
/// source's field name. A field given twice holds two values.
private func record(_ values: [(String, String)], file: String = "export.csv", line: Int = 2) -> RawRecord {
    var record = RawRecord(location: SourceLocation(file: file, line: line))
    for (column, (field, text)) in values.enumerated() {
        record.append(RawValue(text, at: SourceLocation(file: file, line: line, column: column * 10 + 1, field: field)),
                      to: field)
    }
    return record
}

/// A mapping with the source's own (German) column names, years as two fields and lists split by `,`.
private func mapping(progressForm: FieldMapping.ProgressForm = .percent,
                     userGroupSynonyms: [String: String] = [:], fieldOfActionSynonyms: [String: String] = [:],
                     listSeparator: String? = ",") -> FieldMapping {
    FieldMapping(sourceFields: [
        .id: "ID", .title: "Titel", .progress: "Fortschritt", .startYear: "Beginn", .endYear: "Ende",
        .before: "Bisher", .future: "In Zukunft", .fieldsOfAction: "Handlungsfelder", .userGroups: "Nutzende",
    ], listSeparator: listSeparator, progressForm: progressForm,
       fieldOfActionSynonyms: fieldOfActionSynonyms, userGroupSynonyms: userGroupSynonyms)
}

/// A complete record for `mapping()`; `changes` replace (or, with a new name, add) values by field name.
private func completeValues(_ changes: [String: String] = [:], without removed: Set<String> = []) -> [(String, String)] {
    var values: [(String, String)] = [
        ("ID", "digital-lab"), ("Titel", "Digital Lab"), ("Fortschritt", "30"), ("Beginn", "2023"), ("Ende", "2028"),
        ("Bisher", "Vorher."), ("In Zukunft", "Nachher."), ("Handlungsfelder", "Prozesse, Daten"),
        ("Nutzende", "Mitarbeitende"),
    ]
    for (field, text) in changes {
        if let index = values.firstIndex(where: { $0.0 == field }) { values[index].1 = text } else { values.append((field, text)) }
    }
    return values.filter { !removed.contains($0.0) }
}

private func normalise(_ values: [(String, String)], _ mapping: FieldMapping = mapping())
    -> (draft: DraftProject, findings: [Finding]) {
    Normaliser(mapping: mapping).draft(record(values))
}

private extension Array where Element == Finding {
    func rule(_ id: RuleID) -> [Finding] { filter { $0.ruleID == id } }
    var rules: [RuleID] { map(\.ruleID) }
}

@Suite("Normaliser with mappings")
struct MappingNormaliserTests {
    @Test func aCompleteRecordThroughTheMapping() throws {
        let (draft, findings) = normalise(completeValues())
        #expect(findings.isEmpty, "\(findings)")
        let project = try #require(draft.project)
        #expect(project.id.rawValue == "digital-lab")
        #expect(project.title == "Digital Lab")
        #expect(project.progress == 30)
        #expect(project.period == ProjectPeriod(startYear: 2023, endYear: 2028))
        #expect(project.fieldsOfAction == [.prozesse, .daten])
        #expect(project.userGroups == [.mitarbeitende])
        // Origins point at the source's own values.
        #expect(draft.origins[.title].field == "Titel")
        #expect(draft.origins[.progress].column == 21)
    }

    // MARK: - Progress

    @Test func fractionIsConvertedToPercentAndReported() throws {
        let (draft, findings) = normalise(completeValues(["Fortschritt": "0.3"]), mapping(progressForm: .fraction))
        #expect(draft.progress == 30)
        #expect(findings.rules == [.progressConverted])
        let info = try #require(findings.first)
        #expect(info.severity == .info)
        #expect(info.field == .progress)
        #expect(info.location?.field == "Fortschritt")
        #expect(info.message.contains("0.3") && info.message.contains("30"), "before and after: \(info.message)")
    }

    @Test(arguments: [("0", 0), ("1", 100), ("0.05", 5), ("0.75", 75), ("1.0", 100), (" 0.5 ", 50)])
    func fractionsThatAreWholePercents(text: String, percent: Int) {
        let (draft, findings) = normalise(completeValues(["Fortschritt": text]), mapping(progressForm: .fraction))
        #expect(draft.progress == percent)
        #expect(findings.rules == [.progressConverted])
    }

    @Test(arguments: ["0.305", "1.5", "abc", "30%", "0,3", "-0.1", ".3", ""])
    func fractionsThatDoNotReadAreErrors(text: String) throws {
        let (draft, findings) = normalise(completeValues(["Fortschritt": text]), mapping(progressForm: .fraction))
        #expect(draft.progress == nil)
        #expect(findings.rules == [.progressFormat], "\(findings)")
        let error = try #require(findings.first)
        #expect(error.severity == .error)
        #expect(error.location?.field == "Fortschritt")
        #expect(error.location?.line == 2)
    }

    @Test func percentFormIsNotConverted() {
        let (draft, findings) = normalise(completeValues(["Fortschritt": "30 %"]), mapping(progressForm: .percent))
        #expect(draft.progress == 30)
        // Read as a percentage, not converted; the form with a space is named (info), never taken silently.
        #expect(findings.rules == [.progressLenientForm], "\(findings)")
        let (_, shareFindings) = normalise(completeValues(["Fortschritt": "0.3"]), mapping(progressForm: .percent))
        #expect(shareFindings.rules == [.progressFormat], "a share is not read as a percentage")
    }

    // MARK: - Years

    @Test func startAndEndYear() {
        let (draft, findings) = normalise(completeValues(["Beginn": "2023", "Ende": "2028"]))
        #expect(draft.period == ProjectPeriod(startYear: 2023, endYear: 2028))
        #expect(findings.isEmpty)
    }

    @Test func absentEndYearIsASingleYear() {
        let (draft, findings) = normalise(completeValues(without: ["Ende"]))
        #expect(draft.period == ProjectPeriod(startYear: 2023, endYear: nil))
        #expect(findings.isEmpty, "an end year is optional: \(findings)")
    }

    @Test(arguments: ["", " "])
    func emptyEndYearIsASingleYear(text: String) {
        // README: "an empty end year means a single year". JSON's "endYear": "" and a CSV cell holding only a
        // space reach the normaliser as a value that is empty once trimmed.
        let (draft, findings) = normalise(completeValues(["Ende": text]))
        #expect(draft.period == ProjectPeriod(startYear: 2023, endYear: nil), "\(findings)")
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func badYearsAreErrors() {
        let (startDraft, startFindings) = normalise(completeValues(["Beginn": "23"]))
        #expect(startDraft.period == nil)
        #expect(startFindings.rules == [.periodFormat])
        #expect(startFindings.first?.location?.field == "Beginn")
        let (endDraft, endFindings) = normalise(completeValues(["Ende": "2028/29"]))
        #expect(endDraft.period == nil)
        #expect(endFindings.rules == [.periodFormat])
        #expect(endFindings.first?.location?.field == "Ende")
    }

    // MARK: - Lists

    @Test func listSeparatorSplitsAndTrims() {
        let (draft, findings) = normalise(completeValues([
            "Handlungsfelder": "  Prozesse ,Daten,  Kultur  ", "Nutzende": "Mitarbeitende , Wirtschaft",
        ]))
        #expect(draft.fieldsOfAction == [.prozesse, .daten, .kultur])
        #expect(draft.userGroups == [.mitarbeitende, .wirtschaft])
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func anotherSeparator() {
        let (draft, findings) = normalise(completeValues(["Handlungsfelder": "Prozesse | Recht"]), mapping(listSeparator: "|"))
        #expect(draft.fieldsOfAction == [.prozesse, .recht])
        #expect(findings.isEmpty, "\(findings)")
        // With `,` as separator "Prozesse | Recht" is one unknown term, not silently split.
        let (_, commaFindings) = normalise(completeValues(["Handlungsfelder": "Prozesse | Recht"]))
        #expect(commaFindings.rules == [.vocabularyUnknown(FieldOfAction.self)])
    }

    // MARK: - Synonyms and other languages

    @Test func declaredSynonymIsAcceptedAndReported() throws {
        let (draft, findings) = normalise(completeValues(["Nutzende": "Bevoelkerung, Mitarbeitende"]),
                                          mapping(userGroupSynonyms: ["Bevoelkerung": "Bevölkerung"]))
        #expect(draft.userGroups == [.bevoelkerung, .mitarbeitende])
        #expect(findings.rules == [.vocabularySynonym(UserGroup.self)])
        let info = try #require(findings.first)
        #expect(info.severity == .info)
        #expect(info.field == .userGroups)
        #expect(info.message.contains("'Bevoelkerung'") && info.message.contains("'Bevölkerung'"), "\(info.message)")
    }

    @Test func undeclaredSynonymIsUnknown() {
        let (draft, findings) = normalise(completeValues(["Nutzende": "Bevoelkerung"]))
        #expect(draft.userGroups == [])
        #expect(findings.rules == [.vocabularyUnknown(UserGroup.self)])
        #expect(findings.first?.hint?.contains("Bevölkerung") == true)
    }

    @Test(arguments: [
        ("Nutzende", "Population", "Bevölkerung", RuleID.vocabularySynonym(UserGroup.self)),
        ("Nutzende", "population", "Bevölkerung", RuleID.vocabularySynonym(UserGroup.self)),
        ("Nutzende", "Employees", "Mitarbeitende", RuleID.vocabularySynonym(UserGroup.self)),
        ("Handlungsfelder", "Processes", "Prozesse", RuleID.vocabularySynonym(FieldOfAction.self)),
        ("Handlungsfelder", "Données", "Daten", RuleID.vocabularySynonym(FieldOfAction.self)),
        ("Handlungsfelder", "DIRITTO", "Recht", RuleID.vocabularySynonym(FieldOfAction.self)),
    ])
    func labelsInOtherLanguagesAreAcceptedAndReported(field: String, text: String, german: String, rule: RuleID) throws {
        let (draft, findings) = normalise(completeValues([field: text]))
        if field == "Nutzende" {
            #expect(draft.userGroups?.map(\.label.de) == [german])
        } else {
            #expect(draft.fieldsOfAction?.map(\.label.de) == [german])
        }
        #expect(findings.rules == [rule], "\(findings)")
        let info = try #require(findings.first)
        #expect(info.severity == .info)
        #expect(info.message.contains("'\(text)'") && info.message.contains("'\(german)'"), "before → after: \(info.message)")
        #expect(info.location?.field == field)
    }

    @Test func unknownTermWithDidYouMean() throws {
        let (draft, findings) = normalise(completeValues(["Handlungsfelder": "Prozese, Daten"]))
        #expect(draft.fieldsOfAction == [.daten])
        #expect(findings.rules == [.vocabularyUnknown(FieldOfAction.self)])
        let error = try #require(findings.first)
        #expect(error.severity == .error)
        #expect(error.message.contains("Prozese"))
        #expect(error.hint?.contains("did you mean 'Prozesse'") == true, "\(error.hint ?? "")")
    }

    // MARK: - Terms in the wrong list, repeated terms

    @Test func userGroupAmongFieldsThatIsAlsoAUserGroupIsAWarning() throws {
        let (draft, findings) = normalise(completeValues([
            "Handlungsfelder": "Prozesse, Bevölkerung", "Nutzende": "Bevölkerung",
        ]))
        #expect(draft.fieldsOfAction == [.prozesse])
        #expect(draft.userGroups == [.bevoelkerung])
        #expect(findings.rules == [.vocabularyOtherVocabulary(FieldOfAction.self)])
        #expect(findings.first?.severity == .warning)
    }

    @Test func userGroupAmongFieldsThatIsNotAUserGroupIsAnError() throws {
        let (draft, findings) = normalise(completeValues([
            "Handlungsfelder": "Prozesse, Bevölkerung", "Nutzende": "Mitarbeitende",
        ]))
        #expect(draft.fieldsOfAction == [.prozesse])
        #expect(findings.rules == [.vocabularyOtherVocabulary(FieldOfAction.self)])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.hint?.contains("Nutzende") == true)
    }

    @Test func userGroupAmongFieldsThatIsAUserGroupThroughASynonymIsAWarning() throws {
        // The user groups say "Bevoelkerung", which the mapping declares as Bevölkerung: it is listed where it
        // belongs, so leaving it out of the fields loses nothing.
        let (draft, findings) = normalise(completeValues([
            "Handlungsfelder": "Prozesse, Bevölkerung", "Nutzende": "Bevoelkerung",
        ]), mapping(userGroupSynonyms: ["Bevoelkerung": "Bevölkerung"]))
        #expect(draft.userGroups == [.bevoelkerung])
        let other = findings.rule(.vocabularyOtherVocabulary(FieldOfAction.self))
        #expect(other.count == 1)
        #expect(other.first?.severity == .warning, "\(other)")
    }

    @Test func repeatedTermIsAWarningAndKeptOnce() throws {
        let (draft, findings) = normalise(completeValues(["Handlungsfelder": "Prozesse, Daten, Prozesse"]))
        #expect(draft.fieldsOfAction == [.prozesse, .daten])
        #expect(findings.rules == [.vocabularyRepeated(FieldOfAction.self)])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("Prozesse") == true)
    }

    @Test func termRepeatedThroughAnotherLanguageIsAWarning() {
        let (draft, findings) = normalise(completeValues(["Handlungsfelder": "Prozesse, Processes"]))
        #expect(draft.fieldsOfAction == [.prozesse])
        #expect(findings.rule(.vocabularyRepeated(FieldOfAction.self)).count == 1)
        #expect(findings.rule(.vocabularySynonym(FieldOfAction.self)).count == 1)
    }

    // MARK: - Missing and repeated values

    @Test func mappedFieldWithoutValueIsMissing() throws {
        let (draft, findings) = normalise(completeValues(without: ["Titel"]))
        #expect(draft.title == nil)
        #expect(findings.rules == [.valueMissing])
        let error = try #require(findings.first)
        #expect(error.severity == .error)
        #expect(error.field == .title)
        #expect(error.location?.field == "Titel")
        #expect(error.location?.line == 2)
        #expect(error.location?.file == "export.csv")
    }

    @Test func missingListFieldIsMissing() {
        let (draft, findings) = normalise(completeValues(without: ["Nutzende"]))
        #expect(draft.userGroups == nil)
        #expect(findings.rules == [.valueMissing])
        #expect(findings.first?.field == .userGroups)
    }

    @Test func scalarGivenTwiceIsRepeatedAndTheFirstIsUsed() throws {
        var values = completeValues()
        values.append(("Titel", "Zweiter Titel"))
        let (draft, findings) = normalise(values)
        #expect(draft.title == "Digital Lab")
        #expect(findings.rules == [.valueRepeated])
        let finding = try #require(findings.first)
        #expect(finding.field == .title)
        #expect(finding.location?.column == 91, "at the second value")
        #expect(finding.message.contains("Digital Lab"))
    }

    @Test func listGivenTwiceIsNotRepeated() {
        var values = completeValues(["Handlungsfelder": "Prozesse"])
        values.append(("Handlungsfelder", "Daten"))
        let (draft, findings) = normalise(values)
        #expect(draft.fieldsOfAction == [.prozesse, .daten])
        #expect(findings.isEmpty, "\(findings)")
    }
}
