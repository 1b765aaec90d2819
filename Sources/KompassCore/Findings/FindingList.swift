/// The findings of a run, in the order they were found, with memory bounded by the kinds of problem
/// rather than by the size of the input.
///
/// Findings of one rule, severity, file and field (and cause) form a group. The list counts every finding of every
/// group, but keeps only the first `retainPerGroup` of each (1,000 identical warnings in a million-row
/// source are one group: counted in full, a few examples kept). Reports show a group that has more
/// findings than they list as one entry with its count and its first locations (`entries`).
public struct FindingList: Sendable, Equatable {
    /// The findings kept, in the order they were found: every finding of a group up to `retainPerGroup`.
    public private(set) var all: [Finding] = []
    public let retainPerGroup: Int
    private var groupCounts: [GroupKey: Int] = [:]
    private var severityCounts: [Severity: Int] = [:]

    /// How many findings of one group are kept by default: far more than a report lists.
    public static let defaultRetainPerGroup = 100

    /// The group of a finding: the same rule at the same severity in the same file, about the same field (so
    /// that a million records missing seven different fields are seven groups, each named by its field), and
    /// following from the same cause (or from none).
    public struct GroupKey: Hashable, Sendable {
        public var ruleID: RuleID
        public var severity: Severity
        public var file: String?
        public var field: String?
        public var cause: FindingReference?

        public init(_ finding: Finding) {
            ruleID = finding.ruleID
            severity = finding.severity
            file = finding.location?.file
            field = finding.location?.field ?? finding.field?.rawValue
            cause = finding.causedBy
        }
    }

    public init(_ findings: [Finding] = [], retainPerGroup: Int = FindingList.defaultRetainPerGroup) {
        self.retainPerGroup = max(1, retainPerGroup)
        append(contentsOf: findings)
    }

    /// A list that only counts: `counts` findings of each severity, none of them kept (the findings of an
    /// earlier run, reported again without reading its sources).
    public init(counted counts: [Severity: Int]) {
        retainPerGroup = FindingList.defaultRetainPerGroup
        severityCounts = counts.filter { $0.value > 0 }
    }

    public mutating func append(_ finding: Finding) {
        let key = GroupKey(finding)
        let count = groupCounts[key, default: 0] + 1
        groupCounts[key] = count
        severityCounts[finding.severity, default: 0] += 1
        if count <= retainPerGroup { all.append(finding) }
    }

    public mutating func append(contentsOf findings: some Sequence<Finding>) {
        for finding in findings { append(finding) }
    }

    /// Removes every finding of the groups `isRemoved` names, kept or only counted.
    public mutating func removeGroups(where isRemoved: (GroupKey) -> Bool) {
        all.removeAll { isRemoved(GroupKey($0)) }
        for (key, count) in groupCounts where isRemoved(key) {
            groupCounts[key] = nil
            severityCounts[key.severity, default: 0] -= count
        }
    }

    /// Appends another list: its kept findings, and its counts in full (also of the findings it only counted).
    public mutating func append(contentsOf other: FindingList) {
        var keptPerGroup: [GroupKey: Int] = [:]
        for finding in other.all {
            let key = GroupKey(finding)
            keptPerGroup[key, default: 0] += 1
            let count = groupCounts[key, default: 0] + 1
            groupCounts[key] = count
            if count <= retainPerGroup { all.append(finding) }
        }
        for (key, total) in other.groupCounts {
            groupCounts[key, default: 0] += total - keptPerGroup[key, default: 0]
        }
        for (severity, total) in other.severityCounts { severityCounts[severity, default: 0] += total }
    }

    public var hasErrors: Bool { severityCounts[.error, default: 0] > 0 }

    /// Every finding of `severity`, kept or only counted.
    public func count(of severity: Severity) -> Int {
        severityCounts[severity, default: 0]
    }

    /// Every finding, kept or only counted.
    public var totalCount: Int { severityCounts.values.reduce(0, +) }

    /// How many findings the group of `finding` has, kept or only counted.
    public func groupCount(of finding: Finding) -> Int {
        groupCounts[GroupKey(finding), default: 0]
    }

    /// Sorted for reports: by file, then line, then column, keeping the found order otherwise.
    public var sortedByLocation: [Finding] {
        FindingList.sortedByLocation(all)
    }

    static func sortedByLocation(_ findings: [Finding]) -> [Finding] {
        sortedByLocation(findings, of: { $0 })
    }

    /// `elements` by the location of `finding(element)`: file, line, column; found order otherwise.
    static func sortedByLocation<Element>(_ elements: [Element], of finding: (Element) -> Finding) -> [Element] {
        elements.enumerated().sorted { a, b in
            let la = finding(a.element).location, lb = finding(b.element).location
            let keyA = (la?.file ?? "", la?.line ?? 0, la?.column ?? 0)
            let keyB = (lb?.file ?? "", lb?.line ?? 0, lb?.column ?? 0)
            if keyA != keyB { return keyA < keyB }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The entries of a report at or above `minimum`, in location order: a group with more findings
    /// than `examples` is one entry (its first `examples` findings by location, and its full count);
    /// a smaller group gives one entry per finding. `examples` should not exceed `retainPerGroup`.
    public func entries(examples: Int, minimum: Severity = .info) -> [FindingGroup] {
        var byKey: [GroupKey: [Finding]] = [:]
        var order: [GroupKey] = []
        for finding in all where finding.severity >= minimum {
            let key = GroupKey(finding)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(finding)
        }
        var entries: [FindingGroup] = []
        for key in order {
            let members = FindingList.sortedByLocation(byKey[key] ?? [])
            let total = groupCounts[key, default: members.count]
            if total > max(1, examples) || total > members.count {
                entries.append(FindingGroup(examples: Array(members.prefix(max(1, examples))), count: total))
            } else {
                entries += members.map { FindingGroup(examples: [$0], count: 1) }
            }
        }
        return FindingList.sortedByLocation(entries, of: \.first)
    }
}

/// One entry of a report: a finding, or a group of findings of one rule in one file with its count
/// and the first few of them.
public struct FindingGroup: Sendable, Equatable {
    /// The findings listed, first by location; never empty.
    public var examples: [Finding]
    /// How many findings the entry stands for (at least `examples.count`).
    public var count: Int
    /// The entries that follow from this one (their `causedBy` names one of its findings), listed under it.
    public var consequences: [FindingGroup] = []

    public init(examples: [Finding], count: Int) {
        self.examples = examples
        self.count = count
    }

    /// `entries` with each entry whose cause is among them moved under that cause, in order; an entry whose
    /// cause is not listed stays where it is.
    public static func folded(_ entries: [FindingGroup]) -> [FindingGroup] {
        var causeIndex: [FindingReference: Int] = [:]
        for (index, entry) in entries.enumerated() {
            for finding in entry.examples where causeIndex[FindingReference(finding)] == nil {
                causeIndex[FindingReference(finding)] = index
            }
        }
        var folded = entries
        var moved = Set<Int>()
        for (index, entry) in entries.enumerated() {
            guard let cause = entry.first.causedBy, let target = causeIndex[cause], target != index,
                  entries[target].first.causedBy == nil else { continue }
            folded[target].consequences.append(entry)
            moved.insert(index)
        }
        return folded.enumerated().filter { !moved.contains($0.offset) }.map(\.element)
    }

    /// How many findings follow from this entry, by severity.
    public func consequenceCount(of severity: Severity) -> Int {
        consequences.filter { $0.first.severity == severity }.reduce(0) { $0 + $1.count }
    }

    public var first: Finding { examples[0] }
    public var isGroup: Bool { count > 1 }
}
