/// One kind of damage that a round trip through Excel does to a CSV source, with its rule, severity and
/// the texts of its finding. The four damages to values are errors (publishing would spread the damaged
/// values); a changed delimiter or encoding is information (the values are still read correctly).
enum SpreadsheetDamage: Equatable {
    /// `0870` → `870`.
    case leadingZeros(accepted: String, current: String)
    /// `1-2` → `01.02.2026`.
    case date(accepted: String, current: String)
    /// `123456789012` → `1.23457E+11`.
    case scientific(accepted: String, current: String)
    /// `Bevölkerung` → `Bev?lkerung`; `pairs` names each lost character with its replacement.
    case lostCharacters(accepted: String, current: String, pairs: [LostCharacter])
    /// `;` → `,`.
    case delimiter(accepted: UInt8, current: UInt8)
    /// UTF-8 → Windows-1252, or the other way.
    case encoding(accepted: TextEncoding, current: TextEncoding)

    /// A character that was replaced by a mark.
    struct LostCharacter: Equatable {
        var lost: Character
        var replacement: Character
    }

    /// What happened to a cell whose value changed, when it is what Excel does; nil for an ordinary edit.
    static func of(accepted: String, current: String) -> SpreadsheetDamage? {
        if SpreadsheetValueShape.lostLeadingZeros(accepted: accepted, current: current) {
            return .leadingZeros(accepted: accepted, current: current)
        }
        if SpreadsheetValueShape.becameScientific(accepted: accepted, current: current) {
            return .scientific(accepted: accepted, current: current)
        }
        if SpreadsheetValueShape.becameDate(accepted: accepted, current: current) {
            return .date(accepted: accepted, current: current)
        }
        if let pairs = SpreadsheetValueShape.lostCharacters(accepted: accepted, current: current) {
            return .lostCharacters(accepted: accepted, current: current,
                                   pairs: pairs.map { LostCharacter(lost: $0.lost, replacement: $0.replacement) })
        }
        return nil
    }

    var ruleID: RuleID {
        switch self {
        case .leadingZeros: .excelLeadingZero
        case .date: .excelDate
        case .scientific: .excelScientific
        case .lostCharacters: .excelLostCharacter
        case .delimiter: .excelDelimiter
        case .encoding: .excelEncoding
        }
    }

    var severity: Severity {
        switch self {
        case .leadingZeros, .date, .scientific, .lostCharacters: .error
        case .delimiter, .encoding: .info
        }
    }

    /// The finding at `location`; the hint points at the accepted copy, from which a value can be restored.
    func finding(at location: SourceLocation, acceptedCopy: String) -> Finding {
        Finding(ruleID: ruleID, severity: severity, location: location, message: message, hint: hint(acceptedCopy: acceptedCopy))
    }
}

// MARK: - Messages

extension SpreadsheetDamage {
    // The texts of the damages' findings, apart from the logic that finds them: each a message and a hint, in
    // English and German.

    /// What happened to the value, or to the file.
    var message: Bilingual {
        switch self {
        case let .leadingZeros(accepted, current):
            let zeros = accepted.count - (current == "0" ? 1 : current.count)
            return zeros == 1
                ? Bilingual(en: "'\(accepted)' lost its leading zero: it is now '\(current)'",
                            de: "«\(accepted)» hat die führende Null verloren: jetzt steht «\(current)»")
                : Bilingual(en: "'\(accepted)' lost its \(zeros) leading zeros: it is now '\(current)'",
                            de: "«\(accepted)» hat die \(zeros) führenden Nullen verloren: jetzt steht «\(current)»")
        case let .date(accepted, current):
            return Bilingual(en: "'\(accepted)' became the date '\(current)'",
                             de: "aus «\(accepted)» wurde das Datum «\(current)»")
        case let .scientific(accepted, current):
            return Bilingual(en: "'\(accepted)' became '\(current)' in scientific notation",
                             de: "aus «\(accepted)» wurde «\(current)» in wissenschaftlicher Schreibweise")
        case let .lostCharacters(accepted, current, pairs):
            let en = pairs.map { "'\($0.lost)' → '\($0.replacement)'" }.joined(separator: ", ")
            let de = pairs.map { "«\($0.lost)» → «\($0.replacement)»" }.joined(separator: ", ")
            return Bilingual(en: "'\(accepted)' became '\(current)' (\(en))",
                             de: "aus «\(accepted)» wurde «\(current)» (\(de))")
        case let .delimiter(accepted, current):
            return Bilingual(
                en: "the delimiter is now \(CSVReadState.name(of: current)); the accepted copy used \(CSVReadState.name(of: accepted))",
                de: "das Trennzeichen ist jetzt \(CSVReadState.name(of: current, german: true)); "
                    + "die angenommene Kopie verwendete \(CSVReadState.name(of: accepted, german: true))")
        case let .encoding(accepted, current):
            return Bilingual(en: "the file is now \(Self.name(of: current)); the accepted copy was \(Self.name(of: accepted))",
                             de: "die Datei ist jetzt in \(Self.name(of: current)) kodiert; die angenommene Kopie war in \(Self.name(of: accepted)) kodiert")
        }
    }

