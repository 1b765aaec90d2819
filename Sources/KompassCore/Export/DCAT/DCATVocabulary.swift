/// The namespaces and controlled vocabularies the catalogue uses (W3C, EU authority tables, IANA, SPDX).
enum DCATVocabulary {
    // Namespaces, bound as prefixes in that order.
    static let namespaces: [(prefix: String, iri: String)] = [
        ("dcat", dcatNamespace), ("dct", dctNamespace), ("foaf", foafNamespace), ("vcard", vcardNamespace),
        ("spdx", spdxNamespace), ("xsd", XSD.namespace),
    ]
    static let dcatNamespace = "http://www.w3.org/ns/dcat#"
    static let dctNamespace = "http://purl.org/dc/terms/"
    static let foafNamespace = "http://xmlns.com/foaf/0.1/"
    static let vcardNamespace = "http://www.w3.org/2006/vcard/ns#"
    static let spdxNamespace = "http://spdx.org/rdf/terms#"

    // Controlled vocabularies.
    static let theme = "http://publications.europa.eu/resource/authority/data-theme/"
    static let frequency = "http://publications.europa.eu/resource/authority/frequency/"
    static let language = "http://publications.europa.eu/resource/authority/language/"
    static let fileType = "http://publications.europa.eu/resource/authority/file-type/"
    static let mediaType = "https://www.iana.org/assignments/media-types/"

    /// The language of the data itself (German), `dct:language` of datasets and distributions.
    static let dataLanguage = "DEU"

    static func dcat(_ local: String) -> IRI { IRI(constant: dcatNamespace + local) }
    static func dct(_ local: String) -> IRI { IRI(constant: dctNamespace + local) }
    static func foaf(_ local: String) -> IRI { IRI(constant: foafNamespace + local) }
    static func vcard(_ local: String) -> IRI { IRI(constant: vcardNamespace + local) }
    static func spdx(_ local: String) -> IRI { IRI(constant: spdxNamespace + local) }
}
