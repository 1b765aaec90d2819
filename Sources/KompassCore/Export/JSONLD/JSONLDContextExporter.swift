/// `context.jsonld`: the context of `projects.jsonld` as a file of its own, for consumers that
/// reference rather than inline it.
public struct JSONLDContextExporter: DocumentExporter {
    public let file = OutputFile.jsonLDContext

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try writer.write("{\n  \"@context\": ")
        try writer.write(JSONLDContext.object(vocabularyBase: context.settings.vocabularyBase, indent: "  "))
        try writer.write("\n}\n")
    }
}
