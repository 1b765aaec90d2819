import Foundation
import Testing
@testable import KompassCore

@Suite("Normaliser")
struct NormaliserTests {
    // The texts of a few projects, copied from the page.
    static let digitalLabBefore = "Mitarbeitende haben bislang kaum Möglichkeiten, ausserhalb offizieller Gremien und Projekte gemeinsam an der digitalen Transformation des Kantons zu arbeiten."
    static let digitalLabFuture = "Das Digital Lab bringt Mitarbeitende zusammen, die den digitalen Wandel im Kanton mitgestalten wollen. Die Mitarbeit erfolgt freiwillig und zu maximal 20% des aktuellen Arbeitspensums. Als Herzstück des dualen Systems und digitaler Fabrik entwickelt das Digital Lab digitale Lösungen, lebt eine hierarchieübergreifende und gesamtkantonale Zusammenarbeitskultur vor und nutzt dem agilen Mindset."
    static let eVotingBefore = "Zwischen 2009 und 2019 bot Basel-Stadt E-Voting für Auslandschweizerinnen und Auslandschweizer an, ab 2016 auch für Stimmberechtigte mit Behinderungen im Kanton. Von 2019 bis 2023 war E-Voting schweizweit ausgesetzt. Seit 2023 ermöglicht Basel-Stadt wieder elektronisches Abstimmen für diese beiden Gruppen."
    static let eVotingFuture = "Basel-Stadt kann E-Voting auf bis zu 30% der Stimmberechtigten ausweiten. Der Entscheid zur Umsetzung steht noch aus. Für den Weiterbetrieb ab 2027 ist zudem die Zustimmung des Grossen Rats zur Finanzierung erforderlich."
    static let agovBefore = "Die Login-Lösung «eKonto-Login» bietet zwar verschiedene Authentifizierungsstufen, ist aber komplex und erklärungsbedürftig. Autorisierungsbriefe und unklare Stufen erhöhen die Hürde für Nutzer:innen. Das Once-Only-Prinzip lässt sich nicht umsetzen, da Nutzerdaten bisher nicht eindeutig identifiziert werden können."
    static let agovFuture = "Das Bundes-Login «AGOV» wird künftig für den Zugang zu Online-Diensten genutzt. Parallel wird das eKonto zu einem nutzerfreundlichen ePortal ausgebaut. Es vereinfacht den Zugang zu kantonalen Services, ersetzt Autorisierungsbriefe und erlaubt dank einmaliger Identifizierung die Umsetzung des Once-Only-Prinzips – eine zentrale Basis für automatisierte und innovative Online-Dienstleistungen."
    static let hrBefore1 = "Das derzeit eingesetzte HR-System SAP HCM befindet sich in einer Übergangsphase, da es mittelfristig durch neue Technologien und Lösungen abgelöst wird. Die derzeit eingesetzten HR-Prozesse sind historisch gewachsen und teilweise dezentral organisiert. Es bestehen unterschiedliche Abläufe und Lösungen an verschiedenen Standorten und in verschiedenen Bereichen. Viele Prozesse werden derzeit noch manuell oder papiergestützt durchgeführt."
    static let hrBefore2 = "Der Automatisierungs- und Digitalisierungsgrad bietet Potenzial für Weiterentwicklungen. Eine stärkere Standardisierung und Digitalisierung der Prozesse kann die Grundlage für effizientere Abläufe, mehr Transparenz und eine moderne, benutzerfreundliche HR-Arbeitsumgebung schaffen."
    static let hrFuture = "Der Kanton Basel-Stadt entwickelt seine HR-Systemlandschaft schrittweise weiter, um zukünftigen Anforderungen an ein modernes und digitales Personalwesen gerecht zu werden. Mit der Einführung von SAP Fiori wurde bereits ein erster wichtiger Schritt in Richtung benutzerfreundlicher Oberflächen getan. Die Anwendungen eREC (elektronische Rekrutierung) und eMAG (elektronisches Mitarbeitendengespräch) stehen kurz vor dem Go-live und werden künftig zentrale HR-Prozesse digital unterstützen. Ziel ist eine technisch nachhaltige und anwenderfreundliche Lösung, die stabile HR-Prozesse ermöglicht und moderne Standards erfüllt. Dabei werden auch Best Practices berücksichtigt, um bewährte digitale Verfahren zu integrieren. Zudem wird das Synergiepotenzial zwischen den Departementen analysiert, um eine effizientere, bereichsübergreifende Zusammenarbeit zu fördern."
    static let datenkatalogBefore = "Derzeit fehlt eine übergreifende Übersicht über die Datenbestände der kantonalen Verwaltung. Zwar verfügen einzelne Bereiche wie die Geoinformation bereits über eigene Datenkataloge, diese sind jedoch weder vollständig noch mit anderen Fachbereichen vernetzt. Die bestehenden Prozesse zur Geodatenpublikation sind historisch gewachsen, aufwendig und entsprechen nicht mehr den heutigen Anforderungen. Zudem besteht bei einzelnen Systemkomponenten der kantonalen Geodateninfrastruktur dringender Erneuerungsbedarf."
    static let datenkatalogFuture = "In Zukunft steht ein zentraler kantonaler Datenkatalog zur Verfügung, in dem sämtliche Verwaltungsdaten einheitlich und standardisiert dokumentiert werden können. Auf dieser Grundlage können raumbezogenen Daten sowohl intern als auch für die Öffentlichkeit eigenständig, effizient und automatisiert veröffentlicht werden. Ein erweitertes Geoportal mit intelligenter Suchfunktion sowie ein modernisiertes Kartenportal ermöglichen einen einfachen, schnellen und benutzerfreundlichen Zugang zu diesen Geoinformationen für Verwaltung, Wirtschaft und Bevölkerung gleichermassen."

