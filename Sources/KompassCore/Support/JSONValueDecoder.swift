/// Decodes a `Decodable` from a `JSONValue` that `JSONDocumentReader` read, so that a file read strictly
/// (the publication state) keeps its `Decodable` types.
///
/// It decodes what `JSONEncoder` writes with its default strategies: strings, numbers (an integer type only
/// from a whole number it holds), booleans, null, arrays, and objects (also as `[String: …]` dictionaries).
/// Errors are the standard `DecodingError`s with their coding path; `position(of:in:)` turns that path into
/// the line and column of the value it names.
struct JSONValueDecoder {
    func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: []))
    }

    /// The line and column of the value that `codingPath` names in `root`, or of the nearest value on the
    /// way to it that the file has (the object whose key is missing, say).
    static func position(of codingPath: [any CodingKey], in root: JSONValue) -> (line: Int, column: Int) {
        var value = root
        var position = (line: root.line, column: root.column)
        for key in codingPath {
            if let index = key.intValue, let elements = value.elements {
                guard elements.indices.contains(index) else { break }
                value = elements[index]
                position = (value.line, value.column)
            } else if let member = value.member(key.stringValue) {
                value = member.value
                position = (member.line, member.column)
            } else {
                break
            }
        }
        return position
    }
}

/// A key of an array's element, for coding paths.
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let members = value.members else { throw mismatch([String: JSONValue].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, object: value, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let elements = value.elements else { throw mismatch([JSONValue].self, value, codingPath) }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath)
    }
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) -> DecodingError {
    DecodingError.typeMismatch(type, DecodingError.Context(
        codingPath: codingPath, debugDescription: "expected \(describe(type)), found \(value.kindDescription)"))
}

private func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    case is [JSONValue].Type: "an array"
    case is [String: JSONValue].Type: "an object"
    default: "a number (\(type))"
    }
}

/// A primitive from `value`: what the single-value container and the keyed and unkeyed ones share.
private func primitive<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) throws -> T? {
    switch type {
    case is String.Type:
        guard let text = value.string else { throw mismatch(type, value, codingPath) }
        return text as? T
    case is Bool.Type:
        guard let flag = value.bool else { throw mismatch(type, value, codingPath) }
        return flag as? T
    case is Double.Type:
        guard let number = value.number else { throw mismatch(type, value, codingPath) }
        return number as? T
    case is Float.Type:
        guard let number = value.number else { throw mismatch(type, value, codingPath) }
        return Float(number) as? T
    default:
        return nil
    }
}

/// An integer of type `T` from `value`, or an error that says why not.
private func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) throws -> T {
    guard case .number(let literal) = value.content else { throw mismatch(type, value, codingPath) }
    if let exact = T(literal) { return exact }
    guard let whole = value.integer, let fitting = T(exactly: whole) else {
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: codingPath, debugDescription: "the number \(literal) is not a whole number that \(type) holds"))
    }
    return fitting
}

/// Decodes `type` from `value`: primitives directly, everything else through its `init(from:)`.
private func decodeValue<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) throws -> T {
    if let result = try primitive(type, value, codingPath) { return result }
    switch type {
    case is Int.Type: return try integer(Int.self, value, codingPath) as! T
    case is Int64.Type: return try integer(Int64.self, value, codingPath) as! T
    case is UInt64.Type: return try integer(UInt64.self, value, codingPath) as! T
    case is Int32.Type: return try integer(Int32.self, value, codingPath) as! T
    case is UInt32.Type: return try integer(UInt32.self, value, codingPath) as! T
    case is UInt.Type: return try integer(UInt.self, value, codingPath) as! T
    case is Int16.Type: return try integer(Int16.self, value, codingPath) as! T
    case is UInt16.Type: return try integer(UInt16.self, value, codingPath) as! T
    case is Int8.Type: return try integer(Int8.self, value, codingPath) as! T
    case is UInt8.Type: return try integer(UInt8.self, value, codingPath) as! T
    default: return try T(from: ValueDecoder(value: value, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let values: [String: JSONValue]
    let object: JSONValue
    let codingPath: [any CodingKey]

    init(members: [JSONValue.Member], object: JSONValue, codingPath: [any CodingKey]) {
        // The reader refuses a key given twice, so the keys are unique.
        values = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        self.object = object
        self.codingPath = codingPath
    }

    var allKeys: [Key] { object.members?.compactMap { Key(stringValue: $0.key) } ?? [] }

    func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

    private func value(for key: Key) throws -> JSONValue {
        guard let value = values[key.stringValue] else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "the key \"\(key.stringValue)\" is missing"))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(for: key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let value = try value(for: key)
        if value.isNull {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "expected \(describe(type)), found null"))
        }
        return try decodeValue(type, value, codingPath + [key])
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type as Bool.Type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type as String.Type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type as Double.Type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type as Float.Type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type as Int.Type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type as Int8.Type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type as Int16.Type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type as Int32.Type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type as Int64.Type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type as UInt.Type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type as UInt8.Type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type as UInt16.Type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type as UInt32.Type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type as UInt64.Type, key) }

    /// The generic decode, under a name the concrete overloads can call without calling themselves.
    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try decode(type, forKey: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: try value(for: key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try value(for: key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: values["super"] ?? JSONValue(.null, line: object.line, column: object.column), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: try value(for: key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next<T>(_ type: T.Type) throws -> (JSONValue, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "the array ends here"))
        }
        defer { currentIndex += 1 }
        return (elements[currentIndex], codingPath + [IndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next(type)
        if value.isNull {
            throw DecodingError.valueNotFound(type, DecodingError.Context(codingPath: path, debugDescription: "expected \(describe(type)), found null"))
        }
        return try decodeValue(type, value, path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next([String: JSONValue].self)
        return try ValueDecoder(value: value, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next([JSONValue].self)
        return try ValueDecoder(value: value, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next(JSONValue.self)
        return ValueDecoder(value: value, codingPath: path)
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if value.isNull {
            throw DecodingError.valueNotFound(type, DecodingError.Context(codingPath: codingPath, debugDescription: "expected \(describe(type)), found null"))
        }
        return try decodeValue(type, value, codingPath)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decode(type as Bool.Type, generic: ()) }
    func decode(_ type: String.Type) throws -> String { try decode(type as String.Type, generic: ()) }
    func decode(_ type: Double.Type) throws -> Double { try decode(type as Double.Type, generic: ()) }
    func decode(_ type: Float.Type) throws -> Float { try decode(type as Float.Type, generic: ()) }
    func decode(_ type: Int.Type) throws -> Int { try decode(type as Int.Type, generic: ()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decode(type as Int8.Type, generic: ()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decode(type as Int16.Type, generic: ()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decode(type as Int32.Type, generic: ()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decode(type as Int64.Type, generic: ()) }
    func decode(_ type: UInt.Type) throws -> UInt { try decode(type as UInt.Type, generic: ()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(type as UInt8.Type, generic: ()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(type as UInt16.Type, generic: ()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(type as UInt32.Type, generic: ()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(type as UInt64.Type, generic: ()) }

    /// The generic decode, under a name the concrete overloads can call without calling themselves.
    private func decode<T: Decodable>(_ type: T.Type, generic: Void) throws -> T {
        try decode(type)
    }
}
