/// kompass's CSV input format is its published CSV (`projects.csv`, described by `datapackage.json`).
public struct CanonicalCSVWriter: SourceWriter {
    public let format = SourceFormat.csv
    /// The year the status column is computed for; it is not read back.
    public var referenceYear: Int

    public init(referenceYear: Int = 2026) {
        self.referenceYear = referenceYear
    }

    public func write(_ projects: some Sequence<Project>, to writer: ByteFileWriter) throws(IOError) {
        try CSVExporter.writeHeader(to: writer)
        var buffer = ByteBuffer()
        for project in projects {
            CSVExporter.writeRow(project, referenceYear: referenceYear, to: &buffer)
            try writer.write(buffer)
            buffer.removeAll()
        }
    }
}
