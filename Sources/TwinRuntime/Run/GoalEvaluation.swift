import TwinConfig
import TwinUnits
import TwinVocabulary

/// Turns a goal's per-replication measurements into its result: the estimate with its
/// 95 % interval (`GoalEstimator`) and the verdict.
///
/// The verdict is decided by the interval, not by the point estimate: met when the whole
/// interval lies on the meeting side of the bound, not met when it lies wholly on the
/// failing side, inconclusive when it contains the bound or there is no interval yet
/// (one replication). One exception keeps targets at the edge of the KPI's range
/// decidable: a lower bound equal to the range's top (`>= 100 %` of attacks detected)
/// cannot be exceeded, so it is met when every observation reached it, and the note
/// gives the interval's lower end. A replication without a value (no packets, no
/// matching event) is left out and the note says how many counted.
public enum GoalEvaluation {
    /// The target a goal is judged against: its own, or for a `security-detect` goal
    /// without one, "every attack detected in time" (`>= 100 %`).
    public static func effectiveThreshold(of goal: GoalConfig) -> Threshold? {
        if let threshold = goal.threshold { return threshold }
        if goal.kpi == .securityDetect {
            return Threshold(statistic: .mean, op: .greaterOrEqual, bound: Quantity(1, .ratio))
        }
        return nil
    }

