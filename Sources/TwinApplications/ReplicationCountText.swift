/// How the text output names a count of replications: `1 replication`, `5 replications`,
/// or, when scenarios ran different numbers (`--replications auto` stops each scenario
/// on its own), `3–8 replications per scenario`. One phrase for the run report, the
/// verdict table, the common-random-numbers line and the optimiser's account of its
/// screening runs, so they read alike; here, below the text output, so the optimiser's
/// sentences can use it too.
public enum ReplicationCountText {
    /// The phrase for `counts` (one per scenario); `fallback` when there are none.
    public static func of(_ counts: [Int], fallback: Int) -> String {
        let fewest = counts.min() ?? fallback, most = counts.max() ?? fallback
        if fewest != most { return "\(fewest)–\(most) replications per scenario" }
        return "\(most) replication\(most == 1 ? "" : "s")"
    }

    /// The phrase for one count that every scenario shares (settings, not what ran).
    public static func of(_ count: Int) -> String { of([], fallback: count) }
}
