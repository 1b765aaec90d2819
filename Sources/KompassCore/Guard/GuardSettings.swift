/// How the shrink guard is tuned (`guard` in the configuration).
public struct GuardSettings: Sendable, Equatable {
    /// The largest share of the published portfolio that the sources' own `retired` lists may retire in
    /// one run (0.25: a quarter). Beyond it the run is refused unless the command line names the
    /// removals (`--retire`): a source that suddenly retires half the portfolio is more likely broken
    /// than right.
    public var maxShrink: Double

    public static let defaultMaxShrink = 0.25

    public init(maxShrink: Double = GuardSettings.defaultMaxShrink) {
        self.maxShrink = maxShrink
    }
}
