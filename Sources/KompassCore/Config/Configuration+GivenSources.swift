/// Files given on the command line (`--source FILE`, `validate FILE…`) in place of the configured sources, and what
/// they are read with, said rather than chosen silently.
///
/// A file whose format exactly one configured source has is read with that source's settings: its mapping, its
/// options (delimiter, encoding, records key, record element, namespace) and its XML schema; an info finding
/// (`source.settings`) names the source. Where several configured sources have the format, none is guessed: the
/// file is read with the format's built-in mapping and no schema, and a warning (`source.settings.ambiguous`) says
/// so. A page text keeps the configured page text's register, as before.
extension Configuration {
    public mutating func replaceSources(with files: [(path: String, format: SourceFormat)]) {
        let configured = sources
        givenSourceNotes = []
        sources = files.map { file in
            let sameFormat = configured.filter { $0.format == file.format }
            let location = SourceLocation(file: file.path, line: 0)
            guard sameFormat.count == 1, let model = sameFormat.first else {
                if sameFormat.count > 1 {
                    givenSourceNotes.append(Finding(ruleID: .sourceSettingsAmbiguous, severity: .warning, location: location,
                                                    message: Message.ambiguous(sameFormat.map(\.name), format: file.format),
                                                    hint: Message.ambiguousHint))
                }
                let register = configured.first { $0.format == .pageText }?.register
                return SourceConfiguration(path: file.path, format: file.format, register: file.format == .pageText ? register : nil)
            }
            var source = model
            source.path = file.path
            source.name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            source.retired = []
            // The page text has no settings but its register, which it always keeps: nothing to say.
            if file.format != .pageText {
                givenSourceNotes.append(Finding(ruleID: .sourceSettings, severity: .info, location: location,
                                                message: Message.adopted(model.name, schema: model.options.xmlSchemaPath), hint: nil))
            }
            return source
        }
    }

    enum Message {
        static func adopted(_ name: String, schema: String?) -> Bilingual {
            Bilingual(en: "read with the settings of the configured source '\(name)': its mapping and options"
                          + (schema.map { ", and validated against its XML schema \($0)" } ?? ""),
                      de: "gelesen mit den Einstellungen der konfigurierten Quelle '\(name)': ihrem Mapping und ihren Optionen"
                          + (schema.map { ", und geprüft gegen ihr XML-Schema \($0)" } ?? ""))
        }

        static func ambiguous(_ names: [String], format: SourceFormat) -> Bilingual {
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            return Bilingual(en: "\(names.count) configured sources have the format \(format.rawValue) (\(list)): this file is read "
                                 + "with the built-in mapping of the format and without any of their settings or XML schemas",
                             de: "\(names.count) konfigurierte Quellen haben das Format \(format.rawValue) (\(list)): diese Datei wird "
                                 + "mit dem eingebauten Mapping des Formats gelesen, ohne ihre Einstellungen oder XML-Schemas")
        }

        static let ambiguousHint = Bilingual(
            en: "to read it with one source's settings, give a configuration that has only that source (--config)",
            de: "um sie mit den Einstellungen einer Quelle zu lesen, geben Sie eine Konfiguration an, die nur diese Quelle hat (--config)")
    }
}
