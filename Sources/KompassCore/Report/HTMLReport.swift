import Foundation

/// The findings of a run or a validation as one self-contained HTML page a steward opens in a browser
/// (`kompass validate --report html FILE`, `kompass run --report-html FILE`): the summary, the findings file
/// by file with the line each points at and a caret under its column, the hint, the further places of a
/// grouped finding, and the values of each project concerned as they were read, each linked with its findings.
/// No script, no external asset; escaped throughout.
public struct HTMLReport: Sendable {
    public var language: ReportLanguage
    /// What happened, in one sentence (the run's or the validation's last line).
    public var headline: String
    /// How many places a grouped entry lists.
    public var examples: Int

    public init(language: ReportLanguage, headline: String, examples: Int = 5) {
        self.language = language
        self.headline = headline
        self.examples = examples
    }

    private var de: Bool { language == .de }
    private func t(_ en: String, _ german: String) -> String { de ? german : en }
    private func h(_ text: String) -> String { Escaping.html(text) }

    private func label(_ severity: Severity) -> String {
        switch severity {
        case .error: t("error", "Fehler")
        case .warning: t("warning", "Warnung")
        case .info: t("info", "Hinweis")
        }
    }

    /// The page for `findings`; `projects` are those whose values the page shows (the ones with findings among
    /// them are shown).
    public func render(_ findings: FindingList, projects: [Project] = []) -> String {
        // Grouped by cause: what follows from a finding is shown inside it.
        let entries = FindingGroup.folded(findings.entries(examples: examples))
        let lines = SourceExcerpt.lines(at: entries.compactMap(\.first.location))
        var byProject: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for id in Set(([entry] + entry.consequences).compactMap(\.first.projectID)) { byProject[id, default: []].append(index) }
        }
        var out = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(h(t("kompass report", "kompass-Prüfbericht")))</title>
        <style>\(HTMLReport.style)</style>
        </head>
        <body>
        <header>
        <h1>\(h(t("kompass report", "kompass-Prüfbericht")))</h1>
        <p class="headline">\(h(headline))</p>
        </header>
        <main>

