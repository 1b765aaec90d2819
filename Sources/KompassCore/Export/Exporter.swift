/// Writes one output file from the portfolio.
///
/// The contract every exporter keeps: it streams (writes project by project through the writer,
/// never building the whole document in memory), it is deterministic (the same portfolio and
/// context give the same bytes), and it escapes every value for its format.
public protocol Exporter: Sendable {
    var file: OutputFile { get }
    /// Whether this run writes the file (optional outputs are switched on in the configuration).
    func isEnabled(in context: ExportContext) -> Bool
    /// Whether the exporter reads what earlier exporters wrote (`context.writtenFiles`, `dates(of:)`):
    /// such exporters run after the others, in order; the others may run at the same time.
    var describesOtherFiles: Bool { get }
    func export(_ portfolio: Portfolio, context: ExportContext, to writer: ByteFileWriter) throws(IOError)
}

extension Exporter {
    public func isEnabled(in context: ExportContext) -> Bool { true }
    public var describesOtherFiles: Bool { false }
}
