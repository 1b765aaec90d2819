/// The files of a run and the order they are written in, derived from what each exporter declares it
/// reads (`Exporter.reads`): the row files during the pass, then the documents, each after every file it
/// reads, otherwise in the order of `OutputFile`.
public struct ExportPlan: Sendable {
    /// Every exporter kompass has, one per output file.
    public static let exporters: [any Exporter] = [
        CSVExporter(), FieldsCSVExporter(), HistoryCSVExporter(), SpreadsheetCSVExporter(), DataPackageExporter(), CSVMetadataExporter(),
        JSONLDContextExporter(), VocabularyTurtleExporter(), VocabularyJSONLDExporter(), JSONLDExporter(), RSSExporter(), AtomExporter(),
        LandingPageExporter(),
        DCATExporter(), DCATTurtleExporter(), DCATJSONLDExporter(),
    ]

    /// Written during the pass, a part per project.
    public let rows: [any ProjectRowExporter]
    /// Written after the pass, in an order in which every file comes after the files it reads.
    public let documents: [any DocumentExporter]

    public init(context: ExportContext, exporters: [any Exporter] = ExportPlan.exporters) {
        let enabled = exporters.filter { $0.isEnabled(in: context) }
            .sorted { OutputFile.allCases.firstIndex(of: $0.file)! < OutputFile.allCases.firstIndex(of: $1.file)! }
        rows = enabled.compactMap { $0 as? any ProjectRowExporter }
        var written = Set(rows.map(\.file))
        let planned = Set(enabled.map(\.file))
        var waiting = enabled.compactMap { $0 as? any DocumentExporter }
        var ordered: [any DocumentExporter] = []
        while !waiting.isEmpty {
            // The first file (in `OutputFile` order) all of whose planned inputs are written.
            guard let next = waiting.firstIndex(where: { exporter in
                exporter.reads.allSatisfy { !planned.contains($0) || written.contains($0) || $0 == exporter.file }
            }) else {
                preconditionFailure("the exporters' declared reads form a cycle: \(waiting.map(\.file.rawValue))")
            }
            let exporter = waiting.remove(at: next)
            ordered.append(exporter)
            written.insert(exporter.file)
        }
        documents = ordered
    }

    /// Every file the plan writes, rows first, in writing order.
    public var files: [OutputFile] { rows.map(\.file) + documents.map(\.file) }
}