        """
        if entries.isEmpty { out += "<p>\(h(t("No findings.", "Keine Befunde.")))</p>\n" }
        var currentFile: String?? = .none
        var sectionOpen = false
        for (index, entry) in entries.enumerated() {
            let finding = entry.first
            let file = finding.location?.file
            if currentFile != .some(file) {
                if sectionOpen { out += "</section>\n" }
                currentFile = .some(file)
                out += "<section class=\"file\" aria-labelledby=\"file-\(index)\">\n<h2 id=\"file-\(index)\">"
                    + h(file ?? t("The run as a whole", "Der Lauf als Ganzes")) + "</h2>\n"
                sectionOpen = true
            }
            out += article(entry, index: index, lines: lines)
        }
        if sectionOpen { out += "</section>\n" }
        let concerned = projects.filter { byProject[$0.id.rawValue] != nil }
        if !concerned.isEmpty {
            out += "<section class=\"projects\" aria-labelledby=\"projects\">\n<h2 id=\"projects\">"
                + h(t("The projects concerned, as read", "Die betroffenen Vorhaben, wie gelesen")) + "</h2>\n"
            for project in concerned { out += projectValues(project, findings: byProject[project.id.rawValue] ?? [], entries: entries) }
            out += "</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private func article(_ entry: FindingGroup, index: Int, lines: [String: [Int: String]]) -> String {
        let finding = entry.first
        let times = entry.isGroup ? "\(entry.count)× " : ""
        var out = "<article class=\"finding \(finding.severity.rawValue)\" id=\"finding-\(index)\" aria-labelledby=\"finding-\(index)-title\">\n"
        out += "<h3 id=\"finding-\(index)-title\"><span class=\"severity\">\(h(label(finding.severity)))</span> \(h(times + finding.message(in: language)))</h3>\n"
        var place: [String] = []
        if let location = finding.location { place.append(h(location.description)) }
        if let field = finding.location?.field ?? finding.field?.rawValue { place.append(h(ShownText.value(field))) }
        if let id = finding.projectID { place.append("<a href=\"#project-\(anchor(id))\">\(h(id))</a>") }
        place.append("<code>\(h(finding.ruleID.rawValue))</code>")
        out += "<p class=\"where\">\(place.joined(separator: " · "))</p>\n"
        if let location = finding.location, let text = lines[location.file]?[location.line] {
            let excerpt = SourceExcerpt(line: location.line, fullLine: text, column: location.column)
            let number = String(excerpt.line)
            var code = "<span class=\"lineno\">\(number) |</span> \(h(excerpt.text))"
            if let column = excerpt.column {
                code += "\n<span class=\"lineno\">\(String(repeating: " ", count: number.count)) |</span> "
                    + String(repeating: " ", count: column - 1) + "<span class=\"caret\">^</span>"
            }
            // A long line scrolls sideways inside its box: focusable, so that a keyboard can scroll it too.
            let name = t("Line \(excerpt.line) of finding \(index + 1)", "Zeile \(excerpt.line) zu Befund \(index + 1)")
            out += "<pre class=\"excerpt\" tabindex=\"0\" role=\"region\" aria-label=\"\(h(name))\"><code>\(code)</code></pre>\n"
        }
        if entry.isGroup {
            let places = entry.examples.dropFirst().map { finding in
                (finding.location.map { location in location.column.map { "\(location.line):\($0)" } ?? "\(location.line)" } ?? "?")
                    + (finding.projectID.map { " [\($0)]" } ?? "")
            }
            let more = entry.count - entry.examples.count
            var also = places.isEmpty ? "" : t("also at ", "auch bei ") + places.joined(separator: ", ")
            if more > 0 { also += (also.isEmpty ? "" : t(" and ", " und ")) + t("\(more) more", "\(more) weitere") }
            if !also.isEmpty { out += "<p class=\"also\">\(h(also))</p>\n" }
        }
        if let hint = finding.hint(in: language) {
            out += "<p class=\"hint\"><strong>\(h(t("What to do", "Was tun")))</strong>: \(h(hint))</p>\n"
        }
        out += consequences(of: entry)
        return out + "</article>\n"
    }

    /// The findings that follow from `entry`, listed inside it: "2 more errors follow from this".
    private func consequences(of entry: FindingGroup) -> String {
        guard !entry.consequences.isEmpty else { return "" }
        let total = entry.consequences.reduce(0) { $0 + $1.count }
        var out = "<div class=\"consequences\">\n<p>" + h(t("\(total) more \(total == 1 ? "finding follows" : "findings follow") from this:",
                                                         "daraus \(total == 1 ? "folgt 1 weiterer Befund" : "folgen \(total) weitere Befunde"):")) + "</p>\n<ul>\n"
        for consequence in entry.consequences {
            let finding = consequence.first
            let times = consequence.isGroup ? "\(consequence.count)× " : ""
            var place: [String] = []
            if let location = finding.location { place.append(h(location.description)) }
            if let id = finding.projectID { place.append("<a href=\"#project-\(anchor(id))\">\(h(id))</a>") }
            place.append("<code>\(h(finding.ruleID.rawValue))</code>")
            out += "<li><span class=\"severity\">\(h(label(finding.severity)))</span> \(h(times + finding.message(in: language)))"
                + "<br><span class=\"where\">\(place.joined(separator: " · "))</span>"
                + (finding.hint(in: language).map { "<br>\(h(t("What to do", "Was tun"))): \(h($0))" } ?? "") + "</li>\n"
        }
        return out + "</ul>\n</div>\n"
    }

    private func projectValues(_ project: Project, findings: [Int], entries: [FindingGroup]) -> String {
        let id = project.id.rawValue
        var out = "<article class=\"project\" id=\"project-\(anchor(id))\" aria-labelledby=\"project-\(anchor(id))-title\">\n"
        out += "<h3 id=\"project-\(anchor(id))-title\">\(h(project.title)) <code>\(h(id))</code></h3>\n<dl>\n"
        let rows: [(String, String)] = [
            (t("Progress", "Fortschritt"), "\(project.progress) %"),
            (t("Duration", "Dauer"), project.period.displayText),
            ("Bisher", project.before),
            ("In Zukunft", project.future),
            (t("Fields of action", "Handlungsfelder"), project.fieldsOfAction.map(\.label.de).joined(separator: ", ")),
            (t("User groups", "Nutzende"), project.userGroups.map(\.label.de).joined(separator: ", ")),
            (t("Read from", "Gelesen aus"), project.origins.record.description),
        ]
        for (name, value) in rows { out += "<dt>\(h(name))</dt><dd>\(h(value))</dd>\n" }
        out += "</dl>\n<p>\(h(t("Findings", "Befunde"))): "
            + findings.map { "<a href=\"#finding-\($0)\">\(h(entries[$0].first.ruleID.rawValue))</a>" }.joined(separator: ", ") + "</p>\n</article>\n"
        return out
    }

    /// How many projects a report keeps to show the values of those with findings.
    public static let projectLimit = 2_000

    /// Writes `page` to `path` whole or not at all (a file beside it, renamed into place).
    public static func write(_ page: String, to path: String) throws(IOError) {
        let temporary = path + ".kompass-\(getpid()).partial"
        do {
            let writer = try ByteFileWriter(path: temporary)
            try writer.write(page)
            _ = try writer.finish()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            unlink(temporary)
            throw IOError(path: path, operation: "write the report", reason: reason)
        }
    }

    /// An identifier as a fragment: letters, digits, `-` and `_` kept, every other character as its code.
    private func anchor(_ id: String) -> String {
        id.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(Character(scalar)) || scalar == "-" || scalar == "_"
                ? String(scalar) : "_\(String(scalar.value, radix: 16))"
        }.joined()
    }

    /// Readable on screen and in print, at any width down to 320 px; contrast at least 4.5:1.
    static let style = """
    body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#fff}\
    header,main{max-width:60rem;margin:0 auto;padding:1rem}\
    header{border-bottom:2px solid #1a1a1a}\
    h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2rem;overflow-wrap:anywhere}h3{font-size:1.05rem;margin:.2rem 0}\
    .finding,.project{border-left:.4rem solid #555;padding:.4rem .8rem;margin:1rem 0;background:#f6f6f6}\
    .finding.error{border-color:#b00020}.finding.warning{border-color:#8a5a00}.finding.info{border-color:#1d4f91}\
    .severity{text-transform:uppercase;font-size:.8rem;letter-spacing:.05em;margin-right:.4rem}\
    .where{font-size:.9rem;color:#333;overflow-wrap:anywhere;margin:.2rem 0}\
    pre.excerpt{background:#fff;border:1px solid #bbb;padding:.4rem;overflow-x:auto;max-width:100%}\
    .lineno{color:#555}.caret{color:#b00020;font-weight:bold}pre.excerpt:focus{outline:3px solid #1a1a1a;outline-offset:2px}\
    .consequences{border-top:1px solid #bbb;margin-top:.4rem}.consequences ul{padding-left:1.2rem}\
    .consequences li{margin:.3rem 0;overflow-wrap:anywhere}\
    a{color:#0b4f9c}a:focus{outline:3px solid #1a1a1a;outline-offset:2px}\
    dl{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}\
    @media (max-width:30rem){dl{grid-template-columns:1fr}}\
    @media print{.finding,.project{break-inside:avoid;background:none}}
    """
}
