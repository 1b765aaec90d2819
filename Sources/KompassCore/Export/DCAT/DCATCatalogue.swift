/// The DCAT-AP CH catalogue as one RDF graph: the catalogue, its publisher, and per dataset its
/// distributions, one for each file of the dataset that this run wrote. `DCATExporter` (RDF/XML, what
/// opendata.swiss harvests), `DCATTurtleExporter` and `DCATJSONLDExporter` each build it and write it
/// in their format, so the three files hold the same triples.
///
/// Identifiers and IRIs derive only from the configuration (`<baseURL>/dataset/<id>`,
/// `…/distribution/<code>`, `<id>@<organisationSlug>`), so they never change between runs. Dates come
/// from the files: a distribution's from `context.dates(of:)`, a dataset's issued is the earliest and its
/// modified the latest of its distributions', the catalogue's the earliest and latest of all.
enum DCATCatalogue {
    /// The files the catalogue may describe (its distributions, the vocabulary): every file but the catalogue's
    /// own three and the landing page (which links the catalogue files with their sizes, so comes after them).
    static let describedFiles = OutputFile.allCases.filter { !LandingPageFile.catalogueFiles.contains($0) && $0 != .landingPage }

    /// Builds the graph and writes it with `serializer`; any failure is reported as an `IOError` on `writer`'s path.
    static func write(_ portfolio: PortfolioSummary, context: ExportContext, with serializer: some RDFSerializer,
                      to writer: ByteFileWriter) throws(IOError) {
        do {
            try serializer.write(try graph(portfolio, context: context), to: writer)
        } catch {
            if case .output(let failure) = error { throw failure }
            throw IOError(path: writer.path, operation: "describe the catalogue in", reason: error.description)
        }
    }

    /// One dataset as it is described: its distributions with their files as written in this run.
    struct Dataset {
        var description: DatasetDescription
        var identifier: String
        var iri: IRI
        var distributions: [(description: DistributionDescription, written: WrittenFile, dates: FileDates)]
        var issued: CalendarDate { distributions.map(\.dates.issued).min()! }
        var modified: CalendarDate { distributions.map(\.dates.modified).max()! }
    }

    /// The datasets that have at least one file written in this run (a dataset without a distribution
    /// is not importable), in the order of `DatasetDescription.all`.
    static func datasets(context: ExportContext) throws(RDFError) -> [Dataset] {
        let settings = context.settings
        var datasets: [Dataset] = []
        for description in DatasetDescription.all(spreadsheetCopy: settings.spreadsheetCopy) {
            let distributions = description.distributions.compactMap { distribution in
                context.writtenFiles[distribution.file].map { (distribution, $0, context.dates(of: distribution.file)) }
            }
            guard !distributions.isEmpty else { continue }
            let id = settings.datasetID + description.idSuffix
            datasets.append(Dataset(description: description, identifier: "\(id)@\(settings.organisationSlug)",
                                    iri: try IRI("\(settings.baseURL)/dataset/\(id)"), distributions: distributions))
        }
        return datasets
    }

