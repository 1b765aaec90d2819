/// The identifier of a rule: stable across releases, documented in docs/rules.md, the key of a rule's
/// settings in the configuration and what a report's reader filters on (`csv.syntax`,
/// `page-text.heading.misspelt`).
///
/// Every identifier is one of the constants of the catalogue below: a rule cannot be named by a string
/// literal somewhere in the code (the initialiser is private), so a misspelt id does not compile, and
/// `RuleID.catalogue` is the complete list the documentation is checked against.
public struct RuleID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: String

    private init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The rule of the catalogue with this identifier; nil for a name the catalogue does not have.
    public init?(rawValue: String) {
        guard let known = RuleID.byName[rawValue] else { return nil }
        self = known
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let known = RuleID(rawValue: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(name)' is not a rule of the catalogue"))
        }
        self = known
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (a: RuleID, b: RuleID) -> Bool { a.rawValue < b.rawValue }

    private static let byName = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.rawValue, $0) })
}

extension RuleID {
    // MARK: CSV sources
    public static let csvDelimiterDetected = RuleID("csv.delimiter.detected")
    public static let csvEncoding = RuleID("csv.encoding")
    public static let csvEncodingBOM = RuleID("csv.encoding.bom")
    public static let csvEncodingDetected = RuleID("csv.encoding.detected")
    public static let csvHeaderBOM = RuleID("csv.header.bom")
    public static let csvHeaderCase = RuleID("csv.header.case")
    public static let csvHeaderDuplicate = RuleID("csv.header.duplicate")
    public static let csvHeaderEmpty = RuleID("csv.header.empty")
    public static let csvHeaderMissing = RuleID("csv.header.missing")
    public static let csvHeaderSpaces = RuleID("csv.header.spaces")
    public static let csvHeaderSynonym = RuleID("csv.header.synonym")
    public static let csvNoRecords = RuleID("csv.no-records")
    public static let csvRowCells = RuleID("csv.row.cells")
    public static let csvSyntax = RuleID("csv.syntax")

    // MARK: Spreadsheet damage (a CSV saved by a spreadsheet program)
    public static let excelDate = RuleID("excel.date")
    public static let excelDelimiter = RuleID("excel.delimiter")
    public static let excelEncoding = RuleID("excel.encoding")
    public static let excelLeadingZero = RuleID("excel.leading-zero")
    public static let excelLostCharacter = RuleID("excel.lost-character")
    public static let excelScientific = RuleID("excel.scientific")

    // MARK: The publication guard
    public static let guardFileVanished = RuleID("guard.file.vanished")
    public static let guardIDReserved = RuleID("guard.id.reserved")
    public static let guardRetireUnknown = RuleID("guard.retire.unknown")
    public static let guardShrink = RuleID("guard.shrink")
    public static let guardVanished = RuleID("guard.vanished")

    // MARK: Identifiers
    public static let idDuplicate = RuleID("id.duplicate")
    public static let idFormat = RuleID("id.format")

    // MARK: JSON and JSON Lines sources
    public static let jsonEncoding = RuleID("json.encoding")
    public static let jsonKeyDuplicate = RuleID("json.key.duplicate")
    public static let jsonNoRecords = RuleID("json.no-records")
    public static let jsonRecordType = RuleID("json.record.type")
    public static let jsonRecordsMissing = RuleID("json.records.missing")
    public static let jsonSyntax = RuleID("json.syntax")
    public static let jsonValueType = RuleID("json.value.type")

    // MARK: Merging sources
    public static let mergeConflict = RuleID("merge.conflict")
    public static let mergeIDDuplicate = RuleID("merge.id.duplicate")
    public static let mergeIncomplete = RuleID("merge.incomplete")
    public static let mergePartial = RuleID("merge.partial")

    // MARK: Page text
    public static let pageTextBlockEmpty = RuleID("page-text.block.empty")
    public static let pageTextBlockMissing = RuleID("page-text.block.missing")
    public static let pageTextBlockOrder = RuleID("page-text.block.order")
    public static let pageTextBlockRepeated = RuleID("page-text.block.repeated")
    public static let pageTextEncoding = RuleID("page-text.encoding")
    public static let pageTextFieldsBullet = RuleID("page-text.fields.bullet")
    public static let pageTextHeadingMisspelt = RuleID("page-text.heading.misspelt")
    public static let pageTextLineUnexpected = RuleID("page-text.line.unexpected")
    public static let pageTextNoProjects = RuleID("page-text.no-projects")
    public static let pageTextUserGroupsBullet = RuleID("page-text.user-groups.bullet")

