/// The findings of a run, in the order they were found.
public struct FindingList: Sendable, Equatable {
    public private(set) var all: [Finding] = []

    public init(_ findings: [Finding] = []) {
        all = findings
    }

    public mutating func append(_ finding: Finding) {
        all.append(finding)
    }

    public mutating func append(contentsOf findings: some Sequence<Finding>) {
        all.append(contentsOf: findings)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    public func count(of severity: Severity) -> Int {
        all.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// Sorted for reports: by file, then line, then column, keeping the found order otherwise.
    public var sortedByLocation: [Finding] {
        all.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            let keyA = (la?.file ?? "", la?.line ?? 0, la?.column ?? 0)
            let keyB = (lb?.file ?? "", lb?.line ?? 0, lb?.column ?? 0)
            if keyA != keyB { return keyA < keyB }
            return a.offset < b.offset
        }.map(\.element)
    }
}
