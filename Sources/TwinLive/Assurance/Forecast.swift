import Foundation
import TwinUnits

/// The DES's view of the calibrated twin: one run of its baseline scenario from the
/// synchronised state, used to confirm (or overrule) the analytic forecasts.
public struct ForecastConfirmation: Sendable, Hashable {
    public var at: Timestamp
    public var horizon: Time
    /// Goal id → the simulated verdict (`met`, `violated`, `inconclusive`).
    public var verdicts: [(goal: String, state: AssuranceState, value: Double?)]
    /// Device id → the simulated average current.
    public var currents: [(device: String, current: Current)]
    public var wallSeconds: Double

    public func goal(_ id: String) -> AssuranceState? { verdicts.first { $0.goal == id }?.state }

    public static func == (a: ForecastConfirmation, b: ForecastConfirmation) -> Bool {
        a.at == b.at && a.verdicts.map(\.goal) == b.verdicts.map(\.goal) && a.verdicts.map(\.state) == b.verdicts.map(\.state)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(at) }
}

extension LiveTwin {
    /// Battery lifetime: effective capacity over the drain, per device; the worst device
    /// decides. "pump battery empty in 26.4 d ± 1.1 d; goal 30 d: at risk".
    func assessLifetime(_ goal: LiveGoal, devices: [Int], now: Timestamp, into result: inout GoalAssurance) {
        guard let threshold = goal.threshold else { return }
        var worst: (device: Int, lifetime: Double, lower: Double, upper: Double, empty: Double, emptyError: Double,
                    method: GoalForecast.Method)?
        for device in devices {
            let battery = state.devices[device].battery
            if state.devices[device].dead, let first = state.firstObservation, let last = battery.last {
                let lived = (last.time - first).si
                result.state = GoalMath.holds(lived, threshold) ? .met : .violated
                result.value = lived
                result.note = "`\(model.devices[device].id)` battery empty"
                result.limitingDevice = model.devices[device].id
                return
            }
            guard let remaining = battery.remaining?.si else { continue }
            let capacity = battery.capacityEstimate?.si ?? model.devices[device].capacity.si
            var method = GoalForecast.Method.analytic
            var current: Double
            var error: Double
            if let simulated = confirmation?.currents.first(where: { $0.device == model.devices[device].id })?.current.si,
               simulated > 0, let drain = battery.drain, abs(drain.current.si - simulated) <= 0.1 * simulated {
                // The simulation confirms the gauge: keep the gauge's figure, tighter with it.
                current = drain.current.si
                error = drain.standardError.si
                method = .simulation
            } else if let drain = battery.drain {
                current = drain.current.si
                error = drain.standardError.si
            } else {
                continue
            }
            guard current > 0 else { continue }
            error = Swift.min(error, 0.5 * current)
            let lifetime = capacity / current
            let lower = capacity / (current + 1.96 * error), upper = capacity / Swift.max(current - 1.96 * error, 1e-15)
            let empty = remaining / current
            let emptyError = empty * error / current
            if worst == nil || lifetime < worst!.lifetime {
                worst = (device, lifetime, lower, upper, empty, emptyError, method)
            }
        }
        guard let worst else {
            result.note = "no battery readings yet"
            return
        }
        result.value = worst.lifetime
        result.lower = worst.lower
        result.upper = worst.upper
        result.limitingDevice = model.devices[worst.device].id
        let judged = judge(worst.lifetime, lower: worst.lower, upper: worst.upper, threshold)
        let verdict: AssuranceState = judged == .met ? .met : .atRisk
        result.state = verdict
        let violates = !GoalMath.holds(worst.lifetime, threshold)
        let text = "\(model.devices[worst.device].id) battery empty in \(Quantity(worst.empty, .time).formatted) ± \(Quantity(1.96 * worst.emptyError, .time).formatted); lifetime \(Quantity(worst.lifetime, .time).formatted); goal \(Quantity(threshold.bound.value, .time).formatted): \(verdict.rawValue)"
        result.forecast = GoalForecast(method: worst.method, value: worst.lifetime, lower: worst.lower, upper: worst.upper,
                                       verdict: judged, timeToViolation: violates ? worst.empty : nil,
                                       timeToViolationError: violates ? 1.96 * worst.emptyError : nil, text: text)
        result.note = text
    }

