import KompassCore

/// What `kompass status` prints, in the run's language: where and when the last publication went, the
/// configuration files with their checksums, the counts, the sources and every published file.
struct StatusText {
    var language: ReportLanguage

    private func t(_ english: String, _ german: String) -> String {
        language == .de ? german : english
    }

    func nothingPublished(output: String, state: String) -> String {
        t("nothing published yet into \(output) (no state in \(state))",
          "noch nichts nach \(output) publiziert (kein Zustand in \(state))")
    }

    func lines(_ state: PublicationState, output: String, sameVersion: Bool, sameConfiguration: Bool,
               configurationFiles: [(path: String, sha256: String?)]) -> [String] {
        let date = state.publishedOn?.iso ?? "?"
        var lines = [
            t("published into \(output) on \(date) by kompass \(state.kompassVersion)",
              "publiziert nach \(output) am \(date) von kompass \(state.kompassVersion)")
                + (sameVersion ? "" : t(" (this is kompass \(KompassVersion.current): the next run publishes every file anew)",
                                        " (dies ist kompass \(KompassVersion.current): der nächste Lauf publiziert jede Datei neu)")),
            // The publication's fingerprint covers every configuration file at once; each file is named with its
            // own checksum as it is now.
            t("configuration fingerprint of the publication: sha256 \(state.configurationFingerprint.prefix(16))…",
              "Fingerabdruck der Konfiguration der Publikation: sha256 \(state.configurationFingerprint.prefix(16))…")
                + (sameConfiguration ? t(" (the files below still give it)", " (die Dateien unten ergeben ihn noch)")
                                     : t(" (the files below give another: the next run recomputes every output)",
                                         " (die Dateien unten ergeben einen anderen: der nächste Lauf berechnet jede Ausgabe neu)")),
        ]
        for file in configurationFiles {
            lines.append("  \(file.path)  sha256 \(file.sha256 ?? t("(cannot be read)", "(nicht lesbar)"))")
        }
        lines.append(t("\(state.projectCount) projects, \(state.feed.count) feed items, \(state.historyCount) history rows, "
                           + "\(state.retired.count) retired (identifiers reserved)",
                       "\(state.projectCount) Vorhaben, \(state.feed.count) Feed-Einträge, \(state.historyCount) Verlaufszeilen, "
                           + "\(state.retired.count) zurückgezogen (Kennungen reserviert)"))
        for retired in state.retired {
            lines.append(t("  retired \(retired.id) on \(retired.retiredOn.iso): \(retired.title)",
                           "  zurückgezogen \(retired.id) am \(retired.retiredOn.iso): \(retired.title)"))
        }
        lines.append(t("sources:", "Quellen:"))
        for source in state.sources { lines.append("  \(source.path) (\(source.format)) sha256 \(source.sha256)") }
        lines.append(t("files:", "Dateien:"))
        for name in state.files.keys.sorted() {
            let file = state.files[name]!
            lines.append(t("  \(name)  \(file.bytes) bytes  modified \(file.modified.iso)  issued \(file.issued.iso)  sha256 \(file.sha256)",
                           "  \(name)  \(file.bytes) Bytes  geändert \(file.modified.iso)  erstmals \(file.issued.iso)  sha256 \(file.sha256)"))
        }
        return lines + deliveries(state.deliveries)
    }

    /// Per delivery target (`publication.deliver`): when it was last delivered to, what is pending, how the last
    /// attempt failed.
    private func deliveries(_ records: [String: DeliveryRecord]) -> [String] {
        guard !records.isEmpty else { return [] }
        var lines = [t("deliveries:", "Lieferungen:")]
        for name in records.keys.sorted() {
            let record = records[name]!
            let last = record.deliveredAt.map { t("last delivered \($0)", "zuletzt geliefert \($0)") } ?? t("never delivered", "nie geliefert")
            let pending = record.everything ? t("the complete set pending", "die ganze Publikation ausstehend")
                : record.isPending ? t("\(record.pending.count) files pending, \(record.removed.count) removed",
                                       "\(record.pending.count) Dateien ausstehend, \(record.removed.count) entfernt")
                : t("nothing pending", "nichts ausstehend")
            lines.append(ShownText.message("  \(name) (\(record.destination)): \(last); \(pending)"))
            if let failure = record.failure {
                lines.append(ShownText.message(t("    failed \(failure.attempts)× (last \(failure.at)): \(failure.message); the next run retries",
                                                 "    \(failure.attempts)× fehlgeschlagen (zuletzt \(failure.at)): \(failure.message); der nächste Lauf wiederholt")))
            }
        }
        return lines
    }
}
