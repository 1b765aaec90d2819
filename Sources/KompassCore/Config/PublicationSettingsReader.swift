/// Reads and checks the `publication` object of the configuration.
enum PublicationSettingsReader {
    /// `resolve` makes the paths the settings name (delivery keys, programs) absolute against the file's folder.
    static func read(_ object: JSONObject, resolve: (String) -> String = { $0 }) throws -> PublicationSettings {
        try object.allowOnly(["baseURL", "organisationSlug", "datasetID", "issued", "publisher", "contact", "licence",
                              "title", "description", "keywords", "translatedBy", "themes", "frequency", "landingPage",
                              "vocabularyBase", "spatialCoverage", "spreadsheetCopy", "landingPageLimit", "deliver"])
        var baseURL = try object.string("baseURL")
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        guard isAbsoluteHTTPURL(baseURL) else {
            throw object.error("baseURL", "'\(baseURL)' is not an absolute http(s) URL")
        }
        let slug = try object.string("organisationSlug")
        guard slug.utf8.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else {
            throw object.error("organisationSlug", "'\(slug)' may hold only a-z, 0-9, '-' and '_' (opendata.swiss slugs)")
        }
        let datasetID = try object.string("datasetID")
        guard datasetID.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else {
            throw object.error("datasetID", "'\(datasetID)' may hold only A-Z, a-z, 0-9, '-' and '_'")
        }
        let issuedText = try object.string("issued")
        guard let issued = CalendarDate(iso: issuedText) else {
            throw object.error("issued", "'\(issuedText)' is not a date of the form YYYY-MM-DD")
        }
        let publisherObject = try object.object("publisher")
        try publisherObject.allowOnly(["uri", "name"])
        let publisherURI = try publisherObject.string("uri")
        guard isAbsoluteHTTPURL(publisherURI) else {
            throw publisherObject.error("uri", "'\(publisherURI)' is not an absolute http(s) URL")
        }
        let contactObject = try object.object("contact")
        try contactObject.allowOnly(["name", "email"])
        let email = try contactObject.string("email")
        guard isPlausibleEmail(email) else {
            throw contactObject.error("email", "'\(email)' is not an e-mail address (name@domain)")
        }
        let licenceText = try object.string("licence")
        guard let licence = PublicationSettings.Licence(rawValue: licenceText) else {
            throw object.error("licence", "'\(licenceText)' is not one of "
                + PublicationSettings.Licence.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let keywords = try object.keywordsInEveryLanguage("keywords")
        if object["translatedBy"] != nil { _ = try object.string("translatedBy") }
        let themes = try object.optionalArray("themes")?.map { element in
            guard let code = element.string, !code.isEmpty, code.utf8.allSatisfy({ (65...90).contains($0) }) else {
                throw object.error("themes", "must be a list of EU data-theme codes such as GOVE")
            }
            return code
        } ?? ["GOVE"]
        let frequency = try object.optionalString("frequency") ?? "IRREG"
        guard !frequency.isEmpty, frequency.utf8.allSatisfy({ (65...90).contains($0) || $0 == UInt8(ascii: "_") }) else {
            throw object.error("frequency", "'\(frequency)' is not an EU frequency code such as IRREG or ANNUAL")
        }
        let landingPage = try object.optionalString("landingPage") ?? baseURL + "/"
        guard isAbsoluteHTTPURL(landingPage) else {
            throw object.error("landingPage", "'\(landingPage)' is not an absolute http(s) URL")
        }
        let vocabularyBase = try object.optionalString("vocabularyBase") ?? baseURL + "/vocab/"
        guard isAbsoluteHTTPURL(vocabularyBase), vocabularyBase.hasSuffix("/") || vocabularyBase.hasSuffix("#") else {
            throw object.error("vocabularyBase", "'\(vocabularyBase)' must be an absolute http(s) URL ending in '/' or '#'")
        }
        var spreadsheetCopy = false
        if let value = object["spreadsheetCopy"] {
            guard let flag = value.bool else { throw object.error("spreadsheetCopy", "must be true or false") }
            spreadsheetCopy = flag
        }
        var landingPageLimit = PublicationSettings.defaultLandingPageLimit
        if object["landingPageLimit"] != nil {
            landingPageLimit = try object.integer("landingPageLimit")
            guard landingPageLimit >= 1 else { throw object.error("landingPageLimit", "must be at least 1") }
        }
        var settings = PublicationSettings(
            baseURL: baseURL, organisationSlug: slug, datasetID: datasetID, issued: issued,
            publisher: .init(uri: publisherURI, name: try publisherObject.textInEveryLanguage("name")),
            contact: .init(name: try contactObject.string("name"), email: email),
            licence: licence, title: try object.textInEveryLanguage("title"),
            description: try object.textInEveryLanguage("description"), keywords: keywords, themes: themes,
            frequency: frequency, landingPage: landingPage, vocabularyBase: vocabularyBase)
        settings.spreadsheetCopy = spreadsheetCopy
        if object["spatialCoverage"] != nil { settings.spatialCoverage = try object.string("spatialCoverage") }
        // Search engines read a dataset's description of 50 to 5,000 characters (the landing page's markup).
        let germanDescription = settings.description.de.count
        guard (50...5_000).contains(germanDescription) else {
            var error = try object.object("description").error("de", "has \(germanDescription) characters; the landing page's "
                + "dataset markup needs 50 to 5,000 (what search engines read)")
            error.messageDE = "hat \(germanDescription) Zeichen; die Datensatz-Auszeichnung der Landingpage braucht 50 bis 5000 "
                + "(was Suchmaschinen lesen)"
            throw error
        }
        settings.landingPageLimit = landingPageLimit
        settings.deliver = try DeliverySettingsReader.read(object, resolve: resolve)
        return settings
    }

    static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return false }
        let rest = text.drop { $0 != ":" }.dropFirst(3)
        return !rest.isEmpty && !text.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" })
    }

    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0 == " " || $0 == "<" || $0 == ">" })
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (97...122).contains(byte) || (48...57).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (65...90).contains(byte)
    }
}
