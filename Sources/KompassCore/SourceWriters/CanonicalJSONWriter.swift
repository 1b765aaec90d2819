/// kompass's JSON input format: an array of project objects (or, as JSON Lines, one object per line)
/// with the keys `id`, `title`, `progress`, `startYear`, `endYear` (absent for a single year),
/// `before`, `future`, `fieldsOfAction` and `userGroups` (arrays of German labels).
public struct CanonicalJSONWriter: SourceWriter {
    public let lines: Bool
    public var format: SourceFormat { lines ? .jsonl : .json }

    public init(lines: Bool) {
        self.lines = lines
    }

    public func write(_ projects: some Sequence<Project>, to writer: ByteFileWriter) throws(IOError) {
        if !lines { try writer.write("[\n") }
        var first = true
        for project in projects {
            if !lines && !first { try writer.write(",\n") }
            first = false
            try writer.write(object(for: project))
            if lines { try writer.write("\n") }
        }
        if !lines { try writer.write(first ? "]\n" : "\n]\n") }
    }

    func object(for project: Project) -> String {
        let q = Escaping.json
        var members = [
            "\"id\": \(q(project.id.rawValue))",
            "\"title\": \(q(project.title))",
            "\"progress\": \(project.progress)",
            "\"startYear\": \(project.period.startYear)",
        ]
        if let end = project.period.endYear { members.append("\"endYear\": \(end)") }
        members += [
            "\"before\": \(q(project.before))",
            "\"future\": \(q(project.future))",
            "\"fieldsOfAction\": [\(project.fieldsOfAction.map { q($0.label.de) }.joined(separator: ", "))]",
            "\"userGroups\": [\(project.userGroups.map { q($0.label.de) }.joined(separator: ", "))]",
        ]
        return lines ? "{" + members.joined(separator: ", ") + "}" : "  {" + members.joined(separator: ", ") + "}"
    }
}
