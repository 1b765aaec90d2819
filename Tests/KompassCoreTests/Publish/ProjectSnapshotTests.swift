import Foundation
import Testing
@testable import KompassCore

/// The compact snapshot reads as the codes and hex digits the state holds, in their order.
@Suite("Project snapshot")
struct ProjectSnapshotTests {
    @Test func codesKeepTheirOrderAndFingerprintsTheirLeadingZeros() throws {
        let snapshot = try #require(ProjectSnapshot(id: "a", title: "A", progress: 5, startYear: 2024, endYear: nil, status: "geplant",
                                                    textFingerprint: "000000000000f00d", fieldsOfAction: ["recht", "prozesse", "daten"],
                                                    userGroups: ["wirtschaft", "mitarbeitende"]))
        #expect(snapshot.textFingerprint == "000000000000f00d")
        #expect(snapshot.fieldsOfAction == ["recht", "prozesse", "daten"])
        #expect(snapshot.userGroups == ["wirtschaft", "mitarbeitende"])
        let all = FieldOfAction.allCases.map(\.code)
        #expect(ProjectSnapshot(id: "b", title: "B", progress: 0, startYear: 2024, endYear: 2025, status: "geplant",
                                textFingerprint: "0123456789abcdef", fieldsOfAction: all.reversed(), userGroups: [])?.fieldsOfAction == all.reversed())
    }

    @Test func valuesASnapshotCannotHoldAreRefused() {
        func snapshot(_ fingerprint: String, _ fields: [String]) -> ProjectSnapshot? {
            ProjectSnapshot(id: "a", title: "A", progress: 5, startYear: 2024, endYear: nil, status: "geplant",
                            textFingerprint: fingerprint, fieldsOfAction: fields, userGroups: [])
        }
        #expect(snapshot("0123456789abcdef", ["prozesse"]) != nil)
        #expect(snapshot("0123456789ABCDEF", ["prozesse"]) == nil)
        #expect(snapshot("0123456789abcde", ["prozesse"]) == nil)
        #expect(snapshot("0123456789abcdef", ["unbekannt"]) == nil)
    }

    @Test func aSnapshotFromAProjectEncodesAsTheStateHoldsIt() throws {
        let project = Project(id: ProjectID("p")!, title: "T", progress: 40, period: ProjectPeriod(startYear: 2023, endYear: 2028),
                              before: "B", future: "F", fieldsOfAction: [.daten, .kultur], userGroups: [.bevoelkerung],
                              origins: ProjectOrigins(record: SourceLocation(file: "t", line: 1)))
        let snapshot = ProjectSnapshot(project, referenceYear: 2026)
        #expect(snapshot.textFingerprint == ProjectFingerprint.of(before: "B", future: "F"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(snapshot), as: UTF8.self)
        #expect(json.contains("\"fieldsOfAction\":[\"daten\",\"kultur\"]") && json.contains("\"userGroups\":[\"bevoelkerung\"]"))
        #expect(try JSONDecoder().decode(ProjectSnapshot.self, from: Data(json.utf8)) == snapshot)
    }
}
