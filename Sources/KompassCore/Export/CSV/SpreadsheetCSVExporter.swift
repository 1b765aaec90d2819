/// `projects-excel.csv`: an optional copy of `projects.csv` for people who open it in a spreadsheet
/// (Excel, LibreOffice Calc, Numbers). Written only when the configuration sets
/// `publication.spreadsheetCopy`.
///
/// It holds the same header and rows as `projects.csv`, with three differences:
///
/// - **UTF-8 with a byte-order mark** (`EF BB BF`), so that Excel reads umlauts as UTF-8 and not as
///   Windows-1252;
/// - **CRLF line ends** between rows (line breaks inside a quoted cell stay as they are, LF);
/// - **formula-like cells are neutralised** (OWASP, "CSV Injection"): a cell whose value starts with
///   `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe `'`, so that a
///   spreadsheet shows it as text instead of evaluating it (`=SUMME(A1)` becomes `'=SUMME(A1)`,
///   `-5` becomes `'-5`). Cells are then quoted as in `projects.csv` (RFC 4180).
///
/// This copy is for reading, not for processing: a neutralised value differs from the data. The
/// canonical `projects.csv` keeps every value exactly as it is and is what scripts, `datapackage.json`
/// and `csv-metadata.json` describe; kompass never reads this copy back as an input of its own
/// (its apostrophes would become part of the values).
public struct SpreadsheetCSVExporter: ProjectRowExporter {
    public let file = OutputFile.spreadsheetCSV

    public init() {}

    public func isEnabled(in context: ExportContext) -> Bool { context.settings.spreadsheetCopy }

    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let lineEnd = "\r\n"

    public func writeStart(context: ExportContext, to writer: ByteFileWriter) throws(IOError) {
        try writer.write(Self.byteOrderMark)
        try writer.write(CSVColumn.allCases.map { Escaping.csv(Self.neutralised($0.rawValue)) }
            .joined(separator: CSVExporter.delimiter) + Self.lineEnd)
    }

    public func write(_ project: Project, context: ExportContext, to buffer: inout ByteBuffer) {
        for (index, column) in CSVColumn.allCases.enumerated() {
            if index > 0 { buffer.write(byte: CSVColumn.delimiter) }
            buffer.writeCSVCell(Self.neutralised(column.value(of: project, referenceYear: context.referenceDate.year)))
        }
        buffer.write(Self.lineEnd)
    }

    /// The first characters that make a spreadsheet treat a cell as a formula (OWASP): `=`, `+`, `-`,
    /// `@`, tab, carriage return.
    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// Whether a spreadsheet would run `value` as a formula (the rule `text.formula-like` reports these).
    public static func startsLikeFormula(_ value: String) -> Bool {
        value.utf8.first.map(formulaStarts.contains) ?? false
    }

    /// `value` with a leading apostrophe when it starts like a formula; otherwise unchanged.
    public static func neutralised(_ value: String) -> String {
        startsLikeFormula(value) ? "'" + value : value
    }
}
