import Foundation
import KompassCore

/// Records → normaliser → (register matching, merging) → validators, without an importer in front: the input
/// says directly which values the records hold (see `RecordInput`), so that the fuzzer reaches the value parsers,
/// the term classifier, the register's fingerprints, the merger and every rule of the catalogue with values no
/// importer would hand over in few steps.
struct NormaliseValidateTarget: FuzzTarget {
    let register: ProjectRegister
    let file: String

    init(workspace: Workspace) throws {
        register = try ProjectRegister.load(path: workspace.repo("config/sources/register.csv")).register
        file = workspace.temp("records.txt")
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let input = RecordInput(bytes, file: file) else { return }
        // The excerpts of the report read the lines the findings point at from this file.
        writeFile(file, bytes)
        let normaliser = Normaliser(mapping: input.mapping, reportsMissingValues: input.reportsMissingValues)
        var findings: [Finding] = []
        var drafts: [DraftProject] = []
        for record in input.records {
            let (draft, recordFindings) = normaliser.draft(record)
            drafts.append(draft)
            findings += recordFindings
        }
        if input.kind == .pageText {
            // The page text has neither identifiers nor titles: the register names its projects by their texts.
            findings += RegisterMatcher(register: register).assign(to: &drafts)
        }
        if let merge = input.merge {
            // Two sources with the same mapping, the records dealt out alternately (a project in both is merged
            // field by field; one in only one of them is partial).
            let sources = ["a", "b"].map { name in
                SourceConfiguration(name: name, path: file, format: input.kind == .pageText ? .pageText : .csv,
                                    mapping: input.mapping)
            }
            let halves = [drafts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
                          drafts.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)]
            let merged = PortfolioMerger(settings: merge).merge(zip(sources, halves).map { SourceDrafts(source: $0, drafts: $1) })
            drafts = merged.drafts
            findings += merged.findings
        }
        let projects = drafts.compactMap(\.project)
        let context = ValidationContext(referenceDate: input.referenceDate)
        var pass = ValidationPass(Validator(), context: context, retainPerGroup: 5)
        var list = FindingList(findings, retainPerGroup: 5)
        for (position, project) in projects.enumerated() {
            pass.add(project, position: position) { list.append($0) }
            blackHole(project.status(referenceYear: input.referenceDate.year))
        }
        pass.finish { (found: FindingList) in list.append(contentsOf: found) }
        // What the pass keeps for the files written after it (PortfolioPass adds every project to the summary,
        // whatever its findings), and the span of years the catalogue and the landing page use.
        var summary = PortfolioSummary(referenceYear: input.referenceDate.year, keeping: 20)
        for project in projects { summary.add(project) }
        blackHole(summary.yearSpan)
        blackHole(Portfolio(projects: projects).yearSpan)
        report(list.all, projects: projects.count)
    }
}

/// The input of `normalise-validate`:
///
///     byte 0   the mapping: bits 0–1 its kind (0 the page text's, with the register; 1 CSV-like: start and end
///              year, lists split at ','; 2 JSON-like: start and end year, lists as repeated values; 3 one period
///              field, lists split at ';'), bit 2 progress as a fraction, bits 3–4 the date form (1 DD.MM.YYYY,
///              2 YYYY-MM-DD, else YYYY), bit 5 normalise trim, bit 6 normalise nfc, bit 7 report missing values
///     byte 1   bits 0–4 the reference year (2015 + n), bit 5 merge the records as two sources, bits 6–7 how
///              partial projects are merged (0/3 error, 1 warning, 2 allow)
///     then     lines `key=value` (keys: id title progress period start end before future fields users; any other
///              key is a field the mapping does not read), an empty line ends a record; in a value `\n`, `\r`,
///              `\t` and `\\` stand for the characters. A key given twice gives the field two values.
struct RecordInput {
    enum Kind: UInt8 {
        case pageText, csvLike, jsonLike, period
    }

    var kind: Kind
    var mapping: FieldMapping
    var reportsMissingValues: Bool
    var referenceDate: CalendarDate
    var merge: MergeSettings?
    var records: [RawRecord] = []

    static let keys: [String: FieldMapping.Target] = [
        "id": .id, "title": .title, "progress": .progress, "period": .period, "start": .startYear, "end": .endYear,
        "before": .before, "future": .future, "fields": .fieldsOfAction, "users": .userGroups,
    ]

