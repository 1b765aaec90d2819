/// A place where the input is not JSON: where, what was expected, and what would be right.
struct JSONSyntaxError: Error, Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// The grammar is broken.
        case syntax
        /// A byte that is not UTF-8.
        case encoding
        /// The input holds no value at all (empty, or only white space).
        case noValue
        /// A token (or, in JSON Lines, a line) longer than the tokenizer takes: nothing more is read.
        case tooLong
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// What is wrong, saying what was expected and what was found.
    var message: String
    /// What would be right.
    var hint: String?
    /// The message and hint in German.
    var messageDE: String
    var hintDE: String?
}

extension JSONSyntaxError {
    init(kind: Kind, line: Int, column: Int, message: Bilingual, hint: Bilingual?) {
        self.init(kind: kind, line: line, column: column, message: message.en, hint: hint?.en,
                  messageDE: message.de, hintDE: hint?.de)
    }
}

// MARK: - Messages

/// The words of the tokenizer's errors, in English and German, apart from the grammar that decides them.
extension JSONTokenizer {
    enum Message {
        static func lineEndsInside(_ open: Bilingual, expected: Bilingual) -> Bilingual {
            Bilingual(en: "the line ends inside \(open.en); expected \(expected.en)",
                      de: "die Zeile endet innerhalb \(open.de); erwartet: \(expected.de)")
        }

        static func tooLong(_ bytes: Int) -> Bilingual {
            Bilingual(en: "more than \(bytes >> 20) MiB without the end of a value or line; reading stopped here",
                      de: "mehr als \(bytes >> 20) MiB ohne das Ende eines Werts oder einer Zeile; das Lesen endete hier")
        }

        static let oneRecordPerLineHint = Bilingual(en: "in JSON Lines each record is written on one line",
                                                    de: "in JSON Lines steht jeder Datensatz auf einer einzigen Zeile")

        static func noValue(fileIsEmpty: Bool) -> Bilingual {
            fileIsEmpty
                ? Bilingual(en: "the file is empty", de: "die Datei ist leer")
                : Bilingual(en: "the file holds no JSON value, only white space",
                            de: "die Datei enthält keinen JSON-Wert, nur Leerraum")
        }

        static let oneValueHint = Bilingual(en: "a JSON file holds one value, e.g. an array of records [ {…}, {…} ]",
                                            de: "eine JSON-Datei enthält einen Wert, z. B. ein Array von Datensätzen [ {…}, {…} ]")

        static func fileEndsInside(_ open: Bilingual, expected: Bilingual) -> Bilingual {
            Bilingual(en: "the file ends inside \(open.en); expected \(expected.en)",
                      de: "die Datei endet innerhalb \(open.de); erwartet: \(expected.de)")
        }

        static let cutOffHint = Bilingual(en: "the file may have been cut off: take the complete export",
                                          de: "die Datei ist womöglich abgeschnitten: nehmen Sie den vollständigen Export")

        static func nestedTooDeep(_ maxDepth: Int) -> Bilingual {
            Bilingual(en: "the values are nested deeper than \(maxDepth) levels",
                      de: "die Werte sind tiefer als \(maxDepth) Ebenen verschachtelt")
        }

        static let nestingHint = Bilingual(
            en: "a record is an object of strings, numbers and lists; deeper structures are not read",
            de: "ein Datensatz ist ein Objekt aus Texten, Zahlen und Listen; tiefere Strukturen werden nicht gelesen")

        static func controlCharacterInString(_ byte: UInt8) -> Bilingual {
            Bilingual(en: "a control character (\(scalarName(byte))) inside a string",
                      de: "ein Steuerzeichen (\(scalarName(byte, german: true))) in einer Zeichenkette")
        }

        static func controlCharacterHint(_ byte: UInt8) -> Bilingual {
            byte == 0x0A || byte == 0x0D
                ? Bilingual(en: "write a line break inside a string as \\n; is a closing '\"' missing?",
                            de: "schreiben Sie einen Zeilenumbruch in einer Zeichenkette als \\n; fehlt ein schliessendes '\"'?")
                : Bilingual(en: "write control characters inside strings as \\u00XX, e.g. \\t for a tab",
                            de: "schreiben Sie Steuerzeichen in Zeichenketten als \\u00XX, z. B. \\t für einen Tabulator")
        }

