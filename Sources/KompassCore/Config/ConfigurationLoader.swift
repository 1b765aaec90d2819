import Foundation

/// Reads `kompass.json`, checks every value, and resolves paths against the file's folder.
///
/// The version is read first; a version this binary does not know is an error, never a guess.
/// Unknown keys are errors too: a typo in a key must not be silently ignored.
public struct ConfigurationLoader: Sendable {
    public init() {}

    public func load(path: String) throws -> Configuration {
        let object = try JSONObject(try ConfigurationLoader.document(at: path), path: path, keyPath: "")
        let version = try object.integer("version")
        guard version >= 1, version <= Configuration.highestSupportedVersion else {
            throw object.error("version", "version \(version) is not supported; this kompass reads versions 1 to \(Configuration.highestSupportedVersion)")
        }
        try object.allowOnly(["$schema", "version", "sources", "merge", "validation", "output", "state", "publication", "guard"])
        let resolve = ConfigurationLoader.resolver(besides: path)
        let sources = try object.array("sources").enumerated().map { index, element in
            try SourceConfigurationReader.read(try JSONObject(element, path: path, keyPath: "sources[\(index)]"), resolve: resolve)
        }
        guard !sources.isEmpty else {
            throw object.error("sources", "names no source; add at least one")
        }
        let output = resolve(try object.string("output"))
        let publication: PublicationSettings
        var publicationFile: String?
        if let shared = try? object.optionalString("publication") {
            // "publication": "other.json": the publication settings of another configuration, so that
            // example and test configurations share the deployment's settings instead of copying them.
            publicationFile = resolve(shared)
            publication = try ConfigurationLoader.publication(of: resolve(shared), referencedFrom: path)
        } else {
            publication = try PublicationSettingsReader.read(try object.object("publication"), resolve: resolve)
        }
        var names: Set<String> = []
        for (index, source) in sources.enumerated() where !names.insert(source.name).inserted {
            throw object.error("sources[\(index)].name", "the name '\(source.name)' is used by another source; give each source its own")
        }
        let merge = try SourceConfigurationReader.readMerge(try object.optionalObject("merge"), sources: sources)
        let validation = try ValidationSettingsReader.read(try object.optionalObject("validation"))
        var configuration = Configuration(version: version, path: path, sources: sources, outputDirectory: output,
                                          publication: publication, merge: merge, validation: validation)
        configuration.publicationFile = publicationFile
        if let state = try object.optionalString("state") { configuration.setStateDirectory(resolve(state)) }
        if let guardObject = try object.optionalObject("guard") {
            try guardObject.allowOnly(["maxShrink"])
            if let value = guardObject["maxShrink"] {
                guard let number = value.number, (0...1).contains(number) else {
                    throw guardObject.error("maxShrink", "must be a share from 0 to 1 (0.25 is a quarter)")
                }
                configuration.guardSettings.maxShrink = number
            }
        }
        return configuration
    }

    /// The publication settings of the configuration at `path`.
    static func publication(of path: String, referencedFrom origin: String) throws -> PublicationSettings {
        let bytes: [UInt8]
        do {
            bytes = try ByteFileReader.readAll(path: path, limit: JSONDocumentReader.defaultMaxBytes)
        } catch {
            throw ConfigurationError(path: origin, keyPath: "publication", message: "cannot read '\(path)': \(error.reason)")
        }
        let root = try parse(bytes, path: path)
        let object = try JSONObject(root, path: path, keyPath: "")
        guard (try? object.optionalString("publication")) == nil else {
            throw ConfigurationError(path: origin, keyPath: "publication",
                                     message: "'\(path)' refers to yet another file; name the file that holds the settings")
        }
        return try PublicationSettingsReader.read(try object.object("publication"), resolve: resolver(besides: path))
    }

    /// Resolves a path a configuration file names against the file's folder (an absolute path stays as it is).
    static func resolver(besides path: String) -> @Sendable (String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return { relative in
            if relative.hasPrefix("/") || folder.isEmpty { return relative }
            return ConfigurationLoader.collapsingParentReferences((folder as NSString).appendingPathComponent(relative))
        }
    }

