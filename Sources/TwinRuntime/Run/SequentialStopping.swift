import TwinEngine
import TwinUnits

/// When a run stops adding replications (`twinc run --replications auto`, the default).
///
/// A fixed count either wastes work (a goal far from its bound was decided after the
/// first batch) or leaves verdicts inconclusive (a goal near its bound needs more).
/// So the run replicates in batches: after each batch every scenario's goals are judged,
/// and only the scenarios with an inconclusive goal get another batch, until every
/// verdict is conclusive at 95 %, a scenario reaches `maximum` replications, or the
/// wall-clock budget is spent. Replication r always uses the stream seed + r, so the
/// outcome is a function of the twin and the seed alone — unless the budget cut it
/// short, which the report says, since the count then depends on the machine.
///
/// Looking at the intervals after every batch and stopping when they clear the bound
/// is a sequential procedure: each look is a 95 % interval, so the chance that some look
/// wrongly clears a bound is higher than 5 % (at most 5 % per look). The batches are
/// few (30/5 = 6 looks at most) and the report names the procedure; a reader who needs
/// a fixed error rate runs a fixed `--replications N`.
public struct SequentialStopping: Sendable, Hashable {
    /// Replications added per batch to each scenario that is still inconclusive.
    public var batch: Int
    /// Replications per scenario at most (`--max-replications`).
    public var maximum: Int
    /// Wall-clock time after which no new batch starts (`--time-budget`; nil: none).
    public var wallClockBudget: Time?

    public init(batch: Int = 5, maximum: Int = 30, wallClockBudget: Time? = nil) {
        self.batch = batch
        self.maximum = maximum
        self.wallClockBudget = wallClockBudget
    }
}

/// How a sequential run ended, for the report.
public struct StoppingRecord: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// Every goal of every scenario is met, not met or not evaluated.
        case allConclusive = "all-conclusive"
        /// Some scenario reached the maximum with a goal still inconclusive.
        case maximumReached = "maximum-reached"
        /// The wall-clock budget ran out first.
        case budgetSpent = "budget-spent"
    }

    /// A goal that stayed inconclusive, and how close its interval came.
    public struct OpenGoal: Sendable, Hashable {
        public var goalID: String
        public var scenarioID: String
        public var replications: Int
        public var estimate: Estimate?
        public var bound: Quantity?
        /// What it would take to decide a tail goal whose interval has no upper end yet
        /// (`requirement(percentile:estimate:maximum:)`); nil for the others.
        public var requirement: String?

        public init(goalID: String, scenarioID: String, replications: Int, estimate: Estimate?, bound: Quantity?,
                    requirement: String? = nil) {
            self.goalID = goalID
            self.scenarioID = scenarioID
            self.replications = replications
            self.estimate = estimate
            self.bound = bound
            self.requirement = requirement
        }

        /// `requirement(percentile:estimate:maximum:)` for a goal judged on a percentile.
        public static func requirement(of goal: GoalResult, maximum: Int) -> String? {
            guard case .percentile(let p)? = goal.threshold?.statistic, let estimate = goal.value else { return nil }
            return requirement(percentile: p, estimate: estimate, maximum: maximum)
        }

        /// For a pooled `p`-th percentile the sample cannot bound from above: the pooled
        /// values it needs at least (`ClusteredIntervals.valuesToBoundAbove`), the
        /// replications that takes at the values per replication seen so far, and the
        /// lower percentile (p95, p90) the run could decide sooner. Without this a p99
        /// recovery goal with 5 device–fault pairs a replication (736 needed, 150 at the
        /// cap of 30) reads as "more replications would decide", which no cap reaches.
        public static func requirement(percentile p: Double, estimate: Estimate, maximum: Int) -> String? {
            guard estimate.upper == nil, let pooled = estimate.pooledValues, pooled > 0, estimate.replications > 0,
                  let needed = ClusteredIntervals.valuesToBoundAbove(percentile: p), needed > pooled else { return nil }
            let perReplication = Double(pooled) / Double(estimate.replications)
            func replications(_ values: Int) -> Int { Int((Double(values) / perReplication).rounded(.up)) }
            func name(_ percentile: Double) -> String {
                percentile == percentile.rounded() ? "p\(Int(percentile))" : "p\(percentile)"
            }
            var text = "a \(name(p)) needs ≥ \(needed) pooled values to be bounded from above, "
                + "\(pooled) after \(estimate.replications) replications: about \(replications(needed)) replications"
            if replications(needed) > maximum { text += " (the cap is \(maximum), `--max-replications`)" }
            if let lower = [95.0, 90.0].first(where: { $0 < p }),
               let fewer = ClusteredIntervals.valuesToBoundAbove(percentile: lower) {
                text += ", or a \(name(lower)) goal (≥ \(fewer) values, about \(Swift.max(1, replications(fewer))) replications)"
            }
            return text
        }
    }

    public var stopping: SequentialStopping
    public var reason: Reason
    /// Batches run (the first included).
    public var batches: Int
    public var open: [OpenGoal]

    public init(stopping: SequentialStopping, reason: Reason, batches: Int, open: [OpenGoal]) {
        self.stopping = stopping
        self.reason = reason
        self.batches = batches
        self.open = open
    }
}
