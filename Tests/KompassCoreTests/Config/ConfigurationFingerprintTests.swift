import Foundation
import Testing
@testable import KompassCore

/// The configuration fingerprint covers every file that shapes the outputs, so that a change to any of them
/// makes the next run publish anew (and the unchanged shortcut never stops on stale settings).
@Suite struct ConfigurationFingerprintTests {
    @Test func theSharedPublicationSettingsAreFingerprinted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let shared = try directory.copy(TestFiles.configPath, as: "shared.json")
        let page = try directory.copy(TestFiles.pageTextPath, as: "page.txt")
        let register = try directory.copy(TestFiles.registerPath, as: "register.csv")
        let config = directory.file("kompass.json")
        try """
        {"version": 1, "sources": [{"path": "\(page)", "format": "page-text", "register": "\(register)"}],
         "output": "out", "publication": "shared.json"}
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let pipeline = Pipeline(configuration: try ConfigurationLoader().load(path: config))
        #expect(pipeline.configurationFiles == [config, shared, register])
        let before = pipeline.configurationFingerprint()
        // Another title in the shared settings: another fingerprint.
        let text = try String(contentsOfFile: shared, encoding: .utf8)
        try (text + "\n").write(toFile: shared, atomically: true, encoding: .utf8)
        #expect(pipeline.configurationFingerprint() != before)
    }
}
