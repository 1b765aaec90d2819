import KompassCore

/// The `--help` text of each command, in English and German. Options, commands, placeholders and exit codes
/// are the contract and read the same in both; only the prose is translated.
enum HelpText {
    static let version = "kompass " + KompassVersion.current

    /// The help of `command` (`kompass help run`, `kompass run --help`); nil when there is no such command.
    static func text(for command: String?) -> Bilingual? {
        switch command {
        case "run": run
        case "validate": validate
        case "convert": convert
        case "generate": generate
        case "rules": rules
        case "diff": diff
        case "status": status
        default: nil
        }
    }

    /// Every command that has a help text.
    static let commands = ["run", "validate", "convert", "generate", "rules", "diff", "status"]

    static let overview = Bilingual(en: """
    kompass: the Digitalisierungs-Kompass open-data export pipeline.

    USAGE
      kompass [run]    [options]         import, validate, export and publish (the default)
      kompass validate [options] [FILE…] check sources without writing anything
      kompass convert --to F --output FILE  write the portfolio in an input format
      kompass generate --projects N --format F  write a synthetic portfolio for benchmarks
      kompass rules [--report json]       the validation rules the configuration can tune
      kompass diff [--report json]        what a run would change against the last publication
      kompass status                      what was published when, from which sources
      kompass help [COMMAND]             this text, or a command's
      kompass --version

    Run 'kompass help run' or 'kompass validate --help' for the options.
    Every command takes --lang de|en: help, findings, summaries and errors follow it (default: German
    with a German locale, LC_ALL, LC_MESSAGES or LANG).

    EXIT CODES
      0  success          1  data errors, nothing published     2  usage or configuration error
      3  I/O failure      4  another run is publishing          5  success with warnings (only with --warnings-exit)
    """, de: """
    kompass: die Open-Data-Exportpipeline des Digitalisierungs-Kompasses.

    AUFRUF
      kompass [run]    [Optionen]        importieren, prüfen, exportieren und publizieren (der Normalfall)
      kompass validate [Optionen] [FILE…] Quellen prüfen, ohne etwas zu schreiben
      kompass convert --to F --output FILE  das Portfolio in einem Eingabeformat schreiben
      kompass generate --projects N --format F  ein synthetisches Portfolio für Messungen schreiben
      kompass rules [--report json]       die Prüfregeln, welche die Konfiguration einstellen kann
      kompass diff [--report json]        was ein Lauf gegenüber der letzten Publikation ändern würde
      kompass status                      was wann aus welchen Quellen publiziert wurde
      kompass help [COMMAND]             dieser Text oder der eines Befehls
      kompass --version

    Die Optionen zeigen 'kompass help run' und 'kompass validate --help'.
    Jeder Befehl kennt --lang de|en: Hilfe, Befunde, Zusammenfassungen und Fehlermeldungen erscheinen in
    dieser Sprache (Standard: Deutsch bei deutscher Locale, LC_ALL, LC_MESSAGES oder LANG).

    EXIT-CODES
      0  Erfolg           1  Fehler in den Daten, nichts publiziert   2  Fehler im Aufruf oder in der Konfiguration
      3  E/A-Fehler       4  ein anderer Lauf publiziert gerade       5  Erfolg mit Warnungen (nur mit --warnings-exit)
    """)

