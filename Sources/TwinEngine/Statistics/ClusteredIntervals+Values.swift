/// A percentile of a few exact values per replication, pooled: the recovery times of
/// every (device, fault) pair of every replication.
///
/// Why not one percentile per replication with a Student-t interval over them: a
/// replication of the demo has a handful of pairs, so its "p99" is its largest
/// recovery, and two replications that happen to agree gave an interval of zero width
/// ("1.566 s [1.566 s, 1.566 s] met" from two runs of a twin whose 30 runs include a
/// pair that never recovered). Pooled, every pair counts, and the interval is the one
/// `ClusteredIntervals.quantile` forms for latency: the pooled CDF at the estimate as a
/// ratio over replications (clusters), inverted (Woodruff 1952). A high percentile of
/// few pairs cannot be bounded from above (`upper` nil), which is the honest answer:
/// with every pair at or below the largest, 299 pairs are needed before the largest
/// bounds the 99th percentile at 95 % (0.99^299 < 0.05).
extension ClusteredIntervals {
    /// A pooled percentile of exact values with its 95 % interval.
    public struct ValueQuantile<Value: Comparable & Sendable & Hashable>: Sendable, Hashable {
        public var estimate: Value
        public var lower: Value
        /// nil when the interval reaches beyond the largest value observed.
        public var upper: Value?
        public var replications: Int
        public var samples: Int
        /// True with two or more replications holding values (see `Quantile`).
        public var clusterAdjusted: Bool
    }

    /// The nearest-rank `p`-th percentile (0 < p ≤ 100) of the values of every
    /// replication pooled, with its interval; nil when no replication has a value.
    public static func quantile<Value: Comparable & Sendable & Hashable>(
        _ p: Double, ofValues replications: [[Value]]
    ) -> ValueQuantile<Value>? {
        let used = replications.filter { !$0.isEmpty }
        let pooled = used.flatMap { $0 }.sorted()
        guard !pooled.isEmpty else { return nil }
        let estimate = nearestRank(p / 100, of: pooled)
        let perReplication = used.map { values in
            SuccessRatio(successes: values.filter { $0 <= estimate }.count, trials: values.count)
        }
        guard let cdf = ratio(perReplication) else { return nil }
        let level = p / 100
        let half = Swift.max(cdf.upper - cdf.estimate, cdf.estimate - cdf.lower)
        let lower = Swift.min(nearestRank(level - half, of: pooled), estimate)
        let upper = level + half >= 1 ? nil : Swift.max(nearestRank(level + half, of: pooled), estimate)
        return ValueQuantile(estimate: estimate, lower: lower, upper: upper, replications: used.count,
                             samples: pooled.count, clusterAdjusted: cdf.clusterAdjusted)
    }

    /// The nearest-rank quantile at `level` of sorted, non-empty `values` (the smallest
    /// value at or below level 0), as `DeviceCombination.statistic` ranks.
    private static func nearestRank<Value>(_ level: Double, of values: [Value]) -> Value {
        let rank = Swift.max(1, Int((level * Double(values.count)).rounded(.up)))
        return values[Swift.min(rank, values.count) - 1]
    }
}
