/// `projects.csv`: one row per project, UTF-8, `;`-separated, CRLF-free (LF line ends), one header row.
public struct CSVExporter: Exporter {
    public let file = OutputFile.csv

    public init() {}

    public func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        let delimiter = String(UnicodeScalar(CSVColumn.delimiter))
        try writer.write(CSVColumn.allCases.map(\.rawValue).joined(separator: delimiter) + "\n")
        let year = context.referenceDate.year
        for project in portfolio.projects {
            let cells = CSVColumn.allCases.map { Escaping.csv($0.value(of: project, referenceYear: year)) }
            try writer.write(cells.joined(separator: delimiter) + "\n")
        }
    }
}
