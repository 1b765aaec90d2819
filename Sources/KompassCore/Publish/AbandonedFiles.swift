import Foundation

/// What a killed run leaves behind (a staging folder, a half-written state file) carries the run's pid
/// after a fixed prefix. Such a thing is never published or read, so once its process is gone it is safe
/// to delete.
enum AbandonedFiles {
    /// Removes every entry of `directory` named `<prefix><pid>` whose process no longer runs.
    static func remove(in directory: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }
}
