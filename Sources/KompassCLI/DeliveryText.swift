import KompassCore

/// What `kompass run` says about its deliveries (`publication.deliver`), in the run's language: a failure
/// always (on standard error: the target, what was tried, what the program said, what to do); a success unless
/// `--quiet`; the commands run with `--verbose`. A run with nothing pending says nothing.
struct DeliveryText {
    let outcomes: [DeliveryOutcome]
    let language: ReportLanguage
    let outputDirectory: String

    private var de: Bool { language == .de }

    private func files(_ n: Int) -> String {
        de ? (n == 1 ? "1 Datei" : "\(n) Dateien") : (n == 1 ? "1 file" : "\(n) files")
    }

    /// The lines for standard output: one per delivery that succeeded, and with `verbose` the commands it ran.
    func successes(verbose: Bool) -> [String] {
        outcomes.filter(\.succeeded).flatMap { outcome in
            let what = outcome.everything ? (de ? "vollständig, \(files(outcome.pending.count))" : "complete set, \(files(outcome.pending.count))")
                : (de ? "\(files(outcome.pending.count)) geändert, \(outcome.removed.count) entfernt"
                      : "\(files(outcome.pending.count)) changed, \(outcome.removed.count) removed")
            let line = de ? "geliefert an '\(outcome.target)' (\(outcome.destination)): \(what), \(outcome.transferred) übertragen"
                : "delivered to '\(outcome.target)' (\(outcome.destination)): \(what), \(outcome.transferred) transferred"
            return [ShownText.message(line)] + (verbose ? outcome.commands.map { "  $ " + $0 } : [])
        }
    }

    /// What a dry run says when the configuration has delivery targets: that it delivered nothing.
    static func notOnDryRun(_ targets: [DeliveryTarget], language: ReportLanguage) -> String? {
        guard !targets.isEmpty else { return nil }
        let names = targets.map { "'\($0.name)'" }.joined(separator: ", ")
        return language == .de ? "Probelauf: keine Lieferung an \(names); ein Lauf ohne --dry-run liefert"
            : "dry run: nothing delivered to \(names); a run without --dry-run delivers"
    }

    /// The lines for standard error: per failed delivery, what failed and what to do; then what is kept.
    func failures() -> [String] {
        let failed = outcomes.filter { !$0.succeeded }
        var lines: [String] = []
        for outcome in failed {
            guard let failure = outcome.failure else { continue }
            lines.append(ShownText.message(de
                ? "kompass: Lieferung an '\(outcome.target)' (\(outcome.destination)) fehlgeschlagen: \(failure.step): \(failure.reason)"
                : "kompass: delivery to '\(outcome.target)' (\(outcome.destination)) failed: \(failure.step): \(failure.reason)"))
            if let command = failure.command { lines.append((de ? "    Befehl: " : "    command: ") + command) }
            if !failure.detail.isEmpty {
                lines.append(de ? "    Ausgabe des Programms:" : "    the program said:")
                lines += failure.detail.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
            }
            lines.append((de ? "    Vorschlag: " : "    hint: ") + failure.hint)
        }
        if !failed.isEmpty {
            let names = failed.map { "'\($0.target)'" }.joined(separator: ", ")
            lines.append(de ? "kompass: lokal publiziert in \(outputDirectory); die Lieferung an \(names) ist im Zustand vermerkt "
                + "und wird beim nächsten Lauf wiederholt, auch wenn sich nichts ändert"
                : "kompass: published locally to \(outputDirectory); the delivery to \(names) is recorded in the state "
                + "and the next run retries it, even when nothing changes")
        }
        return lines
    }
}
