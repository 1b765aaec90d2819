/// What rules may consult besides the projects.
public struct ValidationContext: Sendable {
    /// "Today" for every rule that depends on the date (`--as-of`).
    public var referenceDate: CalendarDate

    public init(referenceDate: CalendarDate) {
        self.referenceDate = referenceDate
    }
}