    static let run = Bilingual(en: """
    kompass run: read the sources, validate them, write every output and publish it.

    USAGE
      kompass [run] [--config PATH] [--source FILE [--format F]]... [--output DIR]
                    [--as-of YYYY-MM-DD] [--dry-run] [--strict] [--warnings-exit] [--lang de|en]
                    [--log-format text|json] [--quiet | --verbose] [--retire ID|FILE...] [--full] [--report-html FILE]
                    [--examples N] [--max-findings N]

    OPTIONS
      --config PATH       the configuration (default: config/kompass.json)
      --source FILE       read FILE instead of the configured sources (repeatable); publication
                          settings and the page text's register still come from the configuration
      --format F          the format of the preceding --source: page-text, csv, json, jsonl, xml
                          (default: from the extension: .txt .csv .json .jsonl/.ndjson .xml)
      --output DIR        publish into DIR instead of the configured output folder
      --as-of DATE        the reference date ("today") for date rules and output dates; the feeds
                          give this run's changes midnight of DATE. A date-time such as
                          2026-11-30T14:05:00+01:00 (or Z) sets the run's time as well. Without
                          --as-of: today, and the feeds give the run's wall-clock time
      --dry-run           do everything except publishing; the output folder is not touched
      --strict            treat warnings (and tolerated header spellings) as errors
      --retire ID...      the projects (or published files) named here leave the publication on
                          purpose; without it a published project missing from the sources stops
                          the run (shrink guard). A retired identifier is never used again.
      --full              publish every file anew instead of trusting the stored checksums (dates
                          and the feed still change only where content changed); also reads
                          everything when the inputs are those of the last publication
      --warnings-exit     exit 5 instead of 0 when the run succeeded with warnings
      --lang de|en        the language of findings, summary, help and errors (default: German with
                          a German locale)
      --examples N        findings of one rule in one file are grouped; list N places each (default 5)
      --max-findings N    report at most N findings (groups); the first line says when (default 200)
      --report-html FILE  also write the findings and what happened as one HTML page to FILE
      --log-format F      text (default) or json: one JSON object per line on standard error
      --quiet, -q         print errors only
      --verbose, -v       print info findings, the changes and every published file
      --help, -h          this text

    Any error in the data means nothing is published and the output folder stays as it was.
    So does a published project that is missing from the sources and not named with --retire.
    A run whose sources hold what was published changes nothing (and, without a terminal or
    --verbose, prints nothing). Only one run publishes at a time (exit code 4 for the other).
    """, de: """
    kompass run: die Quellen lesen, prüfen, alle Ausgaben schreiben und publizieren.

    AUFRUF
      kompass [run] [--config PATH] [--source FILE [--format F]]... [--output DIR]
                    [--as-of YYYY-MM-DD] [--dry-run] [--strict] [--warnings-exit] [--lang de|en]
                    [--log-format text|json] [--quiet | --verbose] [--retire ID|FILE...] [--full] [--report-html FILE]
                    [--examples N] [--max-findings N]

    OPTIONEN
      --config PATH       die Konfiguration (Standard: config/kompass.json)
      --source FILE       FILE statt der konfigurierten Quellen lesen (wiederholbar); die Einstellungen
                          der Publikation und das Register des Seitentexts kommen weiter aus der Konfiguration
      --format F          das Format der vorangehenden --source: page-text, csv, json, jsonl, xml
                          (Standard: nach der Endung: .txt .csv .json .jsonl/.ndjson .xml)
      --output DIR        nach DIR publizieren statt in den konfigurierten Ausgabeordner
      --as-of DATE        der Stichtag («heute») für die Datumsregeln und die Datumsangaben der Ausgaben;
                          die Feeds geben den Änderungen dieses Laufs Mitternacht von DATE. Eine Zeit
                          wie 2026-11-30T14:05:00+01:00 (oder Z) setzt auch die Uhrzeit des Laufs.
                          Ohne --as-of: heute, und die Feeds geben die Uhrzeit des Laufs
      --dry-run           alles ausser dem Publizieren; der Ausgabeordner bleibt unberührt
      --strict            Warnungen (und geduldete Schreibweisen von Spaltennamen) als Fehler behandeln
      --retire ID...      die hier genannten Vorhaben (oder publizierten Dateien) verlassen die Publikation
                          mit Absicht; ohne die Option hält ein publiziertes Vorhaben, das in den Quellen
                          fehlt, den Lauf an (Schrumpfschutz). Eine zurückgezogene Kennung wird nie wieder vergeben.
      --full              jede Datei neu publizieren, statt den gespeicherten Prüfsummen zu vertrauen
                          (Datumsangaben und Feed ändern sich trotzdem nur, wo sich der Inhalt geändert
                          hat); liest auch alles, wenn die Eingaben dieselben wie bei der letzten Publikation sind
      --warnings-exit     Exit-Code 5 statt 0, wenn der Lauf mit Warnungen gelungen ist
      --lang de|en        die Sprache der Befunde, der Zusammenfassung, der Hilfe und der Fehlermeldungen
                          (Standard: Deutsch bei deutscher Locale)
      --examples N        Befunde einer Regel in einer Datei werden gruppiert; je N Stellen aufführen (Standard 5)
      --max-findings N    höchstens N Befunde (Gruppen) melden; die erste Zeile sagt, wann (Standard 200)
      --report-html FILE  die Befunde und was geschah zusätzlich als eine HTML-Seite nach FILE schreiben
      --log-format F      text (Standard) oder json: ein JSON-Objekt pro Zeile auf der Standardfehlerausgabe
      --quiet, -q         nur Fehler ausgeben
      --verbose, -v       auch Hinweise, die Änderungen und jede publizierte Datei ausgeben
      --help, -h          dieser Text

    Ein einziger Fehler in den Daten heisst: nichts wird publiziert, der Ausgabeordner bleibt, wie er war.
    Ebenso, wenn ein publiziertes Vorhaben in den Quellen fehlt und nicht mit --retire genannt ist.
    Ein Lauf, dessen Quellen enthalten, was publiziert ist, ändert nichts (und gibt ohne Terminal oder
    --verbose nichts aus). Es publiziert immer nur ein Lauf gleichzeitig (Exit-Code 4 für den anderen).
    """)

