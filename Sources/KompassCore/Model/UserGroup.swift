/// A group of users who benefit from a project (Nutzende).
public enum UserGroup: String, Vocabulary, Codable {
    case mitarbeitende, bevoelkerung, wirtschaft

    public static let schemeCode = "nutzende"
    public static let schemeLabel = LocalizedText(
        de: "Nutzende", fr: "Utilisateurs", it: "Utenti", en: "User groups")

    public var label: LocalizedText {
        switch self {
        case .mitarbeitende:
            LocalizedText(de: "Mitarbeitende", fr: "Collaborateurs", it: "Collaboratori", en: "Employees")
        case .bevoelkerung:
            LocalizedText(de: "Bevölkerung", fr: "Population", it: "Popolazione", en: "Population")
        case .wirtschaft:
            LocalizedText(de: "Wirtschaft", fr: "Économie", it: "Economia", en: "Business")
        }
    }
}
