/// Checks that every key of every node of `projects.jsonld` is a keyword or a term of the document's own
/// context: processors silently drop a key the context does not map.
///
/// Fed the file's bytes in order (as they are written, or read back) through the JSON tokenizer, in flat
/// memory: the inline `@context`, which comes first, gives the terms (and which of them are language maps,
/// whose keys are language tags); every later key is checked against them.
final class JSONLDKeyCheck: OutputCheck {
    private enum Role: Equatable {
        case node
        case context
        case termDefinition(String)
        case languageMap
    }

    private var tokenizer = JSONTokenizer()
    private var terms: Set<String> = []
    private var languageMaps: Set<String> = []
    private var unmapped: [String: Int] = [:]
    private var sawContext = false
    private var stack: [Role] = []
    private var pendingRole: Role?
    private var lastKey = ""

    init() {
        tokenizer.decodesText = true
    }

    private func consume() {
        // A syntax error ends the check: the JSON syntax check of the same file reports it.
        while case .token(let token)? = try? tokenizer.next() {
            let role = stack.last ?? .node
            switch token.kind {
            case .beginObject, .beginArray:
                let next: Role
                if let pendingRole {
                    next = pendingRole
                } else if case .termDefinition = role, token.kind == .beginArray {
                    next = role
                } else {
                    next = role == .context ? .context : (role == .languageMap ? .languageMap : .node)
                }
                stack.append(token.kind == .beginArray && next != .languageMap ? (role == .context ? .context : next) : next)
                pendingRole = nil
            case .endObject, .endArray:
                if !stack.isEmpty { stack.removeLast() }
                pendingRole = nil
            case .key:
                let key = tokenizer.text
                lastKey = key
                pendingRole = nil
                switch role {
                case .context:
                    terms.insert(key)
                    pendingRole = .termDefinition(key)
                case .termDefinition, .languageMap:
                    break
                case .node:
                    // After the context only keys are read: string values need not be decoded.
                    if sawContext && key != "@context" { tokenizer.decodesValues = false }
                    if key == "@context" {
                        sawContext = true
                        pendingRole = .context
                    } else if languageMaps.contains(key) {
                        pendingRole = .languageMap
                    } else if !key.hasPrefix("@") && !terms.contains(key) && !key.contains(":") {
                        unmapped[key, default: 0] += 1
                    }
                }
            case .string:
                if case .termDefinition(let term) = role, lastKey == "@container", tokenizer.text == "@language" {
                    languageMaps.insert(term)
                }
                pendingRole = nil
            case .number, .true, .false, .null:
                pendingRole = nil
            }
        }
    }

    func feed(_ chunk: UnsafeRawBufferPointer) {
        tokenizer.feed(chunk)
        consume()
    }

    func finish(projectCount: Int) -> [Finding] {
        tokenizer.finish()
        consume()
        guard sawContext else {
            return [selfCheckFailure(.jsonLD, Bilingual(en: "has no inline @context object", de: "hat kein eingebettetes @context-Objekt"))]
        }
        return unmapped.keys.sorted().map { key in
            selfCheckFailure(.jsonLD, Bilingual(
                en: "the key '\(key)' (\(unmapped[key]!)×) is not mapped by the context: JSON-LD processors would drop it",
                de: "der Schlüssel '\(key)' (\(unmapped[key]!)×) ist im Kontext nicht definiert: JSON-LD-Prozessoren würden ihn verwerfen"))
        }
    }
}
