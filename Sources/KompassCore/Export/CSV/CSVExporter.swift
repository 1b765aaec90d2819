/// `projects.csv`: one row per project, UTF-8, `;`-separated, CRLF-free (LF line ends), one header row.
public struct CSVExporter: Exporter {
    public let file = OutputFile.csv

    public init() {}

    public func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try CSVExporter.writeHeader(to: writer)
        for project in portfolio.projects {
            try CSVExporter.writeRow(project, referenceYear: context.referenceDate.year, to: writer)
        }
    }

    private static let delimiter = String(UnicodeScalar(CSVColumn.delimiter))

    static func writeHeader(to writer: ByteFileWriter) throws(IOError) {
        try writer.write(CSVColumn.allCases.map(\.rawValue).joined(separator: delimiter) + "\n")
    }

    static func writeRow(_ project: Project, referenceYear: Int, to writer: ByteFileWriter) throws(IOError) {
        let cells = CSVColumn.allCases.map { Escaping.csv($0.value(of: project, referenceYear: referenceYear)) }
        try writer.write(cells.joined(separator: delimiter) + "\n")
    }
}
