import Foundation

/// Reads `projects.jsonld` back and checks that every key of every node is a keyword or a term of the
/// document's own context: processors silently drop a key the context does not map.
struct JSONLDKeyCheck {
    func problems(inFileAt path: String) -> [Bilingual] {
        guard let bytes = try? ByteFileReader.readAll(path: path),
              let document = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let context = document["@context"] as? [String: Any] else {
            return [Bilingual(en: "has no inline @context object", de: "hat kein eingebettetes @context-Objekt")]
        }
        let terms = Set(context.keys)
        // The keys inside a language map (`"prefLabel": {"de": …}`) are language tags, not terms.
        let languageMaps = Set(context.compactMap { term, definition in
            (definition as? [String: Any])?["@container"] as? String == "@language" ? term : nil
        })
        var unmapped: [String: Int] = [:]
        func visit(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, inner) in object where key != "@context" {
                    if !key.hasPrefix("@") && !terms.contains(key) && !key.contains(":") { unmapped[key, default: 0] += 1 }
                    if !languageMaps.contains(key) { visit(inner) }
                }
            } else if let array = value as? [Any] {
                array.forEach(visit)
            }
        }
        visit(document)
        return unmapped.keys.sorted().map { key in
            Bilingual(en: "the key '\(key)' (\(unmapped[key]!)×) is not mapped by the context: JSON-LD processors would drop it",
                      de: "der Schlüssel '\(key)' (\(unmapped[key]!)×) ist im Kontext nicht definiert: JSON-LD-Prozessoren würden ihn verwerfen")
        }
    }
}
