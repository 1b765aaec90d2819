extension DraftProject {
    /// Whether the draft has a value for `field`.
    func has(_ field: ProjectField) -> Bool {
        display(field) != nil
    }

    /// The value of `field` as a person reads it, for messages; nil when absent.
    func display(_ field: ProjectField) -> String? {
        switch field {
        case .id: id?.rawValue
        case .title: title
        case .progress: progress.map { "\($0)%" }
        case .period: period?.displayText
        case .before: before.map { $0.truncated(60) }
        case .future: future.map { $0.truncated(60) }
        case .fieldsOfAction: fieldsOfAction.map { $0.map(\.label.de).joined(separator: ", ") }
        case .userGroups: userGroups.map { $0.map(\.label.de).joined(separator: ", ") }
        }
    }

    /// Whether two drafts agree on `field` (comparing the full values, not their display).
    func agrees(with other: DraftProject, on field: ProjectField) -> Bool {
        switch field {
        case .id: id == other.id
        case .title: title == other.title
        case .progress: progress == other.progress
        case .period: period == other.period
        case .before: before == other.before
        case .future: future == other.future
        case .fieldsOfAction: fieldsOfAction == other.fieldsOfAction
        case .userGroups: userGroups == other.userGroups
        }
    }

    /// Takes `field`'s value (and where it came from) from `other`.
    mutating func take(_ field: ProjectField, from other: DraftProject) {
        switch field {
        case .id: id = other.id
        case .title: title = other.title
        case .progress: progress = other.progress
        case .period: period = other.period
        case .before: before = other.before
        case .future: future = other.future
        case .fieldsOfAction: fieldsOfAction = other.fieldsOfAction
        case .userGroups: userGroups = other.userGroups
        }
        origins[field] = other.origins[field]
    }
}
