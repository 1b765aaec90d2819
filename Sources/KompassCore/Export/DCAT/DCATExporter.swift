/// `catalog.rdf`: the DCAT-AP CH catalogue in RDF/XML, what opendata.swiss harvests (serve it as
/// `application/rdf+xml`). The graph is `DCATCatalogue`'s; runs after every file it describes.
public struct DCATExporter: DocumentExporter {
    public var reads: [OutputFile] { DCATCatalogue.describedFiles }
    public let file = OutputFile.catalogue

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try DCATCatalogue.write(portfolio, context: context, with: RDFXMLSerializer(), to: writer)
    }
}

/// `catalog.ttl`: the same catalogue graph as `catalog.rdf`, in Turtle.
public struct DCATTurtleExporter: DocumentExporter {
    public var reads: [OutputFile] { DCATCatalogue.describedFiles }
    public let file = OutputFile.catalogueTurtle

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try DCATCatalogue.write(portfolio, context: context, with: TurtleSerializer(), to: writer)
    }
}

/// `catalog.jsonld`: the same catalogue graph as `catalog.rdf`, in JSON-LD (flattened, with an inline
/// context of prefixes only, so it reads offline).
public struct DCATJSONLDExporter: DocumentExporter {
    public var reads: [OutputFile] { DCATCatalogue.describedFiles }
    public let file = OutputFile.catalogueJSONLD

    public init() {}

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try DCATCatalogue.write(portfolio, context: context, with: JSONLDSerializer(), to: writer)
    }
}
