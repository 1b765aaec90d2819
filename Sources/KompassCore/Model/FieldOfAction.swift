/// A field of action (Handlungsfeld) of the Digitalisierungs-Kompass.
public enum FieldOfAction: String, Vocabulary, Codable {
    case prozesse, kompetenzen, kultur, technologie, leistungen, daten, recht

    public static let schemeCode = "handlungsfelder"
    public static let schemeLabel = LocalizedText(
        de: "Handlungsfelder", fr: "Champs d'action", it: "Campi d'azione", en: "Fields of action")

    public var label: LocalizedText {
        switch self {
        case .prozesse: LocalizedText(de: "Prozesse", fr: "Processus", it: "Processi", en: "Processes")
        case .kompetenzen: LocalizedText(de: "Kompetenzen", fr: "Compétences", it: "Competenze", en: "Skills")
        case .kultur: LocalizedText(de: "Kultur", fr: "Culture", it: "Cultura", en: "Culture")
        case .technologie: LocalizedText(de: "Technologie", fr: "Technologie", it: "Tecnologia", en: "Technology")
        case .leistungen: LocalizedText(de: "Leistungen", fr: "Prestations", it: "Prestazioni", en: "Services")
        case .daten: LocalizedText(de: "Daten", fr: "Données", it: "Dati", en: "Data")
        case .recht: LocalizedText(de: "Recht", fr: "Droit", it: "Diritto", en: "Law")
        }
    }
}
