/// `catalog.rdf`: the DCAT-AP CH catalogue in RDF/XML, what opendata.swiss harvests (serve it as
/// `application/rdf+xml`). The graph is `DCATCatalogue`'s; runs after every file it describes.
public struct DCATExporter: Exporter {
    public var describesOtherFiles: Bool { true }
    public let file = OutputFile.catalogue

    public init() {}

    public func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try DCATCatalogue.write(portfolio, context: context, with: RDFXMLSerializer(), to: writer)
    }
}

/// `catalog.ttl`: the same catalogue graph as `catalog.rdf`, in Turtle.
public struct DCATTurtleExporter: Exporter {
    public var describesOtherFiles: Bool { true }
    public let file = OutputFile.catalogueTurtle

    public init() {}

    public func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try DCATCatalogue.write(portfolio, context: context, with: TurtleSerializer(), to: writer)
    }
}

/// `catalog.jsonld`: the same catalogue graph as `catalog.rdf`, in JSON-LD (flattened, with an inline
/// context of prefixes only, so it reads offline).
public struct DCATJSONLDExporter: Exporter {
    public var describesOtherFiles: Bool { true }
    public let file = OutputFile.catalogueJSONLD

    public init() {}

    public func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try DCATCatalogue.write(portfolio, context: context, with: JSONLDSerializer(), to: writer)
    }
}
