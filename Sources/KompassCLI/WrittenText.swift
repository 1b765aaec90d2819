import KompassCore

/// The lines `run --verbose`, `convert` and `generate` print about the files they wrote, in the run's language.
enum WrittenText {
    /// `published output/projects.csv (1234 bytes, sha256 …)`.
    static func published(_ file: WrittenFile) -> Bilingual {
        Bilingual(en: "published \(file.path) (\(file.byteCount) bytes, sha256 \(file.sha256))",
                  de: "publiziert: \(file.path) (\(file.byteCount) Bytes, sha256 \(file.sha256))")
    }

    /// What `convert` wrote.
    static func converted(projects: Int, as format: SourceFormat, to path: String) -> Bilingual {
        Bilingual(en: "wrote \(projects) projects as \(format.rawValue) to \(path)",
                  de: "\(projects) Vorhaben als \(format.rawValue) nach \(path) geschrieben")
    }

    /// Why `convert` wrote nothing: the findings' summary.
    static func nothingWritten(_ summary: String) -> Bilingual {
        Bilingual(en: "kompass: nothing written (\(summary))", de: "kompass: nichts geschrieben (\(summary))")
    }

    /// What `generate` wrote, and how to run it.
    static func generated(projects: Int, seed: UInt64, as format: SourceFormat, _ file: WrittenFile, directory: String) -> Bilingual {
        Bilingual(en: "wrote \(projects) projects (seed \(seed)) as \(format.rawValue) to \(file.path) "
                      + "(\(file.byteCount) bytes); run it with: kompass run --config \(directory)/kompass.json",
                  de: "\(projects) Vorhaben (Startwert \(seed)) als \(format.rawValue) nach \(file.path) geschrieben "
                      + "(\(file.byteCount) Bytes); publizieren mit: kompass run --config \(directory)/kompass.json")
    }
}
