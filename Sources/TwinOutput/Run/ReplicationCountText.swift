/// How the text output names a count of replications: `1 replication`, `5 replications`,
/// or, when scenarios ran different numbers (`--replications auto` stops each scenario
/// on its own), `3–8 replications per scenario`. One phrase for the run report, the
/// verdict table and the common-random-numbers line, so they read alike.
enum ReplicationCountText {
    /// The phrase for `counts` (one per scenario); `fallback` when there are none.
    static func of(_ counts: [Int], fallback: Int) -> String {
        let fewest = counts.min() ?? fallback, most = counts.max() ?? fallback
        if fewest != most { return "\(fewest)–\(most) replications per scenario" }
        return "\(most) replication\(most == 1 ? "" : "s")"
    }
}
