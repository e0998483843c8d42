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

        public init(goalID: String, scenarioID: String, replications: Int, estimate: Estimate?, bound: Quantity?) {
            self.goalID = goalID
            self.scenarioID = scenarioID
            self.replications = replications
            self.estimate = estimate
            self.bound = bound
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
