/// `history.csv`: the history dataset, one row per project per published change of its progress or
/// status (and its arrival and departure), with the date it was published: `datum;id;ereignis;
/// fortschritt_prozent;status`. Grows with every publication that changes something; oldest first.
public struct HistoryCSVExporter: DocumentExporter {
    public let file = OutputFile.historyCSV

    public init() {}

    public static let header = HistoryCSVColumn.allCases.map(\.rawValue)

    /// The event codes of the German table (`neu`, `entfernt`, `fortschritt`, `status`), from those the state
    /// keeps (`added`, `removed`, `progress`, `status`); an unknown code is written as it is.
    public static let eventCodes = ["added": "neu", "removed": "entfernt", "progress": "fortschritt", "status": "status"]

    static func eventCode(_ event: String) -> String { eventCodes[event] ?? event }

    public func export(_ portfolio: PortfolioSummary, context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try writer.write(Self.header.joined(separator: ";") + "\n")
        do {
            try context.history.forEach { row in
                let cells = [row.date.iso, row.projectID, Self.eventCode(row.event), row.progress.map(String.init) ?? "", row.status ?? ""]
                try writer.write(cells.map { Escaping.csv($0) }.joined(separator: ";") + "\n")
            }
        } catch let error as IOError {
            throw error
        } catch {
            throw IOError(path: writer.path, operation: "write", reason: "the history list cannot be read: \(error)")
        }
    }
}
