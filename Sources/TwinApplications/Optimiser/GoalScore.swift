import Foundation
import TwinConfig
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// One goal judged at one candidate: the value (analytic or measured), the verdict and
/// the slack — how far the value is on the good side of the bound, normalised so goals
/// of different KPIs compare:
/// - a ratio goal `>= b` with b < 1 (delivery 99.9 %): decades of loss below the
///   allowed loss, `log10((1 − b)/(1 − v))` (99.99 % against 99.9 % is +1);
/// - any other lower bound: `(v − b)/|b|`; an upper bound: `(b − v)/|b|`; `==`: `−|v − b|/|b|`;
/// - `security-protect`: 0 when met, minus the devices below the required level otherwise.
/// No value is the worst slack there is (−10⁶).
public struct GoalScore: Sendable, Hashable {
    public var goal: String
    public var value: Double?
    public var verdict: Verdict
    public var slack: Double

    public init(goal: String, value: Double?, verdict: Verdict, slack: Double) {
        self.goal = goal
        self.value = value
        self.verdict = verdict
        self.slack = slack
    }

    /// The floor of every slack: no value, never recovers.
    static let worstSlack = -1e6

    /// Scores `value` against the goal's target (the implied one for `security-detect`).
    static func judge(_ goal: GoalConfig, value: Double?, devicesBelowLevel: Int = 0) -> GoalScore {
        if goal.kpi == .securityProtect {
            var met = devicesBelowLevel == 0
            var slack = -Double(devicesBelowLevel)
            if let threshold = goal.threshold, let value, !GoalEvaluation.isMet(value, threshold) {
                met = false
                slack = Swift.min(slack, -1)
            }
            return GoalScore(goal: goal.id, value: value, verdict: met ? .met : .notMet, slack: met ? 0 : slack)
        }
        guard let value, value.isFinite, let threshold = GoalEvaluation.effectiveThreshold(of: goal) else {
            return GoalScore(goal: goal.id, value: value, verdict: .notEvaluated, slack: worstSlack)
        }
        return GoalScore(goal: goal.id, value: value, verdict: GoalEvaluation.isMet(value, threshold) ? .met : .notMet,
                         slack: slack(value, threshold))
    }

    /// The normalised slack of `value` against `threshold` (see the type's comment).
    static func slack(_ value: Double, _ threshold: Threshold) -> Double {
        let bound = threshold.bound.value
        let scale = Swift.max(abs(bound), 1e-12)
        let raw: Double
        if threshold.op.isLowerBound, threshold.bound.dimension == .ratio, bound > 0, bound < 1 {
            raw = log10(Swift.max(1 - bound, 1e-12) / Swift.max(1 - value, 1e-12))
        } else if threshold.op.isLowerBound {
            raw = (value - bound) / scale
        } else if threshold.op.isUpperBound {
            raw = (bound - value) / scale
        } else {
            raw = -abs(value - bound) / scale
        }
        return raw.isFinite ? Swift.max(raw, worstSlack) : worstSlack
    }
}
