/// `ProjectVocabulary` as an RDFS document: the vocabulary (an `owl:Ontology` whose IRI is the namespace,
/// `publication.vocabularyBase`) and each term with its type, `rdfs:label` and `rdfs:comment` in de, fr, it
/// and en, `rdfs:range`, `rdfs:subPropertyOf` where schema.org or DCAT has a broader term, the schema.org
/// type it is used on (`schema:domainIncludes`, which, unlike `rdfs:domain`, lets nothing be inferred) and
/// `rdfs:isDefinedBy`. `VocabularyTurtleExporter` and `VocabularyJSONLDExporter` write the same graph.
enum ProjectVocabularyGraph {
    static func graph(vocabularyBase: String) throws(RDFError) -> RDFGraph {
        typealias Namespace = ProjectVocabulary.Namespace
        var graph = RDFGraph()
        for (prefix, namespace) in [("rdfs", Namespace.rdfs), ("owl", Namespace.owl), ("xsd", XSD.namespace),
                                    ("schema", Namespace.schema), ("skos", Namespace.skos), ("dct", Namespace.dct),
                                    ("kompass", vocabularyBase)] {
            try graph.bind(prefix, IRI(namespace))
        }
        func rdfs(_ local: String) -> IRI { IRI(constant: Namespace.rdfs + local) }
        func owl(_ local: String) -> IRI { IRI(constant: Namespace.owl + local) }
        func texts(_ subject: IRI, _ predicate: IRI, _ text: LocalizedText) throws(RDFError) {
            for entry in text.entries { graph.add(subject, predicate, try RDFLiteral(entry.text, language: entry.language.rawValue)) }
        }

        let vocabulary = try IRI(vocabularyBase)
        graph.add(vocabulary, RDF.type, owl("Ontology"))
        try texts(vocabulary, rdfs("label"), ProjectVocabulary.title)
        try texts(vocabulary, rdfs("comment"), ProjectVocabulary.description)
        let project = IRI(constant: Namespace.schema + "Project")
        for term in ProjectVocabulary.terms {
            let iri = try IRI(vocabularyBase + term.name)
            graph.add(iri, RDF.type, IRI(constant: RDF.namespace + "Property"))
            graph.add(iri, RDF.type, owl(term.isObjectProperty ? "ObjectProperty" : "DatatypeProperty"))
            try texts(iri, rdfs("label"), term.label)
            try texts(iri, rdfs("comment"), term.comment)
            graph.add(iri, rdfs("range"), try IRI(term.range))
            if let broader = term.subPropertyOf { graph.add(iri, rdfs("subPropertyOf"), try IRI(broader)) }
            graph.add(iri, IRI(constant: Namespace.schema + "domainIncludes"), project)
            graph.add(iri, rdfs("isDefinedBy"), vocabulary)
        }
        return graph
    }

    /// Builds the graph and writes it with `serializer`; any failure is reported as an `IOError` on `writer`'s path.
    static func write(vocabularyBase: String, with serializer: some RDFSerializer, to writer: ByteFileWriter) throws(IOError) {
        do {
            try serializer.write(try graph(vocabularyBase: vocabularyBase), to: writer)
        } catch {
            if case .output(let failure) = error { throw failure }
            throw IOError(path: writer.path, operation: "describe the vocabulary in", reason: error.description)
        }
    }
}
