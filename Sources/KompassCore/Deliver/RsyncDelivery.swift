import Foundation

/// Delivers the publication to a web server's folder with `rsync` over SSH, atomically on the server.
///
/// The server's folder `<path>` holds `releases/<id>/` (complete sets) and `current`, a symbolic link to one of
/// them, which the web server serves. A delivery
/// 1. prepares (`ssh`): creates `<path>/releases`, removes what killed deliveries left (`releases/.incoming-*`),
///    and reads which release `current` names;
/// 2. uploads (`rsync`) the complete published folder into a fresh `releases/.incoming-<id>/`, with
///    `--link-dest` to the current release: a file that did not change becomes a hard link to the one the server
///    has (only changed files cross the wire; `--checksum` decides, not times);
/// 3. swaps (`ssh`): renames the upload to `releases/<id>`, makes a new symbolic link beside `current` and renames
///    it over `current` (`mv -T`: one `rename(2)`), then removes every release but the new and the previous one.
///
/// Every request resolves `current` once: it reads the old set or the new set, never a mix. A delivery stopped at
/// any moment leaves `current` as it was; the next one clears up. Remote commands are a fixed script with the
/// configuration's values as its positional arguments, each quoted for the remote shell (`ShellWords`).
struct RsyncDelivery {
    var target: DeliveryTarget
    var remote: RsyncDestination

    func deliver(_ work: DeliveryWork) -> DeliveryOutcome {
        var outcome = work.outcome(of: target)
        do throws(DeliveryFailure) {
            if let identity = remote.identityFile, !FileManager.default.isReadableFile(atPath: identity) {
                throw DeliveryFailure(step: "read the SSH key", reason: "\(identity) cannot be read",
                                      hint: "check identityFile of the target '\(target.name)' and that the user running kompass may read it")
            }
            let prepare = [remote.path]
            let prepared = try work.run(child(sshCommand(RsyncDelivery.prepareScript, prepare), work),
                                        shownAs: sshCommand("<prepare script>", prepare), step: "prepare \(remote.path) on \(remote.host) over ssh",
                                        hint: connectionHint, recordingIn: &outcome)
            let previous = RsyncDelivery.previousRelease(in: prepared.standardOutput)
            let incoming = ".incoming-\(work.releaseID)"
            var rsync = [remote.rsyncProgram, "--recursive", "--links", "--times", "--perms", "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r",
                         "--checksum", "--itemize-changes", "-s", "-e", rsyncShell]
            if let previous { rsync.append("--link-dest=../\(previous)") }
            rsync += ["--", work.outputDirectory + "/", "\(remote.host):\(remote.path)/releases/\(incoming)/"]
            let uploaded = try work.run(child(rsync, work), step: "upload to \(remote.host):\(remote.path)/releases/\(incoming) with rsync",
                                        hint: "the server keeps serving the previous set; check the room and the rights in \(remote.path) on "
                                            + "\(remote.host); the next run retries",
                                        recordingIn: &outcome)
            outcome.transferred = RsyncDelivery.sentFiles(in: uploaded.standardOutput)
            let swap = [remote.path, work.releaseID, previous ?? ""]
            _ = try work.run(child(sshCommand(RsyncDelivery.swapScript, swap), work), shownAs: sshCommand("<swap script>", swap),
                             step: "make releases/\(work.releaseID) current in \(remote.path) on \(remote.host) over ssh",
                             hint: "the server keeps serving the previous set unless the link was already replaced; "
                                 + "the server needs GNU coreutils (mv -T); the next run retries",
                             recordingIn: &outcome)
        } catch {
            outcome.failure = error
        }
        return outcome
    }

    private var connectionHint: String {
        "check that \(remote.sshDestination) accepts the key (identityFile), that the host key is known (knownHostsFile), "
            + "and that \(remote.path) may be created and written there; the next run retries"
    }

    private func child(_ argv: [String], _ work: DeliveryWork) -> ChildProcess {
        ChildProcess(argv: argv, environment: work.environment, timeoutSeconds: target.timeoutSeconds)
    }

    /// ssh and its options: never asks (BatchMode), always checks the host key, the target's key only.
    var sshOptions: [String] {
        var options = [remote.sshProgram, "-o", "BatchMode=yes", "-o", "ConnectTimeout=30", "-o", "LogLevel=ERROR",
                       "-o", "StrictHostKeyChecking=yes"]
        if let port = remote.port { options += ["-p", String(port)] }
        if let identity = remote.identityFile { options += ["-i", identity, "-o", "IdentitiesOnly=yes"] }
        if let knownHosts = remote.knownHostsFile { options += ["-o", "UserKnownHostsFile=\(knownHosts)"] }
        if let user = remote.user { options += ["-l", user] }
        return options
    }

    /// rsync's `-e`: the ssh command as one string, each word quoted for rsync's splitting.
    var rsyncShell: String { sshOptions.map(ShellWords.rsyncQuoted).joined(separator: " ") }

    /// `ssh … -- host 'sh -c '\''script'\'' kompass-deliver arg…'`: the script and its arguments quoted for the
    /// remote user's shell, which runs them with `sh`.
    func sshCommand(_ script: String, _ arguments: [String]) -> [String] {
        sshOptions + ["--", remote.host, ShellWords.command(["sh", "-c", script, "kompass-deliver"] + arguments)]
    }

    /// `$1`: the folder. Prints `previous=<release>` when `current` names a release.
    static let prepareScript = """
        set -e
        mkdir -p -- "$1/releases"
        cd "$1"
        for entry in releases/.incoming-* .current.incoming-*; do
            if [ -e "$entry" ] || [ -L "$entry" ]; then rm -rf -- "$entry"; fi
        done
        if [ -L current ]; then
            printf 'previous=%s\\n' "$(readlink current)"
        elif [ -e current ]; then
            echo "$1/current is not a symbolic link: move it aside (kompass serves its releases through that link)" >&2
            exit 3
        fi
        """

    /// `$1`: the folder, `$2`: the new release, `$3`: the previous release (or empty).
    static let swapScript = """
        set -e
        cd "$1"
        mv -T -- "releases/.incoming-$2" "releases/$2"
        ln -sfn -- "releases/$2" ".current.incoming-$2"
        mv -T -- ".current.incoming-$2" current
        for entry in releases/* releases/.incoming-*; do
            name=${entry#releases/}
            case $name in
                "$2"|"$3"|'*'|'.incoming-*') ;;
                *) rm -rf -- "$entry" ;;
            esac
        done
        """

    /// The release `current` named (`releases/<id>` → `<id>`), from the prepare script's output.
    static func previousRelease(in output: String) -> String? {
        for line in output.split(separator: "\n") where line.hasPrefix("previous=") {
            let target = line.dropFirst("previous=".count)
            guard target.hasPrefix("releases/") else { return nil }
            let name = String(target.dropFirst("releases/".count))
            return name.isEmpty || name.contains("/") || name.hasPrefix(".") ? nil : name
        }
        return nil
    }

    /// How many files rsync sent (`--itemize-changes`: lines `<f…` for a file sent).
    static func sentFiles(in output: String) -> Int {
        output.split(separator: "\n").filter { $0.hasPrefix("<f") }.count
    }
}
