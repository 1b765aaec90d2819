import Foundation

/// Runs exporters that read nothing of each other at the same time (one per core), each into its own
/// staging file. The files are the same as when they run one after the other: each exporter's output
/// depends only on the portfolio and the context it is given.
enum ConcurrentExport {
    /// The written files in the order of `exporters`; the first error, if any, is thrown.
    static func run(_ exporters: [any Exporter], portfolio: Portfolio, context: ExportContext,
                    path: (OutputFile) -> String) throws -> [WrittenFile] {
        let paths = exporters.map { path($0.file) }
        let results = ParallelChunks.Slots<Result<WrittenFile, IOError>>(count: exporters.count)
        DispatchQueue.concurrentPerform(iterations: exporters.count) { index in
            do throws(IOError) {
                let writer = try ByteFileWriter(path: paths[index])
                try exporters[index].export(portfolio, context: context, to: writer)
                results.set(index, .success(try writer.finish()))
            } catch {
                results.set(index, .failure(error))
            }
        }
        return try results.values.map { try $0!.get() }
    }
}
