/// A synthetic portfolio of any size, for benchmarks and tests: realistic texts (German, with umlauts,
/// quotes, the odd `;` and line breaks between paragraphs), realistic distributions of progress,
/// years, fields of action and user groups. Deterministic for a seed; projects are made one at a
/// time as the sequence is iterated, so even a million of them take no memory.
public struct SyntheticPortfolio: Sequence, Sendable {
    public var count: Int
    public var seed: UInt64

    public init(count: Int, seed: UInt64 = 1) {
        self.count = count
        self.seed = seed
    }

    public func makeIterator() -> Iterator {
        Iterator(count: count, generator: SeededGenerator(seed: seed))
    }

    public struct Iterator: IteratorProtocol {
        let count: Int
        var generator: SeededGenerator
        var index = 0

        public mutating func next() -> Project? {
            guard index < count else { return nil }
            index += 1
            return SyntheticPortfolio.project(number: index, using: &generator)
        }
    }

    static let subjects = ["Geodaten", "Baugesuche", "Steuererklärung", "Personalprozesse", "Schulverwaltung",
                           "Abfallentsorgung", "Gesundheitsdaten", "Bürgerdienste", "Beschaffung", "Archivierung",
                           "Verkehrsplanung", "Energieberatung", "Sozialhilfe", "Einwohnerdienste", "Kulturförderung"]
    static let kinds = ["Plattform", "Portal", "App", "Register", "Service", "Workflow", "Datenkatalog", "Assistent"]
    static let sentencesBefore = [
        "Die Abläufe sind heute papierbasiert und aufwendig.",
        "Daten liegen verteilt in verschiedenen Systemen; ein Überblick fehlt.",
        "Mitarbeitende übertragen Angaben mehrfach von Hand, was zu Fehlern führt.",
        "Für die Bevölkerung ist der Zugang zu den Diensten umständlich.",
        "Die bestehende Lösung ist veraltet und erfüllt die Anforderungen an Sicherheit nicht mehr.",
        "Anfragen gehen per E-Mail, Post oder Telefon ein; die Bearbeitung dauert lange.",
        "Das «Once-Only-Prinzip» lässt sich noch nicht umsetzen.",
    ]
    static let sentencesFuture = [
        "Ein medienbruchfreier Prozess ermöglicht die digitale Einreichung und Bearbeitung.",
        "Die Daten stehen zentral, sicher und in hoher Qualität zur Verfügung.",
        "Mitarbeitende werden entlastet; Rückfragen nehmen deutlich ab.",
        "Die Lösung ist barrierefrei und funktioniert auf allen Geräten.",
        "Schnittstellen zu den Fachsystemen der Departemente sind standardisiert; Auswertungen sind jederzeit möglich.",
        "Die Bevölkerung erledigt ihre Anliegen rund um die Uhr \"online\" – ohne Wartezeiten.",
        "Künstliche Intelligenz unterstützt bei Routineaufgaben, die Verantwortung bleibt beim Menschen.",
    ]

    static func project(number: Int, using generator: inout SeededGenerator) -> Project {
        let subject = subjects.randomElement(using: &generator)!
        let kind = kinds.randomElement(using: &generator)!
        let start = Int.random(in: 2019...2028, using: &generator)
        let singleYear = Int.random(in: 0..<10, using: &generator) == 0
        let end = singleYear ? nil : start + Int.random(in: 1...5, using: &generator)
        let progress: Int = switch Int.random(in: 0..<10, using: &generator) {
        case 0, 1: 0
        case 2, 3: 100
        default: Int.random(in: 1...19, using: &generator) * 5
        }
        let fields = FieldOfAction.allCases.filter { _ in Int.random(in: 0..<3, using: &generator) > 0 }
        let groups = UserGroup.allCases.filter { _ in Int.random(in: 0..<2, using: &generator) > 0 }
        return Project(
            id: ProjectID("vorhaben-\(number)")!,
            title: "\(subject): \(kind) \(number)",
            progress: progress,
            period: ProjectPeriod(startYear: start, endYear: end),
            before: text(from: sentencesBefore, subject: subject, using: &generator),
            future: text(from: sentencesFuture, subject: subject, using: &generator),
            fieldsOfAction: fields.isEmpty ? [.prozesse] : fields,
            userGroups: groups.isEmpty ? [.bevoelkerung] : groups,
            origins: ProjectOrigins(record: SourceLocation(file: "synthetic", line: number)))
    }

    /// One or two paragraphs of three to six sentences, about 400–900 characters.
    static func text(from sentences: [String], subject: String, using generator: inout SeededGenerator) -> String {
        let paragraphs = Int.random(in: 0..<4, using: &generator) == 0 ? 2 : 1
        var result: [String] = []
        for _ in 0..<paragraphs {
            var paragraph = "Im Bereich \(subject) gilt:"
            for _ in 0..<Int.random(in: 3...6, using: &generator) {
                paragraph += " " + sentences.randomElement(using: &generator)!
            }
            if Int.random(in: 0..<8, using: &generator) == 0 { paragraph += " Zuständig: Departement; Fachstelle." }
            result.append(paragraph)
        }
        return result.joined(separator: "\n")
    }
}