        static func fileEndsInsideString(isKey: Bool, line: Int, column: Int) -> Bilingual {
            Bilingual(en: "the file ends inside the \(isKey ? "key" : "string") that starts at line \(line), column \(column); expected a closing '\"'",
                      de: "die Datei endet innerhalb \(isKey ? "des Schlüssels, der" : "der Zeichenkette, die") in Zeile \(line), Spalte \(column) beginnt; erwartet: ein schliessendes '\"'")
        }

        static let unclosedStringHint = Bilingual(
            en: "the file may have been cut off, or a '\"' inside the text is not written as \\\"",
            de: "die Datei ist womöglich abgeschnitten, oder ein '\"' im Text ist nicht als \\\" geschrieben")

        static func unknownEscape(found: Bilingual) -> Bilingual {
            Bilingual(en: "the escape '\\' followed by \(found.en) is not JSON",
                      de: "die Escape-Sequenz '\\' gefolgt von \(found.de) ist kein JSON")
        }

        static let escapesHint = Bilingual(
            en: "JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash itself as \\\\",
            de: "JSON kennt die Escape-Sequenzen \\\" \\\\ \\/ \\b \\f \\n \\r \\t und \\uXXXX; schreiben Sie einen Backslash selbst als \\\\")

        static func badUnicodeEscape(found: Bilingual) -> Bilingual {
            Bilingual(en: "the escape \\u is followed by \(found.en) instead of four hex digits",
                      de: "auf die Escape-Sequenz \\u folgt \(found.de) statt vier Hex-Ziffern")
        }

        static let unicodeEscapeHint = Bilingual(en: "write \\u and exactly four hex digits, e.g. \\u00E4 for ä",
                                                 de: "schreiben Sie \\u und genau vier Hex-Ziffern, z. B. \\u00E4 für ä")

        static let fileEndsInsideUnicodeEscape = Bilingual(
            en: "the file ends inside the escape \\u; expected four hex digits",
            de: "die Datei endet innerhalb der Escape-Sequenz \\u; erwartet: vier Hex-Ziffern")

        static func loneSurrogate(_ value: UInt32, isHigh: Bool) -> Bilingual {
            let hex = String(value, radix: 16, uppercase: true)
            return Bilingual(en: "the escape \\u\(hex) is a lone \(isHigh ? "high" : "low") surrogate",
                             de: "die Escape-Sequenz \\u\(hex) ist ein einzelnes \(isHigh ? "hohes" : "tiefes") Surrogat")
        }

        static func loneSurrogateHint(isHigh: Bool) -> Bilingual {
            isHigh
                ? Bilingual(en: "a \\uD800–\\uDBFF escape must be followed by a \\uDC00–\\uDFFF escape (a surrogate pair), or write the character itself",
                            de: "auf \\uD800–\\uDBFF muss \\uDC00–\\uDFFF folgen (ein Surrogatpaar), oder schreiben Sie das Zeichen selbst")
                : Bilingual(en: "a \\uDC00–\\uDFFF escape must follow a \\uD800–\\uDBFF escape (a surrogate pair), or write the character itself",
                            de: "\\uDC00–\\uDFFF muss auf \\uD800–\\uDBFF folgen (ein Surrogatpaar), oder schreiben Sie das Zeichen selbst")
        }

        static func leadingZero(shown: String) -> Bilingual {
            Bilingual(en: "a number cannot start with 0 followed by more digits: \(shown)",
                      de: "eine Zahl kann nicht mit 0 und weiteren Ziffern beginnen: \(shown)")
        }

        /// A digit missing in `literal` (the English says what was expected; the German what is missing).
        static func number(_ problem: NumberProblem, literal: String, found: Bilingual) -> Bilingual {
            let expected = switch problem {
            case .digitAfterMinus, .leadingZero: Bilingual(en: "expected a digit after '-'", de: "fehlt eine Ziffer nach '-'")
            case .digitAfterPoint: Bilingual(en: "expected a digit after the decimal point", de: "fehlt eine Ziffer nach dem Dezimalpunkt")
            case .digitInExponent: Bilingual(en: "expected a digit in the exponent", de: "fehlt eine Ziffer im Exponenten")
            }
            return Bilingual(en: "\(expected.en) in the number '\(literal)', found \(found.en)",
                             de: "in der Zahl '\(literal)' \(expected.de); gefunden: \(found.de)")
        }

