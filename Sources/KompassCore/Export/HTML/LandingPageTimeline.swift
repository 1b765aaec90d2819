/// The landing page's timeline of years: one row per shown project, its duration as a bar on a common
/// axis of years, the part of the bar that is filled its progress, a line in the middle of the
/// reference year (the "Stand"), and a dashed line from a delayed project's planned end to that line.
///
/// Like the statuses, the timeline depends on the reference year only, not on the day: a run on another
/// day of the same year writes the same page (an unchanged portfolio publishes nothing anew).
///
/// Static SVG, one small drawing per row (no script, no external asset). Every drawing is an image
/// (`role="img"`) whose accessible name says in words what it shows, starting with the project's
/// title; the same facts stand as text beside it, so nothing depends on colour, and the page reads
/// the same printed in black and white. Coordinates are percentages of the row's width, so a drawing
/// is never distorted and the rows reflow down to a 320 px wide window.
struct LandingPageTimeline {
    /// The first and the last year on the axis: the portfolio's years and the reference year.
    let firstYear: Int
    let lastYear: Int
    let referenceYear: Int

    /// Nil when there is no year to show (an empty portfolio).
    init?(yearSpan: ClosedRange<Int>?, referenceYear: Int) {
        guard let yearSpan else { return nil }
        firstYear = min(yearSpan.lowerBound, referenceYear)
        lastYear = max(yearSpan.upperBound, referenceYear)
        self.referenceYear = referenceYear
    }

    var yearCount: Int { lastYear - firstYear + 1 }

    // MARK: Positions

    /// Where a year starts on the axis, in hundredths of a percent of its width (`lastYear + 1`: its end).
    func position(ofYear year: Int) -> Int {
        Self.ratio(year - firstYear, yearCount)
    }

    /// Where the "Stand" line lies on the axis: in the middle of the reference year, in hundredths of a
    /// percent. A delayed project's last year lies before it, so its dashed line is never empty.
    var referencePosition: Int {
        Self.ratio(2 * (referenceYear - firstYear) + 1, 2 * yearCount)
    }

    /// `numerator / denominator` in hundredths of a percent, rounded half up (both not negative).
    static func ratio(_ numerator: Int, _ denominator: Int) -> Int {
        (numerator * 10_000 * 2 + denominator) / (denominator * 2)
    }

    /// Hundredths of a percent as an SVG or CSS length: `3333` → `33.33%`, `5000` → `50%`.
    static func percent(_ hundredths: Int) -> String {
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)%" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)%" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    // MARK: Style

    /// The rules that depend on the axis, added to the page's style sheet: the columns of the axis'
    /// year labels, and a grid line at the start of every year behind each row's drawing.
    var css: String {
        let lines = (1..<yearCount).map { year -> String in
            let at = Self.percent(Self.ratio(year, yearCount))
            return "transparent \(at), #8a929c \(at), #8a929c calc(\(at) + 1px), transparent calc(\(at) + 1px)"
        }
        // A line at either end too: at the start of the first year and at the end of the last.
        let edges = ["#8a929c 0, #8a929c 1px, transparent 1px"] + lines
            + ["transparent calc(100% - 1px), #8a929c calc(100% - 1px)"]
        let gradient = (["to right"] + edges).joined(separator: ", ")
        return """
        .timeline-years { grid-template-columns: repeat(\(yearCount), minmax(0, 1fr)); }
        .timeline-row svg { background-image: linear-gradient(\(gradient)); }
        """
    }

    // MARK: HTML

