/// kompass's XML input format (`schemas/kompass-input.xsd`, namespace
/// `https://opendata.example.org/kompass/input/1`): a `portfolio` of `project` elements.
public struct CanonicalXMLWriter: SourceWriter {
    public let format = SourceFormat.xml
    public static let namespace = "https://opendata.example.org/kompass/input/1"

    public init() {}

    public func write(_ projects: some Sequence<Project>, to writer: ByteFileWriter) throws(IOError) {
        let x = Escaping.xml
        try writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<portfolio xmlns=\"\(CanonicalXMLWriter.namespace)\">\n")
        for project in projects {
            var text = "  <project id=\"\(x(project.id.rawValue))\">\n"
            text += "    <title>\(x(project.title))</title>\n"
            text += "    <progress>\(project.progress)</progress>\n"
            text += "    <start>\(project.period.startYear)</start>\n"
            if let end = project.period.endYear { text += "    <end>\(end)</end>\n" }
            text += "    <before>\(x(project.before))</before>\n"
            text += "    <future>\(x(project.future))</future>\n"
            text += "    <fields>\n"
            for field in project.fieldsOfAction { text += "      <field>\(x(field.label.de))</field>\n" }
            text += "    </fields>\n    <userGroups>\n"
            for group in project.userGroups { text += "      <userGroup>\(x(group.label.de))</userGroup>\n" }
            text += "    </userGroups>\n  </project>\n"
            try writer.write(text)
        }
        try writer.write("</portfolio>\n")
    }
}

extension FieldMapping {
    /// Reads what `CanonicalXMLWriter` writes.
    public static let canonicalXML = FieldMapping(sourceFields: [
        .id: "@id", .title: "title", .progress: "progress", .startYear: "start", .endYear: "end",
        .before: "before", .future: "future", .fieldsOfAction: "field", .userGroups: "userGroup",
    ])
}
