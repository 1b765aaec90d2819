/// `projects.csv`: one row per project, UTF-8, `;`-separated, CRLF-free (LF line ends), one header row.
///
/// The canonical file keeps every value exactly as it is; `projects-excel.csv` (`SpreadsheetCSVExporter`)
/// is the copy for spreadsheets.
public struct CSVExporter: ProjectRowExporter {
    public let file = OutputFile.csv

    public init() {}

    public func writeStart(context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try CSVExporter.writeHeader(to: writer)
    }

    public func write(_ project: Project, context: ExportContext, to buffer: inout ByteBuffer) {
        CSVExporter.writeRow(project, referenceYear: context.referenceDate.year, to: &buffer)
    }

    static let delimiter = String(UnicodeScalar(CSVColumn.delimiter))

    static func writeHeader(to writer: ByteFileWriter) throws(IOError) {
        try writer.write(CSVColumn.allCases.map(\.rawValue).joined(separator: delimiter) + "\n")
    }

    static func writeRow(_ project: Project, referenceYear: Int, to buffer: inout ByteBuffer) {
        for (index, column) in CSVColumn.allCases.enumerated() {
            if index > 0 { buffer.write(byte: CSVColumn.delimiter) }
            buffer.writeCSVCell(column.value(of: project, referenceYear: referenceYear))
        }
        buffer.write(byte: 0x0A)
    }

    /// The unescaped values of a project's row, in column order.
    static func values(of project: Project, referenceYear: Int) -> [String] {
        CSVColumn.allCases.map { $0.value(of: project, referenceYear: referenceYear) }
    }
}
