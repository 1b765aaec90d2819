/// The page-text format of the public Digitalisierungs-Kompass page. It holds no identifiers and no
/// titles: reading it back needs the register (which recognises projects by their texts).
public struct PageTextWriter: SourceWriter {
    public let format = SourceFormat.pageText

    public init() {}

    public func write(_ projects: some Sequence<Project>, to writer: ByteFileWriter) throws(IOError) {
        try writer.write("Der Digitalisierungs-Kompass dokumentiert den Fortschritt der digitalen Transformation.\n")
        for project in projects {
            var text = "Fortschritt\n\(project.progress)%\nDauer\n\(project.period.displayText)\n"
            text += "Bisher\n\(project.before)\nIn Zukunft\n\(project.future)\nFelder\n"
            for field in project.fieldsOfAction { text += "\(PageTextImporter.bullet)\(field.label.de)\n" }
            text += "Nutzende\n"
            for group in project.userGroups { text += "\(group.label.de)\n" }
            try writer.write(text)
        }
    }
}
