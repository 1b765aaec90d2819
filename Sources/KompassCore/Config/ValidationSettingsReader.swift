/// Reads `validation.rules`: per rule of the catalogue, whether it runs, its severity and its parameters.
///
/// ```json
/// "validation": { "rules": {
///   "time.not-started": { "severity": "error", "afterYears": 2 },
///   "title.duplicate": { "enabled": false } } }
/// ```
enum ValidationSettingsReader {
    static func read(_ object: JSONObject?) throws -> [RuleID: RuleSettings] {
        guard let object else { return [:] }
        try object.allowOnly(["rules"])
        guard let rules = try object.optionalObject("rules") else { return [:] }
        let catalogue = Dictionary(uniqueKeysWithValues: Validator.catalogue.map { ($0.id.rawValue, $0) })
        var settings: [RuleID: RuleSettings] = [:]
        for id in rules.keys.sorted() {
            guard let rule = catalogue[id] else {
                throw rules.error(id, "is not a rule of the catalogue; tunable rules: " + catalogue.keys.sorted().joined(separator: ", "))
            }
            let entry = try rules.object(id)
            try entry.allowOnly(Set(["enabled", "severity"] + rule.defaultParameters.keys))
            var tuned = RuleSettings()
            if let enabled = entry["enabled"] {
                guard let flag = enabled.bool else { throw entry.error("enabled", "must be true or false") }
                tuned.enabled = flag
            }
            if let text = try entry.optionalString("severity") {
                guard let severity = Severity(rawValue: text) else {
                    throw entry.error("severity", "'\(text)' is not one of error, warning, info")
                }
                tuned.severity = severity
            }
            for name in rule.defaultParameters.keys.sorted() where entry[name] != nil {
                // Parameters are counts of years (a number beyond what a whole number holds, 1e300 or 1e400 read as
                // infinity, would trap where the rule converts it) or fractions (a similarity threshold of 1.8 would
                // trap in the similarity index): each rule says which values it takes.
                let range = rule.allowedRange(of: name)
                guard let number = entry[name]?.number, range.contains(number) else {
                    let bounds = range.upperBound == 1 ? "from 0 to 1 (a fraction, e.g. \(rule.defaultParameters[name] ?? 0.5))"
                                                       : "from 0 to \(Int32.max)"
                    throw entry.error(name, "must be a number \(bounds)")
                }
                tuned.parameters[name] = number
            }
            settings[rule.id] = tuned
        }
        return settings
    }
}
