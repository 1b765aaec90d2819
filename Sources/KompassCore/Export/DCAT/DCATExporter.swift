/// `catalog.rdf`: the DCAT-AP CH catalogue in RDF/XML that opendata.swiss harvests: one catalogue,
/// the portfolio dataset, and a distribution per published format with its size in bytes.
///
/// Identifiers and `rdf:about` IRIs derive only from configuration, so they never change between runs.
/// Everything deployment-specific comes from `PublicationSettings`.
public struct DCATExporter: Exporter {
    public let file = OutputFile.catalogue

    public init() {}

    public func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        let settings = context.settings
        let x = Escaping.xml
        let catalogueIRI = "\(settings.baseURL)/catalog"
        let datasetIRI = "\(settings.baseURL)/dataset/\(settings.datasetID)"
        let issued = typed(settings.issued.iso, "date")
        let modified = typed(context.referenceDate.iso, "date")

        try writer.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF
            xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
            xmlns:dcat="http://www.w3.org/ns/dcat#"
            xmlns:dct="http://purl.org/dc/terms/"
            xmlns:foaf="http://xmlns.com/foaf/0.1/"
            xmlns:vcard="http://www.w3.org/2006/vcard/ns#"
            xmlns:skos="http://www.w3.org/2004/02/skos/core#">

          <dcat:Catalog rdf:about="\(x(catalogueIRI))">
        \(literals("dct:title", settings.title, indent: 4))
        \(literals("dct:description", settings.description, indent: 4))
            <dct:publisher rdf:resource="\(x(settings.publisher.uri))"/>
            <foaf:homepage><foaf:Document rdf:about="\(x(settings.landingPage))"/></foaf:homepage>
            <dct:language rdf:resource="\(DCATVocabulary.language)DEU"/>
            <dct:issued \(issued)</dct:issued>
            <dct:modified \(modified)</dct:modified>
            <dcat:dataset rdf:resource="\(x(datasetIRI))"/>
          </dcat:Catalog>

          <foaf:Agent rdf:about="\(x(settings.publisher.uri))">
        \(literals("foaf:name", settings.publisher.name, indent: 4))
          </foaf:Agent>

          <dcat:Dataset rdf:about="\(x(datasetIRI))">
            <dct:identifier>\(x(settings.datasetID))@\(x(settings.organisationSlug))</dct:identifier>
        \(literals("dct:title", settings.title, indent: 4))
        \(literals("dct:description", settings.description, indent: 4))
            <dct:publisher rdf:resource="\(x(settings.publisher.uri))"/>
            <dcat:contactPoint>
              <vcard:Organization>
                <rdf:type rdf:resource="http://www.w3.org/2006/vcard/ns#Kind"/>
                <vcard:fn>\(x(settings.contact.name))</vcard:fn>
                <vcard:hasEmail rdf:resource="mailto:\(x(settings.contact.email))"/>
              </vcard:Organization>
            </dcat:contactPoint>

        """)
        for theme in settings.themes {
            try writer.write("    <dcat:theme rdf:resource=\"\(x(DCATVocabulary.theme + theme))\"/>\n")
        }
        try writer.write("    <dct:language rdf:resource=\"\(DCATVocabulary.language)DEU\"/>\n")
        for language in Language.allCases {
            for keyword in settings.keywords[language] ?? [] {
                try writer.write("    <dcat:keyword xml:lang=\"\(language.rawValue)\">\(x(keyword))</dcat:keyword>\n")
            }
        }
        try writer.write("""
            <dcat:landingPage><foaf:Document rdf:about="\(x(settings.landingPage))"/></dcat:landingPage>
            <dct:issued \(issued)</dct:issued>
            <dct:modified \(modified)</dct:modified>
            <dct:accrualPeriodicity><dct:Frequency rdf:about="\(x(DCATVocabulary.frequency + settings.frequency))"/></dct:accrualPeriodicity>

        """)
        if let span = portfolio.yearSpan {
            try writer.write("""
                <dct:temporal>
                  <dct:PeriodOfTime>
                    <dcat:startDate \(typed("\(span.lowerBound)-01-01", "date"))</dcat:startDate>
                    <dcat:endDate \(typed("\(span.upperBound)-12-31", "date"))</dcat:endDate>
                  </dct:PeriodOfTime>
                </dct:temporal>

            """)
        }
        for distribution in DistributionDescription.all {
            try writer.write("    <dcat:distribution rdf:resource=\"\(x(datasetIRI))/distribution/\(distribution.code)\"/>\n")
        }
        try writer.write("  </dcat:Dataset>\n")

        for distribution in DistributionDescription.all {
            try writer.write(describe(distribution, datasetIRI: datasetIRI, issued: issued, modified: modified, context: context))
        }
        try writer.write("</rdf:RDF>\n")
    }

    private func describe(_ distribution: DistributionDescription, datasetIRI: String, issued: String, modified: String,
                          context: ExportContext) -> String {
        let settings = context.settings
        let x = Escaping.xml
        let url = settings.url(of: distribution.file.rawValue)
        var text = """

          <dcat:Distribution rdf:about="\(x(datasetIRI))/distribution/\(distribution.code)">
            <dct:identifier>\(x(settings.datasetID))-\(distribution.code)</dct:identifier>
        \(literals("dct:title", distribution.title, indent: 4))
        \(literals("dct:description", distribution.description, indent: 4))
            <dct:issued \(issued)</dct:issued>
            <dct:modified \(modified)</dct:modified>
            <dcat:accessURL rdf:resource="\(x(url))"/>
            <dcat:downloadURL rdf:resource="\(x(url))"/>
            <dct:license><dct:LicenseDocument rdf:about="\(x(settings.licence.uri))"/></dct:license>
            <dct:format><dct:MediaTypeOrExtent rdf:about="\(DCATVocabulary.fileType)\(distribution.fileType)"/></dct:format>

        """
        if let mediaType = distribution.mediaType {
            text += "    <dcat:mediaType><dct:MediaType rdf:about=\"\(DCATVocabulary.mediaType)\(mediaType)\"/></dcat:mediaType>\n"
        }
        text += "    <dct:language rdf:resource=\"\(DCATVocabulary.language)DEU\"/>\n"
        if let written = context.writtenFiles[distribution.file] {
            text += """
                <dcat:byteSize \(typed(String(written.byteCount), "decimal"))</dcat:byteSize>

            """
        }
        text += "  </dcat:Distribution>\n"
        return text
    }

    /// The opening tag's attribute and `>` for a typed literal: `rdf:datatype="…#date">value`.
    private func typed(_ value: String, _ datatype: String) -> String {
        "rdf:datatype=\"\(DCATVocabulary.xsd)\(datatype)\">\(Escaping.xml(value))"
    }

    /// One element per language present, e.g. `<dct:title xml:lang="de">…</dct:title>`.
    private func literals(_ element: String, _ text: LocalizedText, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return text.entries.map { "\(pad)<\(element) xml:lang=\"\($0.language.rawValue)\">\(Escaping.xml($0.text))</\(element)>" }
            .joined(separator: "\n")
    }
}