    /// Evaluates `goal` over the outcomes of one scenario (one per replication).
    public static func evaluate(_ goal: GoalConfig, config: TwinConfig, outcomes: [ReplicationOutcome]) -> GoalResult {
        let threshold = effectiveThreshold(of: goal)
        let kpi = goal.kpi
        let measurer = GoalMeasurer(goal: goal, kpi: kpi, threshold: threshold, config: config)
        let measurements = outcomes.map(measurer.measure)
        let samples = measurements.map(\.value)
        var notes = unique(measurements.compactMap(\.note))
        let estimator = GoalEstimator(measurer: measurer, outcomes: outcomes, measurements: measurements)
        guard samples.contains(where: { $0 != nil }), let (value, limiting) = estimator.estimate() else {
            return result(goal, threshold: threshold, samples: samples, value: nil, verdict: .notEvaluated,
                          limiting: nil, note: notes.first ?? "no value")
        }
        let counted = samples.compactMap { $0 }.count
        if counted < samples.count { notes.append("value from \(counted) of \(samples.count) replications") }
        var verdict: Verdict
        if let threshold {
            let judged = judge(value, against: threshold)
            verdict = judged.verdict
            if let note = judged.note { notes.insert(note, at: 0) }
        } else if kpi == .securityProtect {
            verdict = .met  // the level check below decides
        } else {
            verdict = .notEvaluated
            notes.insert("the goal has no target", at: 0)
        }
        let reached = kpi == .securityProtect ? measurer.devices.map(\.securityLevel).min() : nil
        if kpi == .securityProtect, let required = goal.securityLevel {
            let below = measurer.devices.filter { $0.securityLevel < required }
            if !below.isEmpty {
                verdict = .notMet
                notes.insert("below security level \(required): "
                             + below.map { "`\($0.id)` (level \($0.securityLevel))" }.joined(separator: ", "), at: 0)
            }
        }
        var evaluated = result(goal, threshold: threshold, samples: samples, value: value, verdict: verdict,
                               limiting: limiting, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        evaluated.securityLevelReached = reached
        if kpi == .securityDetect {
            evaluated.onsets = OnsetDetection.summarise(outcomes, measurer: measurer, sampleInterval: config.run.sampleInterval,
                                                       runHorizon: config.run.horizon)
        }
        return evaluated
    }

    /// The verdict of an estimate against a bound, and why it is inconclusive when it is.
    public static func judge(_ value: Estimate, against threshold: Threshold) -> (verdict: Verdict, note: String?) {
        let bound = threshold.bound.value
        let range = KPIRange.of(value.dimension)
        func text(_ number: Double) -> String { Quantity(number, value.dimension).formatted }
        // A bound at the top (bottom) of the range cannot be beaten, only reached.
        if threshold.op == .greaterOrEqual, bound >= range.upperBound, isMet(value.point, threshold) {
            let lower = value.lower.map { "; 95 % lower end \(text($0))" } ?? ""
            return (.met, "every observation reached \(threshold.bound.formatted)\(lower)")
        }
        if threshold.op == .lessOrEqual, bound <= range.lowerBound, isMet(value.point, threshold) {
            let upper = value.upper.map { "; 95 % upper end \(text($0))" } ?? ""
            return (.met, "every observation reached \(threshold.bound.formatted)\(upper)")
        }
        let lowerMeets = value.lower.map { isMet($0, threshold) }
        let upperMeets = value.upper.map { isMet($0, threshold) }
        switch threshold.op {
        case .greaterOrEqual, .greater:
            if lowerMeets == true { return (.met, nil) }
            if upperMeets == false { return (.notMet, nil) }
        case .lessOrEqual, .less:
            if upperMeets == true { return (.met, nil) }
            if lowerMeets == false { return (.notMet, nil) }
        case .equal:
            if lowerMeets == true, upperMeets == true { return (.met, nil) }
            if let lower = value.lower, let upper = value.upper, !(lower...upper).contains(bound) { return (.notMet, nil) }
        }
        guard let lower = value.lower else {
            return (.inconclusive, value.replications < 2
                ? "one replication gives no interval: run at least two (or `--replications auto`)"
                : "no interval could be formed")
        }
        let upper = value.upper.map(text) ?? "beyond the largest value observed"
        return (.inconclusive, "the bound \(threshold.bound.formatted) lies inside the 95 % interval "
                + "[\(text(lower)), \(upper)]: more replications would decide")
    }

    private static func result(_ goal: GoalConfig, threshold: Threshold?, samples: [Double?], value: Estimate?,
                               verdict: Verdict, limiting: String?, note: String?) -> GoalResult {
        var result = GoalResult(goalID: goal.id, kpi: goal.kpi, priority: goal.priority, threshold: threshold,
                                samples: samples, value: value, verdict: verdict, limitingDevice: limiting, note: note)
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

    /// The limiting device's largest loss, for goals measured on its packets; nil for
    /// the other KPIs, for no limiting device, or when it lost nothing.
    static func limitingLoss(of result: GoalResult, devices: [DeviceFigures]) -> LossShare? {
        switch result.kpi {
        case .deliveryRatio, .latency, .throughput, .availability: break
        case .lifetime, .energy, .recoveryTime, .securityProtect, .securityDetect: return nil
        }
        guard let id = result.limitingDevice else { return nil }
        return devices.first { $0.id == id }?.limitingLoss
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

    /// A goal's verdict over scenarios (each result for that goal, in scenario order):
    /// not met if any scenario fails it, inconclusive if none fails it and some cannot
    /// tell, met if every scenario that evaluated it meets it.
    public static func summarise(_ goal: GoalConfig, results: [(scenario: String, result: GoalResult)]) -> GoalSummary {
        let failed = results.filter { $0.result.verdict == .notMet }.map(\.scenario)
        let open = results.filter { $0.result.verdict == .inconclusive }.map(\.scenario)
        let evaluated = results.filter { $0.result.verdict != .notEvaluated }.map(\.scenario)
        let verdict: Verdict = !failed.isEmpty ? .notMet : (!open.isEmpty ? .inconclusive
            : (evaluated.isEmpty ? .notEvaluated : .met))
        let reason = evaluated.isEmpty ? results.compactMap(\.result.note).first : nil
        return GoalSummary(goalID: goal.id, kpi: goal.kpi, priority: goal.priority, verdict: verdict,
                           failedIn: failed, inconclusiveIn: open, evaluatedIn: evaluated, notEvaluatedReason: reason)
    }
}
