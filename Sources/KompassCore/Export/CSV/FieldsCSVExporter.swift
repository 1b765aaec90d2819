/// `project-fields.csv`: the long table of the fields of action, one row per project and field
/// (`id;handlungsfeld;handlungsfeld_code`, e.g. `digital-lab;Prozesse;prozesse`), in the order of
/// the projects and, within a project, of its fields. The same conventions as `projects.csv`:
/// UTF-8 without BOM, `;`-separated, LF line ends, one header row, RFC 4180 quoting.
///
/// A project without a field of action has no row. A field listed twice for a project (the
/// normaliser already drops repeats) gives one row, so that `id` + `handlungsfeld_code` is a key.
public struct FieldsCSVExporter: ProjectRowExporter {
    public let file = OutputFile.fieldsCSV

    public init() {}

    private static let delimiter = String(UnicodeScalar(CSVColumn.delimiter))

    public func writeStart(context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try writer.write(FieldsCSVColumn.allCases.map(\.rawValue).joined(separator: Self.delimiter) + "\n")
    }

    public func write(_ project: Project, context: ExportContext, to buffer: inout ByteBuffer) {
        for field in Self.fields(of: project) {
            for (index, column) in FieldsCSVColumn.allCases.enumerated() {
                if index > 0 { buffer.write(byte: CSVColumn.delimiter) }
                buffer.writeCSVCell(column.value(of: project, field: field))
            }
            buffer.write(byte: 0x0A)
        }
    }

    /// The project's fields of action in their order, each once.
    static func fields(of project: Project) -> [FieldOfAction] {
        var seen = Set<FieldOfAction>()
        return project.fieldsOfAction.filter { seen.insert($0).inserted }
    }
}
