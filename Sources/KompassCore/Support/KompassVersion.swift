/// The version of kompass, recorded in the publication state and printed by `--version`.
public enum KompassVersion {
    public static let current = "0.4.0"
}
