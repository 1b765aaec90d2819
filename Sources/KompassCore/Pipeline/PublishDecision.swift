/// What a run does with the files it wrote: the one decision `run`, `diff`, `status` and the command line share.
public enum PublishDecision: Sendable, Equatable {
    /// Errors in the data or the outputs (or warnings under `--strict`): nothing is published.
    case refused
    /// The files are those published last time, and the files on disk still are: nothing is touched.
    case unchanged
    /// Everything was checked and written to staging; `--dry-run` asked to publish nothing.
    case dryRun
    /// Every file is published anew, none reused from the last publication (`--full`, another kompass
    /// version or another configuration); dates and the feed still change only where content did.
    case full
    /// The files are published; those whose content did not change are reused from the last publication.
    case publish

    /// Whether the next publication must trust no stored checksum: asked for, or the state was written by
    /// another kompass version or with another configuration.
    public static func needsFullPublication(asked: Bool, previous: PublicationState?, configurationFingerprint: String,
                                            version: String = KompassVersion.current) -> Bool {
        asked || previous.map { $0.kompassVersion != version || $0.configurationFingerprint != configurationFingerprint } ?? false
    }

    /// The decision for a run whose outputs are written and checked.
    /// - Parameters:
    ///   - blocked: the findings forbid publishing.
    ///   - full: `needsFullPublication`.
    ///   - sameAsPublished: nothing changed and every written file equals the published one, in the state and on disk.
    public static func decide(blocked: Bool, full: Bool, sameAsPublished: Bool, dryRun: Bool) -> PublishDecision {
        if blocked { return .refused }
        if !full && sameAsPublished { return .unchanged }
        if dryRun { return .dryRun }
        return full ? .full : .publish
    }
}
