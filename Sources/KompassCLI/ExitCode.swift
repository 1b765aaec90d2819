/// The exit codes schedulers and scripts rely on (README, "Exit codes").
enum ExitCode: Int32 {
    /// Success, including "nothing changed".
    case success = 0
    /// The data has errors (or the self-check refused an output); nothing was published.
    case dataErrors = 1
    /// A usage or configuration error.
    case usage = 2
    /// An I/O or system failure.
    case ioFailure = 3
    /// Another run holds the lock.
    case locked = 4
    /// Success with warnings, only with `--warnings-exit` and without `--strict`.
    case successWithWarnings = 5
    /// Published locally, but a delivery target (`publication.deliver`) failed; the next run retries it.
    case deliveryFailed = 6
}
