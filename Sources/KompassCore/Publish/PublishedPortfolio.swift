import Foundation

/// What the output folder holds from the last publication, read back from its own files.
public struct PublishedPortfolio: Sendable {
    public var outputDirectory: String

    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    public var csvPath: String { (outputDirectory as NSString).appendingPathComponent(OutputFile.csv.rawValue) }

    /// The identifiers in the published `projects.csv`, in its order; nil when nothing was published
    /// (or the file cannot be read back, which the next publication replaces anyway).
    public func projectIDs() -> [ProjectID]? {
        guard FileManager.default.fileExists(atPath: csvPath) else { return nil }
        var identifiers: [ProjectID] = []
        let request = ImportRequest(path: csvPath, fields: [CSVColumn.id.rawValue],
                                    options: SourceOptions(csvDelimiter: CSVColumn.delimiter, encoding: .utf8))
        guard let findings = try? CSVImporter().read(request, emit: { record in
            if let text = record[CSVColumn.id.rawValue].first?.text, let id = ProjectID(text) { identifiers.append(id) }
        }), !findings.contains(where: { $0.severity == .error }) else { return nil }
        return identifiers
    }
}
