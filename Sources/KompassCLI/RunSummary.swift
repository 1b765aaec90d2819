import KompassCore

/// The last line of `kompass run`, in the run's language: what happened, once. How many files a publication
/// changed and how many stayed as they were, how many changes it announces, and the findings counted.
struct RunSummary {
    let report: RunReport
    let language: ReportLanguage
    /// `34 projects: 0 errors, 9 warnings, 0 infos`, from the finding reporter.
    let findings: String

    private var de: Bool { language == .de }

    private func files(_ n: Int) -> String {
        de ? (n == 1 ? "1 Datei" : "\(n) Dateien") : (n == 1 ? "1 file" : "\(n) files")
    }

    private var changes: String {
        let n = report.changeCount
        return de ? (n == 1 ? "1 Änderung" : "\(n) Änderungen") : (n == 1 ? "1 change" : "\(n) changes")
    }

    /// `(8 changed, 5 unchanged)`; nothing on a first publication.
    private var fileChanges: String {
        guard !report.firstPublication else { return "" }
        let changed = report.files.count - report.unchangedFileCount
        return de ? " (\(changed) geändert, \(report.unchangedFileCount) unverändert)"
            : " (\(changed) changed, \(report.unchangedFileCount) unchanged)"
    }

    private var what: String {
        if report.firstPublication { return de ? "als erste Publikation" : "as the first publication" }
        return de ? "mit \(changes)" : "with \(changes)"
    }

    var published: String {
        let n = report.files.count, folder = report.outputDirectory
        return de ? "\(files(n)) nach \(folder) publiziert\(fileChanges) \(what); \(findings)"
            : "published \(files(n)) to \(folder)\(fileChanges) \(what); \(findings)"
    }

    var dryRun: String {
        let n = report.files.count, folder = report.outputDirectory
        return de ? "Probelauf: würde \(files(n)) nach \(folder) publizieren\(fileChanges) \(what); \(findings)"
            : "dry run: would publish \(files(n)) to \(folder)\(fileChanges) \(what); \(findings)"
    }

    var refused: String {
        de ? "kompass: nichts publiziert (\(findings)); \(report.outputDirectory) bleibt unverändert"
            : "kompass: nothing published (\(findings)); \(report.outputDirectory) is unchanged"
    }

    var unchanged: String {
        let listed = report.shortcut && report.findings.totalCount > 0
            ? (de ? "; kompass validate listet die Befunde auf" : "; kompass validate lists the findings") : ""
        return de ? "nichts geändert: \(report.outputDirectory) bleibt, wie es ist (\(findings)\(listed))"
            : "nothing changed: \(report.outputDirectory) stays as it is (\(findings)\(listed))"
    }

    /// The sentence for the run's outcome.
    var line: String {
        switch report.outcome {
        case .published: published
        case .dryRun: dryRun
        case .refused: refused
        case .unchanged: unchanged
        }
    }

    /// Why an unchanged run stopped early (`--verbose`).
    var shortcut: String {
        de ? "die Quellen ergeben dieselben Prüfsummen wie bei der letzten Publikation, und Konfiguration, kompass, Stichjahr und die "
            + "publizierten Dateien sind, wie sie sie hinterliess: nach dem Prüfen der Eingaben angehalten (die Befunde sind die damals gezählten)"
            : "the sources hash to what the last publication read, and the configuration, kompass, the reference year "
            + "and the published files are as it left them: stopped after hashing the inputs (the findings are those counted then)"
    }
}
