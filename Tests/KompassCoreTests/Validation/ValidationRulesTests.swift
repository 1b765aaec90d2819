import Testing
@testable import KompassCore

/// Every rule of the catalogue with a violating and a passing case.
@Suite struct ValidationRulesTests {
    static let context = ValidationContext(referenceDate: CalendarDate(iso: "2026-11-30")!)

    static func project(_ id: String = "p", title: String? = nil, progress: Int = 50, start: Int = 2024, end: Int? = 2027,
                        before: String = "Die Daten liegen verstreut.", future: String = "Die Daten liegen zentral.") -> Project {
        Project(id: ProjectID(id)!, title: title ?? "Titel \(id)", progress: progress, period: ProjectPeriod(startYear: start, endYear: end),
                before: before, future: future, fieldsOfAction: [.daten], userGroups: [.wirtschaft],
                origins: ProjectOrigins(record: KompassCore.SourceLocation(file: "page.txt", line: 10)))
    }

    static func ids(_ findings: [Finding]) -> [RuleID] { findings.map(\.ruleID) }

    @Test func everyRuleOfTheCatalogueIsHere() {
        let tested: Set<RuleID> = [.progressRange, .periodOrder, .periodPlausible, .textBlank, .textControlCharacters,
                                   .textHTML, .textFormulaLike, .timeCompletedAhead, .timeOverdue, .timeProgressBeforeStart,
                                   .timeNotStarted, .idDuplicate, .titleDuplicate, .textDuplicate, .textOtherProject]
        #expect(Set(Validator.catalogue.map { $0.id }) == tested)
        #expect(Validator.catalogue.allSatisfy { !$0.summary.en.isEmpty && !$0.summary.de.isEmpty && $0.summary.en != $0.summary.de })
    }

    /// A value that has an error gets no follow-on findings: 140% is out of range, and that the project "is at
    /// 100% but runs until 2028" follows from it. Another field's warning stays.
    @Test func aValueWithAnErrorGetsNoFollowOnFindings() {
        let pass = ValidationPass(Validator(), context: Self.context)
        let outOfRange = pass.prepare(Self.project(progress: 140, start: 2024, end: 2028)).findings
        #expect(Self.ids(outOfRange) == [.progressRange])
        // Without the error, the same rule speaks: 100% with an end year ahead.
        #expect(Self.ids(pass.prepare(Self.project(progress: 100, start: 2024, end: 2028)).findings) == [.timeCompletedAhead])
        // An error on one field leaves another field's warning: the end year before the start, and HTML in a text.
        let two = pass.prepare(Self.project(start: 2027, end: 2025, before: "Die <b>Daten</b> liegen verstreut.")).findings
        #expect(Set(Self.ids(two)).isSuperset(of: [.periodOrder, .textHTML]), "\(Self.ids(two))")
    }

