import Foundation
import KompassCore

/// `kompass rules`: the validation catalogue with default severities and parameters.
enum RulesCommand: KompassCommand {
    static let name = CommandName.rules
    static let summary = Bilingual(en: "the validation rules the configuration can tune",
                                   de: "die Prüfregeln, welche die Konfiguration einstellen kann")
    static let description = Bilingual(en: """
    list the rules of the validation catalogue with their default severity and
    parameters (tune them under "validation" in the configuration; every rule: docs/rules.md).
    """, de: """
    die Regeln des Prüfkatalogs mit ihrem Standard-Schweregrad und ihren Parametern
    auflisten (einzustellen unter "validation" in der Konfiguration; jede Regel: docs/rules.md).
    """)

    static func run(_ options: CommandOptions) throws -> ExitCode {
        let q = Escaping.json
        switch options.report {
        case .json:
            let rules = Validator.catalogue.map { rule in
                let parameters = rule.defaultParameters.sorted { $0.key < $1.key }
                    .map { "\(q($0.key)): \(plainNumber($0.value))" }.joined(separator: ", ")
                return "  {\"rule\": \(q(rule.id.rawValue)), \"severity\": \(q(rule.defaultSeverity.rawValue)), "
                    + "\"summary\": \(q(options.language == .de ? rule.summary.de : rule.summary.en)), \"parameters\": {\(parameters)}}"
            }
            Terminal.printOut("[\n" + rules.joined(separator: ",\n") + "\n]")
        case .text:
            for rule in Validator.catalogue {
                let parameters = rule.defaultParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\(plainNumber($0.value))" }
                Terminal.printOut("\(rule.id)  \(rule.defaultSeverity.rawValue)"
                    + (parameters.isEmpty ? "" : "  (" + parameters.joined(separator: ", ") + ")"))
                Terminal.printOut("    " + (options.language == .de ? rule.summary.de : rule.summary.en))
            }
        }
        return .success
    }

    /// `15` for 15.0, `0.8` for 0.8: the form JSON and the configuration use.
    private static func plainNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
