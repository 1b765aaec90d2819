/// The RDF and XML Schema terms the serializers and the graph need themselves.
public enum RDF {
    public static let namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let type = IRI(constant: namespace + "type")
}

/// XML Schema datatypes of typed literals.
public enum XSD {
    public static let namespace = "http://www.w3.org/2001/XMLSchema#"
    public static let string = IRI(constant: namespace + "string")
    public static let date = IRI(constant: namespace + "date")
    public static let dateTime = IRI(constant: namespace + "dateTime")
    public static let decimal = IRI(constant: namespace + "decimal")
    public static let integer = IRI(constant: namespace + "integer")
    public static let hexBinary = IRI(constant: namespace + "hexBinary")
}
