extension String {
    /// Whether any of the string's UTF-8 bytes satisfies `predicate`: a loop over its contiguous bytes (a native
    /// string's storage), where `utf8.contains(where:)` advances a string index per byte, several times slower on
    /// the hot path (every text of every project is scanned by the escaping and by rules).
    func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
        return utf8.contains(where: predicate)
    }
}
