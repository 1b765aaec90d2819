import Testing
@testable import KompassCore

/// What the comparing rules' findings name of each project, kept once by the pass.
@Suite("Compared projects")
struct ComparedProjectsTests {
    static func project(_ id: String, line: Int, file: String = "a.csv") -> Project {
        var origins = ProjectOrigins(record: KompassCore.SourceLocation(file: file, line: line))
        origins[.before] = KompassCore.SourceLocation(file: file, line: line + 1, column: 7, field: "bisher")
        return Project(id: ProjectID(id)!, title: "Titel", progress: 0, period: ProjectPeriod(startYear: 2024, endYear: 2026),
                       before: "", future: "", fieldsOfAction: [], userGroups: [], origins: origins)
    }

    @Test func readsBackWhatItKept() {
        // Short identifiers, one of 15 bytes (the longest Swift keeps inline), longer ones up to the limit of 80.
        let ids = ["a", "vorhaben-123456", "vorhaben-1234567", "x", String(repeating: "b", count: 80), "0-9"]
        var kept = ComparedProjects()
        #expect(kept.count == 0)
        for (position, id) in ids.enumerated() {
            kept.append(Self.project(id, line: 10 * position + 2, file: position % 2 == 0 ? "a.csv" : "b/c.json"))
        }
        #expect(kept.count == ids.count)
        for (position, id) in ids.enumerated() {
            let file = position % 2 == 0 ? "a.csv" : "b/c.json"
            #expect(kept.identifier(at: position) == ProjectID(id)!)
            #expect(kept.hasIdentifier(ProjectID(id)!, at: position))
            #expect(kept.recordLocation(at: position) == KompassCore.SourceLocation(file: file, line: 10 * position + 2))
            #expect(kept.beforeLocation(at: position)
                    == KompassCore.SourceLocation(file: file, line: 10 * position + 3, column: 7, field: "bisher"))
        }
        #expect(!kept.hasIdentifier(ProjectID("b")!, at: 0))
        #expect(!kept.hasIdentifier(ProjectID("vorhaben-12345")!, at: 1))
        #expect(!kept.hasIdentifier(ProjectID("vorhaben-1234567")!, at: 1))
    }

    @Test func aProjectWithoutABeforeLocationNamesItsRecord() {
        var kept = ComparedProjects()
        let record = KompassCore.SourceLocation(file: "page.txt", line: 4)
        kept.append(Project(id: ProjectID("p")!, title: "T", progress: 0, period: ProjectPeriod(startYear: 2024, endYear: nil),
                            before: "", future: "", fieldsOfAction: [], userGroups: [], origins: ProjectOrigins(record: record)))
        #expect(kept.beforeLocation(at: 0) == record)
        #expect(kept.recordLocation(at: 0) == record)
    }
}
