import Foundation
import CKompassSystem

/// Publishes a complete set of outputs in one step.
///
/// Every output is written into a staging folder beside the output folder (the same file system),
/// checked there, and the two folders are then exchanged atomically (`renameat2(RENAME_EXCHANGE)`):
/// a reader or harvester sees either the complete old set or the complete new set, never a mix.
/// Files whose content did not change are hard links to the published ones, so their inode and
/// modification time stay (a web server's ETag and Last-Modified with them). A run killed at any
/// moment leaves the published set as it was; the staging folder it leaves is removed by the next run.
public final class Publisher {
    public let outputDirectory: String
    public let stagingDirectory: String

    /// Removes the staging folders killed runs left beside `outputDirectory` (a run that publishes nothing
    /// cleans up too).
    public static func removeAbandonedStaging(besides outputDirectory: String) {
        var output = outputDirectory
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        let parent = (output as NSString).deletingLastPathComponent
        AbandonedFiles.remove(in: parent.isEmpty ? "." : parent, prefix: ".\((output as NSString).lastPathComponent).staging-")
    }

    /// Refuses an output folder whose parent folder does not exist: kompass creates the output folder itself
    /// (a first publication), never the folders above it, so that a mistyped `--output` stops with a message
    /// instead of starting a new publication, with no state and no shrink guard, somewhere else.
    public static func checkParentExists(of outputDirectory: String) throws(IOError) {
        var output = outputDirectory
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        let parent = (output as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw IOError(path: output, operation: "publish into", reason: "\(parent) is a file, not a folder",
                              hint: "choose another place (--output, or \"output\" in the configuration), or move the file aside")
            }
            return
        }
        throw IOError(path: output, operation: "publish into", reason: "the folder that holds it, \(parent), does not exist",
                      hint: "kompass creates the output folder itself, never the folders above it: check the path for a typo, "
                          + "or create the folder first (mkdir -p \(parent))")
    }

    /// Removes staging left by killed runs and makes a fresh staging folder.
    public init(outputDirectory: String) throws(IOError) {
        var output = outputDirectory
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        self.outputDirectory = output
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let prefix = ".\(name).staging-"
        stagingDirectory = ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent(prefix + "\(getpid())")
        try FolderMaker.create(parent.isEmpty ? "." : parent, role: .outputParent)
        AbandonedFiles.remove(in: parent.isEmpty ? "." : parent, prefix: prefix)
        try? FileManager.default.removeItem(atPath: stagingDirectory)
        try FolderMaker.create(stagingDirectory, role: .staging, given: outputDirectory)
    }

    public func stagingPath(for file: OutputFile) -> String {
        (stagingDirectory as NSString).appendingPathComponent(file.rawValue)
    }

    public func publishedPath(for file: OutputFile) -> String {
        (outputDirectory as NSString).appendingPathComponent(file.rawValue)
    }

    /// Replaces each staged file whose content equals the published one (the same checksum in the state
    /// and on disk) with a hard link to the published file.
    public func reuseUnchanged(_ files: [OutputFile: WrittenFile], published: [String: PublicationState.PublishedFile]) {
        for (file, written) in files {
            guard let previous = published[file.rawValue], previous.sha256 == written.sha256,
                  let attributes = try? FileManager.default.attributesOfItem(atPath: publishedPath(for: file)),
                  (attributes[.size] as? NSNumber)?.intValue == written.byteCount,
                  SHA256.hex(ofFileAt: publishedPath(for: file)) == written.sha256 else { continue }
            let staged = stagingPath(for: file)
            let temporary = staged + ".link"
            if link(publishedPath(for: file), temporary) == 0 {
                if rename(temporary, staged) != 0 { unlink(temporary) }
            }
        }
    }

    /// What `publish` did: the files as published, and whether the system confirmed the exchange on disk.
    public struct Publication {
        public var files: [WrittenFile]
        /// The failure of syncing the folder that holds the output folder, after the exchange: the new set is live,
        /// but the system did not confirm that the exchange reached the disk.
        public var unsynced: IOError?
    }

    /// Makes the staged set the published one, in one step, and removes the old set. The staging folder is synced
    /// first (a failure stops here, nothing published); the folder holding the output folder after the exchange.
    public func publish(_ files: [WrittenFile]) throws(IOError) -> Publication {
        try Publisher.syncDirectory(stagingDirectory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw IOError(path: outputDirectory, operation: "publish into", reason: "it is not a folder")
            }
            guard kompass_exchange_paths(stagingDirectory, outputDirectory) == 0 else {
                throw IOError(path: outputDirectory, operation: "publish (exchange the folders)", reason: String(cString: strerror(errno)))
            }
            // The staging path now holds the previous set.
            try? FileManager.default.removeItem(atPath: stagingDirectory)
        } else {
            guard rename(stagingDirectory, outputDirectory) == 0 else {
                throw IOError(path: outputDirectory, operation: "publish", reason: String(cString: strerror(errno)))
            }
        }
        var unsynced: IOError?
        do {
            try Publisher.syncDirectory((outputDirectory as NSString).deletingLastPathComponent)
        } catch {
            unsynced = error
        }
        let published = files.map { file in
            let name = (file.path as NSString).lastPathComponent
            return WrittenFile(path: (outputDirectory as NSString).appendingPathComponent(name), byteCount: file.byteCount,
                               sha256: file.sha256)
        }
        return Publication(files: published, unsynced: unsynced)
    }

    /// Removes the staging folder and whatever is left in it.
    public func discardStaging() {
        try? FileManager.default.removeItem(atPath: stagingDirectory)
    }

    /// Flushes a folder's entries to disk (fsync on the folder).
    private static func syncDirectory(_ path: String) throws(IOError) {
        let folder = path.isEmpty ? "." : path
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw IOError(path: folder, operation: "sync", reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw IOError(path: folder, operation: "sync", reason: String(cString: strerror(errno))) }
    }
}