        static func numberHint(_ problem: NumberProblem) -> Bilingual {
            problem == .leadingZero
                ? Bilingual(en: "write the number without leading zeros, or as a string if the zeros matter (\"007\")",
                            de: "schreiben Sie die Zahl ohne führende Nullen, oder als Text, wenn die Nullen wichtig sind (\"007\")")
                : Bilingual(en: "write numbers as 12, -3, 0.5 or 1e6; anything else as a string in double quotes",
                            de: "schreiben Sie Zahlen als 12, -3, 0.5 oder 1e6; alles andere als Text in doppelten Anführungszeichen")
        }

        static let noInfinityHint = Bilingual(en: "JSON has no Infinity or NaN: write null, or the value as a string",
                                              de: "JSON kennt weder Infinity noch NaN: schreiben Sie null, oder den Wert als Text")

        static func notUTF8(_ byte: UInt8) -> Bilingual {
            let hex = String(byte, radix: 16, uppercase: true)
            return Bilingual(en: "byte 0x\(hex) is not UTF-8; the file was probably saved as Windows-1252 or Latin-1",
                             de: "das Byte 0x\(hex) ist kein UTF-8; die Datei wurde wohl als Windows-1252 oder Latin-1 gespeichert")
        }

        static let saveAsUTF8Hint = Bilingual(en: "save the file as UTF-8 and run again",
                                              de: "speichern Sie die Datei als UTF-8 und starten Sie erneut")

        static func unexpected(expected: Bilingual, found: Bilingual) -> Bilingual {
            Bilingual(en: "expected \(expected.en), found \(found.en)", de: "erwartet: \(expected.de); gefunden: \(found.de)")
        }

