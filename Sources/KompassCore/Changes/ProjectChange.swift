/// One typed change of the portfolio between the last publication and now.
public struct ProjectChange: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case added, removed, progress, status, period, title, texts, classification
    }

    public var kind: Kind
    public var projectID: String
    /// The project's title (the new one; for a removed project, the last published one).
    public var title: String
    /// The value before and after, as a person reads them (nil where the kind has none).
    public var before: String?
    public var after: String?

    public init(kind: Kind, projectID: String, title: String, before: String? = nil, after: String? = nil) {
        self.kind = kind
        self.projectID = projectID
        self.title = title
        self.before = before
        self.after = after
    }

    /// One line for people, e.g. `digital-lab: progress 30% → 40%`.
    public var description: String {
        switch kind {
        case .added: "\(projectID): added (\(title))"
        case .removed: "\(projectID): removed (\(title))"
        default: "\(projectID): \(kind.rawValue) \(before ?? "") → \(after ?? "")"
        }
    }
}
