/// `progress.range`: progress lies between 0 and 100 percent.
public struct ProgressRangeRule: ValidationRule {
    public let id = "progress.range"
    public let severity = Severity.error
    public let summary = "Progress lies between 0 and 100 percent."

    public init() {}

    public func check(_ project: Project, context: ValidationContext) -> [Finding] {
        guard !(0...100).contains(project.progress) else { return [] }
        return [finding(project, .progress, "progress \(project.progress)% lies outside 0–100%",
                        hint: "write the share of the project that is done, from 0% to 100%")]
    }
}
