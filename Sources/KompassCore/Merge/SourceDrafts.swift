/// The drafted projects of one source, in source order.
public struct SourceDrafts: Sendable {
    public var source: SourceConfiguration
    public var drafts: [DraftProject]

    public init(source: SourceConfiguration, drafts: [DraftProject]) {
        self.source = source
        self.drafts = drafts
    }
}
