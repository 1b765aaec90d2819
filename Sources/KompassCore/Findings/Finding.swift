/// A problem (or a noteworthy fact) in the data: what rule, how bad, where, what is wrong and what to do.
///
/// Findings travel with the data; they never stop the flow. The publish policy decides at the end.
public struct Finding: Sendable, Equatable, Codable {
    /// A stable identifier of the rule, e.g. `page-text.progress.not-a-number`.
    public var ruleID: RuleID
    public var severity: Severity
    /// Where the problem is; nil for problems of the run as a whole.
    public var location: SourceLocation?
    /// The domain field concerned, where one is.
    public var field: ProjectField?
    /// The project concerned, where it is known.
    public var projectID: String?
    /// What is wrong, in one sentence.
    public var message: String
    /// What would be right, or what to do.
    public var hint: String?
    /// The message and hint in German, where the rule has them (reports fall back to English).
    public var messageDE: String?
    public var hintDE: String?
    /// The finding this one follows from (a project missing from the publication because its block has an
    /// error): reports list this finding under its cause instead of on its own.
    public var causedBy: FindingReference?

    public init(ruleID: RuleID, severity: Severity, location: SourceLocation?, field: ProjectField? = nil,
                projectID: String? = nil, message: String, hint: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.location = location
        self.field = field
        self.projectID = projectID
        self.message = ShownText.message(message)
        self.hint = hint.map(ShownText.hint)
    }

    /// A finding with its message and hint in English and German.
    public init(ruleID: RuleID, severity: Severity, location: SourceLocation?, field: ProjectField? = nil,
                projectID: String? = nil, message: Bilingual, hint: Bilingual?) {
        self.init(ruleID: ruleID, severity: severity, location: location, field: field, projectID: projectID,
                  message: message.en, hint: hint?.en)
        messageDE = ShownText.message(message.de)
        hintDE = hint.map { ShownText.hint($0.de) }
    }

    /// A finding with its text as a file's `Message` enum gives it: the message and hint in English and German.
    public init(ruleID: RuleID, severity: Severity, location: SourceLocation?, field: ProjectField? = nil,
                projectID: String? = nil, _ text: (message: Bilingual, hint: Bilingual?)) {
        self.init(ruleID: ruleID, severity: severity, location: location, field: field, projectID: projectID,
                  message: text.message, hint: text.hint)
    }

    /// The message in `language`, falling back to English.
    public func message(in language: ReportLanguage) -> String {
        language == .de ? (messageDE ?? message) : message
    }

    /// The hint in `language`, falling back to English.
    public func hint(in language: ReportLanguage) -> String? {
        language == .de ? (hintDE ?? hint) : hint
    }
}

/// A text in English and German: the two languages of reports.
public struct Bilingual: Sendable, Equatable {
    public var en: String
    public var de: String

    public init(en: String, de: String) {
        self.en = en
        self.de = de
    }
}

/// The language of reports: German when the locale is German, else English; `--lang` overrides.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case de, en

    /// From the environment: LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them.
    public init(environment: [String: String]) {
        let locale = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        self = locale.lowercased().hasPrefix("de") ? .de : .en
    }
}