    /// What Excel did, and how to undo it: the accepted copy `acceptedCopy` has the value as it was.
    func hint(acceptedCopy: String) -> Bilingual {
        let restore = Bilingual(en: "restore the value from the accepted copy \(acceptedCopy)",
                                de: "stellen Sie den Wert aus der angenommenen Kopie \(acceptedCopy) wieder her")
        let asText = Bilingual(en: "format the column as Text before saving (or import it as Text in Excel's text import)",
                               de: "formatieren Sie die Spalte vor dem Speichern als Text (oder importieren Sie sie im Textimport von Excel als Text)")
        switch self {
        case .leadingZeros:
            return Bilingual(en: "saved by Excel as a number, which drops leading zeros: \(restore.en), and \(asText.en)",
                             de: "gespeichert von Excel als Zahl, die keine führenden Nullen kennt: \(restore.de), und \(asText.de)")
        case .date(let accepted, _):
            return Bilingual(en: "saved by Excel as a date, because Excel reads '\(accepted)' as one: \(restore.en), and \(asText.en)",
                             de: "gespeichert von Excel als Datum, weil Excel «\(accepted)» als Datum liest: \(restore.de), und \(asText.de)")
        case .scientific:
            return Bilingual(en: "saved by Excel as a number in scientific notation, which keeps only the first digits: "
                                 + "\(restore.en), and \(asText.en)",
                             de: "gespeichert von Excel als Zahl in wissenschaftlicher Schreibweise, die nur die ersten Ziffern behält: "
                                 + "\(restore.de), und \(asText.de)")
        case .lostCharacters:
            return Bilingual(en: "saved by Excel as 'CSV (Comma delimited)' after the file was opened with the wrong encoding, "
                                 + "or in an encoding without this character: \(restore.en), and save as 'CSV UTF-8 (Comma delimited)'",
                             de: "gespeichert von Excel als «CSV (Trennzeichen-getrennt)», nachdem die Datei mit der falschen Kodierung "
                                 + "geöffnet worden war, oder in einer Kodierung ohne dieses Zeichen: \(restore.de), "
                                 + "und speichern Sie als «CSV UTF-8 (durch Trennzeichen getrennt)»")
        case .delimiter:
            return Bilingual(en: "saved by Excel as CSV with the list separator of the machine's region (';' in German-speaking "
                                 + "regions, ',' in English ones); the values are still read correctly, but compare the file with "
                                 + "the accepted copy \(acceptedCopy) for other damage",
                             de: "gespeichert von Excel als CSV mit dem Listentrennzeichen der Region des Rechners (';' in "
                                 + "deutschsprachigen Regionen, ',' in englischsprachigen); die Werte werden weiterhin richtig gelesen, "
                                 + "vergleichen Sie die Datei aber mit der angenommenen Kopie \(acceptedCopy) auf weitere Schäden")
        case .encoding(_, .windows1252):
            return Bilingual(en: "saved by Excel as 'CSV (Comma delimited)' instead of 'CSV UTF-8 (Comma delimited)'; the values are "
                                 + "still read correctly, but characters outside Windows-1252 are lost: save as 'CSV UTF-8', "
                                 + "and compare with the accepted copy \(acceptedCopy)",
                             de: "gespeichert von Excel als «CSV (Trennzeichen-getrennt)» statt «CSV UTF-8 (durch Trennzeichen getrennt)»; "
                                 + "die Werte werden weiterhin richtig gelesen, Zeichen ausserhalb von Windows-1252 gehen aber verloren: "
                                 + "speichern Sie als «CSV UTF-8» und vergleichen Sie mit der angenommenen Kopie \(acceptedCopy)")
        case .encoding:
            return Bilingual(en: "saved by Excel as 'CSV UTF-8 (Comma delimited)' instead of 'CSV (Comma delimited)'; the values are "
                                 + "still read correctly, unless the source's csv settings say \"encoding\": \"windows-1252\": remove that",
                             de: "gespeichert von Excel als «CSV UTF-8 (durch Trennzeichen getrennt)» statt «CSV (Trennzeichen-getrennt)»; "
                                 + "die Werte werden weiterhin richtig gelesen, ausser die CSV-Einstellungen der Quelle sagen "
                                 + "\"encoding\": \"windows-1252\": entfernen Sie das")
        }
    }

    private static func name(of encoding: TextEncoding) -> String {
        switch encoding {
        case .utf8: "UTF-8"
        case .windows1252: "Windows-1252"
        }
    }
}
