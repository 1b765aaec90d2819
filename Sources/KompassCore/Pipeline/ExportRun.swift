/// The files of a run as written to staging: each with its size, checksum and dates (a file whose content
/// did not change keeps the dates of the last publication).
public struct ExportRun: Sendable {
    /// The files in the order they were written.
    public private(set) var files: [WrittenFile] = []
    /// The context the later documents were written with: every earlier file's size, checksum and dates.
    public private(set) var context: ExportContext
    private let previous: PublicationState

    public init(context: ExportContext, previous: PublicationState) {
        self.context = context
        self.previous = previous
    }

    /// Records a written file: its dates follow from the last publication's checksum.
    public mutating func record(_ file: OutputFile, _ written: WrittenFile) {
        context.writtenFiles[file] = written
        context.fileDates[file] = previous.dates(of: file, written: written, on: context.referenceDate)
        files.append(written)
    }

    /// Takes the feed plan's items and landing-page projects into the context of the documents.
    public mutating func apply(_ plan: FeedPlan) {
        context = plan.applied(to: context)
    }

    /// Takes the history (the pass's list, this run's rows appended) into the context of the documents.
    public mutating func apply(_ history: HistoryList) {
        context.history = history
    }

    /// Writes the documents in the plan's order, each seeing every file written before it.
    public mutating func write(_ documents: [any DocumentExporter], summary: PortfolioSummary,
                               path: (OutputFile) -> String, stage: (String) -> Void = { _ in }) throws(IOError) {
        for exporter in documents {
            stage("write \(exporter.file.rawValue)")
            let writer = try ByteFileWriter(path: path(exporter.file))
            try exporter.export(summary, context: context, to: writer)
            record(exporter.file, try writer.finish())
        }
    }

    /// The files written, by their stable names.
    public var outputFiles: [OutputFile] { files.compactMap { OutputFile(fileName: $0.path) } }
}

extension OutputFile {
    /// The output file a path names (its last component), if any.
    init?(fileName path: String) {
        guard let name = path.split(separator: "/").last else { return nil }
        self.init(rawValue: String(name))
    }
}
