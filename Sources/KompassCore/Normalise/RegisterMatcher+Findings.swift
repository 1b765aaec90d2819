/// The findings of matching a page text against its register: each rule's identifier and severity in one place.
extension RegisterMatcher {
    /// A project recognised by one text while the other changed (or was not known): taken, with the line to write.
    static func fingerprintChanged(at location: SourceLocation, project: ProjectID, _ text: Message.Text) -> Finding {
        Finding(ruleID: .registerFingerprintChanged, severity: .warning, location: location, projectID: project.rawValue, text)
    }

    /// A project the register does not know: never given an invented identifier.
    static func missing(at location: SourceLocation, _ text: Message.Text) -> Finding {
        Finding(ruleID: .registerMissing, severity: .error, location: location, text)
    }

    /// A block that repeats an earlier block word for word.
    static func repeatedBlock(at location: SourceLocation, project: ProjectID?, _ text: Message.Text) -> Finding {
        Finding(ruleID: .registerRepeatedBlock, severity: .error, location: location, projectID: project?.rawValue, text)
    }

    /// A block whose claim on a register entry is not certain: another block claims it too, or its texts point at
    /// different entries.
    static func ambiguous(at location: SourceLocation, project: ProjectID?, _ text: Message.Text) -> Finding {
        Finding(ruleID: .registerAmbiguous, severity: .error, location: location, projectID: project?.rawValue, text)
    }

    /// A register entry no block matches. With a `cause` (its block could not be read: see `UnreadBlockCauses`) it is
    /// that error's consequence, and its hint asks for the error to be fixed first instead of for a change to the
    /// register.
    static func unused(_ entry: ProjectRegister.Entry, causedBy cause: FindingReference? = nil) -> Finding {
        let text = Message.unused(entry.id)
        var finding = Finding(ruleID: .registerUnused, severity: .warning, location: entry.location, projectID: entry.id.rawValue,
                              message: text.message, hint: cause == nil ? text.hint : Message.fixTheErrorFirst)
        finding.causedBy = cause
        return finding
    }

    /// A register in the old form (one fingerprint of both texts), with the file to write in the register's form.
    static func oldForm(at location: SourceLocation, _ text: Message.Text) -> Finding {
        Finding(ruleID: .registerOldForm, severity: .info, location: location, text)
    }
}