    static let allFields: [FieldOfAction] = [.prozesse, .kompetenzen, .kultur, .technologie, .leistungen, .daten, .recht]

    /// The real page, imported and drafted, with the normaliser's findings per project.
    static func draftReal() throws -> [(draft: DraftProject, findings: [Finding])] {
        let imported = try PageTextImporter().read(path: TestFiles.pageTextPath)
        let normaliser = Normaliser(mapping: .pageText, reportsMissingValues: false)
        return imported.records.map { normaliser.draft($0) }
    }

    static let file = TestFiles.pageTextPath

    @Test func all34ProjectsAreComplete() throws {
        let drafts = try Self.draftReal()
        #expect(drafts.count == 34)
        for (index, entry) in drafts.enumerated() {
            #expect(entry.draft.progress != nil, "project \(index + 1)")
            #expect(entry.draft.period != nil, "project \(index + 1)")
            #expect(entry.draft.before?.isEmpty == false, "project \(index + 1)")
            #expect(entry.draft.future?.isEmpty == false, "project \(index + 1)")
            #expect(entry.draft.fieldsOfAction?.isEmpty == false, "project \(index + 1)")
            #expect(entry.draft.userGroups?.isEmpty == false, "project \(index + 1)")
            // The page has no identifiers and no titles: the register gives them.
            #expect(entry.draft.id == nil && entry.draft.title == nil)
        }
    }

    @Test func firstProjectDigitalLab() throws {
        let draft = try #require(try Self.draftReal().first).draft
        #expect(draft.progress == 30)
        #expect(draft.period == ProjectPeriod(startYear: 2023, endYear: 2028))
        #expect(draft.before == Self.digitalLabBefore)
        #expect(draft.future == Self.digitalLabFuture)
        #expect(draft.fieldsOfAction == Self.allFields)
        #expect(draft.userGroups == [.mitarbeitende, .bevoelkerung, .wirtschaft])
        #expect(draft.origins.record == KompassCore.SourceLocation(file: Self.file, line: 14))
        #expect(draft.origins[.progress] == KompassCore.SourceLocation(file: Self.file, line: 15, column: 1, field: "Fortschritt"))
        #expect(draft.origins[.period] == KompassCore.SourceLocation(file: Self.file, line: 17, column: 1, field: "Dauer"))
        #expect(draft.origins[.before].line == 19)
        #expect(draft.origins[.future].line == 21)
        #expect(draft.origins[.fieldsOfAction] == KompassCore.SourceLocation(file: Self.file, line: 23, column: 3, field: "Felder"))
        #expect(draft.origins[.userGroups].line == 31)
    }

