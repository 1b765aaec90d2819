/// The first error the sources report about each project: what a later stage names as the cause when the
/// project goes missing from what would be published (the shrink guard's `guard.vanished`).
///
/// A finding about a project names it (`projectID`); a finding that itself follows from an error (the
/// register's `register.unused` for an entry whose block could not be read) passes its own cause on.
public struct ProjectCauses: Sendable {
    private var byProject: [String: FindingReference] = [:]

    public init() {}

    public init(_ findings: FindingList) {
        for finding in findings.all {
            guard let project = finding.projectID, byProject[project] == nil else { continue }
            if let cause = finding.causedBy {
                byProject[project] = cause
            } else if finding.severity == .error {
                byProject[project] = FindingReference(finding)
            }
        }
    }

    /// The error that explains why `project` is missing, if the sources reported one.
    public subscript(project: String) -> FindingReference? {
        byProject[project]
    }

    public var isEmpty: Bool { byProject.isEmpty }
}