    /// Recovery after a gateway failure: per device whose primary gateway failed, the
    /// time from the failure to its first delivery, bracketed by the reports around it.
    func assessRecovery(_ goal: LiveGoal, devices: [Int], now: Timestamp, into result: inout GoalAssurance) {
        guard let threshold = goal.threshold else { return }
        var worstLower = -1.0, worstUpper: Double? = 0
        var device: Int?
        var ongoing: (gateway: String, since: Double)?
        for (index, gateway) in state.gateways.enumerated() {
            guard let failure = gateway.failure else { continue }
            for (member, bounds) in gateway.recoveries.sorted(by: { $0.key < $1.key }) where devices.contains(member) {
                let upper = bounds.upper?.si
                if bounds.upper == nil { ongoing = (model.gateways[index], (now - failure).si) }
                if bounds.lower.si > worstLower || (upper == nil && worstUpper != nil) {
                    worstLower = Swift.max(worstLower, bounds.lower.si)
                    worstUpper = upper
                    device = member
                }
            }
        }
        guard let device else {
            result.note = "no gateway failure observed yet"
            return
        }
        result.limitingDevice = model.devices[device].id
        result.lower = worstLower
        if let upper = worstUpper {
            result.value = upper
            result.upper = upper
            result.state = judge(upper, lower: worstLower, upper: upper, threshold)
            result.note = "recovered within \(Quantity(upper, .time).formatted)"
        } else {
            let waited = ongoing?.since ?? worstLower
            result.value = waited
            result.state = GoalMath.holds(waited, threshold) ? .atRisk : .violated
            result.note = "gateway `\(ongoing?.gateway ?? "?")` down for \(Quantity(waited, .time).formatted); `\(model.devices[device].id)` not delivering yet"
        }
    }

    /// Jamming detection: a noise-floor rise answered by the detector's alarm within the
    /// goal's time.
    func assessDetection(_ goal: LiveGoal, now: Timestamp, into result: inout GoalAssurance) {
        let within = goal.within?.si ?? 2
        for (index, jamming) in state.jamming.enumerated() {
            guard let rise = jamming.riseAt else { continue }
            if let detected = jamming.detectedAt, detected >= rise || (rise - detected).si <= within {
                let delay = Swift.max(0, (detected - rise).si)
                result.value = delay
                result.state = delay <= within ? .met : .violated
                result.note = "noise at `\(model.gateways[index])` detected after \(Quantity(delay, .time).formatted)"
            } else if (now - rise).si > within {
                result.state = .violated
                result.note = "noise at `\(model.gateways[index])` rose and no alarm followed within \(Quantity(within, .time).formatted)"
            } else {
                result.state = .atRisk
                result.note = "noise at `\(model.gateways[index])` rising"
            }
            return
        }
        result.note = "no attack observed"
    }

    /// Runs the DES on the calibrated twin and keeps its verdicts and currents (the
    /// "confirm" step of the forecast); seconds of wall time are the caller's to measure.
    public mutating func confirm(at now: Timestamp, horizon: Time = .hours(1), seed: UInt64 = 1) {
        let calibrated = TwinAdapter.calibrated(config, calibration())
        let simulated = TwinAdapter.simulatedRun(calibrated, horizon: horizon, seed: seed)
        confirmation = ForecastConfirmation(
            at: now, horizon: horizon,
            verdicts: simulated.verdicts.map { (goal: $0.goal, state: $0.met.map { $0 ? .met : .violated } ?? .inconclusive,
                                                 value: $0.value) },
            currents: simulated.currents, wallSeconds: 0)
    }
}

/// Small statistics the assessments share.
enum GoalMath {
    /// The runtime's own comparison (`GoalEvaluation.isMet`, tolerant of unit round-off).
    static func holds(_ value: Double, _ threshold: Threshold) -> Bool { TwinAdapter.holds(value, threshold) }

    /// Wilson score interval at 95 %.
    static func wilson(successes: Int, trials: Int) -> (lower: Double, upper: Double) {
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials), p = Double(successes) / n, z = 1.96
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return (Swift.max(0, centre - half), Swift.min(1, centre + half))
    }

    /// 1-based ranks of the p-quantile of n samples and of its 95 % distribution-free
    /// interval (normal approximation to the binomial of the order statistics).
    static func quantileRanks(p: Double, n: Int) -> (point: Int, lower: Int, upper: Int) {
        let count = Double(n)
        let point = Swift.max(1, Swift.min(n, Int((p * count).rounded(.up))))
        let spread = 1.96 * (count * p * (1 - p)).squareRoot()
        let lower = Swift.max(1, Int((count * p - spread).rounded(.down)))
        let upper = Swift.min(n, Swift.max(point, Int((count * p + spread).rounded(.up)) + 1))
        return (point, Swift.min(lower, point), upper)
    }
}

func targetText(_ threshold: Threshold, within: Time?) -> String {
    var text = "\(threshold.op.rawValue) \(Quantity(threshold.bound.value, threshold.bound.dimension).formatted)"
    if case .percentile(let p) = threshold.statistic { text = "p\(JSONNumber.format(p)) " + text }
    if let within { text += " within \(Quantity(within.si, .time).formatted)" }
    return text
}

enum JSONNumber {
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
