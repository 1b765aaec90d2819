/// Writes one output file.
///
/// The contract every exporter keeps: it streams (writes through the writer, never building the whole
/// document in memory), it is deterministic (the same projects and context give the same bytes), and it
/// escapes every value for its format. An exporter is one of two kinds:
/// - a `ProjectRowExporter` writes a part per project while the run's single pass reads the sources
///   (`projects.csv`, the long table, the JSON-LD, the spreadsheet copy);
/// - a `DocumentExporter` writes its file after the pass, from what the pass kept (`PortfolioSummary`)
///   and the context (the feeds, the history, the landing page, the catalogue).
public protocol Exporter: Sendable {
    var file: OutputFile { get }
    /// Whether this run writes the file (optional outputs are switched on in the configuration).
    func isEnabled(in context: ExportContext) -> Bool
    /// The files whose size, checksum or dates this file states, or which it links: they are written
    /// before it (`ExportPlan` orders the files by these declarations).
    var reads: [OutputFile] { get }
}

extension Exporter {
    public func isEnabled(in context: ExportContext) -> Bool { true }
    public var reads: [OutputFile] { [] }
}

/// A file with one part per project, written during the single pass: the start, then each project as
/// soon as it is read and checked, then the end. A project's part is formatted into a buffer (on whichever
/// core the pass gives it), which the pass hands to the file's writer in portfolio order.
public protocol ProjectRowExporter: Exporter {
    func writeStart(context: ExportContext, to writer: ByteFileWriter) throws(IOError)
    func write(_ project: Project, context: ExportContext, to buffer: inout ByteBuffer)
    func writeEnd(context: ExportContext, to writer: ByteFileWriter) throws(IOError)
}

extension ProjectRowExporter {
    public func writeEnd(context: ExportContext, to writer: ByteFileWriter) throws(IOError) {}
}

/// A file written after the pass from what the pass kept of the portfolio and from the context.
public protocol DocumentExporter: Exporter {
    func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError)
}

extension Exporter {
    /// The whole file for projects at hand (conversions and tests), written as a run writes it: a row file's
    /// start, parts and end; a document from the summary the pass would keep.
    public func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        if let rows = self as? any ProjectRowExporter {
            try rows.writeStart(context: context, to: writer)
            var buffer = ByteBuffer()
            for project in portfolio.projects {
                rows.write(project, context: context, to: &buffer)
                try writer.write(buffer)
                buffer.removeAll()
            }
            try rows.writeEnd(context: context, to: writer)
        } else if let document = self as? any DocumentExporter {
            try document.export(PortfolioSummary(portfolio, referenceYear: context.referenceDate.year,
                                                 keeping: context.settings.landingPageLimit), context: context, to: writer)
        }
    }
}
