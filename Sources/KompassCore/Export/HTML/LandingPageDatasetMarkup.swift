/// The landing page's schema.org `Dataset` markup: one JSON-LD data block in the page's head, for search
/// engines' dataset search (it is data, not a script that runs).
///
/// Name and description in German (the page's language; the configuration keeps the German description
/// within the 50 to 5,000 characters search engines read), the licence, the publisher as creator and
/// publisher, the years of the portfolio as `temporalCoverage` (an ISO 8601 interval of years), the place
/// as `spatialCoverage`, and one `DataDownload` per published file but the page itself, with its URL, media
/// type and exact size (`12345 B`). The context is `https://schema.org`, as search engines document it; its
/// terms expand to `http://schema.org/`, as in `projects.jsonld`.
///
/// Every `<` in the JSON is written `\u003c`, so no text can end the block (`</script>`) or open a comment.
enum LandingPageDatasetMarkup {
    static func script(_ portfolio: PortfolioSummary, context: ExportContext) -> String {
        "<script type=\"application/ld+json\">\n" + escapedForScript(json(portfolio, context: context)) + "\n</script>\n"
    }

    static func json(_ portfolio: PortfolioSummary, context: ExportContext) -> String {
        let q = Escaping.json
        let settings = context.settings
        let organisation = "{\"@type\": \"Organization\", \"name\": \(q(settings.publisher.name.de)), \"url\": \(q(settings.publisher.uri))}"
        var members: [(String, String)] = [
            ("@context", q("https://schema.org")),
            ("@type", q("Dataset")),
            ("@id", q(settings.landingPage + "#dataset")),
            ("name", q(settings.title.de)),
            ("description", q(settings.description.de)),
            ("url", q(settings.landingPage)),
            ("identifier", q("\(settings.datasetID)@\(settings.organisationSlug)")),
            ("inLanguage", q("de")),
            ("keywords", "[" + (settings.keywords[.de] ?? []).map(q).joined(separator: ", ") + "]"),
            ("license", q(settings.licence.uri)),
            ("isAccessibleForFree", "true"),
            ("creator", organisation),
            ("publisher", organisation),
            ("datePublished", q(settings.issued.iso)),
            ("dateModified", q(context.dates(of: .csv).modified.iso)),
        ]
        if let span = portfolio.yearSpan {
            let years = span.lowerBound == span.upperBound ? "\(span.lowerBound)" : "\(span.lowerBound)/\(span.upperBound)"
            members.append(("temporalCoverage", q(years)))
        }
        members.append(("spatialCoverage", "{\"@type\": \"Place\", \"name\": \(q(settings.place))}"))
        let downloads = LandingPageFile.published(in: context).compactMap { entry -> String? in
            guard let written = context.writtenFiles[entry.file] else { return nil }
            return "    {\"@type\": \"DataDownload\", \"name\": \(q(entry.file.rawValue)), "
                + "\"description\": \(q(entry.label + ", " + entry.format)), "
                + "\"contentUrl\": \(q(settings.url(of: entry.file.rawValue))), "
                + "\"encodingFormat\": \(q(mediaType(entry.file))), \"contentSize\": \(q("\(written.byteCount) B"))}"
        }
        members.append(("distribution", "[\n" + downloads.joined(separator: ",\n") + "\n  ]"))
        return "{\n" + members.map { "  \(q($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}"
    }

    /// The media type without parameters (`text/csv`, not `text/csv; charset=utf-8`).
    static func mediaType(_ file: OutputFile) -> String {
        String(file.contentType.prefix { $0 != ";" })
    }

    /// JSON that can stand inside `<script>`: `<` as `\u003c` (the same JSON value).
    static func escapedForScript(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