    static let convert = Bilingual(en: """
    kompass convert: read the sources, check them, and write the portfolio in one of the input
    formats (to move a portfolio between systems, or to start a register or a spreadsheet from it).

    USAGE
      kompass convert --to csv|json|jsonl|xml|page-text --output FILE
                      [--config PATH] [--source FILE [--format F]]... [--as-of YYYY-MM-DD] [--lang de|en] [--quiet]

    OPTIONS
      --to F              the format to write (see the README, "Input formats")
      --output FILE       the file to write; it appears only when complete
      --config PATH       the configuration (default: config/kompass.json)
      --source FILE       read FILE instead of the configured sources (repeatable)
      --format F          the format of the preceding --source
      --lang de|en        the language of findings, help and errors
      --help, -h          this text

    Nothing is written when the sources have errors (exit code 1).
    """, de: """
    kompass convert: die Quellen lesen, prüfen und das Portfolio in einem der Eingabeformate schreiben
    (um ein Portfolio von einem System ins andere zu bringen, oder als Anfang eines Registers oder einer Tabelle).

    AUFRUF
      kompass convert --to csv|json|jsonl|xml|page-text --output FILE
                      [--config PATH] [--source FILE [--format F]]... [--as-of YYYY-MM-DD] [--lang de|en] [--quiet]

    OPTIONEN
      --to F              das zu schreibende Format (siehe README, «Input formats»)
      --output FILE       die zu schreibende Datei; sie erscheint erst, wenn sie vollständig ist
      --config PATH       die Konfiguration (Standard: config/kompass.json)
      --source FILE       FILE statt der konfigurierten Quellen lesen (wiederholbar)
      --format F          das Format der vorangehenden --source
      --lang de|en        die Sprache der Befunde, der Hilfe und der Fehlermeldungen
      --help, -h          dieser Text

    Haben die Quellen Fehler, wird nichts geschrieben (Exit-Code 1).
    """)

    static let generate = Bilingual(en: """
    kompass generate: write a synthetic portfolio of N projects in one input format, with a
    configuration that reads it, so that anyone can reproduce a benchmark.

    USAGE
      kompass generate --projects N --format csv|json|jsonl|xml|page-text [--seed S] [--output DIR] [--lang de|en]

    OPTIONS
      --projects N        how many projects
      --format F          the input format to write
      --seed S            the seed (default 1): the same seed gives the same files
      --output DIR        the folder to write into (default: generated-F-N)
      --lang de|en        the language of what it prints
      --help, -h          this text

    Then: kompass run --config DIR/kompass.json (publishes into DIR/output).
    """, de: """
    kompass generate: ein synthetisches Portfolio aus N Vorhaben in einem Eingabeformat schreiben, dazu
    eine Konfiguration, die es liest, damit jede und jeder eine Messung wiederholen kann.

    AUFRUF
      kompass generate --projects N --format csv|json|jsonl|xml|page-text [--seed S] [--output DIR] [--lang de|en]

    OPTIONEN
      --projects N        wie viele Vorhaben
      --format F          das zu schreibende Eingabeformat
      --seed S            der Startwert (Standard 1): derselbe Startwert ergibt dieselben Dateien
      --output DIR        der Ordner, in den geschrieben wird (Standard: generated-F-N)
      --lang de|en        die Sprache der Ausgabe
      --help, -h          dieser Text

    Danach: kompass run --config DIR/kompass.json (publiziert nach DIR/output).
    """)

    static let diff = Bilingual(en: """
    kompass diff: the changes between the sources now and the last publication (projects added and
    removed, progress, status, duration, title, texts, classification). Writes nothing.

    USAGE
      kompass diff [--config PATH] [--source FILE [--format F]]... [--output DIR] [--report text|json]
                   [--as-of YYYY-MM-DD] [--lang de|en] [--retire ID...]

    --report text|json (also --format text|json before any --source) chooses the output.
    --retire ID... previews the removals a run would be asked to make (see kompass help run).

    Exit code 1 when the sources have errors (they are printed), else 0.
    """, de: """
    kompass diff: die Änderungen zwischen den Quellen, wie sie jetzt sind, und der letzten Publikation
    (neue und entfernte Vorhaben, Fortschritt, Status, Dauer, Titel, Texte, Zuordnung). Schreibt nichts.

    AUFRUF
      kompass diff [--config PATH] [--source FILE [--format F]]... [--output DIR] [--report text|json]
                   [--as-of YYYY-MM-DD] [--lang de|en] [--retire ID...]

    --report text|json (auch --format text|json vor der ersten --source) wählt die Ausgabe.
    --retire ID... zeigt vorab die Entfernungen, die ein Lauf damit vornehmen würde (siehe kompass help run).

    Exit-Code 1, wenn die Quellen Fehler haben (sie werden ausgegeben), sonst 0.
    """)

