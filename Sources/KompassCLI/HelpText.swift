import KompassCore

/// The `--help` text of each command.
enum HelpText {
    static let version = "kompass " + KompassVersion.current

    static let overview = """
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

    EXIT CODES
      0  success          1  data errors, nothing published     2  usage or configuration error
      3  I/O failure      5  success with warnings (only with --warnings-exit)
    """

    static let run = """
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
      --as-of DATE        the reference date ("today") for date rules and output dates
      --dry-run           do everything except publishing; the output folder is not touched
      --strict            treat warnings (and tolerated header spellings) as errors
      --retire ID...      the projects (or published files) named here leave the publication on
                          purpose; without it a published project missing from the sources stops
                          the run (shrink guard). A retired identifier is never used again.
      --full              publish every file anew instead of trusting the stored checksums (dates
                          and the feed still change only where content changed); also reads
                          everything when the inputs are those of the last publication
      --warnings-exit     exit 5 instead of 0 when the run succeeded with warnings
      --lang de|en        the language of findings (default: German with a German locale)
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
    """

    static let convert = """
    kompass convert: read the sources, check them, and write the portfolio in one of the input
    formats (to move a portfolio between systems, or to start a register or a spreadsheet from it).

    USAGE
      kompass convert --to csv|json|jsonl|xml|page-text --output FILE
                      [--config PATH] [--source FILE [--format F]]... [--as-of YYYY-MM-DD] [--quiet]

    OPTIONS
      --to F              the format to write (see the README, "Input formats")
      --output FILE       the file to write; it appears only when complete
      --config PATH       the configuration (default: config/kompass.json)
      --source FILE       read FILE instead of the configured sources (repeatable)
      --format F          the format of the preceding --source
      --help, -h          this text

    Nothing is written when the sources have errors (exit code 1).
    """

    static let generate = """
    kompass generate: write a synthetic portfolio of N projects in one input format, with a
    configuration that reads it, so that anyone can reproduce a benchmark.

    USAGE
      kompass generate --projects N --format csv|json|jsonl|xml|page-text [--seed S] [--output DIR]

    OPTIONS
      --projects N        how many projects
      --format F          the input format to write
      --seed S            the seed (default 1): the same seed gives the same files
      --output DIR        the folder to write into (default: generated-F-N)
      --help, -h          this text

    Then: kompass run --config DIR/kompass.json (publishes into DIR/output).
    """

    static let diff = """
    kompass diff: the changes between the sources now and the last publication (projects added and
    removed, progress, status, duration, title, texts, classification). Writes nothing.

    USAGE
      kompass diff [--config PATH] [--source FILE [--format F]]... [--output DIR] [--report text|json]
                   [--as-of YYYY-MM-DD] [--lang de|en] [--retire ID...]

    --report text|json (also --format text|json before any --source) chooses the output.
    --retire ID... previews the removals a run would be asked to make (see kompass help run).

    Exit code 1 when the sources have errors (they are printed), else 0.
    """

    static let status = """
    kompass status: what the last publication published, when, by which kompass and configuration,
    from which sources, with which checksums.

    USAGE
      kompass status [--config PATH] [--output DIR] [--lang de|en]
    """

    static let rules = """
    kompass rules: list the rules of the validation catalogue with their default severity and
    parameters (tune them under "validation" in the configuration; every rule: docs/rules.md).

    USAGE
      kompass rules [--report text|json] [--lang de|en]
    """

    static let validate = """
    kompass validate: check sources and print every finding; writes nothing.

    USAGE
      kompass validate [--config PATH] [--format F] [--report text|json | --report html FILE] [--as-of YYYY-MM-DD]
                       [--strict] [--warnings-exit] [--retire ID...] [--examples N] [--max-findings N]
                       [FILE…]

    OPTIONS
      --config PATH       the configuration (default: config/kompass.json)
      FILE…               check these files instead of the configured sources
      --format F          the format of the files: page-text, csv, json, jsonl, xml
      --report FORMAT     text (default) or json (schema: schemas/report.schema.json)
      --report html FILE  also write the findings as one HTML page to FILE (--report-html FILE: the same)
      --as-of DATE        the reference date ("today") for date rules
      --strict            treat warnings (and tolerated header spellings) as errors
      --warnings-exit     exit 5 instead of 0 when there are warnings but no errors
      --retire ID...      removals from the last publication that are intended (shrink guard)
      --examples N        findings of one rule in one file are grouped; list N places each (default 5)
      --max-findings N    report at most N entries, errors first; the first line says so (default 200;
                          0: all)
      --help, -h          this text

    Exit code 0 when no error was found, 1 when one was.
    """
}