    @Test func periodPlausible() {
        let rule = PeriodPlausibleRule()
        #expect(Self.ids(rule.check(Self.project(start: 1995, end: 1998), context: Self.context)) == [.periodPlausible])
        #expect(Self.ids(rule.check(Self.project(start: 2024, end: 2204), context: Self.context)) == [.periodPlausible])
        #expect(rule.check(Self.project(start: 1996, end: 2041), context: Self.context).isEmpty)
        let narrow = PeriodPlausibleRule(severity: .warning, parameters: ["yearsBack": 1, "yearsAhead": 1])
        let findings = narrow.check(Self.project(start: 2024, end: 2027), context: Self.context)
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.first?.message.contains("2024") == true)
    }

    @Test func blankText() {
        let rule = BlankTextRule()
        #expect(Self.ids(rule.check(Self.project(before: "  \n "), context: Self.context)) == [.textBlank])
        #expect(Self.ids(rule.check(Self.project(title: " "), context: Self.context)) == [.textBlank])
        #expect(rule.check(Self.project(), context: Self.context).isEmpty)
    }

    @Test func controlCharacters() {
        let rule = ControlCharacterRule()
        let findings = rule.check(Self.project(future: "Text mit\u{0B}Steuerzeichen"), context: Self.context)
        #expect(Self.ids(findings) == [.textControlCharacters])
        #expect(findings.first?.message.contains("U+000B") == true)
        #expect(Self.ids(rule.check(Self.project(title: "Tab\tim Titel"), context: Self.context)) == [.textControlCharacters])
        #expect(rule.check(Self.project(future: "Absatz eins\nAbsatz zwei – mit «Zeichen» & Umlauten äöü"), context: Self.context).isEmpty)
    }

    @Test func html() {
        let rule = HTMLInTextRule()
        for text in ["Ein <b>fetter</b> Text", "Zeile<br/>Zeile", "A &amp; B", "Preis &#8364;", "<!-- Kommentar -->"] {
            #expect(Self.ids(rule.check(Self.project(before: text), context: Self.context)) == [.textHTML], "\(text)")
        }
        for text in ["3 < 4 und 5 > 2", "A & B", "Fortschritt <50%", "Bürger*innen & Unternehmen; Kosten < 1 Mio."] {
            #expect(rule.check(Self.project(before: text), context: Self.context).isEmpty, "\(text)")
        }
    }

    @Test func formulaLike() {
        let rule = FormulaLikeTextRule()
        for start in ["=SUMME(A1:A3)", "+41 61 267 00 00", "-Liste", "@Kanton", "\tEingerückt", "\rZeile"] {
            let findings = rule.check(Self.project(title: start), context: Self.context)
            #expect(Self.ids(findings) == [.textFormulaLike], "\(start)")
            #expect(findings.first?.severity == .info)
            #expect(findings.first?.field == .title)
        }
        #expect(Self.ids(rule.check(Self.project(future: "=1+1"), context: Self.context)) == [.textFormulaLike])
        for text in ["Kosten = 5", "E-Mail @ Kanton", "Ab 2026 - neu", ""] {
            #expect(rule.check(Self.project(before: text), context: Self.context).isEmpty, "\(text)")
        }
    }

    @Test func completedAhead() {
        let rule = CompletedAheadRule()
        #expect(Self.ids(rule.check(Self.project(progress: 100, start: 2024, end: 2028), context: Self.context)) == [.timeCompletedAhead])
        #expect(rule.check(Self.project(progress: 100, start: 2024, end: 2026), context: Self.context).isEmpty)
        #expect(rule.check(Self.project(progress: 90, start: 2024, end: 2028), context: Self.context).isEmpty)
    }

    @Test func overdue() {
        let rule = OverdueRule()
        #expect(Self.ids(rule.check(Self.project(progress: 40, start: 2023, end: 2025), context: Self.context)) == [.timeOverdue])
        #expect(Self.ids(rule.check(Self.project(progress: 40, start: 2024, end: nil), context: Self.context)) == [.timeOverdue])
        #expect(rule.check(Self.project(progress: 100, start: 2023, end: 2025), context: Self.context).isEmpty)
        #expect(rule.check(Self.project(progress: 40, start: 2023, end: 2026), context: Self.context).isEmpty)
    }

    @Test func progressBeforeStart() {
        let rule = ProgressBeforeStartRule()
        #expect(Self.ids(rule.check(Self.project(progress: 10, start: 2027, end: 2029), context: Self.context)) == [.timeProgressBeforeStart])
        #expect(rule.check(Self.project(progress: 0, start: 2027, end: 2029), context: Self.context).isEmpty)
        #expect(rule.check(Self.project(progress: 10, start: 2026, end: 2029), context: Self.context).isEmpty)
    }

    @Test func notStarted() {
        #expect(Self.ids(NotStartedRule().check(Self.project(progress: 0, start: 2025, end: 2027), context: Self.context)) == [.timeNotStarted])
        #expect(NotStartedRule().check(Self.project(progress: 0, start: 2026, end: 2027), context: Self.context).isEmpty)
        #expect(NotStartedRule().check(Self.project(progress: 5, start: 2020, end: 2027), context: Self.context).isEmpty)
        let patient = NotStartedRule(severity: .warning, parameters: ["afterYears": 2])
        #expect(patient.check(Self.project(progress: 0, start: 2025, end: 2027), context: Self.context).isEmpty)
        #expect(!patient.check(Self.project(progress: 0, start: 2024, end: 2027), context: Self.context).isEmpty)
    }

    @Test func duplicateTitle() {
        let rule = DuplicateTitleRule()
        let portfolio = Portfolio(projects: [Self.project("a", title: "Digital Lab"), Self.project("b", title: "digital  lab"),
                                             Self.project("c", title: "Digital Lab 2")])
        let findings = rule.check(portfolio: portfolio, context: Self.context)
        #expect(Self.ids(findings) == [.titleDuplicate])
        #expect(findings.first?.projectID == "b")
        #expect(rule.check(portfolio: Portfolio(projects: [Self.project("a"), Self.project("b")]), context: Self.context).isEmpty)
    }

    @Test func duplicateText() {
        let long = "Die Bereitstellung digitaler Dienstleistungen und Formulare für Privatpersonen und Unternehmen ist aufwendig, "
            + "kostenintensiv und unterliegt starren Entwicklungsprozessen. Auch die Digitalisierung interner Abläufe ist schwierig. "
            + "Mitarbeitende übertragen Angaben mehrfach von Hand, was zu Fehlern und langen Wartezeiten führt. Die Bevölkerung "
            + "erwartet einfache Zugänge rund um die Uhr, doch die bestehenden Systeme sind veraltet und kaum miteinander verbunden."
        let portfolio = Portfolio(projects: [
            Self.project("a", before: long, future: "Ziel A"),
            Self.project("b", before: "Etwas ganz anderes über Geodaten und Karten.", future: "Ziel B"),
            Self.project("c", before: long.uppercased(), future: "ziel a"),
            Self.project("d", before: long.replacingOccurrences(of: "schwierig", with: "kompliziert"), future: "Ziel A"),
        ])
        let findings = DuplicateTextRule().check(portfolio: portfolio, context: Self.context)
        #expect(findings.map(\.projectID) == ["c", "d"])
        #expect(findings.first?.message.contains("identical to those of 'a'") == true)
        #expect(findings.last?.message.contains("nearly identical") == true)
        let strict = DuplicateTextRule(severity: .warning, parameters: ["threshold": 0.99])
        #expect(strict.check(portfolio: portfolio, context: Self.context).map(\.projectID) == ["c"])
        #expect(DuplicateTextRule().check(portfolio: Portfolio(projects: [portfolio.projects[0], portfolio.projects[1]]),
                                          context: Self.context).isEmpty)
    }

    @Test func everyFindingOfTheCatalogueSpeaksGermanToo() {
        let context = Self.context
        let bad = [Self.project("a", title: "X", progress: 100, start: 1990, end: 2030, before: "<b>x</b>\u{01}", future: " "),
                   Self.project("b", title: "x", progress: 0, start: 2020, end: 2019)]
        let findings = Validator().validate(Portfolio(projects: bad), context: context)
        #expect(findings.count >= 8)
        for finding in findings {
            #expect(finding.messageDE != nil && finding.messageDE != finding.message, "\(finding.ruleID)")
            #expect(finding.hintDE != nil, "\(finding.ruleID)")
        }
    }

    @Test func configurationTunesSeverityAndSwitchesRulesOff() {
        let validator = Validator(settings: [.timeOverdue: RuleSettings(severity: .error),
                                             .timeNotStarted: RuleSettings(enabled: false)])
        let findings = validator.validate(Portfolio(projects: [Self.project("a", progress: 0, start: 2020, end: 2025)]),
                                          context: Self.context)
        #expect(findings.map(\.ruleID) == [.timeOverdue])
        #expect(findings.map(\.severity) == [.error])
    }
}
