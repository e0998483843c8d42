import Foundation
import TwinUnits
import TwinVocabulary

/// Where a goal stands, judged from observations and the forecast.
/// - met: the observed value's interval is on the passing side and the forecast agrees;
/// - at risk: the interval straddles the bound, or the forecast predicts a violation
///   before the horizon ends (a battery that will empty too soon);
/// - violated: the observed interval lies wholly on the failing side;
/// - inconclusive: too few observations, or nothing this goal can be judged on yet.
public enum AssuranceState: String, Sendable, Hashable, CaseIterable {
    case met
    case atRisk = "at-risk"
    case violated
    case inconclusive
}

/// One goal, now.
public struct GoalAssurance: Sendable, Hashable {
    public var goal: String
    public var kpi: KPI
    public var priority: GoalPriority
    public var target: String
    public var state: AssuranceState
    /// The observed value over the window (or the forecast value for lifetime) in SI.
    public var value: Double?
    public var lower: Double?
    public var upper: Double?
    public var dimension: TwinUnits.Dimension?
    /// The goal's bound in SI (what the interval is judged against), when it has one.
    public var bound: Double?
    public var limitingDevice: String?
    public var forecast: GoalForecast?
    public var note: String?
}

/// A goal's forecast over the rest of the horizon from the synchronised state.
public struct GoalForecast: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case analytic
        case persistence
        case simulation
    }

    public var method: Method
    public var value: Double
    public var lower: Double
    public var upper: Double
    public var verdict: AssuranceState
    /// Seconds from now until the goal fails, when it is predicted to.
    public var timeToViolation: Double?
    public var timeToViolationError: Double?
    public var text: String
}

extension LiveTwin {
    /// Every goal of the twin, in config order, assessed at `now`.
    public func assess(now: Timestamp) -> [GoalAssurance] {
        model.goals.map { assess($0, now: now) }
    }

    func assess(_ goal: LiveGoal, now: Timestamp) -> GoalAssurance {
        var result = GoalAssurance(goal: goal.id, kpi: goal.kpi, priority: goal.priority,
                                   target: goal.threshold.map { targetText($0, within: goal.within) } ?? "—",
                                   state: .inconclusive, value: nil, lower: nil, upper: nil,
                                   dimension: goal.threshold?.bound.dimension, bound: goal.threshold?.bound.value,
                                   limitingDevice: nil, forecast: nil,
                                   note: nil)
        let devices = goal.devices.isEmpty ? Array(model.devices.indices) : goal.devices
        switch goal.kpi {
        case .deliveryRatio: assessDelivery(goal, devices: devices, now: now, into: &result)
        case .latency: assessLatency(goal, devices: devices, now: now, into: &result)
        case .lifetime: assessLifetime(goal, devices: devices, now: now, into: &result)
        case .recoveryTime: assessRecovery(goal, devices: devices, now: now, into: &result)
        case .securityDetect: assessDetection(goal, now: now, into: &result)
        case .securityProtect:
            let required = goal.securityLevel ?? 0
            let below = devices.filter { model.securityLevels[$0] < required }.map { model.devices[$0].id }
            result.state = below.isEmpty ? .met : .violated
            result.note = below.isEmpty ? "every device at level ≥ \(required) (configuration)"
                : "below level \(required): \(below.joined(separator: ", "))"
        case .energy, .availability, .throughput:
            result.note = "the live twin does not assess `\(goal.kpi)` yet"
        }
        if result.state != .violated, result.state != .inconclusive, let forecast = result.forecast,
           forecast.verdict == .violated || forecast.verdict == .atRisk {
            result.state = .atRisk
        }
        if let confirmation, confirmation.goal(goal.id) == .violated, result.state == .met {
            result.state = .atRisk
            result.note = [result.note, "the simulation of the calibrated twin predicts a violation"].compactMap { $0 }
                .joined(separator: "; ")
        }
        return result
    }

    /// Judges an interval against the threshold: wholly passing, wholly failing, or straddling.
    func judge(_ value: Double, lower: Double, upper: Double, _ threshold: Threshold) -> AssuranceState {
        let passesLow = GoalMath.holds(lower, threshold), passesHigh = GoalMath.holds(upper, threshold)
        if passesLow && passesHigh { return .met }
        if !passesLow && !passesHigh { return .violated }
        return GoalMath.holds(value, threshold) ? .atRisk : .violated
    }

    private func assessDelivery(_ goal: LiveGoal, devices: [Int], now: Timestamp, into result: inout GoalAssurance) {
        guard let threshold = goal.threshold else { return }
        var worst: (device: Int, value: Double, lower: Double, upper: Double)?
        var packets = 0
        for device in devices {
            let totals = state.devices[device].window.totals(now: now)
            guard totals.generated > 0 else { continue }
            packets += totals.generated
            let delivered = goal.within.map { totals.delivered(within: $0) } ?? totals.delivered
            let ratio = Swift.min(1, Double(delivered) / Double(totals.generated))
            let interval = GoalMath.wilson(successes: Swift.min(delivered, totals.generated), trials: totals.generated)
            if worst == nil || ratio < worst!.value { worst = (device, ratio, interval.lower, interval.upper) }
        }
        guard let worst, packets >= settings.minimumPackets else {
            result.note = "fewer than \(settings.minimumPackets) packets in the window"
            return
        }
        fill(&result, worst.value, worst.lower, worst.upper, device: worst.device, threshold)
        result.forecast = persistence(result, threshold)
    }

    private func assessLatency(_ goal: LiveGoal, devices: [Int], now: Timestamp, into result: inout GoalAssurance) {
        guard let threshold = goal.threshold else { return }
        let p: Double
        switch threshold.statistic {
        case .percentile(let q): p = q / 100
        case .max: p = 1
        case .min: p = 0
        case .mean: p = 0.5
        }
        var worst: (device: Int, value: Double, lower: Double, upper: Double)?
        for device in devices {
            let totals = state.devices[device].window.totals(now: now)
            let n = totals.latencyCount
            guard n >= settings.minimumPackets else { continue }
            let ranks = GoalMath.quantileRanks(p: p, n: n)
            guard let value = totals.latency(rank: ranks.point)?.si, let low = totals.latency(rank: ranks.lower)?.si,
                  let high = totals.latency(rank: ranks.upper)?.si else { continue }
            if worst == nil || value > worst!.value { worst = (device, value, low, high) }
        }
        guard let worst else {
            result.note = "fewer than \(settings.minimumPackets) latencies in the window"
            return
        }
        fill(&result, worst.value, worst.lower, worst.upper, device: worst.device, threshold)
        result.forecast = persistence(result, threshold)
    }

    private func fill(_ result: inout GoalAssurance, _ value: Double, _ lower: Double, _ upper: Double, device: Int,
                      _ threshold: Threshold) {
        result.value = value
        result.lower = lower
        result.upper = upper
        result.limitingDevice = model.devices[device].id
        result.state = judge(value, lower: lower, upper: upper, threshold)
    }

    /// Rates and latencies forecast by persistence: the window's value holds until the
    /// state changes (the DES confirmation, when made, refines it).
    private func persistence(_ result: GoalAssurance, _ threshold: Threshold) -> GoalForecast? {
        guard let value = result.value, let lower = result.lower, let upper = result.upper else { return nil }
        return GoalForecast(method: .persistence, value: value, lower: lower, upper: upper, verdict: result.state,
                            timeToViolation: result.state == .violated ? 0 : nil, timeToViolationError: nil,
                            text: "as observed over the last \(Quantity(settings.window.si, .time).formatted)")
    }
}
