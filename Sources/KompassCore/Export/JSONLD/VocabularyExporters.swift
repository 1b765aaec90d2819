/// `vocabulary.ttl`: kompass's own terms of `projects.jsonld` as an RDFS document in Turtle (`ProjectVocabularyGraph`).
public struct VocabularyTurtleExporter: DocumentExporter {
    public let file = OutputFile.vocabularyTurtle

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try ProjectVocabularyGraph.write(vocabularyBase: context.settings.vocabularyBase, with: TurtleSerializer(), to: writer)
    }
}

/// `vocabulary.jsonld`: the same vocabulary graph as `vocabulary.ttl`, in JSON-LD.
public struct VocabularyJSONLDExporter: DocumentExporter {
    public let file = OutputFile.vocabularyJSONLD

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try ProjectVocabularyGraph.write(vocabularyBase: context.settings.vocabularyBase, with: JSONLDSerializer(), to: writer)
    }
}