        /// What would be right where `byte` (starting `word`) stands and the grammar expected something else.
        static func unexpectedHint(word: String, byte: UInt8?, expect: Expect, open: Container?, mode: Mode) -> Bilingual? {
            switch word {
            case "True", "False", "TRUE", "FALSE", "None", "NULL", "Null", "nil", "undefined":
                return Bilingual(en: "JSON writes true, false and null in lower case", de: "JSON schreibt true, false und null klein")
            case "NaN", "Infinity":
                return Bilingual(en: "JSON has no NaN or Infinity: write null, or the value as a string",
                                 de: "JSON kennt weder NaN noch Infinity: schreiben Sie null, oder den Wert als Text")
            default:
                break
            }
            guard let byte else { return nil }
            switch (expect, byte) {
            case (_, UInt8(ascii: "'")):
                return Bilingual(en: "JSON strings and keys are written in double quotes",
                                 de: "in JSON stehen Texte und Schlüssel in doppelten Anführungszeichen")
            case (_, UInt8(ascii: "/")):
                return Bilingual(en: "JSON has no comments", de: "JSON kennt keine Kommentare")
            case (.element, UInt8(ascii: "]")), (.key, UInt8(ascii: "}")):
                return Bilingual(en: "JSON allows no comma after the last element; remove the ','",
                                 de: "JSON erlaubt kein Komma nach dem letzten Element; entfernen Sie das ','")
            case (.firstKey, _), (.key, _):
                guard !word.isEmpty else { return nil }
                return Bilingual(en: "write the key in double quotes: \"\(word)\"",
                                 de: "schreiben Sie den Schlüssel in doppelten Anführungszeichen: \"\(word)\"")
            case (.afterValue, UInt8(ascii: "\"")), (.afterValue, UInt8(ascii: "{")), (.afterValue, UInt8(ascii: "[")):
                if let open {
                    return open.isObject
                        ? Bilingual(en: "a ',' is missing between two members", de: "zwischen zwei Einträgen fehlt ein ','")
                        : Bilingual(en: "a ',' is missing between two elements", de: "zwischen zwei Elementen fehlt ein ','")
                }
                return mode == .document
                    ? Bilingual(en: "a JSON file holds one value; for one record per line, use a .jsonl (JSON Lines) file",
                                de: "eine JSON-Datei enthält einen einzigen Wert; für einen Datensatz pro Zeile verwenden Sie eine .jsonl-Datei (JSON Lines)")
                    : Bilingual(en: "write each record on its own line", de: "schreiben Sie jeden Datensatz auf eine eigene Zeile")
            case (.afterValue, UInt8(ascii: "}")), (.afterValue, UInt8(ascii: "]")):
                guard let open else { return nil }
                return Bilingual(
                    en: "the \(open.isObject ? "object" : "array") opened at line \(open.line), column \(open.column) must be closed with '\(open.isObject ? "}" : "]")' first",
                    de: "\(open.isObject ? "das Objekt" : "das Array"), das in Zeile \(open.line), Spalte \(open.column) geöffnet wurde, muss zuerst mit '\(open.isObject ? "}" : "]")' geschlossen werden")
            case (.documentStart, _), (.firstElement, _), (.element, _), (.memberValue, _):
                guard !word.isEmpty else { return nil }
                return Bilingual(en: "write text in double quotes: \"\(word)\"",
                                 de: "schreiben Sie Text in doppelten Anführungszeichen: \"\(word)\"")
            default:
                return nil
            }
        }

        /// What the grammar expects, in words.
        static func expectation(_ expect: Expect, open: Container?, mode: Mode) -> Bilingual {
            switch expect {
            case .documentStart: Bilingual(en: "a JSON value", de: "ein JSON-Wert")
            case .firstElement: Bilingual(en: "a value or ']'", de: "ein Wert oder ']'")
            case .element: Bilingual(en: "a value after ','", de: "ein Wert nach ','")
            case .firstKey: Bilingual(en: "a key in double quotes or '}'", de: "ein Schlüssel in doppelten Anführungszeichen oder '}'")
            case .key: Bilingual(en: "a key in double quotes after ','", de: "ein Schlüssel in doppelten Anführungszeichen nach ','")
            case .colon: Bilingual(en: "':' after the key", de: "':' nach dem Schlüssel")
            case .memberValue: Bilingual(en: "a value after ':'", de: "ein Wert nach ':'")
            case .afterValue:
                if let open {
                    open.isObject
                        ? Bilingual(en: "',' or '}' after the member", de: "',' oder '}' nach dem Eintrag")
                        : Bilingual(en: "',' or ']' after the element", de: "',' oder ']' nach dem Element")
                } else {
                    mode == .lines
                        ? Bilingual(en: "the end of the line after the value", de: "das Zeilenende nach dem Wert")
                        : Bilingual(en: "the end of the file after the top-level value", de: "das Dateiende nach dem Wert der obersten Ebene")
                }
            case .skippingLine, .failed: Bilingual(en: "nothing", de: "nichts")
            }
        }

        /// The string or key being read, in words (the German in the genitive, after "innerhalb").
        static func openString(isKey: Bool, line: Int, column: Int) -> Bilingual {
            Bilingual(en: "the \(isKey ? "key" : "string") that starts at line \(line), column \(column)",
                      de: "\(isKey ? "des Schlüssels, der" : "der Zeichenkette, die") in Zeile \(line), Spalte \(column) beginnt")
        }

        /// The innermost open object or array, in words (the German in the genitive).
        static func openContainer(_ open: Container?) -> Bilingual {
            guard let open else { return Bilingual(en: "a value", de: "eines Werts") }
            return Bilingual(en: "the \(open.isObject ? "object" : "array") opened at line \(open.line), column \(open.column)",
                             de: "\(open.isObject ? "des Objekts" : "des Arrays"), das in Zeile \(open.line), Spalte \(open.column) geöffnet wurde")
        }

        static func endOfInput(finished: Bool) -> Bilingual {
            finished ? Bilingual(en: "the end of the file", de: "das Dateiende")
                : Bilingual(en: "the end of the input", de: "das Ende der Eingabe")
        }

        static let endOfLine = Bilingual(en: "the end of the line", de: "das Zeilenende")

        static func controlCharacter(_ byte: UInt8) -> Bilingual {
            Bilingual(en: "the control character \(scalarName(byte))", de: "das Steuerzeichen \(scalarName(byte, german: true))")
        }

        static func quoted(_ text: String) -> Bilingual {
            Bilingual(en: "'\(text)'", de: "'\(text)'")
        }

        static func byte(_ byte: UInt8) -> Bilingual {
            let hex = String(byte, radix: 16, uppercase: true)
            return Bilingual(en: "byte 0x\(hex)", de: "das Byte 0x\(hex)")
        }

        static func scalarName(_ byte: UInt8, german: Bool = false) -> String {
            let hex = String(byte, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
            switch byte {
            case 0x0A: return "\(code), \(german ? "ein Zeilenumbruch" : "a line break")"
            case 0x0D: return "\(code), \(german ? "ein Wagenrücklauf" : "a carriage return")"
            case 0x09: return "\(code), \(german ? "ein Tabulator" : "a tab")"
            default: return code
            }
        }
    }
}
