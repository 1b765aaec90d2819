import Foundation

/// Follows the symbolic links in a folder's path, so that kompass publishes into, and keeps the state of, the
/// real folder whichever link names it.
enum FolderLinks {
    /// `path` with every symbolic link in it followed. A path without links is returned as given (relative
    /// stays relative); a path whose last part does not exist yet is its existing part resolved plus the rest; a
    /// link that leads nowhere is returned as given (publishing refuses it with its own message).
    static func resolved(_ given: String) -> String {
        var path = given
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard !path.isEmpty, containsLink(path) else { return given }
        if let real = realPath(path) { return real }
        var missing: [String] = []
        var current = path
        while true {
            var info = stat()
            if lstat(current, &info) == 0 {
                // It exists (as a link that leads nowhere, or something realpath refused): leave the path alone.
                guard missing.isEmpty || (info.st_mode & S_IFMT) == S_IFDIR, let real = realPath(current) else { return path }
                return missing.reversed().reduce(real) { ($0 as NSString).appendingPathComponent($1) }
            }
            let parent = (current as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != current else { return path }
            missing.append((current as NSString).lastPathComponent)
            current = parent
        }
    }

    /// Whether a part of `path` that exists is a symbolic link.
    private static func containsLink(_ path: String) -> Bool {
        var current = path
        while !current.isEmpty, current != "/", current != "." {
            var info = stat()
            if lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { return true }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current { break }
            current = parent
        }
        return false
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
