/// The fields of the domain model, as mappings, findings and origins name them.
public enum ProjectField: String, CaseIterable, Sendable, Codable {
    case id
    case title
    case progress
    case period
    case before
    case future
    case fieldsOfAction
    case userGroups
}
