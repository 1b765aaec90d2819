import Foundation

/// Reads `kompass.json`, checks every value, and resolves paths against the file's folder.
///
/// The version is read first; a version this binary does not know is an error, never a guess.
/// Unknown keys are errors too: a typo in a key must not be silently ignored.
public struct ConfigurationLoader: Sendable {
    public init() {}

    public func load(path: String) throws -> Configuration {
        let bytes: [UInt8]
        do {
            bytes = try ByteFileReader.readAll(path: path)
        } catch {
            throw error
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw ConfigurationError(path: path, keyPath: "", message: "is not valid JSON (\(ConfigurationLoader.reason(error)))")
        }
        let object = try JSONObject(root, path: path, keyPath: "")
        let version = try object.integer("version")
        guard version >= 1, version <= Configuration.highestSupportedVersion else {
            throw ConfigurationError(path: path, keyPath: "version",
                                     message: "version \(version) is not supported; this kompass reads versions 1 to \(Configuration.highestSupportedVersion)")
        }
        try object.allowOnly(["$schema", "version", "sources", "merge", "validation", "output", "state", "publication", "guard"])
        let folder = (path as NSString).deletingLastPathComponent
        let resolve: (String) -> String = { relative in
            if relative.hasPrefix("/") || folder.isEmpty { return relative }
            return ConfigurationLoader.collapsingParentReferences((folder as NSString).appendingPathComponent(relative))
        }
        let sources = try object.array("sources").enumerated().map { index, element in
            try SourceConfigurationReader.read(try JSONObject(element, path: path, keyPath: "sources[\(index)]"), resolve: resolve)
        }
        guard !sources.isEmpty else {
            throw ConfigurationError(path: path, keyPath: "sources", message: "names no source; add at least one")
        }
        let output = resolve(try object.string("output"))
        let publication: PublicationSettings
        if let shared = try? object.optionalString("publication") {
            // "publication": "other.json": the publication settings of another configuration, so that
            // example and test configurations share the deployment's settings instead of copying them.
            publication = try ConfigurationLoader.publication(of: resolve(shared), referencedFrom: path)
        } else {
            publication = try PublicationSettingsReader.read(try object.object("publication"))
        }
        var names: Set<String> = []
        for (index, source) in sources.enumerated() where !names.insert(source.name).inserted {
            throw ConfigurationError(path: path, keyPath: "sources[\(index)].name",
                                     message: "the name '\(source.name)' is used by another source; give each source its own")
        }
        let merge = try SourceConfigurationReader.readMerge(try object.optionalObject("merge"), sources: sources)
        let validation = try ValidationSettingsReader.read(try object.optionalObject("validation"))
        var configuration = Configuration(version: version, path: path, sources: sources, outputDirectory: output,
                                          publication: publication, merge: merge, validation: validation)
        if let state = try object.optionalString("state") { configuration.setStateDirectory(resolve(state)) }
        if let guardObject = try object.optionalObject("guard") {
            try guardObject.allowOnly(["maxShrink"])
            if let value = guardObject.values["maxShrink"] {
                guard let number = value as? NSNumber, !JSONObject.isBoolean(number), (0...1).contains(number.doubleValue) else {
                    throw guardObject.error("maxShrink", "must be a share from 0 to 1 (0.25 is a quarter)")
                }
                configuration.guardSettings.maxShrink = number.doubleValue
            }
        }
        return configuration
    }

    /// The publication settings of the configuration at `path`.
    static func publication(of path: String, referencedFrom origin: String) throws -> PublicationSettings {
        let bytes: [UInt8]
        do {
            bytes = try ByteFileReader.readAll(path: path)
        } catch {
            throw ConfigurationError(path: origin, keyPath: "publication", message: "cannot read '\(path)': \(error.reason)")
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw ConfigurationError(path: path, keyPath: "", message: "is not valid JSON (\(reason(error)))")
        }
        let object = try JSONObject(root, path: path, keyPath: "")
        guard (try? object.optionalString("publication")) == nil else {
            throw ConfigurationError(path: origin, keyPath: "publication",
                                     message: "'\(path)' refers to yet another file; name the file that holds the settings")
        }
        return try PublicationSettingsReader.read(try object.object("publication"))
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

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}

/// A JSON object with the path of the file and the key path that led to it, for precise errors.
struct JSONObject {
    let values: [String: Any]
    let path: String
    let keyPath: String

    init(_ value: Any, path: String, keyPath: String) throws {
        guard let values = value as? [String: Any] else {
            throw ConfigurationError(path: path, keyPath: keyPath, message: "must be an object")
        }
        self.values = values
        self.path = path
        self.keyPath = keyPath
    }

    /// JSONSerialization hands `true` and `false` over as NSNumbers too.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    func key(_ name: String) -> String { keyPath.isEmpty ? name : "\(keyPath).\(name)" }

    func error(_ name: String, _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, keyPath: key(name), message: message)
    }

    func allowOnly(_ names: Set<String>) throws {
        for name in values.keys.sorted() where !names.contains(name) {
            throw error(name, "is not a known key; known here: " + names.sorted().joined(separator: ", "))
        }
    }

    func optionalString(_ name: String) throws -> String? {
        guard let value = values[name], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw error(name, "must be a string") }
        return text
    }

    func string(_ name: String) throws -> String {
        guard let text = try optionalString(name) else { throw error(name, "is missing") }
        guard !text.trimmingWhitespace().isEmpty else { throw error(name, "must not be empty") }
        return text
    }

    func integer(_ name: String) throws -> Int {
        guard let value = values[name] else { throw error(name, "is missing") }
        guard let number = value as? NSNumber, !JSONObject.isBoolean(number),
              number.doubleValue == number.doubleValue.rounded() else {
            throw error(name, "must be a whole number")
        }
        return number.intValue
    }

    func array(_ name: String) throws -> [Any] {
        guard let value = values[name] else { throw error(name, "is missing") }
        guard let array = value as? [Any] else { throw error(name, "must be an array") }
        return array
    }

    func optionalArray(_ name: String) throws -> [Any]? {
        guard values[name] != nil else { return nil }
        return try array(name)
    }

    func object(_ name: String) throws -> JSONObject {
        guard let value = values[name] else { throw error(name, "is missing") }
        return try JSONObject(value, path: path, keyPath: key(name))
    }

    func optionalObject(_ name: String) throws -> JSONObject? {
        guard values[name] != nil else { return nil }
        return try object(name)
    }

    /// `{"de": …, "fr": …, "it": …, "en": …}` with German required.
    func localizedText(_ name: String) throws -> LocalizedText {
        let object = try self.object(name)
        try object.allowOnly(Set(Language.allCases.map(\.rawValue)))
        return LocalizedText(de: try object.string("de"), fr: try object.optionalString("fr"),
                             it: try object.optionalString("it"), en: try object.optionalString("en"))
    }
}