    /// The section's heading, explanation, legend and axis, and the opening of the list of rows.
    func start(shown: Int, total: Int) -> String {
        let caption = shown < total ? "die ersten \(shown) von \(total) Vorhaben" : "alle \(total) Vorhaben"
        return """
        <section aria-labelledby="zeitachse-titel">
        <h2 id="zeitachse-titel">Zeitachse</h2>
        <p>Die Zeitachse zeigt \(caption) in den Jahren \(firstYear) bis \(lastYear): jeder Balken die Dauer eines Vorhabens, sein gefüllter Teil den erreichten Fortschritt. Die senkrechte Linie markiert den Stand \(referenceYear), das Jahr, nach dem sich Status und Verzögerung richten. Liegt das geplante Ende eines Vorhabens vor \(referenceYear) und ist sein Fortschritt unter 100 %, ist es verzögert: eine gestrichelte Linie führt von seinem geplanten Ende bis zum Stand, und sein Text nennt den Grund.</p>
        <ul class="timeline-legend">
        <li><svg aria-hidden="true" width="32" height="16"><rect class="timeline-span" x="1" y="2" width="30" height="12"/><rect class="timeline-done" x="1" y="2" width="15" height="12"/></svg>Dauer, gefüllt: Fortschritt</li>
        <li><svg aria-hidden="true" width="32" height="16"><line class="timeline-late" x1="2" y1="8" x2="30" y2="8"/></svg>Verzögerung bis zum Stand</li>
        <li><svg aria-hidden="true" width="16" height="16"><line class="timeline-now" x1="8" y1="0" x2="8" y2="16"/></svg>Stand \(referenceYear)</li>
        </ul>
        <div class="timeline">
        <div class="timeline-axis" aria-hidden="true"><span></span><div class="timeline-years">\(yearLabels)</div></div>
        <ol class="timeline-rows">

        """
    }

    /// The labels of the axis: every year while they fit, else every second, fifth or tenth year; on
    /// a narrow window only every other label (`minor` ones are hidden there).
    var yearLabels: String {
        let step = yearCount <= 16 ? 1 : yearCount <= 32 ? 2 : yearCount <= 80 ? 5 : 10
        return (firstYear...lastYear).map { year -> String in
            let offset = year - firstYear
            guard offset % step == 0 else { return "<span></span>" }
            return offset % (2 * step) == 0 ? "<span>\(year)</span>" : "<span class=\"minor\">\(year)</span>"
        }.joined()
    }

    /// One project's row: its title (a link to its section), the drawing, and its facts as text.
    func row(_ project: Project, status: ProjectStatus) -> String {
        let h = Escaping.html
        let title = h(project.title)
        let period = h(project.period.displayText)
        let progress = LandingPageExporter.clampedProgress(project.progress)
        let delayed = project.isDelayed(referenceYear: referenceYear)
        let delay = delayed ? LandingPageExporter.delayText(project) : nil
        let label = "\(title): \(period), \(project.progress) % erreicht, \(status.label.de)" + (delay.map { ". \($0)" } ?? "")

        // Clamped to the axis, which holds every project of the portfolio and the reference year.
        let startYear = min(max(project.period.startYear, firstYear), lastYear + 1)
        let endYear = min(max(project.period.lastYear + 1, startYear), lastYear + 1)
        let x = position(ofYear: startYear)
        let width = position(ofYear: endYear) - x
        var drawing = "<rect class=\"timeline-span\" x=\"\(Self.percent(x))\" y=\"20%\" width=\"\(Self.percent(width))\" height=\"60%\"/>"
        if progress > 0 {
            drawing += "<rect class=\"timeline-done\" x=\"\(Self.percent(x))\" y=\"20%\" width=\"\(Self.percent(width * progress / 100))\" height=\"60%\"/>"
        }
        let now = Self.percent(referencePosition)
        if delayed {
            drawing += "<line class=\"timeline-late\" x1=\"\(Self.percent(x + width))\" y1=\"50%\" x2=\"\(now)\" y2=\"50%\"/>"
        }
        drawing += "<line class=\"timeline-now\" x1=\"\(now)\" y1=\"0\" x2=\"\(now)\" y2=\"100%\"/>"

        let facts = "\(period) · \(project.progress) % · \(status.label.de)"
            + (delay.map { " · <strong class=\"delayed\"><span aria-hidden=\"true\">⚠ </span>\($0)</strong>" } ?? "")
        return "<li class=\"timeline-row\"><a href=\"#\(h(project.id.rawValue))\">\(title)</a>"
            + "<svg role=\"img\" aria-label=\"\(label)\">\(drawing)</svg>"
            + "<p aria-hidden=\"true\">\(facts)</p></li>\n"
    }

    static let end = "</ol>\n</div>\n</section>\n\n"
}
