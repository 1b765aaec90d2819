import KompassCore

/// What each exit code means, for the help and the man page (README and the CLI guide: "Exit codes").
extension ExitCode {
    var meaning: Bilingual {
        switch self {
        case .success:
            Bilingual(en: "success (including \"nothing changed\")", de: "Erfolg (auch «nichts geändert»)")
        case .dataErrors:
            Bilingual(en: "the data has errors (or the self-check refused an output, or --strict and a warning); nothing was published",
                      de: "Fehler in den Daten (oder die Selbstprüfung hat eine Ausgabe abgelehnt, oder --strict und eine Warnung); "
                          + "nichts wurde publiziert")
        case .usage:
            Bilingual(en: "usage or configuration error", de: "Fehler im Aufruf oder in der Konfiguration")
        case .ioFailure:
            Bilingual(en: "an I/O or system failure (a file that cannot be read or written, a full disk)",
                      de: "ein E/A- oder Systemfehler (eine Datei, die nicht gelesen oder geschrieben werden kann, eine volle Platte)")
        case .locked:
            Bilingual(en: "another run holds the lock (is publishing); this one changed nothing",
                      de: "ein anderer Lauf hält die Sperre (publiziert gerade); dieser hat nichts geändert")
        case .successWithWarnings:
            Bilingual(en: "success with warnings, only with --warnings-exit and without --strict",
                      de: "Erfolg mit Warnungen, nur mit --warnings-exit und ohne --strict")
        case .deliveryFailed:
            Bilingual(en: "published locally, but a delivery target (publication.deliver) failed; the next run retries it",
                      de: "lokal publiziert, aber ein Lieferziel (publication.deliver) ist gescheitert; der nächste Lauf "
                          + "versucht es erneut")
        }
    }
}
