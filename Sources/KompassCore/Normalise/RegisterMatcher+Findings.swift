/// The findings of matching a page text against its register: each rule's identifier and severity in one place.
extension RegisterMatcher {
    /// A project recognised by one text while the other changed (or was not known): taken, with the line to write.
    static func fingerprintChanged(at location: SourceLocation, project: ProjectID, message: Bilingual, hint: Bilingual) -> Finding {
        Finding(ruleID: .registerFingerprintChanged, severity: .warning, location: location, projectID: project.rawValue,
                message: message, hint: hint)
    }

    /// A project the register does not know: never given an invented identifier.
    static func missing(at location: SourceLocation, message: Bilingual, hint: Bilingual) -> Finding {
        Finding(ruleID: .registerMissing, severity: .error, location: location, message: message, hint: hint)
    }

    /// A block that repeats an earlier block word for word.
    static func repeatedBlock(at location: SourceLocation, project: ProjectID?, message: Bilingual, hint: Bilingual) -> Finding {
        Finding(ruleID: .registerRepeatedBlock, severity: .error, location: location, projectID: project?.rawValue,
                message: message, hint: hint)
    }

    /// A block whose claim on a register entry is not certain: another block claims it too, or its texts point at
    /// different entries.
    static func ambiguous(at location: SourceLocation, project: ProjectID?, message: Bilingual, hint: Bilingual) -> Finding {
        Finding(ruleID: .registerAmbiguous, severity: .error, location: location, projectID: project?.rawValue,
                message: message, hint: hint)
    }

    /// A register entry no block matches.
    static func unused(_ entry: ProjectRegister.Entry) -> Finding {
        Finding(ruleID: .registerUnused, severity: .warning, location: entry.location, projectID: entry.id.rawValue,
                message: Bilingual(en: "the register entry '\(entry.id)' matches no project on the page",
                                   de: "der Registereintrag '\(entry.id)' passt zu keinem Vorhaben auf der Seite"),
                hint: Bilingual(
                    en: "if the project left the page, keep the line (its identifier stays reserved) but expect the project to be reported as removed",
                    de: "wenn das Vorhaben nicht mehr auf der Seite steht, behalten Sie die Zeile (die Kennung bleibt reserviert); das Vorhaben wird dann als entfernt gemeldet"))
    }

    /// A register in the old form (one fingerprint of both texts), with the file to write in the register's form.
    static func oldForm(at location: SourceLocation, message: Bilingual, hint: Bilingual) -> Finding {
        Finding(ruleID: .registerOldForm, severity: .info, location: location, message: message, hint: hint)
    }
}