    /// `config/../output` → `output`: paths in messages read as a person would write them.
    static func collapsingParentReferences(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "..", let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// The JSON document at `path`, read strictly (`JSONDocumentReader`): a file that is not JSON is a
    /// `ConfigurationError` at the line and column of the fault; a file that cannot be read, an `IOError`.
    static func document(at path: String) throws -> JSONValue {
        try parse(try ByteFileReader.readAll(path: path, limit: JSONDocumentReader.defaultMaxBytes), path: path)
    }

    /// The JSON document in `bytes`, read from the configuration file (or mapping file) at `path`.
    static func parse(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> JSONValue {
        do throws(JSONDocumentError) {
            return try JSONDocumentReader.read(bytes, commentHint: commentHint)
        } catch {
            throw ConfigurationError(path: path, error)
        }
    }

    /// A comment in a configuration: the usual way out of JSON's lack of comments, a `"_comment"` key,
    /// is closed too, since unknown keys are errors.
    static let commentHint = "JSON has no comments; remove it (a \"_comment\" key will not do either: "
        + "kompass refuses keys it does not know), and keep notes in a README beside the file"

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}

/// A JSON object of a configuration file with the path of the file and the key path that led to it, for
/// precise errors: an error about one of its members names the line and column of the member's key.
struct JSONObject {
    let members: [JSONValue.Member]
    let path: String
    let keyPath: String
    /// Where the object starts (its `{`).
    let line: Int
    let column: Int

    init(_ value: JSONValue, path: String, keyPath: String) throws(ConfigurationError) {
        guard let members = value.members else {
            throw ConfigurationError(path: path, keyPath: keyPath, message: "must be an object, not \(value.kindDescription)",
                                     line: value.line, column: value.column)
        }
        self.members = members
        self.path = path
        self.keyPath = keyPath
        line = value.line
        column = value.column
    }

    /// The value of the member `name`; nil when there is none.
    subscript(name: String) -> JSONValue? {
        members.first { $0.key == name }?.value
    }

    /// The keys, in the order of the file.
    var keys: [String] { members.map(\.key) }

    func key(_ name: String) -> String { keyPath.isEmpty ? name : "\(keyPath).\(name)" }

    /// The error about `name` (a key, or a key path below this object such as `title[1]`), at the place of
    /// the value it names: the key of the member, the element of an array, or else the object itself.
    func error(_ name: String, _ message: String) -> ConfigurationError {
        let (line, column) = position(of: name)
        return ConfigurationError(path: path, keyPath: key(name), message: message, line: line, column: column)
    }

    /// Where `name` stands: follows its keys and `[index]`es as far as the file has them.
    private func position(of name: String) -> (line: Int, column: Int) {
        if let member = members.first(where: { $0.key == name }) { return (member.line, member.column) }
        var position = (line: line, column: column)
        var value = JSONValue(.object(members), line: line, column: column)
        var rest = Substring(name)
        while !rest.isEmpty {
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                      let elements = value.elements, elements.indices.contains(index) else { break }
                value = elements[index]
                position = (value.line, value.column)
                rest = rest[rest.index(after: close)...]
            } else {
                if rest.hasPrefix(".") { rest = rest.dropFirst() }
                let key = rest.prefix { $0 != "[" && $0 != "." }
                guard let member = value.member(String(key)) else { break }
                value = member.value
                position = (member.line, member.column)
                rest = rest.dropFirst(key.count)
            }
        }
        return position
    }

    func allowOnly(_ names: Set<String>) throws(ConfigurationError) {
        for name in keys where !names.contains(name) {
            throw error(name, "is not a known key; known here: " + names.sorted().joined(separator: ", "))
        }
    }

    func optionalString(_ name: String) throws(ConfigurationError) -> String? {
        guard let value = self[name], !value.isNull else { return nil }
        guard let text = value.string else { throw error(name, "must be a string") }
        return text
    }

    func string(_ name: String) throws(ConfigurationError) -> String {
        guard let text = try optionalString(name) else { throw error(name, "is missing") }
        guard !text.trimmingWhitespace().isEmpty else { throw error(name, "must not be empty") }
        return text
    }

    func integer(_ name: String) throws(ConfigurationError) -> Int {
        guard let value = self[name] else { throw error(name, "is missing") }
        guard let number = value.integer else { throw error(name, "must be a whole number") }
        return number
    }

    func array(_ name: String) throws(ConfigurationError) -> [JSONValue] {
        guard let value = self[name] else { throw error(name, "is missing") }
        guard let array = value.elements else { throw error(name, "must be an array") }
        return array
    }

    func optionalArray(_ name: String) throws(ConfigurationError) -> [JSONValue]? {
        guard self[name] != nil else { return nil }
        return try array(name)
    }

    func object(_ name: String) throws(ConfigurationError) -> JSONObject {
        guard let value = self[name] else { throw error(name, "is missing") }
        return try JSONObject(value, path: path, keyPath: key(name))
    }

    func optionalObject(_ name: String) throws(ConfigurationError) -> JSONObject? {
        guard self[name] != nil else { return nil }
        return try object(name)
    }
}
