import Foundation

/// An independent, deliberately simple reading of the real page text with plain string operations,
/// so that the importer and normaliser can be checked against something they do not share code with.
/// It trusts the documented layout (see /work/shared/data/README.md) and returns nil on any surprise.
struct ReferenceProject: Equatable {
    /// 1-based line of the project's "Fortschritt" heading.
    var line: Int
    var progress: Int
    var startYear: Int
    var endYear: Int?
    var beforeParagraphs: [String]
    var futureParagraphs: [String]
    /// The Felder lines without their bullet, as written (user groups included where the page lists them).
    var bullets: [String]
    var userGroups: [String]

    /// The bullets that are fields of action (the seven labels of the Digitalisierungs-Kompass).
    var fieldsOfAction: [String] { bullets.filter { ReferencePage.fieldLabels.contains($0) } }
    var before: String { beforeParagraphs.joined(separator: "\n") }
    var future: String { futureParagraphs.joined(separator: "\n") }
}

enum ReferencePage {
    static let fieldLabels = ["Prozesse", "Kompetenzen", "Kultur", "Technologie", "Leistungen", "Daten", "Recht"]
    static let userGroupLabels = ["Mitarbeitende", "Bevölkerung", "Wirtschaft"]

    /// The lines of the text (LF separated), 0-based.
    static func lines(_ text: String) -> [String] {
        text.components(separatedBy: "\n")
    }

    /// 1-based numbers of the lines that are exactly `heading`.
    static func lineNumbers(of heading: String, in text: String) -> [Int] {
        lines(text).enumerated().filter { $0.element == heading }.map { $0.offset + 1 }
    }

    static func parse(_ text: String) -> [ReferenceProject]? {
        let lines = lines(text)
        var projects: [ReferenceProject] = []
        var index = 0
        // Collects the lines after `index` up to (not including) the next line equal to one of `stops`.
        func collect(until stops: Set<String>) -> [String] {
            var values: [String] = []
            while index < lines.count, !stops.contains(lines[index]) {
                if !lines[index].isEmpty { values.append(lines[index]) }
                index += 1
            }
            return values
        }
        while index < lines.count, lines[index] != "Fortschritt" { index += 1 }
        while index < lines.count {
            guard lines[index] == "Fortschritt", index + 4 < lines.count else { return nil }
            let line = index + 1
            let percentText = lines[index + 1]
            guard percentText.hasSuffix("%"), let progress = Int(percentText.dropLast()) else { return nil }
            guard lines[index + 2] == "Dauer" else { return nil }
            let years = lines[index + 3].components(separatedBy: "–")
            guard (1...2).contains(years.count), let start = Int(years[0]) else { return nil }
            let end = years.count == 2 ? Int(years[1]) : nil
            if years.count == 2 && end == nil { return nil }
            guard lines[index + 4] == "Bisher" else { return nil }
            index += 5
            let before = collect(until: ["In Zukunft"])
            guard index < lines.count else { return nil }
            index += 1
            let future = collect(until: ["Felder"])
            guard index < lines.count else { return nil }
            index += 1
            let bulletLines = collect(until: ["Nutzende"])
            guard index < lines.count, bulletLines.allSatisfy({ $0.hasPrefix("• ") }) else { return nil }
            index += 1
            let groups = collect(until: ["Fortschritt"])
            projects.append(ReferenceProject(
                line: line, progress: progress, startYear: start, endYear: end,
                beforeParagraphs: before, futureParagraphs: future,
                bullets: bulletLines.map { String($0.dropFirst(2)) }, userGroups: groups))
        }
        return projects
    }

    /// The register's lines as (position, before, future, id, title), read with plain splitting.
    static func registerRows(_ text: String) -> [(position: Int, before: String, future: String, id: String, title: String)] {
        lines(text).dropFirst().filter { !$0.isEmpty }.compactMap { line in
            let cells = line.components(separatedBy: ";")
            guard cells.count == 5, let position = Int(cells[0]) else { return nil }
            return (position, cells[1], cells[2], cells[3], cells[4])
        }
    }
}