    // MARK: Periods
    public static let periodDateRead = RuleID("period.date-read")
    public static let periodFormat = RuleID("period.format")
    public static let periodOrder = RuleID("period.order")
    public static let periodPlausible = RuleID("period.plausible")

    // MARK: Progress
    public static let progressConverted = RuleID("progress.converted")
    public static let progressFormat = RuleID("progress.format")
    public static let progressLenientForm = RuleID("progress.lenient-form")
    public static let progressRange = RuleID("progress.range")

    // MARK: The register of the page text
    public static let registerAmbiguous = RuleID("register.ambiguous")
    public static let registerEmpty = RuleID("register.empty")
    public static let registerFingerprint = RuleID("register.fingerprint")
    public static let registerFingerprintChanged = RuleID("register.fingerprint.changed")
    public static let registerHeader = RuleID("register.header")
    public static let registerID = RuleID("register.id")
    public static let registerIDDuplicate = RuleID("register.id.duplicate")
    public static let registerMissing = RuleID("register.missing")
    public static let registerNotConfigured = RuleID("register.not-configured")
    public static let registerOldForm = RuleID("register.old-form")
    public static let registerPosition = RuleID("register.position")
    public static let registerRepeatedBlock = RuleID("register.repeated-block")
    public static let registerRowCells = RuleID("register.row.cells")
    public static let registerSyntax = RuleID("register.syntax")
    public static let registerTitle = RuleID("register.title")
    public static let registerUnused = RuleID("register.unused")

    // MARK: Sources in general
    public static let sourceFieldUnknown = RuleID("source.field.unknown")
    public static let sourceEncoding = RuleID("source.encoding")
    public static let sourceLineEnds = RuleID("source.line-ends")
    public static let sourceLineTooLong = RuleID("source.line.too-long")
    public static let sourceSettings = RuleID("source.settings")
    public static let sourceSettingsAmbiguous = RuleID("source.settings.ambiguous")
    public static let sourceTooLarge = RuleID("source.too-large")

    // MARK: Texts
    public static let textBlank = RuleID("text.blank")
    public static let textControlCharacters = RuleID("text.control-characters")
    public static let textDuplicate = RuleID("text.duplicate")
    public static let textFormulaLike = RuleID("text.formula-like")
    public static let textHTML = RuleID("text.html")
    public static let textOtherProject = RuleID("text.other-project")

    // MARK: Time
    public static let timeCompletedAhead = RuleID("time.completed-ahead")
    public static let timeNotStarted = RuleID("time.not-started")
    public static let timeOverdue = RuleID("time.overdue")
    public static let timeProgressBeforeStart = RuleID("time.progress-before-start")

    // MARK: Titles
    public static let titleDuplicate = RuleID("title.duplicate")

    // MARK: Values
    public static let valueMissing = RuleID("value.missing")
    public static let valueTooLong = RuleID("value.too-long")
    public static let valueRepeated = RuleID("value.repeated")
    public static let valueTrimmed = RuleID("value.trimmed")
    public static let valueUnicodeNormalised = RuleID("value.unicode-normalised")

    // MARK: XML sources
    public static let xmlEntity = RuleID("xml.entity")
    public static let xmlFieldAbsent = RuleID("xml.field.absent")
    public static let xmlFieldStructured = RuleID("xml.field.structured")
    public static let xmlNoRecords = RuleID("xml.no-records")
    public static let xmlProblemsTruncated = RuleID("xml.problems.truncated")
    public static let xmlRecordIncomplete = RuleID("xml.record.incomplete")
    public static let xmlSchema = RuleID("xml.schema")
    public static let xmlSyntax = RuleID("xml.syntax")
    public static let xmlTextUnread = RuleID("xml.text.unread")
    public static let xmlWarning = RuleID("xml.warning")

    // MARK: Vocabularies (one set of rules per vocabulary: `vocabulary.handlungsfelder.…`, `vocabulary.nutzende.…`)

