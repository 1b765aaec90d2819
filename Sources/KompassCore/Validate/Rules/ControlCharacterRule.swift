/// `text.control-characters`: texts hold no control characters (other than the line break between paragraphs).
public struct ControlCharacterRule: ValidationRule {
    public static let id = RuleID.textControlCharacters
    public static let defaultSeverity = Severity.error
    public static let summary = Bilingual(en: "Texts hold no control characters (line breaks between paragraphs aside).",
                                          de: "Texte enthalten keine Steuerzeichen (ausser Zeilenumbrüchen zwischen Absätzen).")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        project.textFields.compactMap { field, text in
            guard ControlCharacterRule.mayHoldControl(text) else { return nil }
            guard let scalar = text.unicodeScalars.first(where: ControlCharacterRule.isControl) else { return nil }
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            return finding(project, field,
                           Bilingual(en: "the \(field.rawValue) holds the control character \(code)",
                                     de: "das Feld \(field.rawValue) enthält das Steuerzeichen \(code)"),
                           hint: Bilingual(en: "remove it: it is invisible and breaks XML outputs (often pasted from another program)",
                                           de: "entfernen Sie es: es ist unsichtbar und macht XML-Ausgaben ungültig (oft aus einem anderen Programm eingefügt)"))
        }
    }

    /// False when the UTF-8 bytes cannot hold a control character: no byte below 0x20 but the line
    /// break, no DEL, no lead byte of C1 (0xC2) or of U+FFFE/U+FFFF (0xEF). One pass, no decoding.
    static func mayHoldControl(_ text: String) -> Bool {
        text.containsUTF8Byte { byte in (byte < 0x20 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 || byte == 0xEF }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