    @Test func eVotingAndItsSingleYearSibling() throws {
        let drafts = try Self.draftReal()
        let eVoting = drafts[2].draft
        #expect(eVoting.progress == 100)
        #expect(eVoting.period == ProjectPeriod(startYear: 2019, endYear: 2026))
        #expect(eVoting.before == Self.eVotingBefore)
        #expect(eVoting.future == Self.eVotingFuture)
        #expect(eVoting.fieldsOfAction == [.prozesse, .kompetenzen, .technologie, .leistungen, .daten, .recht])
        #expect(eVoting.userGroups == [.bevoelkerung])
        #expect(eVoting.origins.record.line == 57)

        let agov = drafts[3].draft
        #expect(agov.progress == 100)
        #expect(agov.period == ProjectPeriod(startYear: 2024, endYear: nil))
        #expect(agov.period?.displayText == "2024")
        #expect(agov.period?.lastYear == 2024)
        #expect(agov.before == Self.agovBefore)
        #expect(agov.future == Self.agovFuture)
        #expect(agov.fieldsOfAction == [.prozesse, .kompetenzen, .technologie, .leistungen, .daten, .recht])
        #expect(agov.userGroups == [.mitarbeitende, .bevoelkerung, .wirtschaft])
    }

    @Test func paragraphsAreJoinedWithASingleLineBreak() throws {
        let hr = try Self.draftReal()[4].draft
        #expect(hr.progress == 30)
        #expect(hr.period == ProjectPeriod(startYear: 2024, endYear: 2028))
        #expect(hr.before == Self.hrBefore1 + "\n" + Self.hrBefore2)
        #expect(hr.future == Self.hrFuture)
        #expect(hr.fieldsOfAction == Self.allFields)
        #expect(hr.userGroups == [.mitarbeitende, .wirtschaft])
    }

    @Test func lastProjectDatenkatalog() throws {
        let last = try #require(try Self.draftReal().last).draft
        #expect(last.progress == 20)
        #expect(last.period == ProjectPeriod(startYear: 2024, endYear: 2027))
        #expect(last.before == Self.datenkatalogBefore)
        #expect(last.future == Self.datenkatalogFuture)
        #expect(last.fieldsOfAction == [.prozesse, .kompetenzen, .kultur, .technologie, .leistungen, .daten])
        #expect(last.userGroups == [.mitarbeitende, .bevoelkerung, .wirtschaft])
        #expect(last.origins.record.line == 627)
    }

