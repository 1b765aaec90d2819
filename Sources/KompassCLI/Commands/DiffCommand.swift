import Foundation
import KompassCore

/// `kompass diff`: what a run would change against the last publication; writes nothing.
enum DiffCommand: KompassCommand {
    static let name = CommandName.diff
    static let summary = Bilingual(en: "what a run would change against the last publication",
                                   de: "was ein Lauf gegenüber der letzten Publikation ändern würde")
    static let description = Bilingual(en: """
    the changes between the sources now and the last publication (projects added and
    removed, progress, status, duration, title, texts, classification). Writes nothing.
    """, de: """
    die Änderungen zwischen den Quellen, wie sie jetzt sind, und der letzten Publikation
    (neue und entfernte Vorhaben, Fortschritt, Status, Dauer, Titel, Texte, Zuordnung). Schreibt nichts.
    """)
    static let notes: Bilingual? = Bilingual(en: """
    --retire ID... previews the removals a run would be asked to make (see kompass help run).
    Exit code 1 when the sources have errors (they are printed), else 0.
    """, de: """
    --retire ID... zeigt vorab die Entfernungen, die ein Lauf damit vornehmen würde (siehe kompass help run).
    Exit-Code 1, wenn die Quellen Fehler haben (sie werden ausgegeben), sonst 0.
    """)

    static func run(_ options: CommandOptions) throws -> ExitCode {
        let pipeline = Pipeline(configuration: try options.configuration())
        let (changes, texts, findings, first) = try pipeline.diff(options: options.runOptions)
        let reporter = options.reporter(colour: Terminal().colourOnStandardError)
        let shown = reporter.text(findings, minimum: .error)
        if !shown.isEmpty { Terminal.printError(shown) }
        switch options.report {
        case .json:
            let q = Escaping.json
            func optional(_ value: String?) -> String { value.map(q) ?? "null" }
            // A change of texts carries its word diff: per text the runs of words kept, removed and added.
            func parts(_ diff: WordDiff) -> String {
                "[" + diff.parts.map { "{\"op\": \(q($0.operation.rawValue)), \"text\": \(q($0.text))}" }.joined(separator: ", ") + "]"
            }
            let items = changes.map { change in
                let words = texts[change.projectID].map { "{\"bisher\": \(parts($0.before)), \"in_zukunft\": \(parts($0.future))}" } ?? "null"
                return "    {\"project\": \(q(change.projectID)), \"change\": \(q(change.kind.rawValue)), \"title\": \(q(change.title)), "
                    + "\"before\": \(optional(change.before)), \"after\": \(optional(change.after)), "
                    + "\"words\": \(change.kind == .texts ? words : "null")}"
            }
            Terminal.printOut("{\n  \"firstPublication\": \(first),\n  \"errors\": \(findings.count(of: .error)),\n  \"changes\": [\n"
                + items.joined(separator: ",\n") + (items.isEmpty ? "" : "\n") + "  ]\n}")
        case .text:
            let list = ChangeList(changes, first: first)
            if changes.isEmpty {
                Terminal.printOut(options.language == .de ? "keine Änderung gegenüber der letzten Publikation" : "no change against the last publication")
            } else {
                Terminal.printOut(list.headline(in: options.language))
                list.lines(in: options.language, texts: texts, colour: Terminal().colourOnStandardOutput).forEach { Terminal.printOut("  \($0)") }
            }
        }
        return findings.hasErrors ? .dataErrors : .success
    }
}
