import Foundation

/// Writes outputs into a staging folder inside the output folder (the same file system), and
/// publishes them by renaming each into place. Until `publish`, the output folder is untouched.
public final class Publisher {
    public let outputDirectory: String
    public let stagingDirectory: String
    private var published = false

    /// Creates the output folder if needed, removes staging left by killed runs, and makes a fresh staging folder.
    public init(outputDirectory: String) throws(IOError) {
        self.outputDirectory = outputDirectory
        self.stagingDirectory = (outputDirectory as NSString).appendingPathComponent(".staging-\(getpid())")
        try Publisher.makeDirectory(outputDirectory, intermediate: true)
        Publisher.removeAbandonedStaging(in: outputDirectory)
        try? FileManager.default.removeItem(atPath: stagingDirectory)
        try Publisher.makeDirectory(stagingDirectory, intermediate: false)
    }

    public func stagingPath(for file: OutputFile) -> String {
        (stagingDirectory as NSString).appendingPathComponent(file.rawValue)
    }

    /// Moves every staged file into the output folder (each `rename(2)` is atomic) and syncs the folder.
    public func publish(_ files: [WrittenFile]) throws(IOError) -> [WrittenFile] {
        var moved: [WrittenFile] = []
        for file in files {
            let name = (file.path as NSString).lastPathComponent
            let target = (outputDirectory as NSString).appendingPathComponent(name)
            guard rename(file.path, target) == 0 else {
                throw IOError(path: target, operation: "publish", reason: String(cString: strerror(errno)))
            }
            moved.append(WrittenFile(path: target, byteCount: file.byteCount, sha256: file.sha256))
        }
        Publisher.syncDirectory(outputDirectory)
        published = true
        return moved
    }

    /// Removes the staging folder and whatever is left in it.
    public func discardStaging() {
        try? FileManager.default.removeItem(atPath: stagingDirectory)
    }

    private static func makeDirectory(_ path: String, intermediate: Bool) throws(IOError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: intermediate)
        } catch {
            var isDirectory: ObjCBool = false
            if intermediate, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return
            }
            throw IOError(path: path, operation: "create the folder", reason: ConfigurationLoader.reason(error))
        }
    }

    /// Staging folders whose process is gone were left by a killed run: never published, safe to delete.
    private static func removeAbandonedStaging(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(".staging-") {
            if let pid = Int32(name.dropFirst(".staging-".count)), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }

    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
