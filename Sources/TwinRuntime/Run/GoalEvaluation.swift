import TwinConfig
import TwinUnits

/// Turns a goal's per-replication measurements into its result: the mean and 95 %
/// confidence interval over replications and the verdict.
///
/// The verdict compares the mean with the bound (`Threshold.isMet`). When the bound lies
/// inside the interval the verdict stands but is flagged (`boundInsideInterval`): the
/// replications cannot tell at 95 % which side the true value is on. A replication
/// without a value (no packets, no matching event) is left out of the estimate and the
/// note says how many counted.
public enum GoalEvaluation {
    /// The target a goal is judged against: its own, or for a `security-detect` goal
    /// without one, "every attack detected in time" (`>= 100 %`).
    public static func effectiveThreshold(of goal: GoalConfig) -> Threshold? {
        if let threshold = goal.threshold { return threshold }
        if goal.kpi == GoalKPI.securityDetect.rawValue {
            return Threshold(statistic: .mean, op: .greaterOrEqual, bound: Quantity(1, .ratio))
        }
        return nil
    }

    /// Evaluates `goal` over the outcomes of one scenario (one per replication).
    public static func evaluate(_ goal: GoalConfig, config: TwinConfig, outcomes: [ReplicationOutcome]) -> GoalResult {
        let threshold = effectiveThreshold(of: goal)
        guard let kpi = GoalKPI(rawValue: goal.kpi) else {
            return result(goal, threshold: threshold, samples: outcomes.map { _ in nil }, value: nil,
                          verdict: .notEvaluated, limiting: nil,
                          note: "this runtime does not know the KPI `\(goal.kpi)`")
        }
        let measurer = GoalMeasurer(goal: goal, kpi: kpi, threshold: threshold, config: config)
        let measurements = outcomes.map(measurer.measure)
        let samples = measurements.map(\.value)
        let limiting = mostFrequent(measurements.compactMap(\.limitingDevice))
        var notes = unique(measurements.compactMap(\.note))
        guard let value = Estimate(samples, dimension: kpi.dimension) else {
            return result(goal, threshold: threshold, samples: samples, value: nil, verdict: .notEvaluated,
                          limiting: nil, note: notes.first ?? "no value")
        }
        if value.replications < samples.count {
            notes.append("value from \(value.replications) of \(samples.count) replications")
        }
        var verdict: Verdict
        if let threshold {
            verdict = isMet(value.mean, threshold) ? .met : .notMet
        } else if kpi == .securityProtect {
            verdict = .met  // the level check below decides
        } else {
            verdict = .notEvaluated
            notes.insert("the goal has no target", at: 0)
        }
        if kpi == .securityProtect, let required = goal.securityLevel {
            let below = measurer.devices.filter { $0.securityLevel < required }
            if !below.isEmpty {
                verdict = .notMet
                notes.insert("below security level \(required): "
                             + below.map { "`\($0.id)` (level \($0.securityLevel))" }.joined(separator: ", "), at: 0)
            }
        }
        let inside = threshold.map { value.contains($0.bound.value) } ?? false
        return result(goal, threshold: threshold, samples: samples, value: value, verdict: verdict,
                      limiting: limiting, note: notes.isEmpty ? nil : notes.joined(separator: "; "),
                      boundInside: inside && verdict != .notEvaluated)
    }

    private static func result(_ goal: GoalConfig, threshold: Threshold?, samples: [Double?], value: Estimate?,
                               verdict: Verdict, limiting: String?, note: String?,
                               boundInside: Bool = false) -> GoalResult {
        var result = GoalResult(goalID: goal.id, kpi: goal.kpi, priority: goal.priority, threshold: threshold,
                                samples: samples, value: value, verdict: verdict, boundInsideInterval: boundInside,
                                limitingDevice: limiting, note: note)
        result.within = goal.within
        result.securityLevel = goal.securityLevel
        return result
    }

    /// `Threshold.isMet` up to a relative 10⁻⁹: bounds come through unit conversions
    /// (`99.9 %` is stored as 0.9990000000000001), and a value exactly at the bound (999
    /// of 1000 delivered) must meet `>= 99.9 %`.
    public static func isMet(_ value: Double, _ threshold: Threshold) -> Bool {
        let bound = threshold.bound.value
        let tolerance = 1e-9 * Swift.max(abs(bound), abs(value), 1e-300)
        switch threshold.op {
        case .greaterOrEqual: return value >= bound - tolerance
        case .lessOrEqual: return value <= bound + tolerance
        case .equal: return abs(value - bound) <= tolerance
        case .greater: return value > bound + tolerance
        case .less: return value < bound - tolerance
        }
    }

    /// The most frequent element; the first to reach the top count wins ties.
    static func mostFrequent(_ items: [String]) -> String? {
        var counts: [(String, Int)] = []
        for item in items {
            if let index = counts.firstIndex(where: { $0.0 == item }) { counts[index].1 += 1 } else { counts.append((item, 1)) }
        }
        var best: (String, Int)?
        for entry in counts where entry.1 > (best?.1 ?? 0) { best = entry }
        return best?.0
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen: [String] = []
        for item in items where !seen.contains(item) { seen.append(item) }
        return seen
    }

    /// A goal's verdict over scenarios (each result for that goal, in scenario order).
    public static func summarise(_ goal: GoalConfig, results: [(scenario: String, result: GoalResult)]) -> GoalSummary {
        let failed = results.filter { $0.result.verdict == .notMet }.map(\.scenario)
        let evaluated = results.filter { $0.result.verdict != .notEvaluated }.map(\.scenario)
        let verdict: Verdict = !failed.isEmpty ? .notMet : (evaluated.isEmpty ? .notEvaluated : .met)
        return GoalSummary(goalID: goal.id, kpi: goal.kpi, priority: goal.priority, verdict: verdict,
                           failedIn: failed, evaluatedIn: evaluated)
    }
}