    @Test func all34ProgressValuesMatchTheIndependentReading() throws {
        let reference = try #require(ReferencePage.parse(try TestFiles.realPageText()))
        let drafts = try Self.draftReal()
        #expect(drafts.map(\.draft.progress) == reference.map(\.progress))
        #expect(reference.map(\.progress) == [30, 8, 100, 100, 30, 10, 100, 60, 20, 0, 0, 65, 100, 50, 100, 100, 10,
                                              100, 100, 40, 25, 100, 20, 0, 70, 40, 70, 0, 30, 20, 30, 5, 10, 20])
    }

    @Test func everyValueOfEveryProjectMatchesTheIndependentReading() throws {
        let reference = try #require(ReferencePage.parse(try TestFiles.realPageText()))
        let drafts = try Self.draftReal()
        try #require(drafts.count == reference.count)
        for (index, (entry, expected)) in zip(drafts, reference).enumerated() {
            let draft = entry.draft
            let project = "project \(index + 1)"
            #expect(draft.period?.startYear == expected.startYear, "\(project)")
            #expect(draft.period?.endYear == expected.endYear, "\(project)")
            #expect(draft.before == expected.before, "\(project)")
            #expect(draft.future == expected.future, "\(project)")
            #expect(draft.fieldsOfAction?.map(\.label.de) == expected.fieldsOfAction, "\(project)")
            #expect(draft.userGroups?.map(\.label.de) == expected.userGroups, "\(project)")
            #expect(draft.origins.record.line == expected.line, "\(project)")
        }
    }

    @Test func onlyProject2HasFindingsAndTheyAreWarnings() throws {
        let drafts = try Self.draftReal()
        for (index, entry) in drafts.enumerated() where index != 1 {
            #expect(entry.findings.isEmpty, "project \(index + 1): \(entry.findings.map(\.message))")
        }
        #expect(drafts[1].findings.count == 3)
    }

    @Test func project2UserGroupsUnderFelderAreWarnings() throws {
        let entry = try Self.draftReal()[1]
        #expect(entry.draft.fieldsOfAction == Self.allFields)
        #expect(entry.draft.userGroups == [.mitarbeitende, .bevoelkerung, .wirtschaft])
        #expect(entry.findings.map(\.ruleID) == Array(repeating: .vocabularyOtherVocabulary(FieldOfAction.self), count: 3))
        #expect(entry.findings.allSatisfy { $0.severity == .warning })
        #expect(entry.findings.allSatisfy { $0.field == .fieldsOfAction })
        #expect(entry.findings.map { $0.location?.line } == [50, 51, 52])
        #expect(entry.findings.map { $0.location?.column } == [3, 3, 3])
        #expect(entry.findings.allSatisfy { $0.location?.file == Self.file })
        let terms = ["Mitarbeitende", "Bevölkerung", "Wirtschaft"]
        for (finding, term) in zip(entry.findings, terms) {
            #expect(finding.message.contains(term))
        }
    }

    @Test func fingerprintsOfThePageMatchTheRegister() throws {
        let drafts = try Self.draftReal()
        let rows = ReferencePage.registerRows(try TestFiles.text(atPath: TestFiles.registerPath))
        #expect(rows.count == 34)
        #expect(rows.map(\.position) == Array(1...34))
        for (draft, row) in zip(drafts.map(\.draft), rows) {
            let before = try #require(draft.before), future = try #require(draft.future)
            #expect(ProjectFingerprint.of(text: before) == row.before, "\(row.id)")
            #expect(ProjectFingerprint.of(text: future) == row.future, "\(row.id)")
            // Each fingerprint is the first 16 hex digits of SHA-256 over its text.
            #expect(row.before == String(SHA256.hex(of: Array(before.utf8)).prefix(16)))
            #expect(row.future == String(SHA256.hex(of: Array(future.utf8)).prefix(16)))
            // The old form's (and the publication state's) fingerprint: both texts, a blank line between them.
            let combined = String(SHA256.hex(of: Array((before + "\n\n" + future).utf8)).prefix(16))
            #expect(ProjectFingerprint.of(before: before, future: future) == combined)
        }
    }

    // MARK: Synthetic records

    static func record(_ values: [(String, String)], file: String = "test.txt") -> RawRecord {
        var record = RawRecord(location: KompassCore.SourceLocation(file: file, line: 1))
        for (offset, (field, text)) in values.enumerated() {
            record.append(RawValue(text, at: KompassCore.SourceLocation(file: file, line: offset + 2, column: 1, field: field)), to: field)
        }
        return record
    }

    static let complete: [(String, String)] = [
        ("Fortschritt", "30%"), ("Dauer", "2023–2028"), ("Bisher", "Vorher."), ("In Zukunft", "Nachher."),
        ("Felder", "Daten"), ("Nutzende", "Wirtschaft"),
    ]

    static func normalise(_ values: [(String, String)], reportsMissing: Bool = false) -> (draft: DraftProject, findings: [Finding]) {
        Normaliser(mapping: .pageText, reportsMissingValues: reportsMissing).draft(record(values))
    }

    @Test func aCompleteSyntheticRecord() {
        let (draft, findings) = Self.normalise(Self.complete)
        #expect(findings.isEmpty)
        #expect(draft.progress == 30)
        #expect(draft.period == ProjectPeriod(startYear: 2023, endYear: 2028))
        #expect(draft.before == "Vorher.")
        #expect(draft.future == "Nachher.")
        #expect(draft.fieldsOfAction == [.daten])
        #expect(draft.userGroups == [.wirtschaft])
        #expect(draft.project == nil, "no identifier and no title yet")
    }

    @Test func badPercentIsAFindingAtTheValue() {
        var values = Self.complete
        values[0].1 = "abc"
        let (draft, findings) = Self.normalise(values)
        #expect(draft.progress == nil)
        #expect(findings.map(\.ruleID) == [.progressFormat])
        #expect(findings.first?.location?.line == 2)
        #expect(findings.first?.severity == .error)
    }

    /// A progress in a form kompass accepts but does not write is read and said so (info); the forms it writes
    /// pass without a word.
    @Test(arguments: [("30 %", 30, true), (" 50", 50, true), ("50 ", 50, true), ("30%", 30, false), ("30", 30, false)])
    func aLenientProgressFormIsReadAndNamed(text: String, percent: Int, lenient: Bool) {
        var values = Self.complete
        values[0].1 = text
        let (draft, findings) = Self.normalise(values)
        #expect(draft.progress == percent)
        #expect(findings.map(\.ruleID) == (lenient ? [.progressLenientForm] : []))
        #expect(findings.allSatisfy { $0.severity == .info && $0.location?.line == 2 && $0.field == .progress })
    }

    @Test func badPeriodIsAFindingAtTheValue() {
        var values = Self.complete
        values[1].1 = "2023–"
        let (draft, findings) = Self.normalise(values)
        #expect(draft.period == nil)
        #expect(findings.map(\.ruleID) == [.periodFormat])
        #expect(findings.first?.location?.line == 3)
        #expect(findings.first?.field == .period)
    }

    @Test func unknownFieldOfActionWithSuggestion() {
        var values = Self.complete
        values.append(("Felder", "Technologien"))
        let (draft, findings) = Self.normalise(values)
        #expect(draft.fieldsOfAction == [.daten])
        #expect(findings.map(\.ruleID) == [.vocabularyUnknown(FieldOfAction.self)])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.hint?.contains("Technologie") == true)
        #expect(findings.first?.location?.line == 8)
    }

    @Test func userGroupUnderFelderThatIsNotUnderNutzendeIsAnError() {
        var values = Self.complete
        values.insert(("Felder", "Bevölkerung"), at: 5)
        let (draft, findings) = Self.normalise(values)
        #expect(draft.fieldsOfAction == [.daten])
        #expect(draft.userGroups == [.wirtschaft])
        #expect(findings.map(\.ruleID) == [.vocabularyOtherVocabulary(FieldOfAction.self)])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.hint?.contains("Nutzende") == true)
    }

    @Test func fieldOfActionUnderNutzendeIsAnError() {
        var values = Self.complete
        values.append(("Nutzende", "Recht"))
        let (draft, findings) = Self.normalise(values)
        #expect(draft.userGroups == [.wirtschaft])
        #expect(draft.fieldsOfAction == [.daten])
        #expect(findings.map(\.ruleID) == [.vocabularyOtherVocabulary(UserGroup.self)])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.hint?.contains("Handlungsfelder") == true)
    }

    @Test func fieldOfActionUnderNutzendeThatIsAlsoUnderFelderIsAWarning() {
        var values = Self.complete
        values.append(("Nutzende", "Daten"))
        let (draft, findings) = Self.normalise(values)
        #expect(draft.userGroups == [.wirtschaft])
        #expect(findings.map(\.ruleID) == [.vocabularyOtherVocabulary(UserGroup.self)])
        #expect(findings.first?.severity == .warning)
    }

    @Test func repeatedTermIsAWarningAndKeptOnce() {
        var values = Self.complete
        values.insert(("Felder", "Daten"), at: 5)
        let (draft, findings) = Self.normalise(values)
        #expect(draft.fieldsOfAction == [.daten])
        #expect(findings.map(\.ruleID) == [.vocabularyRepeated(FieldOfAction.self)])
        #expect(findings.first?.severity == .warning)
    }

    @Test func missingValuesAreReportedWhenAsked() {
        let values = Self.complete.filter { $0.0 != "Dauer" }
        let quiet = Self.normalise(values, reportsMissing: false)
        #expect(quiet.findings.isEmpty)
        #expect(quiet.draft.period == nil)
        let loud = Self.normalise(values, reportsMissing: true)
        #expect(loud.findings.map(\.ruleID) == [.valueMissing])
        #expect(loud.findings.first?.field == .period)
        #expect(loud.findings.first?.location?.field == "Dauer")
    }

    @Test func identifierAndTitleThroughAMapping() {
        var mapping = FieldMapping(sourceFields: [
            .id: "id", .title: "titel", .progress: "p", .period: "d", .before: "b", .future: "f",
            .fieldsOfAction: "felder", .userGroups: "nutzende",
        ])
        let spaced: [(String, String)] = [
            ("id", " digital-lab "), ("titel", " Digital Lab "), ("p", "100"), ("d", "2024"), ("b", "x"), ("f", "y"),
            ("felder", "Kultur"), ("nutzende", "Mitarbeitende"),
        ]
        // Undeclared, nothing is trimmed: the identifier is not well-formed, and the hint says how to declare it.
        let strict = Normaliser(mapping: mapping).draft(Self.record(spaced))
        #expect(strict.findings.map(\.ruleID) == [.idFormat])
        #expect(strict.findings.first?.hint?.contains("\"normalise\": [\"trim\"]") == true)
        #expect(strict.draft.title == " Digital Lab ")

        mapping.normalisations = [.trim]
        let good = Normaliser(mapping: mapping).draft(Self.record(spaced))
        #expect(good.findings.map(\.ruleID) == [.valueTrimmed, .valueTrimmed])
        #expect(good.findings.allSatisfy { $0.severity == .info })
        #expect(good.findings.last?.message == "'titel': white space around 'Digital Lab' was removed (the mapping declares normalise trim)")
        let project = good.draft.project
        #expect(project?.id.rawValue == "digital-lab")
        #expect(project?.title == "Digital Lab")
        #expect(project?.status(referenceYear: 2026) == .completed)

        let bad = Normaliser(mapping: mapping).draft(Self.record([
            ("id", "Digital Lab"), ("titel", "T"), ("p", "1"), ("d", "2024"), ("b", "x"), ("f", "y"),
            ("felder", "Kultur"), ("nutzende", "Mitarbeitende"),
        ]))
        #expect(bad.findings.map(\.ruleID) == [.idFormat])
        #expect(bad.draft.id == nil)
        #expect(bad.draft.project == nil)
    }

    static let yearMapping = FieldMapping(sourceFields: [
        .id: "id", .title: "titel", .progress: "p", .startYear: "von", .endYear: "bis", .before: "b", .future: "f",
        .fieldsOfAction: "felder", .userGroups: "nutzende",
    ])

    static func yearRecord(_ start: String, _ end: String) -> RawRecord {
        Self.record([("id", "a"), ("titel", "A"), ("p", "10"), ("von", start), ("bis", end), ("b", "x"), ("f", "y"),
                     ("felder", "Kultur"), ("nutzende", "Mitarbeitende")])
    }

    @Test func datesAreReadOnlyInTheDeclaredForm() {
        // Years by default: a date is an error whose hint names the form to declare.
        let undeclared = Normaliser(mapping: Self.yearMapping).draft(Self.yearRecord("31.12.2025", "2028"))
        #expect(undeclared.findings.map(\.ruleID) == [.periodFormat])
        #expect(undeclared.findings.first?.message == "the start year '31.12.2025' is not a four-digit year")
        #expect(undeclared.findings.first?.hint?.contains("\"dateForm\": \"DD.MM.YYYY\"") == true)
        #expect(undeclared.draft.period == nil)

        var mapping = Self.yearMapping
        mapping.dateForm = .dayMonthYear
        let declared = Normaliser(mapping: mapping).draft(Self.yearRecord("31.12.2025", "1.3.2028"))
        #expect(declared.findings.map(\.ruleID) == [.periodDateRead, .periodDateRead])
        #expect(declared.findings.first?.severity == .info)
        #expect(declared.findings.first?.message == "the start date '31.12.2025' was read as the year 2025 (the mapping declares dateForm DD.MM.YYYY)")
        #expect(declared.draft.period == ProjectPeriod(startYear: 2025, endYear: 2028))

        // Another form, or no date of the calendar, is an error, never a guess.
        for wrong in ["2025-12-31", "2025", "31.02.2025", "31/12/2025", "32.1.2025"] {
            let result = Normaliser(mapping: mapping).draft(Self.yearRecord(wrong, "2028"))
            #expect(result.findings.map(\.ruleID).first == .periodFormat, "\(wrong)")
            #expect(result.draft.period == nil, "\(wrong)")
        }
        mapping.dateForm = .isoDate
        let iso = Normaliser(mapping: mapping).draft(Self.yearRecord("2024-02-29", "2028-01-01"))
        #expect(iso.draft.period == ProjectPeriod(startYear: 2024, endYear: 2028))
        #expect(Normaliser(mapping: mapping).draft(Self.yearRecord("2023-02-29", "2028-01-01")).draft.period == nil)
    }

    @Test func unicodeCompositionOnlyWhenDeclaredAndReported() {
        let decomposed = "Bevo\u{0308}lkerung und Gescha\u{0308}fte"
        var mapping = Self.yearMapping
        let record = Self.record([("id", "a"), ("titel", decomposed), ("p", "10"), ("von", "2024"), ("bis", "2028"),
                                  ("b", "x"), ("f", "y"), ("felder", "Kultur"), ("nutzende", "Mitarbeitende")])
        let kept = Normaliser(mapping: mapping).draft(record)
        #expect(kept.findings.isEmpty)
        #expect(kept.draft.title.map { Array($0.unicodeScalars) } == Array(decomposed.unicodeScalars))
        mapping.normalisations = [.nfc]
        let composed = Normaliser(mapping: mapping).draft(record)
        #expect(composed.findings.map(\.ruleID) == [.valueUnicodeNormalised])
        #expect(composed.findings.first?.message.contains("2 code points fewer") == true)
        #expect(composed.draft.title.map { Array($0.unicodeScalars) } == Array("Bevölkerung und Geschäfte".unicodeScalars))
    }
}