    init?(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        guard bytes.count >= 2 else { return nil }
        let flags = bytes[0]
        let more = bytes[1]
        kind = Kind(rawValue: flags & 3)!
        mapping = RecordInput.mapping(kind)
        if flags & 4 != 0 { mapping.progressForm = .fraction }
        switch (flags >> 3) & 3 {
        case 1: mapping.dateForm = .dayMonthYear
        case 2: mapping.dateForm = .isoDate
        default: mapping.dateForm = .year
        }
        if flags & 0x20 != 0 { mapping.normalisations.insert(.trim) }
        if flags & 0x40 != 0 { mapping.normalisations.insert(.nfc) }
        reportsMissingValues = flags & 0x80 != 0
        referenceDate = CalendarDate(year: 2015 + Int(more & 31), month: 11, day: 30)!
        if more & 0x20 != 0 {
            let partial: MergeSettings.PartialProjects = switch more >> 6 {
            case 1: .warning
            case 2: .allow
            default: .error
            }
            merge = MergeSettings(partialProjects: partial)
        }
        records = RecordInput.records(UnsafeBufferPointer(rebasing: bytes[2...]), file: file, mapping: mapping)
    }

    /// The mapping of each kind; the source's field names are the input's keys (the page text's, its headings).
    static func mapping(_ kind: Kind) -> FieldMapping {
        let synonyms = (fields: ["Process": "Prozesse", "IT": "Technologie"],
                        groups: ["Bevoelkerung": "Bevölkerung", "population": "Bevölkerung"])
        func named(_ targets: [FieldMapping.Target]) -> [FieldMapping.Target: String] {
            Dictionary(uniqueKeysWithValues: targets.map { target in (target, keys.first { $0.value == target }!.key) })
        }
        switch kind {
        case .pageText:
            return FieldMapping.pageText
        case .csvLike:
            return FieldMapping(sourceFields: named([.id, .title, .progress, .startYear, .endYear, .before, .future,
                                                     .fieldsOfAction, .userGroups]),
                                listSeparator: ",", fieldOfActionSynonyms: synonyms.fields, userGroupSynonyms: synonyms.groups)
        case .jsonLike:
            return FieldMapping(sourceFields: named([.id, .title, .progress, .startYear, .endYear, .before, .future,
                                                     .fieldsOfAction, .userGroups]),
                                fieldOfActionSynonyms: synonyms.fields, userGroupSynonyms: synonyms.groups)
        case .period:
            return FieldMapping(sourceFields: named([.id, .title, .progress, .period, .before, .future,
                                                     .fieldsOfAction, .userGroups]),
                                listSeparator: ";", fieldOfActionSynonyms: synonyms.fields, userGroupSynonyms: synonyms.groups)
        }
    }

    static func records(_ bytes: UnsafeBufferPointer<UInt8>, file: String, mapping: FieldMapping) -> [RawRecord] {
        var records: [RawRecord] = []
        var current: RawRecord?
        var lineNumber = 1
        var start = 0
        func line(_ slice: UnsafeBufferPointer<UInt8>) {
            defer { lineNumber += 1 }
            guard !slice.isEmpty else {
                if let record = current { records.append(record) }
                current = nil
                return
            }
            let text = String(decoding: slice, as: UTF8.self)
            let key: Substring
            let raw: Substring
            if let equals = text.firstIndex(of: "=") {
                key = text[..<equals]
                raw = text[text.index(after: equals)...]
            } else {
                key = Substring(text)
                raw = ""
            }
            let name = keys[String(key)].flatMap { mapping.sourceFields[$0] } ?? String(key)
            var record = current ?? RawRecord(location: SourceLocation(file: file, line: lineNumber))
            record.append(RawValue(unescaped(raw), at: SourceLocation(file: file, line: lineNumber, column: key.count + 2,
                                                                       field: name)),
                          to: name)
            current = record
        }
        for index in bytes.indices where bytes[index] == 0x0A {
            line(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            start = index + 1
        }
        line(UnsafeBufferPointer(rebasing: bytes[start...]))
        if let record = current { records.append(record) }
        return records
    }

    static func unescaped(_ raw: Substring) -> String {
        guard raw.contains("\\") else { return String(raw) }
        var text = ""
        var escaping = false
        for character in raw {
            if escaping {
                switch character {
                case "n": text.append("\n")
                case "r": text.append("\r")
                case "t": text.append("\t")
                default: text.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                text.append(character)
            }
        }
        if escaping { text.append("\\") }
        return text
    }
}