    static let status = Bilingual(en: """
    kompass status: what the last publication published, when, by which kompass and configuration,
    from which sources, with which checksums.

    USAGE
      kompass status [--config PATH] [--output DIR] [--lang de|en]
    """, de: """
    kompass status: was die letzte Publikation publiziert hat, wann, mit welchem kompass und welcher
    Konfiguration, aus welchen Quellen, mit welchen Prüfsummen.

    AUFRUF
      kompass status [--config PATH] [--output DIR] [--lang de|en]
    """)

    static let rules = Bilingual(en: """
    kompass rules: list the rules of the validation catalogue with their default severity and
    parameters (tune them under "validation" in the configuration; every rule: docs/rules.md).

    USAGE
      kompass rules [--report text|json] [--lang de|en]
    """, de: """
    kompass rules: die Regeln des Prüfkatalogs mit ihrem Standard-Schweregrad und ihren Parametern
    auflisten (einzustellen unter "validation" in der Konfiguration; jede Regel: docs/rules.md).

    AUFRUF
      kompass rules [--report text|json] [--lang de|en]
    """)

    static let validate = Bilingual(en: """
    kompass validate: check sources and print every finding; writes nothing.

    USAGE
      kompass validate [--config PATH] [--format F] [--report text|json | --report html FILE] [--as-of YYYY-MM-DD]
                       [--lang de|en] [--strict] [--warnings-exit] [--retire ID...] [--examples N]
                       [--max-findings N] [FILE…]

    OPTIONS
      --config PATH       the configuration (default: config/kompass.json)
      FILE…               check these files instead of the configured sources
      --format F          the format of the files: page-text, csv, json, jsonl, xml
      --report FORMAT     text (default) or json (schema: schemas/report.schema.json)
      --report html FILE  also write the findings as one HTML page to FILE (--report-html FILE: the same)
      --as-of DATE        the reference date ("today") for date rules
      --lang de|en        the language of findings, help and errors (default: German with a German locale)
      --strict            treat warnings (and tolerated header spellings) as errors
      --warnings-exit     exit 5 instead of 0 when there are warnings but no errors
      --retire ID...      removals from the last publication that are intended (shrink guard)
      --examples N        findings of one rule in one file are grouped; list N places each (default 5)
      --max-findings N    report at most N entries, errors first; the first line says so (default 200;
                          0: all)
      --help, -h          this text

    Exit code 0 when no error was found, 1 when one was.
    """, de: """
    kompass validate: Quellen prüfen und jeden Befund ausgeben; schreibt nichts.

    AUFRUF
      kompass validate [--config PATH] [--format F] [--report text|json | --report html FILE] [--as-of YYYY-MM-DD]
                       [--lang de|en] [--strict] [--warnings-exit] [--retire ID...] [--examples N]
                       [--max-findings N] [FILE…]

    OPTIONEN
      --config PATH       die Konfiguration (Standard: config/kompass.json)
      FILE…               diese Dateien statt der konfigurierten Quellen prüfen
      --format F          das Format der Dateien: page-text, csv, json, jsonl, xml
      --report FORMAT     text (Standard) oder json (Schema: schemas/report.schema.json)
      --report html FILE  die Befunde zusätzlich als eine HTML-Seite nach FILE schreiben (--report-html FILE: dasselbe)
      --as-of DATE        der Stichtag («heute») für die Datumsregeln
      --lang de|en        die Sprache der Befunde, der Hilfe und der Fehlermeldungen (Standard: Deutsch bei
                          deutscher Locale)
      --strict            Warnungen (und geduldete Schreibweisen von Spaltennamen) als Fehler behandeln
      --warnings-exit     Exit-Code 5 statt 0, wenn es Warnungen, aber keine Fehler gibt
      --retire ID...      beabsichtigte Entfernungen aus der letzten Publikation (Schrumpfschutz)
      --examples N        Befunde einer Regel in einer Datei werden gruppiert; je N Stellen aufführen (Standard 5)
      --max-findings N    höchstens N Einträge melden, Fehler zuerst; die erste Zeile sagt es (Standard 200;
                          0: alle)
      --help, -h          dieser Text

    Exit-Code 0, wenn kein Fehler gefunden wurde, 1, wenn einer gefunden wurde.
    """)
}
