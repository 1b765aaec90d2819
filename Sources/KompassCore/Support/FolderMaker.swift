import Foundation

/// Creates folders (and their missing parents) with the system's own reason when it cannot, said plainly:
/// which folder, what it is for, why not, and what to do. A folder kompass derives from one the user named (the
/// state folder beside the output folder) is named together with the one the user gave.
enum FolderMaker {
    /// Creates `path` and its missing parents; `role` says what the folder is for (the state folder), `given`
    /// is the folder the user named when `path` derives from it.
    static func create(_ path: String, role: IOError.Folder, given: String? = nil) throws(IOError) {
        var missing: [String] = []
        var current = path
        while !current.isEmpty, current != "/", !isDirectory(current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() where mkdir(folder, 0o755) != 0 && errno != EEXIST {
            let code = errno
            let parent = (folder as NSString).deletingLastPathComponent
            let advice: IOError.Advice
            switch code {
            case EACCES, EPERM, EROFS: advice = .permission(parent: parent.isEmpty ? "." : parent)
            case ENOTDIR, EEXIST: advice = .fileInTheWay(parent: parent)
            case ENOSPC, EDQUOT: advice = .diskFull
            default: advice = .checkPathAndDisk
            }
            throw IOError(path: folder, operation: .createFolder(role), cause: .text(String(cString: strerror(code)).lowercased()),
                          given: given, advice: advice)
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
