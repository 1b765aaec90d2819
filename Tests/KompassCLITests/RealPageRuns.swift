import Foundation
import Testing

/// The real page published once into a folder of its own, then edited as a steward would and run again: the
/// shared set-up of the tests that watch what a second (cron) run says about an edit.
enum RealPageRuns {
    static let root = KompassProcess.repositoryRoot.path

    /// The real page and register published once (as of 2026-11-30), then the page edited by `edit` (of its
    /// lines, 0-based) and run again (as of 2026-12-01) with `extraArguments` (default: the JSON log).
    static func published(then edit: (inout [String]) -> Void,
                          extraArguments: [String] = ["--log-format", "json"]) throws -> (TemporaryFolder, KompassProcess.Result) {
        let folder = try TemporaryFolder()
        let page = try String(contentsOfFile: "\(root)/config/sources/digital-basel-umsetzung.txt", encoding: .utf8)
        try page.write(toFile: folder.path("page.txt"), atomically: true, encoding: .utf8)
        let config = """
        {"version": 1,
         "sources": [{"path": "page.txt", "format": "page-text", "register": "\(root)/config/sources/register.csv"}],
         "output": "out", "publication": "\(root)/config/kompass.json"}
        """
        try config.write(toFile: folder.path("kompass.json"), atomically: true, encoding: .utf8)
        let first = try KompassProcess.run(["run", "--config", folder.path("kompass.json"), "--as-of", "2026-11-30", "--lang", "en"])
        #expect(first.exitCode == 0, "\(first.standardError)")
        var lines = page.components(separatedBy: "\n")
        edit(&lines)
        try lines.joined(separator: "\n").write(toFile: folder.path("page.txt"), atomically: true, encoding: .utf8)
        let second = try KompassProcess.run(["run", "--config", folder.path("kompass.json"), "--as-of", "2026-12-01", "--lang", "en"]
                                            + extraArguments)
        return (folder, second)
    }

    /// The JSON log's findings.
    static func findings(_ result: KompassProcess.Result) throws -> [[String: Any]] {
        try result.standardError.split(separator: "\n").compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }.filter { $0["event"] as? String == "finding" }
    }
}
