/// The JSON-LD context of `projects.jsonld`: schema.org terms where they fit, kompass's own
/// vocabulary where they do not (`ProjectVocabulary`, defined in `vocabulary.ttl` and `vocabulary.jsonld`),
/// SKOS for the two concept schemes. Every key the exporter writes is mapped here (a test checks it with an
/// independent processor).
public enum JSONLDContext {
    /// The context object (without the outer `{"@context": …}`), one term per line.
    public static func object(vocabularyBase: String, indent: String) -> String {
        let q = Escaping.json
        let terms: [(String, String)] = [
            ("schema", q("http://schema.org/")),
            ("skos", q("http://www.w3.org/2004/02/skos/core#")),
            ("xsd", q("http://www.w3.org/2001/XMLSchema#")),
            ("kompass", q(vocabularyBase)),
            ("Project", q("schema:Project")),
            ("ConceptScheme", q("skos:ConceptScheme")),
            ("Concept", q("skos:Concept")),
            ("identifier", q("schema:identifier")),
            ("name", #"{"@id": "schema:name", "@language": "de"}"#),
            ("url", #"{"@id": "schema:url", "@type": "@id"}"#),
        ] + ProjectVocabulary.terms.map { ($0.name, $0.contextDefinition) } + [
            ("prefLabel", #"{"@id": "skos:prefLabel", "@container": "@language"}"#),
            ("notation", q("skos:notation")),
            ("inScheme", #"{"@id": "skos:inScheme", "@type": "@id"}"#),
            ("hasTopConcept", #"{"@id": "skos:hasTopConcept", "@type": "@id", "@container": "@set"}"#),
        ]
        let lines = terms.map { "\(indent)  \(q($0.0)): \($0.1)" }
        return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
    }
}
