/// `text.html`: plain-text fields hold no HTML tags or entities.
public struct HTMLInTextRule: ValidationRule {
    public static let id = RuleID.textHTML
    public static let defaultSeverity = Severity.error
    public static let summary = Bilingual(en: "Plain-text fields hold no HTML tags or character entities.",
                                          de: "Textfelder enthalten keine HTML-Tags oder -Entitäten.")
    public let severity: Severity

    public init(severity: Severity, parameters: [String: Double]) {
        self.severity = severity
    }

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        project.textFields.compactMap { field, text in
            guard let markup = HTMLInTextRule.firstMarkup(in: text) else { return nil }
            return finding(project, field,
                           Bilingual(en: "the \(field.rawValue) holds HTML: '\(markup)'",
                                     de: "das Feld \(field.rawValue) enthält HTML: '\(markup)'"),
                           hint: Bilingual(en: "write plain text: kompass escapes what each output needs, so markup would show as text",
                                           de: "schreiben Sie reinen Text: kompass maskiert, was jede Ausgabe braucht, Markup erschiene als Text"))
        }
    }

    /// The first tag (`<p>`, `</b>`, `<br/>`, `<!--`) or entity (`&amp;`, `&#39;`) in `text`.
    static func firstMarkup(in text: String) -> String? {
        // Most texts hold neither `<` nor `&`: one pass over the bytes settles them.
        guard text.containsUTF8Byte(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return nil }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "<", index + 1 < characters.count,
               characters[index + 1].isLetter || characters[index + 1] == "/" || characters[index + 1] == "!" {
                if let close = characters[(index + 1)...].prefix(200).firstIndex(of: ">") {
                    let inner = characters[(index + 1)..<close]
                    let name = inner.drop { $0 == "/" || $0 == "!" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
                    if !name.isEmpty || inner.starts(with: "!--") { return String(characters[index...close]) }
                }
            }
            if character == "&", let semicolon = characters[(index + 1)...].prefix(10).firstIndex(of: ";") {
                let inner = characters[(index + 1)..<semicolon]
                let isNamed = !inner.isEmpty && inner.allSatisfy { $0.isASCII && $0.isLetter }
                let isNumeric = inner.first == "#" && inner.count > 1 && inner.dropFirst().allSatisfy { $0.isHexDigit || $0 == "x" }
                if isNamed || isNumeric { return String(characters[index...semicolon]) }
            }
            index += 1
        }
        return nil
    }
}
