import Testing
import TwinEngine
import TwinUnits
@testable import TwinRuntime

/// What it would take to decide a tail goal that a run stopped short of
/// (`ClusteredIntervals.valuesToBoundAbove`, `StoppingRecord.OpenGoal.requirement`).
@Suite struct TailRequirementTests {
    /// The count agrees with the interval it predicts: 735 distinct values leave a p99
    /// without an upper end, 736 give it one.
    @Test func theValuesAPercentileNeedsMatchItsInterval() throws {
        #expect(ClusteredIntervals.valuesToBoundAbove(percentile: 99) == 736)
        #expect(ClusteredIntervals.valuesToBoundAbove(percentile: 95) == 133)
        #expect(ClusteredIntervals.valuesToBoundAbove(percentile: 100) == nil)
        let short = try #require(ClusteredIntervals.quantile(99, ofValues: [Array(1...735)]))
        let enough = try #require(ClusteredIntervals.quantile(99, ofValues: [Array(1...736)]))
        #expect(short.upper == nil && enough.upper != nil)
    }

    /// The demo's p99 recovery goal: 5 device–fault pairs a replication, 150 at the cap
    /// of 30, so "more replications" cannot decide it; the sentence says how many would,
    /// and that a p95 goal would be decided within the cap.
    @Test func aTailGoalStoppedAtTheCapSaysWhatItWouldTake() {
        var open = Estimate(point: 2.06, lower: 2.0, upper: nil, replications: 30, dimension: .time, method: .pooledQuantile)
        open.pooledValues = 150
        #expect(StoppingRecord.OpenGoal.requirement(percentile: 99, estimate: open, maximum: 30)
                == "a p99 needs ≥ 736 pooled values to be bounded from above, 150 after 30 replications: about 148 "
                + "replications (the cap is 30, `--max-replications`), or a p95 goal (≥ 133 values, about 27 replications)")
        var bounded = open
        bounded.upper = 2.3
        #expect(StoppingRecord.OpenGoal.requirement(percentile: 99, estimate: bounded, maximum: 30) == nil,
                "an interval with an upper end is decided by more replications as usual")
    }
}
