import Foundation
import Testing

/// Shared helpers for the KompassCore tests: where the repository and its real inputs are,
/// temporary folders, and writing fixture files.
enum TestFiles {
    /// The repository root, found from this file's own path (Tests/KompassCoreTests/Support/TestFiles.swift).
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String {
        (repoRoot as NSString).appendingPathComponent(relative)
    }

    /// config/kompass.json
    static var configPath: String { path("config/kompass.json") }
    /// The real page text: 34 projects.
    static var pageTextPath: String { path("config/sources/digital-basel-umsetzung.txt") }
    /// The real register.
    static var registerPath: String { path("config/sources/register.csv") }

    /// The bytes of a file.
    static func bytes(atPath path: String) throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return [UInt8](data)
    }

    /// The text of a file, which must be UTF-8.
    static func text(atPath path: String) throws -> String {
        let bytes = try bytes(atPath: path)
        return try #require(String(validating: bytes, as: UTF8.self), "\(path) is not UTF-8")
    }

    /// The real page text as a string.
    static func realPageText() throws -> String {
        try text(atPath: pageTextPath)
    }

    /// The names of the entries of a folder, sorted.
    static func listing(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }
}

/// A fresh folder under the system's temporary folder. Call `remove()` when done (use `defer`).
final class TemporaryDirectory: @unchecked Sendable {
    let path: String

    init(_ label: String = "kompass-test") throws {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("\(label)-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard created != nil else {
            throw TestFileError("mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The path of `name` inside the folder (not created).
    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes bytes to `name` (creating intermediate folders) and returns its path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let target = file(name)
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Writes UTF-8 text to `name` and returns its path.
    @discardableResult
    func write(_ name: String, text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Copies a file into the folder under `name` and returns the new path.
    @discardableResult
    func copy(_ source: String, as name: String) throws -> String {
        try write(name, bytes: TestFiles.bytes(atPath: source))
    }

    /// Makes a sub-folder and returns its path.
    @discardableResult
    func makeDirectory(_ name: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        return target
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

struct TestFileError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
