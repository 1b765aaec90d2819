import Foundation

/// Writes a synthetic portfolio in one input format into a folder, with a configuration that reads it
/// (and, for page text, the register that names its projects), so that anyone can reproduce a benchmark
/// with `kompass run --config DIR/kompass.json`.
public struct PortfolioGenerator: Sendable {
    public var count: Int
    public var seed: UInt64
    public var format: SourceFormat

    public init(count: Int, seed: UInt64, format: SourceFormat) {
        self.count = count
        self.seed = seed
        self.format = format
    }

    public var sourceFileName: String {
        "portfolio." + (format == .pageText ? "txt" : format.rawValue)
    }

    /// Writes the files; returns the source file written.
    public func write(into directory: String) throws -> WrittenFile {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let folder = directory as NSString
        let portfolio = SyntheticPortfolio(count: count, seed: seed)
        let source = try ByteFileWriter(path: folder.appendingPathComponent(sourceFileName))
        try format.writer.write(portfolio, to: source)
        let written = try source.finish()
        if format == .pageText {
            let register = try ByteFileWriter(path: folder.appendingPathComponent("register.csv"))
            try register.write(ProjectRegister.header.joined(separator: ";") + "\n")
            for (index, project) in portfolio.enumerated() {
                let before = ProjectFingerprint.of(text: project.before), future = ProjectFingerprint.of(text: project.future)
                try register.write("\(index + 1);\(before);\(future);\(project.id);\(Escaping.csv(project.title))\n")
            }
            _ = try register.finish()
        }
        let config = try ByteFileWriter(path: folder.appendingPathComponent("kompass.json"))
        try config.write(configuration())
        _ = try config.finish()
        return written
    }

    private func configuration() -> String {
        let q = Escaping.json
        var source = "{\"path\": \(q(sourceFileName)), \"format\": \(q(format.rawValue))"
        switch format {
        case .pageText:
            source += ", \"register\": \"register.csv\""
        case .csv, .json, .jsonl, .xml:
            let fields = format.canonicalMapping.sourceFields.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\(q($0.key.rawValue)): \(q($0.value))" }.joined(separator: ", ")
            let separator = format.canonicalMapping.listSeparator.map { ", \"listSeparator\": \(q($0))" } ?? ""
            source += ", \"mapping\": {\"fields\": {\(fields)}\(separator)}"
            if format == .xml { source += ", \"xml\": {\"namespace\": \(q(CanonicalXMLWriter.namespace))}" }
        }
        source += "}"
        return """
        {
          "version": 1,
          "sources": [\(source)],
          "output": "output",
          "publication": {
            "baseURL": "https://opendata.example.org/kompass-synthetic",
            "organisationSlug": "kompass-benchmark",
            "datasetID": "synthetic-\(count)-\(seed)",
            "issued": "2026-01-01",
            "publisher": {"uri": "https://opendata.example.org/", "name": {"de": "Synthetisches Portfolio", "fr": "Portefeuille synthétique", "it": "Portafoglio sintetico", "en": "Synthetic portfolio"}},
            "contact": {"name": "kompass", "email": "kompass@example.org"},
            "licence": "terms_by",
            "title": {"de": "Synthetisches Portfolio (\(count) Vorhaben, Seed \(seed))",
                      "fr": "Portefeuille synthétique (\(count) projets, graine \(seed))",
                      "it": "Portafoglio sintetico (\(count) progetti, seme \(seed))",
                      "en": "Synthetic portfolio (\(count) projects, seed \(seed))"},
            "description": {"de": "Von kompass generate erzeugt, für Benchmarks und Tests.",
                            "fr": "Généré par kompass generate, pour les benchmarks et les tests.",
                            "it": "Generato da kompass generate, per benchmark e test.",
                            "en": "Made by kompass generate, for benchmarks and tests."},
            "keywords": {"de": ["synthetisch"], "fr": ["synthétique"], "it": ["sintetico"], "en": ["synthetic"]},
            "translatedBy": "kompass generate (synthetic data, not the canton)"
          }
        }

        """
    }
}
