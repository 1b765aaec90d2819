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
}
