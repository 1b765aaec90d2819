/// `projects.jsonld`: every project as a schema.org `Project`, and the two closed vocabularies as
/// SKOS concept schemes with labels in de/fr/it/en. The context is inlined, so the file reads
/// offline; the same context is published as `context.jsonld`.
public struct JSONLDExporter: ProjectRowExporter {
    public let file = OutputFile.jsonLD

    public init() {}

    public func writeStart(context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try writer.write("{\n  \"@context\": ")
        try writer.write(JSONLDContext.object(vocabularyBase: context.settings.vocabularyBase, indent: "  "))
        try writer.write(",\n  \"@graph\": [\n")
    }

    public func write(_ project: Project, context: ExportContext, to buffer: inout ByteBuffer) {
        write(node: project, context: context, referenceYear: context.referenceDate.year, to: &buffer)
        buffer.write(",\n")
    }

    public func writeEnd(context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try writer.write(scheme(FieldOfAction.self, context: context))
        try writer.write(",\n")
        try writer.write(scheme(UserGroup.self, context: context))
        try writer.write("\n  ]\n}\n")
    }

    /// A project's node, member by member straight into the buffer (no string per line, no joining).
    private func write(node project: Project, context: ExportContext, referenceYear: Int, to buffer: inout ByteBuffer) {
        func member(_ key: String, first: Bool = false) {
            buffer.write(first ? "    {\n      \"" : ",\n      \"")
            buffer.write(key)
            buffer.write("\": ")
        }
        member("@id", first: true)
        buffer.writeJSONString(context.projectIRI(project.id))
        member("@type")
        buffer.write("\"Project\"")
        member("identifier")
        buffer.writeJSONString(project.id.rawValue)
        member("name")
        buffer.writeJSONString(project.title)
        member("url")
        buffer.writeJSONString(context.settings.landingPage + "#" + project.id.rawValue)
        member("progressPercent")
        buffer.write(String(project.progress))
        member("startYear")
        buffer.writeJSONString(String(project.period.startYear))
        if let end = project.period.endYear {
            member("endYear")
            buffer.writeJSONString(String(end))
        }
        member("status")
        buffer.writeJSONString(project.status(referenceYear: referenceYear).code)
        member("situationBefore")
        buffer.writeJSONString(project.before)
        member("targetState")
        buffer.writeJSONString(project.future)
        member("fieldOfAction")
        writeList(project.fieldsOfAction.map { context.conceptIRI($0) }, to: &buffer)
        member("userGroup")
        writeList(project.userGroups.map { context.conceptIRI($0) }, to: &buffer)
        buffer.write("\n    }")
    }

    private func writeList(_ values: [String], to buffer: inout ByteBuffer) {
        buffer.write(byte: UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.write(", ") }
            buffer.writeJSONString(value)
        }
        buffer.write(byte: UInt8(ascii: "]"))
    }

    private func scheme<V: Vocabulary>(_ vocabulary: V.Type, context: ExportContext) -> String {
        let q = Escaping.json
        let schemeIRI = context.schemeIRI(V.self)
        var nodes = ["    {\n      \"@id\": \(q(schemeIRI)),\n      \"@type\": \"ConceptScheme\",\n      \"prefLabel\": \(labels(V.schemeLabel)),\n"
            + "      \"hasTopConcept\": [\(V.allCases.map { q(context.conceptIRI($0)) }.joined(separator: ", "))]\n    }"]
        for term in V.allCases {
            nodes.append("    {\n      \"@id\": \(q(context.conceptIRI(term))),\n      \"@type\": \"Concept\",\n"
                + "      \"inScheme\": \(q(schemeIRI)),\n      \"notation\": \(q(term.code)),\n"
                + "      \"prefLabel\": \(labels(term.label))\n    }")
        }
        return nodes.joined(separator: ",\n")
    }

    private func labels(_ text: LocalizedText) -> String {
        "{" + text.entries.map { "\(Escaping.json($0.language.rawValue)): \(Escaping.json($0.text))" }.joined(separator: ", ") + "}"
    }
}
