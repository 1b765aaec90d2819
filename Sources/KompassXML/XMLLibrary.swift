internal import CLibXML2

/// Process-wide libxml2 set-up, done once.
enum XMLLibrary {
    /// No network, big line numbers, errors through our handler only. Never NOENT, DTDLOAD,
    /// DTDATTR, DTDVALID or XINCLUDE: entities stay unexpanded and DTDs unloaded.
    static let safeOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    private static let initialised: Bool = {
        xmlInitParser()
        kompass_installDenyAllEntityLoader()
        return true
    }()

    static func initialise() {
        _ = initialised
    }
}
