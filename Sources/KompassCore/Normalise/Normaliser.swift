/// Maps raw records onto the domain model through a field mapping and the value parsers.
///
/// Every value that cannot be read becomes a finding at the value's own position; nothing is guessed.
public struct Normaliser: Sendable {
    public var mapping: FieldMapping
    /// Whether a field the record lacks is reported here. Importers that check a source's structure
    /// themselves (the page text's blocks) report it already, with better context.
    public var reportsMissingValues: Bool

    public init(mapping: FieldMapping, reportsMissingValues: Bool = true) {
        self.mapping = mapping
        self.reportsMissingValues = reportsMissingValues
    }

    public func draft(_ record: RawRecord) -> (draft: DraftProject, findings: [Finding]) {
        var draft = DraftProject(origins: ProjectOrigins(record: record.location))
        var findings: [Finding] = []

        func values(_ field: ProjectField) -> [RawValue] {
            guard let name = mapping.sourceFields[field] else { return [] }
            return record[name]
        }
        func single(_ field: ProjectField) -> RawValue? {
            let all = values(field)
            if all.isEmpty, reportsMissingValues, let name = mapping.sourceFields[field] {
                findings.append(Finding(ruleID: "value.missing", severity: .error,
                                        location: SourceLocation(file: record.location.file, line: record.location.line, field: name),
                                        field: field, message: "the project has no '\(name)' value",
                                        hint: "every project needs a value for '\(name)'"))
            }
            if let first = all.first { draft.origins[field] = first.location }
            return all.first
        }

        if let value = single(.id) {
            if let id = ProjectID(value.text.trimmingWhitespace()) {
                draft.id = id
            } else {
                findings.append(Finding(ruleID: "id.format", severity: .error, location: value.location, field: .id,
                                        message: "the identifier '\(value.text)' is not well-formed",
                                        hint: "use lowercase a-z, 0-9 and single hyphens, e.g. digital-lab"))
            }
        }
        if let value = single(.title) {
            draft.title = value.text.trimmingWhitespace()
        }
        if let value = single(.progress) {
            if let percent = ValueParsers.percent(value.text) {
                draft.progress = percent
            } else {
                findings.append(Finding(ruleID: "progress.format", severity: .error, location: value.location, field: .progress,
                                        message: "the progress '\(value.text)' is not a percentage",
                                        hint: "write a whole number from 0 to 100 followed by %, e.g. 30%"))
            }
        }
        if let value = single(.period) {
            if let period = ValueParsers.period(value.text) {
                draft.period = period
            } else {
                findings.append(Finding(ruleID: "period.format", severity: .error, location: value.location, field: .period,
                                        message: "the duration '\(value.text)' is not a year or a range of years",
                                        hint: "write four-digit years: 2023–2028, or a single year such as 2024"))
            }
        }
        for field in [ProjectField.before, .future] {
            let paragraphs = values(field)
            if single(field) != nil {
                let text = paragraphs.map(\.text).joined(separator: "\n")
                if field == .before { draft.before = text } else { draft.future = text }
            }
        }
        if single(.fieldsOfAction) != nil {
            var classifier = TermClassifier<FieldOfAction, UserGroup>(field: .fieldsOfAction)
            for value in values(.fieldsOfAction) { classifier.classify(value) }
            draft.fieldsOfAction = classifier.terms
            draft.origins[.fieldsOfAction] = values(.fieldsOfAction)[0].location
            findings += classifier.findings(otherTermsAlsoListed: { group in
                values(.userGroups).contains { $0.text.trimmingWhitespace() == group.label.de }
            })
        }
        if single(.userGroups) != nil {
            var classifier = TermClassifier<UserGroup, FieldOfAction>(field: .userGroups)
            for value in values(.userGroups) { classifier.classify(value) }
            draft.userGroups = classifier.terms
            findings += classifier.findings(otherTermsAlsoListed: { _ in false })
        }
        return (draft, findings)
    }
}
