/// The block headings of the page text, in the order each project lists them.
public enum PageTextHeading: String, CaseIterable, Sendable {
    case progress = "Fortschritt"
    case duration = "Dauer"
    case before = "Bisher"
    case future = "In Zukunft"
    case fields = "Felder"
    case userGroups = "Nutzende"

    /// The heading that must follow this one's block, or nil after the last.
    var next: PageTextHeading? {
        let all = PageTextHeading.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }

    /// The heading `line` was probably meant to be: one that differs from it only in case, or by one edit (two
    /// when both have at least nine characters): `Fortschrit`, `dauer`, `In Zukuft`, `Nutzend`. Nil when no
    /// heading is that close (`Nutzen`, `Daten` are words), or two are.
    static func intended(by line: String) -> PageTextHeading? {
        // Every line of the page passes here: a long one is told by its first 15 characters, before it is lowered
        // (lowering a character never splits or joins characters).
        guard line.prefix(15).count <= 14 else { return nil }
        let text = Array(line.lowercased())
        guard text.count <= 14 else { return nil }
        var best: (heading: PageTextHeading, distance: Int)?
        var tie = false
        for (heading, name) in lowercasedNames {
            let allowed = name.count >= 9 && text.count >= 9 ? 2 : 1
            // The distance is at least the difference in length: most lines are not near any heading's length.
            guard abs(name.count - text.count) <= allowed else { continue }
            let distance = EditDistance.between(text, name)
            guard distance <= allowed else { continue }
            if let current = best, current.distance == distance { tie = true }
            if best == nil || distance < best!.distance { best = (heading, distance); tie = false }
        }
        return tie ? nil : best?.heading
    }

    /// Each heading with its name in lower case, as `intended(by:)` compares them.
    private static let lowercasedNames = allCases.map { ($0, Array($0.rawValue.lowercased())) }
}
