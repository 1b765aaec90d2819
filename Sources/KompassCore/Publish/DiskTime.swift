import Foundation

/// A file's size and modification time as the file system reports them (`stat`), to tell without reading it
/// whether a published file is still the one kompass published.
public enum DiskTime {
    /// `seconds.nanoseconds` of the file's last modification, and its size; nil when it cannot be read.
    public static func of(_ path: String) -> (time: String, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let nanoseconds = String(info.st_mtim.tv_nsec)
        return ("\(info.st_mtim.tv_sec).\(String(repeating: "0", count: max(0, 9 - nanoseconds.count)))\(nanoseconds)", Int(info.st_size))
    }

    /// Whether the file at `path` is as `published` recorded it: the same size and modification time, or (for
    /// a state without times) the same SHA-256.
    public static func matches(_ path: String, _ published: PublicationState.PublishedFile) -> Bool {
        guard let now = of(path), now.size == published.bytes else { return false }
        if let recorded = published.diskTime { return recorded == now.time }
        return SHA256.hex(ofFileAt: path) == published.sha256
    }
}
