/// 95 % intervals for quantities pooled over the packets (or attacks, or events) of
/// independent replications: a ratio such as "delivered within 250 ms" and a percentile
/// such as p99 latency.
///
/// Why not a Student-t interval over one value per replication: with two replications a
/// t-interval has one degree of freedom (t = 12.7), so a p99 of 458 ms came out as
/// ± 826 ms — and with zero spread (every replication delivered everything) it has no
/// width at all, claiming certainty from a finite sample. Here every packet counts, and
/// replications are treated as independent clusters of correlated packets:
///
/// - Ratio: the pooled estimate F = Σcᵣ / Σnᵣ with the cluster (linearisation) variance
///   `R/(R−1) · Σ(cᵣ − F·nᵣ)² / (Σnᵣ)²` and t(R−1) (W. G. Cochran, *Sampling Techniques*,
///   3rd ed., 1977, §6.4, ratio estimator under cluster sampling); the interval is never
///   narrower than the Wilson score interval of the pooled counts (Wilson 1927), which
///   holds the finite-sample floor when the replications agree, and stays in [0, 1].
/// - Percentile: the pooled order statistic q̂ = F⁻¹(p), with the interval obtained by
///   inverting the same ratio interval for the pooled CDF at q̂ (A. S. Woodruff, "Confidence
///   intervals for medians and other position measures", JASA 47, 1952): the quantiles of
///   the pooled histogram at p ∓ the half-width of F(q̂).
///
/// Both need two replications for the cluster term; with one, only the Wilson floor is
/// left, which ignores the correlation of packets within a run, so `method` says so and
/// callers treat one replication as too little to conclude.
public enum ClusteredIntervals {
    /// A ratio pooled over replications with its 95 % interval.
    public struct Ratio: Hashable, Sendable {
        public var estimate: Double
        public var lower: Double
        public var upper: Double
        public var replications: Int
        /// Trials pooled over the replications.
        public var trials: Int
        /// True when the interval accounts for the correlation within replications
        /// (two or more replications with trials).
        public var clusterAdjusted: Bool
    }

    /// The pooled ratio of `(successes, trials)` per replication; nil without trials.
    public static func ratio(_ replications: [SuccessRatio]) -> Ratio? {
        let used = replications.filter { $0.trials > 0 }
        var pooled = SuccessRatio()
        for replication in used { pooled.merge(replication) }
        guard let estimate = pooled.ratio, let wilson = pooled.wilsonInterval else { return nil }
        var lower = wilson.lowerBound, upper = wilson.upperBound
        if used.count >= 2 {
            let total = Double(pooled.trials)
            var sum = 0.0
            for replication in used {
                let residual = Double(replication.successes) - estimate * Double(replication.trials)
                sum += residual * residual
            }
            let r = Double(used.count)
            let variance = r / (r - 1) * sum / (total * total)
            let half = StudentT.quantile975(degreesOfFreedom: used.count - 1) * variance.squareRoot()
            lower = Swift.min(lower, Swift.max(0, estimate - half))
            upper = Swift.max(upper, Swift.min(1, estimate + half))
        }
        return Ratio(estimate: estimate, lower: lower, upper: upper, replications: used.count, trials: pooled.trials,
                     clusterAdjusted: used.count >= 2)
    }

    /// A percentile pooled over replications with its 95 % interval, in nanoseconds.
    public struct Quantile: Hashable, Sendable {
        public var estimate: SimTime
        public var lower: SimTime
        /// nil when the interval reaches beyond the largest value observed (the sample
        /// cannot bound it from above).
        public var upper: SimTime?
        public var replications: Int
        public var samples: Int
        public var clusterAdjusted: Bool
    }

    /// The `p`-th percentile (0 < p < 100) of the values of every replication pooled,
    /// with its interval; nil when no replication has a value.
    public static func quantile(_ p: Double, of histograms: [LatencyHistogram]) -> Quantile? {
        let used = histograms.filter { $0.count > 0 }
        guard let first = used.first else { return nil }
        var pooled = LatencyHistogram(significantBits: first.significantBits)
        for histogram in used { pooled.merge(histogram) }
        guard let estimate = pooled.percentile(p) else { return nil }
        // The share of each replication's values at or below the estimate's bucket: the
        // pooled CDF at q̂ as a ratio over clusters.
        let perReplication = used.map { histogram in
            SuccessRatio(successes: histogram.count(notAbove: estimate), trials: histogram.count)
        }
        guard let cdf = ratio(perReplication) else { return nil }
        let level = p / 100
        let half = Swift.max(cdf.upper - cdf.estimate, cdf.estimate - cdf.lower)
        let low = Swift.max(0, level - half), high = level + half
        let lower = pooled.percentile(low * 100) ?? estimate
        let upper = high >= 1 ? nil : pooled.percentile(high * 100)
        return Quantile(estimate: estimate, lower: Swift.min(lower, estimate), upper: upper.map { Swift.max($0, estimate) },
                        replications: used.count, samples: pooled.count, clusterAdjusted: cdf.clusterAdjusted)
    }
}

extension LatencyHistogram {
    /// How many samples lie in buckets at or below the bucket holding `value` (the
    /// nearest-rank count of a percentile reported as `value`).
    public func count(notAbove value: SimTime) -> Int {
        guard count > 0 else { return 0 }
        let limit = bucketIndex(of: UInt64(Swift.max(0, value.nanoseconds)))
        var total: UInt64 = 0
        for index in counts.indices where index <= limit { total += counts[index] }
        return Int(total)
    }
}
