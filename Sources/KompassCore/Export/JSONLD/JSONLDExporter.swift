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

    public func write(_ project: Project, context: ExportContext, to buffer: ByteBuffer) {
        buffer.write(node(for: project, context: context, referenceYear: context.referenceDate.year))
        buffer.write(",\n")
    }

    public func writeEnd(context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try writer.write(scheme(FieldOfAction.self, context: context))
        try writer.write(",\n")
        try writer.write(scheme(UserGroup.self, context: context))
        try writer.write("\n  ]\n}\n")
    }

    private func node(for project: Project, context: ExportContext, referenceYear: Int) -> String {
        let q = Escaping.json
        var lines = [
            "\"@id\": \(q(context.projectIRI(project.id)))",
            "\"@type\": \"Project\"",
            "\"identifier\": \(q(project.id.rawValue))",
            "\"name\": \(q(project.title))",
            "\"url\": \(q(context.settings.landingPage + "#" + project.id.rawValue))",
            "\"progressPercent\": \(project.progress)",
            "\"startYear\": \(q(String(project.period.startYear)))",
        ]
        if let end = project.period.endYear { lines.append("\"endYear\": \(q(String(end)))") }
        lines += [
            "\"status\": \(q(project.status(referenceYear: referenceYear).code))",
            "\"situationBefore\": \(q(project.before))",
            "\"targetState\": \(q(project.future))",
            "\"fieldOfAction\": [\(project.fieldsOfAction.map { q(context.conceptIRI($0)) }.joined(separator: ", "))]",
            "\"userGroup\": [\(project.userGroups.map { q(context.conceptIRI($0)) }.joined(separator: ", "))]",
        ]
        return "    {\n      " + lines.joined(separator: ",\n      ") + "\n    }"
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
