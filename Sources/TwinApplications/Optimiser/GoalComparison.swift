import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// A goal compared between the baseline and a candidate that ran with the same seeds:
/// the paired difference of its per-replication values, and whether the candidate makes
/// a critical goal the baseline does not meet worse.
enum GoalComparison {
    /// How much worse a critical goal the baseline misses may get: one percentage point
    /// for ratios, 10 % of the baseline's value otherwise (`DeviceFloorTolerance`).
    static func tolerance(_ goal: GoalConfig, baselineValue: Double?) -> Double {
        goal.kpi.dimension == .ratio
            ? DeviceFloorTolerance.delivery : abs(baselineValue ?? 0) * DeviceFloorTolerance.latency
    }

    /// `candidate − baseline` per replication in `scenario` (nil: not evaluated there).
    static func difference(_ goal: GoalConfig, scenario: String?, baseline: RunReport, candidate: RunReport)
        -> PairedDifference? {
        guard let scenario else { return nil }
        func samples(_ report: RunReport) -> [Double?]? {
            report.scenarios.first { $0.id == scenario }?.goals.first { $0.goalID == goal.id }?.samples
        }
        guard let before = samples(baseline), let after = samples(candidate) else { return nil }
        return PairedDifference(baseline: before, candidate: after)
    }

    /// Whether higher values are better for the goal (its bound is a lower bound).
    static func higherIsBetter(_ goal: GoalConfig) -> Bool {
        if let threshold = GoalEvaluation.effectiveThreshold(of: goal) { return threshold.op.isLowerBound }
        return goal.kpi.higherIsBetter
    }

    /// Why `candidate` may not be recommended on the critical goals: a critical goal the
    /// baseline meets that it does not meet (inconclusive is not met), or a critical goal
    /// the baseline misses that it makes worse by more than the tolerance (paired mean).
    /// Empty when it keeps them all.
    static func criticalRegressions(_ goals: [GoalConfig], baseline: [MeasuredGoal], candidate: [MeasuredGoal],
                                    baselineReport: RunReport, candidateReport: RunReport) -> [String] {
        var reasons: [String] = []
        for (goal, pair) in zip(goals, zip(baseline, candidate)) where goal.priority == .critical {
            let (before, after) = pair
            if before.verdict == .met {
                if after.verdict != .met { reasons.append("critical goal `\(goal.id)` is met by the baseline, \(after.verdict.text) here") }
                continue
            }
            guard before.verdict != .notEvaluated,
                  let change = difference(goal, scenario: before.scenario, baseline: baselineReport, candidate: candidateReport)
            else { continue }
            let worse = higherIsBetter(goal) ? -change.mean : change.mean
            let allowed = tolerance(goal, baselineValue: before.value?.point)
            if worse > allowed + 1e-12 {
                let dimension = goal.kpi.dimension
                reasons.append("critical goal `\(goal.id)` (\(before.verdict.text) at the baseline) gets worse by "
                    + "\(Quantity(worse, dimension).formatted) (paired mean), more than the "
                    + "\(Quantity(allowed, dimension).formatted) allowed")
            }
        }
        return reasons
    }
}