    /// A term that is in no vocabulary.
    public static func vocabularyUnknown<Term: Vocabulary>(_: Term.Type) -> RuleID { vocabulary(Term.self, "unknown") }
    /// A term of the other vocabulary (a user group among the fields of action, or the reverse).
    public static func vocabularyOtherVocabulary<Term: Vocabulary>(_: Term.Type) -> RuleID { vocabulary(Term.self, "other-vocabulary") }
    /// A synonym read as the term it stands for.
    public static func vocabularySynonym<Term: Vocabulary>(_: Term.Type) -> RuleID { vocabulary(Term.self, "synonym") }
    /// A term listed twice.
    public static func vocabularyRepeated<Term: Vocabulary>(_: Term.Type) -> RuleID { vocabulary(Term.self, "repeated") }

    private static func vocabulary<Term: Vocabulary>(_: Term.Type, _ rule: String) -> RuleID {
        RuleID("vocabulary.\(Term.schemeCode).\(rule)")
    }

    private static func vocabularyRules<Term: Vocabulary>(_ term: Term.Type) -> [RuleID] {
        [vocabularyUnknown(term), vocabularyOtherVocabulary(term), vocabularySynonym(term), vocabularyRepeated(term)]
    }

    // MARK: The self-check of written outputs (one rule per output file)

    /// An output file that does not read back as what was meant to be written.
    public static func selfCheck(_ file: OutputFile) -> RuleID { RuleID("self-check.\(file.rawValue)") }

    // MARK: The catalogue

    /// Every rule, in the order of its identifier.
    public static let catalogue: [RuleID] = ([.csvDelimiterDetected, .csvEncoding, .csvEncodingBOM, .csvEncodingDetected, .csvHeaderBOM, .csvHeaderCase,
         .csvHeaderDuplicate, .csvHeaderEmpty, .csvHeaderMissing, .csvHeaderSpaces, .csvHeaderSynonym,
         .csvNoRecords, .csvRowCells, .csvSyntax, .excelDate, .excelDelimiter, .excelEncoding,
         .excelLeadingZero, .excelLostCharacter, .excelScientific, .guardFileVanished, .guardIDReserved,
         .guardRetireUnknown, .guardShrink, .guardVanished, .idDuplicate, .idFormat, .jsonEncoding,
         .jsonKeyDuplicate, .jsonNoRecords, .jsonRecordType, .jsonRecordsMissing, .jsonSyntax,
         .jsonValueType, .mergeConflict, .mergeIDDuplicate, .mergeIncomplete, .mergePartial,
         .pageTextBlockEmpty, .pageTextBlockMissing, .pageTextBlockOrder, .pageTextBlockRepeated,
         .pageTextEncoding, .pageTextFieldsBullet, .pageTextHeadingMisspelt, .pageTextLineUnexpected,
         .pageTextNoProjects, .pageTextUserGroupsBullet, .periodDateRead, .periodFormat, .periodOrder,
         .periodPlausible, .progressConverted, .progressFormat, .progressLenientForm, .progressRange,
         .registerAmbiguous, .registerEmpty, .registerFingerprint, .registerFingerprintChanged,
         .registerHeader, .registerID, .registerIDDuplicate, .registerMissing, .registerNotConfigured, .registerOldForm,
         .registerPosition, .registerRepeatedBlock, .registerRowCells, .registerSyntax, .registerTitle,
         .registerUnused, .sourceEncoding, .sourceFieldUnknown, .sourceLineEnds, .sourceLineTooLong, .sourceSettings, .sourceSettingsAmbiguous, .sourceTooLarge, .textBlank, .textControlCharacters, .textDuplicate,
         .textFormulaLike, .textHTML, .textOtherProject, .timeCompletedAhead, .timeNotStarted, .timeOverdue,
         .timeProgressBeforeStart, .titleDuplicate, .valueMissing, .valueRepeated, .valueTooLong, .valueTrimmed,
         .valueUnicodeNormalised, .xmlEntity, .xmlFieldAbsent, .xmlFieldStructured, .xmlNoRecords,
         .xmlProblemsTruncated, .xmlRecordIncomplete, .xmlSchema, .xmlSyntax, .xmlTextUnread, .xmlWarning]
        + vocabularyRules(FieldOfAction.self) + vocabularyRules(UserGroup.self)
        + OutputFile.allCases.map(selfCheck)).sorted()
}
