import TwinConfig
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// A goal as the simulation measured it in a confirmation run: the verdict over every
/// scenario that evaluates it (the runtime's summary), and the value of the scenario
/// that decided it — the first that failed it, else the first that evaluated it.
public struct MeasuredGoal: Sendable, Hashable {
    public var goal: String
    public var scenario: String?
    public var value: Estimate?
    public var verdict: Verdict
    /// For a `security-protect` goal, the lowest IEEE 802.15.6 security level among its
    /// devices: what its target (`level >= 2`) is about, while `value` is the residual
    /// CVSS score (0 when every threat is mitigated), which read alone looks like level 0.
    public var securityLevelReached: Int?

    /// The goal's value, interval and verdict in `report`.
    init(goal: GoalConfig, report: RunReport) {
        self.goal = goal.id
        let summary = report.summary.first { $0.goalID == goal.id }
        verdict = summary?.verdict ?? .notEvaluated
        let deciding = summary?.failedIn.first ?? summary?.evaluatedIn.first
        let results = report.scenarios.compactMap { scenario in
            scenario.goals.first { $0.goalID == goal.id }.map { (scenario.id, $0) }
        }
        let chosen = results.first { $0.0 == deciding } ?? results.first { $0.1.value != nil }
        scenario = chosen?.0
        value = chosen?.1.value
        securityLevelReached = chosen?.1.securityLevelReached
    }

    /// The measurement as a score (same slack rules as the analytic one).
    func score(for goal: GoalConfig) -> GoalScore {
        if goal.kpi == .securityProtect {
            return GoalScore(goal: goal.id, value: value?.point, verdict: verdict, slack: verdict == .met ? 0 : -1)
        }
        guard let mean = value?.point, let threshold = GoalEvaluation.effectiveThreshold(of: goal), verdict != .notEvaluated else {
            return GoalScore(goal: goal.id, value: value?.point, verdict: verdict, slack: GoalScore.worstSlack)
        }
        return GoalScore(goal: goal.id, value: mean, verdict: verdict, slack: GoalScore.slack(mean, threshold))
    }
}

/// The run settings of the confirmation: the optimiser's shorter horizon and fewer
/// replications, the twin's own seed (every candidate sees the same random streams:
/// common random numbers make the comparison sharper than independent runs would).
/// Scenario events keep their place relative to the horizon (`at · h′/h`) with their
/// durations unchanged, so a gateway failure at 6 h of 24 h still happens a quarter of
/// the way into a 1 h confirmation run.
public struct ConfirmationSettings: Sendable, Hashable {
    public var horizon: Time
    public var replications: Int
    public var seed: UInt64
    public var warmup: Time
    /// The factor applied to event times (1: unchanged).
    public var eventScale: Double

    init(config: TwinConfig, options: OptimiserOptions) {
        let full = config.run.horizon
        horizon = options.confirmationHorizon.si > 0 && options.confirmationHorizon < full ? options.confirmationHorizon : full
        replications = Swift.max(1, options.confirmationReplications)
        seed = config.run.seed
        warmup = config.run.warmup < horizon / 2 ? config.run.warmup : horizon / 10
        eventScale = options.scaleScenarioEvents && full.si > 0 ? horizon.si / full.si : 1
    }

    /// How the report names these runs wherever it cites them ("horizon 1 h, 2
    /// replications"): the verdict table's screening line and the reasons found in
    /// screening say it alike.
    public var runsText: String {
        "horizon \(horizon.quantity.formatted), \(ReplicationCountText.of(replications))"
    }

    /// `config` with these settings and its scenario events moved.
    func apply(to config: TwinConfig) -> TwinConfig {
        var result = config
        result.run.horizon = horizon
        result.run.replications = replications
        result.run.seed = seed
        result.run.warmup = warmup
        if eventScale != 1 {
            for scenario in result.scenarios.indices {
                for event in result.scenarios[scenario].events.indices {
                    result.scenarios[scenario].events[event].at = result.scenarios[scenario].events[event].at * eventScale
                }
            }
        }
        return result
    }
}

/// Simulates `config` under `settings`: every scenario, every replication.
func confirmationRun(_ config: TwinConfig, settings: ConfirmationSettings, run: RunOptions) throws(RunFailure) -> CandidateRun {
    try simulateWithoutTraces(settings.apply(to: config), run: run)
}

/// The runtime's outcomes and report of `config` as it stands (`simulateScenarios`,
/// `buildReport`), without the time series only the network view needs: the optimiser
/// reads verdicts and device figures, not traces. `replications[s]` are the replication
/// indices of scenario s (default: `config.run.replications` of each), so a candidate
/// can run exactly the replications — the same random streams — a baseline ran.
func simulateWithoutTraces(_ config: TwinConfig, run: RunOptions,
                           replications: [Range<Int>]? = nil) throws(RunFailure) -> CandidateRun {
    var options = run
    options.simulation.recordTimeSeries = false
    let plan = RunPlan(config: config)
    let outcomes = try simulateScenarios(plan, replications: replications, options: options)
    return CandidateRun(report: buildReport(plan: plan, outcomes: outcomes), outcomes: outcomes)
}
