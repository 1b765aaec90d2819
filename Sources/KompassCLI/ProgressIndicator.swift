import Foundation

/// A one-line progress indicator on standard error, only on a terminal: never in a pipe or a log.
/// Each stage overwrites the line; `clear` removes it before the results are printed.
struct ProgressIndicator: Sendable {
    let enabled: Bool

    var show: @Sendable (String) -> Void {
        let enabled = self.enabled
        return { stage in
            guard enabled else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[2Kkompass: \(stage)…".utf8))
        }
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
