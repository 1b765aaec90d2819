import Foundation

/// Creates folders (and their missing parents) with the system's own reason when it cannot, said plainly:
/// which folder, what it is for, why not, and what to do. A folder kompass derives from one the user named (the
/// state folder beside the output folder) is named together with the one the user gave.
enum FolderMaker {
    /// Creates `path` and its missing parents; `role` says what the folder is for ("the state folder"), `given`
    /// is the folder the user named when `path` derives from it.
    static func create(_ path: String, role: String, given: String? = nil) throws(IOError) {
        var missing: [String] = []
        var current = path
        while !current.isEmpty, current != "/", !isDirectory(current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() where mkdir(folder, 0o755) != 0 && errno != EEXIST {
            let code = errno
            let parent = (folder as NSString).deletingLastPathComponent
            let beside = given.map { " (it goes beside \($0), the folder you named)" } ?? ""
            let hint: String
            switch code {
            case EACCES, EPERM, EROFS:
                hint = "kompass needs to write in \(parent.isEmpty ? "." : parent): choose a place you can write (--output, or \"output\" "
                    + "and \"state\" in the configuration), or give the user that runs kompass the right to write there"
            case ENOTDIR, EEXIST:
                hint = "\(parent) is a file, not a folder: choose another place, or move the file aside"
            case ENOSPC, EDQUOT:
                hint = "the disk is full: free space, then run again (nothing was published)"
            default:
                hint = "check the path and the disk, then run again (nothing was published)"
            }
            throw IOError(path: folder, operation: "create \(role)", reason: String(cString: strerror(code)).lowercased() + beside, hint: hint)
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
