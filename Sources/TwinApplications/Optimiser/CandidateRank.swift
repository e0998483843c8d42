import Foundation
import TwinConfig
import TwinRuntime

/// How two candidates compare: a strict total order, the same for analytic estimates
/// and for measured verdicts, so the search and the confirmation agree on "better".
///
/// With the goals in `GoalOrder` (priority, then objectives, then twin.json order),
/// candidate A beats B at the first of these keys where they differ:
/// 0. fewer broken device floors (`DeviceFloor`, rejected settings): a candidate that
///    breaks none beats every one that does, whatever its goals (the baseline breaks
///    none, so the search's best is always safe for every device);
/// 1. goals met per priority level, critical first: more critical goals met wins,
///    whatever happens to lower levels (one critical goal beats two medium ones);
/// 2. which goals are met, in goal order: at the first goal met by one and not the
///    other, the one meeting it wins;
/// 3. the shortfall of unmet goals, in goal order: closer to the bound wins (slack
///    quantised to `slackResolution`);
/// 4. the margin of met goals, in goal order, capped at `slackCap` and quantised: more
///    margin wins until the cap, beyond which margin no longer counts;
/// 5. energy: the mean over devices of the candidate's analytic current relative to the
///    baseline's, quantised to `costResolution` — the cheaper wins;
/// 6. fewer knobs changed from the baseline wins;
/// 7. the candidate's value indices, lexicographically (a fixed tie-break, so the
///    optimum is unique and the output deterministic).
/// Quantisation keeps the order transitive while letting negligible differences fall
/// through to the later keys.
public struct CandidateRank: Sendable, Hashable {
    var violations: Int
    var metPerPriority: [Int]
    var met: [Bool]
    var shortfall: [Int]
    var margin: [Int]
    var cost: Int
    var changes: Int
    var candidate: Candidate

    /// The rank of `candidate` whose goals (in goal order) scored `scores`.
    init(candidate: Candidate, scores: [GoalScore], goals: [GoalConfig], relativeCurrent: Double, changes: Int,
         resolution: OptimiserOptions, violations: Int = 0) {
        self.violations = violations
        var perPriority = Array(repeating: 0, count: GoalOrder.priorities.count + 1)
        for (goal, score) in zip(goals, scores) where score.verdict == .met {
            perPriority[GoalOrder.priorityRank(goal.priority)] += 1
        }
        func quantise(_ value: Double, step: Double) -> Int {
            let steps = (value / Swift.max(step, 1e-12)).rounded(.down)
            return Int(Swift.min(Swift.max(steps, -1e12), 1e12))
        }
        metPerPriority = perPriority
        met = scores.map { $0.verdict == .met }
        shortfall = scores.map { $0.verdict == .met ? 0 : quantise($0.slack, step: resolution.slackResolution) }
        margin = scores.map {
            $0.verdict == .met ? quantise(Swift.min($0.slack, resolution.slackCap), step: resolution.slackResolution) : 0
        }
        cost = quantise(relativeCurrent.isFinite ? relativeCurrent : 1e6, step: resolution.costResolution)
        self.changes = changes
        self.candidate = candidate
    }

    /// Whether `self` is strictly better than `other`.
    public func isBetter(than other: CandidateRank) -> Bool {
        if violations != other.violations { return violations < other.violations }
        if metPerPriority != other.metPerPriority { return Self.firstDifferenceHigher(metPerPriority, other.metPerPriority) }
        if met != other.met {
            let index = met.indices.first { met[$0] != other.met[$0] } ?? 0
            return met[index]
        }
        if shortfall != other.shortfall { return Self.firstDifferenceHigher(shortfall, other.shortfall) }
        if margin != other.margin { return Self.firstDifferenceHigher(margin, other.margin) }
        if cost != other.cost { return cost < other.cost }
        if changes != other.changes { return changes < other.changes }
        return candidate < other.candidate
    }

    /// Whether the two predict the same outcome: equal on keys 0–5 (they differ only in
    /// how many knobs they change and which).
    func hasSameOutcome(as other: CandidateRank) -> Bool {
        violations == other.violations && metPerPriority == other.metPerPriority && met == other.met && shortfall == other.shortfall
            && margin == other.margin && cost == other.cost
    }

    /// Why `self` ranks above `other`, in words: the first key where they differ.
    func reasonBetter(than other: CandidateRank, goals: [GoalConfig]) -> String {
        if violations != other.violations { return "it breaks fewer device floors" }
        if metPerPriority != other.metPerPriority {
            let level = zip(metPerPriority, other.metPerPriority).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
            let name = level < GoalOrder.priorities.count ? GoalOrder.priorities[level].rawValue : "other"
            return "it meets more \(name) goals"
        }
        func goal(_ index: Int) -> String { index < goals.count ? "`\(goals[index].id)`" : "a goal" }
        if met != other.met, let index = met.indices.first(where: { met[$0] != other.met[$0] }) {
            return "it meets \(goal(index))"
        }
        if shortfall != other.shortfall, let index = shortfall.indices.first(where: { shortfall[$0] != other.shortfall[$0] }) {
            return "it comes closer to \(goal(index))'s bound"
        }
        if margin != other.margin, let index = margin.indices.first(where: { margin[$0] != other.margin[$0] }) {
            return "it keeps more margin on \(goal(index))"
        }
        if cost != other.cost { return "it draws less current" }
        if changes != other.changes { return "it changes fewer knobs" }
        return "the fixed tie-break (knob value order)"
    }

    /// Where `a` and `b` first differ, `a` is higher.
    private static func firstDifferenceHigher(_ a: [Int], _ b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x > y }
        return a.count > b.count
    }

    /// Critical goals met, in goal order (for the never-lose-a-critical-goal guard).
    func criticalMet(goals: [GoalConfig]) -> Set<String> {
        Self.criticalGoalsMet(goals, met: met)
    }

    /// The critical goals among `goals` whose entry in `met` is true: the set a
    /// recommendation must keep from the baseline, in screening and in the final run.
    static func criticalGoalsMet(_ goals: [GoalConfig], met: [Bool]) -> Set<String> {
        Set(zip(goals, met).filter { $0.0.priority == .critical && $0.1 }.map(\.0.id))
    }
}