    static func graph(_ portfolio: PortfolioSummary, context: ExportContext) throws(RDFError) -> RDFGraph {
        let settings = context.settings
        let dcat = DCATVocabulary.dcat, dct = DCATVocabulary.dct, foaf = DCATVocabulary.foaf
        let vcard = DCATVocabulary.vcard, spdx = DCATVocabulary.spdx
        let type = RDF.type

        var graph = RDFGraph()
        for namespace in DCATVocabulary.namespaces { try graph.bind(namespace.prefix, IRI(namespace.iri)) }

        let datasets = try datasets(context: context)
        let catalogue = try IRI("\(settings.baseURL)/catalog")
        let publisher = try IRI(settings.publisher.uri)
        let landingPage = try IRI(settings.landingPage)
        let licence = try IRI(settings.licence.uri)
        let language = try IRI(DCATVocabulary.language + DCATVocabulary.dataLanguage)
        let frequency = try IRI(DCATVocabulary.frequency + settings.frequency)
        let themes = try settings.themes.map { code throws(RDFError) in try IRI(DCATVocabulary.theme + code) }
        let sha256 = spdx("checksumAlgorithm_sha256")

        func texts(_ subject: IRI, _ predicate: IRI, _ text: LocalizedText) throws(RDFError) {
            for entry in text.entries { graph.add(subject, predicate, try RDFLiteral(entry.text, language: entry.language.rawValue)) }
        }
        func date(_ value: CalendarDate) -> RDFLiteral { RDFLiteral(value.iso, datatype: XSD.date) }

        // The catalogue.
        graph.add(catalogue, type, dcat("Catalog"))
        try texts(catalogue, dct("title"), settings.title)
        try texts(catalogue, dct("description"), settings.description)
        graph.add(catalogue, dct("publisher"), publisher)
        graph.add(catalogue, foaf("homepage"), landingPage)
        graph.add(catalogue, dct("language"), language)
        if let issued = datasets.map(\.issued).min(), let modified = datasets.map(\.modified).max() {
            graph.add(catalogue, dct("issued"), date(issued))
            graph.add(catalogue, dct("modified"), date(modified))
        }
        for dataset in datasets { graph.add(catalogue, dcat("dataset"), dataset.iri) }

        // The publisher and the landing page.
        graph.add(publisher, type, foaf("Agent"))
        try texts(publisher, foaf("name"), settings.publisher.name)
        graph.add(landingPage, type, foaf("Document"))

        for dataset in datasets {
            let iri = dataset.iri
            let description = dataset.description
            graph.add(iri, type, dcat("Dataset"))
            graph.add(iri, dct("identifier"), RDFLiteral(dataset.identifier))
            try texts(iri, dct("title"), description.title ?? settings.title)
            try texts(iri, dct("description"), description.description ?? settings.description)
            graph.add(iri, dct("publisher"), publisher)

            let contact = graph.newBlankNode()
            graph.add(iri, dcat("contactPoint"), contact)
            graph.add(contact, type, vcard("Organization"))
            graph.add(contact, type, vcard("Kind"))
            graph.add(contact, vcard("fn"), RDFLiteral(settings.contact.name))
            graph.add(contact, vcard("hasEmail"), try IRI("mailto:" + settings.contact.email))

            for theme in themes { graph.add(iri, dcat("theme"), theme) }
            graph.add(iri, dct("language"), language)
            for keywordLanguage in Language.allCases {
                guard let keywords = settings.keywords[keywordLanguage], !keywords.isEmpty else { continue }
                for keyword in keywords + (description.extraKeywords?[keywordLanguage].map { [$0] } ?? []) {
                    graph.add(iri, dcat("keyword"), try RDFLiteral(keyword, language: keywordLanguage.rawValue))
                }
            }
            graph.add(iri, dcat("landingPage"), landingPage)
            graph.add(iri, dct("issued"), date(dataset.issued))
            graph.add(iri, dct("modified"), date(dataset.modified))
            graph.add(iri, dct("accrualPeriodicity"), frequency)
            graph.add(frequency, type, dct("Frequency"))
            if let span = portfolio.yearSpan, let start = CalendarDate(year: span.lowerBound, month: 1, day: 1),
               let end = CalendarDate(year: span.upperBound, month: 12, day: 31) {
                let period = graph.newBlankNode()
                graph.add(iri, dct("temporal"), period)
                graph.add(period, type, dct("PeriodOfTime"))
                graph.add(period, dcat("startDate"), date(start))
                graph.add(period, dcat("endDate"), date(end))
            }
            for distribution in dataset.distributions {
                graph.add(iri, dcat("distribution"), iri.appending("/distribution/" + distribution.description.code))
            }

            for (distribution, written, dates) in dataset.distributions {
                let node = iri.appending("/distribution/" + distribution.code)
                let url = try IRI(settings.url(of: distribution.file.rawValue))
                graph.add(node, type, dcat("Distribution"))
                graph.add(node, dct("identifier"),
                          RDFLiteral("\(settings.datasetID)\(description.idSuffix)-\(distribution.code)"))
                try texts(node, dct("title"), distribution.title)
                try texts(node, dct("description"), distribution.description)
                if distribution.file == .jsonLD, context.writtenFiles[.vocabularyTurtle] != nil {
                    // The JSON-LD uses kompass's own terms: it conforms to their vocabulary (a dct:Standard whose
                    // IRI is the namespace; its pages are the two vocabulary files).
                    let vocabulary = try IRI(settings.vocabularyBase)
                    graph.add(node, dct("conformsTo"), vocabulary)
                    graph.add(vocabulary, type, dct("Standard"))
                    try texts(vocabulary, dct("title"), ProjectVocabulary.title)
                    for file in [OutputFile.vocabularyTurtle, .vocabularyJSONLD] where context.writtenFiles[file] != nil {
                        graph.add(vocabulary, foaf("page"), try IRI(settings.url(of: file.rawValue)))
                    }
                }
                graph.add(node, dct("issued"), date(dates.issued))
                graph.add(node, dct("modified"), date(dates.modified))
                graph.add(node, dcat("accessURL"), url)
                graph.add(node, dcat("downloadURL"), url)
                graph.add(node, dct("license"), licence)
                graph.add(licence, type, dct("LicenseDocument"))
                let format = try IRI(DCATVocabulary.fileType + distribution.fileType)
                graph.add(node, dct("format"), format)
                graph.add(format, type, dct("MediaTypeOrExtent"))
                if let mediaType = distribution.mediaType {
                    let media = try IRI(DCATVocabulary.mediaType + mediaType)
                    graph.add(node, dcat("mediaType"), media)
                    graph.add(media, type, dct("MediaType"))
                }
                graph.add(node, dct("language"), language)
                graph.add(node, dcat("byteSize"), RDFLiteral(String(written.byteCount), datatype: XSD.decimal))
                let checksum = graph.newBlankNode()
                graph.add(node, spdx("checksum"), checksum)
                graph.add(checksum, type, spdx("Checksum"))
                graph.add(checksum, spdx("algorithm"), sha256)
                graph.add(checksum, spdx("checksumValue"), RDFLiteral(written.sha256.lowercased(), datatype: XSD.hexBinary))
                graph.add(sha256, type, spdx("ChecksumAlgorithm"))
            }
        }
        return graph
    }
}
