import Foundation
import KompassCore

/// Crashes the fuzzers found that are not fixed yet in Sources/ (each has its reproducer in
/// Fuzz/regressions/TARGET/open/ and its description in Fuzz/README.md). While one is open, the targets step around
/// it, so that a fuzzing run is not stopped by it again and again and can find others; the replay of the open
/// reproducers (`scripts/fuzz regressions`) sets KOMPASS_FUZZ_KNOWN_BUGS=trap and runs into them. When a bug is
/// fixed, its step-around goes and its reproducer moves from open/ to its target's folder.
enum KnownBugs {
    /// KOMPASS_FUZZ_KNOWN_BUGS=trap: run into the known bugs (to replay their reproducers).
    static let stepAround = getenv("KOMPASS_FUZZ_KNOWN_BUGS").map { String(cString: $0) } != "trap"

    /// Open bug 1 (Fuzz/regressions/normalise-validate/open/period-end-before-start.records): a project whose end
    /// year lies before its start year (an error, `period.order`, but still a project) traps in
    /// `PortfolioSummary.add` (PortfolioSummary.swift:31, `low...high`) and in `Portfolio.yearSpan`
    /// (Portfolio.swift:18): "Range requires lowerBound <= upperBound". `kompass validate` and `kompass run`
    /// crash on such a source (SIGILL, exit 132) instead of reporting the finding.
    static func stepAroundPeriodOrder(_ projects: [Project]) -> Bool {
        stepAround && projects.contains { $0.period.lastYear < $0.period.startYear }
    }

    /// Open bug 2 (Fuzz/regressions/config/open/rule-parameter-*.json): a rule parameter of the configuration that is
    /// a number from 0 but beyond Int.max (`"afterYears": 1e300`, `"yearsAhead": 1e400`, which the JSON reader reads
    /// as infinity) passes `ValidationSettingsReader` and traps when the rule is built: `Int(parameters.value(…))` in
    /// `NotStartedRule.init` (NotStartedRule.swift:14) and `PeriodPlausibleRule.init` (PeriodPlausibleRule.swift:15–16):
    /// "Double value cannot be converted to Int because the result would be greater than Int.max" / "… because it is
    /// either infinite or NaN". `kompass validate` and `kompass run` crash (SIGILL, exit 132) instead of a
    /// configuration error (exit 2).
    static func stepAroundHugeRuleParameter(_ settings: [RuleID: RuleSettings]) -> Bool {
        stepAround && settings.values.contains { $0.parameters.values.contains { !($0 < 9.2e18) } }
    }
}
