import Testing
@testable import TwinEngine

/// The pooled intervals of `ClusteredIntervals` on hand-computed cases.
@Suite struct ClusteredIntervalTests {
    /// Three replications delivering 900, 1000 and 950 of 1000: F = 0.95, cluster
    /// variance 3/2 · (50² + 50² + 0²)/3000² = 8.33·10⁻⁴, half-width
    /// t(0.975; 2) · 0.028868 = 0.124209.
    @Test func ratioUsesTheClusterVarianceWhenReplicationsDisagree() throws {
        let ratio = try #require(ClusteredIntervals.ratio([900, 1000, 950].map { SuccessRatio(successes: $0, trials: 1000) }))
        #expect(ratio.estimate == 0.95 && ratio.trials == 3000 && ratio.clusterAdjusted)
        #expect(abs(ratio.lower - (0.95 - 4.302653 * (1.5 * 5000 / 9e6).squareRoot())) < 1e-9)
        #expect(ratio.upper == 1, "cut to the ratio's range")
    }

    /// Replications that agree exactly keep the Wilson interval of the pooled counts:
    /// 3000 of 3000 delivered is not "exactly 100 %" but at least 99.872 %.
    @Test func agreeingReplicationsKeepTheWilsonFloor() throws {
        let ratio = try #require(ClusteredIntervals.ratio(Array(repeating: SuccessRatio(successes: 1000, trials: 1000),
                                                                  count: 3)))
        let z = StudentT.normalQuantile975
        #expect(ratio.upper == 1)
        #expect(abs(ratio.lower - 3000 / (3000 + z * z)) < 1e-12, "Wilson lower end at 3000 of 3000")
        #expect(ClusteredIntervals.ratio([]) == nil)
        #expect(ClusteredIntervals.ratio([SuccessRatio()]) == nil, "no trials")
        #expect(ClusteredIntervals.ratio([SuccessRatio(successes: 5, trials: 10)])?.clusterAdjusted == false)
    }

    /// The Woodruff case worked out in `RunGoalEvaluationTests`: p99 of 1…100 ms × (r+1).
    @Test func quantileInvertsTheClusteredCDFInterval() throws {
        let histograms = (1...3).map { scale -> LatencyHistogram in
            var histogram = LatencyHistogram()
            for value in 1...100 { histogram.record(.milliseconds(Int64(value * scale))) }
            return histogram
        }
        let p99 = try #require(ClusteredIntervals.quantile(99, of: histograms))
        #expect(p99.samples == 300 && p99.replications == 3 && p99.clusterAdjusted)
        #expect(abs(p99.estimate.seconds - 0.291) <= 0.291 / 256)
        #expect(abs(p99.lower.seconds - 0.255) <= 0.255 / 256)
        #expect(p99.upper == nil)
        let median = try #require(ClusteredIntervals.quantile(50, of: histograms))
        #expect(median.lower <= median.estimate && median.estimate <= (median.upper ?? .max))
        #expect(ClusteredIntervals.quantile(99, of: [LatencyHistogram()]) == nil)
    }

    /// Exact values pooled (recovery times): 1…100 in each of three replications. The
    /// median is the 150th of 300 (50); every replication has half its values at or below
    /// it, so only the Wilson floor is left, ± 0.05622 at n = 300: levels 0.44378 and
    /// 0.55622, ranks 134 and 167, values 45 and 56. The p99 (99) cannot be bounded above.
    @Test func exactValuesPoolAsOrderStatistics() throws {
        let replications = Array(repeating: Array(1...100), count: 3)
        let median = try #require(ClusteredIntervals.quantile(50, ofValues: replications))
        #expect(median.estimate == 50 && median.lower == 45 && median.upper == 56)
        #expect(median.samples == 300 && median.replications == 3 && median.clusterAdjusted)
        let p99 = try #require(ClusteredIntervals.quantile(99, ofValues: replications))
        #expect(p99.estimate == 99 && p99.upper == nil && p99.lower < 99)
        // Two replications that agree on a handful of values are no certainty.
        let agreeing = try #require(ClusteredIntervals.quantile(99, ofValues: [[1.5, 1.5, 1.5], [1.5, 1.5, 1.5]]))
        #expect(agreeing.estimate == 1.5 && agreeing.upper == nil)
        #expect(ClusteredIntervals.quantile(99, ofValues: [[Int](), []]) == nil)
        #expect(ClusteredIntervals.quantile(50, ofValues: [[1, 2]])?.clusterAdjusted == false)
    }
}
