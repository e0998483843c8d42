import TwinConfig
import TwinEngine
import TwinModels
import TwinRuntime
import TwinUnits

/// A configuration as the simulation ran it: the report and the outcomes it was built
/// from (one per scenario per replication, config order).
struct CandidateRun: Sendable {
    var report: RunReport
    var outcomes: [[ReplicationOutcome]]
}

/// The mean of paired differences `candidate_r − baseline_r` over the replications both
/// have a value in, with its Student-t 95 % interval (Law, *Simulation Modeling and
/// Analysis*, §10.2.1, the paired-t comparison). The runs share their seeds (common random
/// numbers), so each pair saw the same channel draws and traffic phases and the
/// difference's interval is narrower than the two intervals apart would suggest.
public struct PairedDifference: Sendable, Hashable {
    public var mean: Double
    /// nil with fewer than two pairs.
    public var lower: Double?
    public var upper: Double?
    public var pairs: Int

    /// nil when no replication has both values.
    public init?(baseline: [Double?], candidate: [Double?]) {
        let differences = zip(baseline, candidate).compactMap { base, next -> Double? in
            guard let base, let next, base.isFinite, next.isFinite else { return nil }
            return next - base
        }
        guard let interval = ConfidenceInterval(replications: differences) else { return nil }
        mean = interval.mean
        lower = interval.lower
        upper = interval.upper
        pairs = interval.replications
    }
}

/// One device in one scenario, baseline and candidate run with the same seeds: its
/// delivery, p99 latency and lifetime before and after, the paired changes, its floor
/// and what it breaks.
public struct DeviceSideEffect: Sendable, Hashable {
    public var device: String
    public var scenario: String
    public var floor: DeviceFloor
    public var deliveryBefore: Estimate?
    public var deliveryAfter: Estimate?
    public var deliveryChange: PairedDifference?
    public var p99Before: Time?
    public var p99After: Time?
    public var p99Change: PairedDifference?
    public var lifetimeBefore: Estimate?
    public var lifetimeAfter: Estimate?
    public var lifetimeChange: PairedDifference? = nil
    public var violations: [FloorViolation]
}

/// The simulation's check of every device's floor (`DeviceFloor`), the second line of
/// defence after the analytic search: the closed form does not see collisions or a
/// neighbour's retries, the simulation does.
///
/// With `.shownAt95` a floor holds when the 95 % evidence shows it (an inconclusive
/// device is not safe): delivery when the candidate's interval lies above the
/// requirement or the paired change's interval lies above −tolerance, since the floor is
/// the lower of the two; p99 latency when the candidate's value is within the requirement
/// or the paired change's upper end within +tolerance of the baseline's; a bystander's
/// lifetime (a device in none of the candidate's knobs' targets: `changed`) when the
/// candidate's interval lies above its floor or the paired change's lower end above
/// −10 % of the baseline's. Without an
/// interval (one replication) the point values decide, and the optimiser refuses to
/// recommend at the run's settings (`Verification`). With `.pointEstimates` (screening)
/// the point values decide.
enum SideEffects {
    /// How much evidence a floor needs.
    enum Evidence: Sendable {
        case pointEstimates
        case shownAt95
    }

    /// Every device in every scenario, scenarios and devices in configuration order.
    /// `changed`: the devices whose own knobs the candidate sets (the others are
    /// bystanders and keep their lifetime floor).
    static func compare(config: TwinConfig, baseline: CandidateRun, candidate: CandidateRun, changed: Set<String>,
                        evidence: Evidence = .shownAt95) -> [DeviceSideEffect] {
        var effects: [DeviceSideEffect] = []
        for (index, scenario) in config.scenarios.enumerated() {
            guard index < baseline.report.scenarios.count, index < candidate.report.scenarios.count else { continue }
            let before = baseline.report.scenarios[index], after = candidate.report.scenarios[index]
            let baseRuns = ScenarioLookup.outcomes(baseline.outcomes, index)
            let nextRuns = ScenarioLookup.outcomes(candidate.outcomes, index)
            for device in config.network.devices {
                guard let old = before.devices.first(where: { $0.id == device.id }),
                      let new = after.devices.first(where: { $0.id == device.id }) else { continue }
                effects.append(effect(device, scenario: scenario.id, before: old, after: new,
                                      baseRuns: baseRuns, nextRuns: nextRuns, bystander: !changed.contains(device.id),
                                      evidence: evidence))
            }
        }
        return effects
    }

    private static func effect(_ device: DeviceConfig, scenario: String, before: DeviceFigures, after: DeviceFigures,
                               baseRuns: [ReplicationOutcome], nextRuns: [ReplicationOutcome], bystander: Bool,
                               evidence: Evidence) -> DeviceSideEffect {
        let floor = DeviceFloor(device: device, baselineDelivery: before.deliveryRatio?.point,
                                baselineP99: before.latency?.p99, baselineOutage: nil,
                                baselineLifetime: before.lifetime.map { .seconds($0.point) }, bystander: bystander)
        func perReplication(_ runs: [ReplicationOutcome], _ value: (DeviceOutcome) -> Double?) -> [Double?] {
            runs.map { $0.device(device.id).flatMap(value) }
        }
        let deliveryChange = PairedDifference(baseline: perReplication(baseRuns) { $0.deliveryRatio },
                                              candidate: perReplication(nextRuns) { $0.deliveryRatio })
        let p99: (DeviceOutcome) -> Double? = { $0.latency.percentile(99)?.seconds }
        let p99Change = PairedDifference(baseline: perReplication(baseRuns, p99), candidate: perReplication(nextRuns, p99))
        var effect = DeviceSideEffect(
            device: device.id, scenario: scenario, floor: floor, deliveryBefore: before.deliveryRatio,
            deliveryAfter: after.deliveryRatio, deliveryChange: deliveryChange, p99Before: before.latency?.p99,
            p99After: after.latency?.p99, p99Change: p99Change, lifetimeBefore: before.lifetime,
            lifetimeAfter: after.lifetime, violations: [])
        if bystander {
            let lifetime: (DeviceOutcome) -> Double? = { predictedLifetime(of: device, outcome: $0)?.si }
            effect.lifetimeChange = PairedDifference(baseline: perReplication(baseRuns, lifetime),
                                                     candidate: perReplication(nextRuns, lifetime))
        }
        effect.violations = violations(effect, evidence: evidence)
        return effect
    }

    /// The floors `effect` does not show to hold.
    static func violations(_ effect: DeviceSideEffect, evidence: Evidence) -> [FloorViolation] {
        var found: [FloorViolation] = []
        let floor = effect.floor, id = effect.device
        if let after = effect.deliveryAfter {
            let held: Bool
            if evidence == .shownAt95, let lower = after.lower, let change = effect.deliveryChange,
               let changeLower = change.lower {
                held = lower >= floor.deliveryRequirement - 1e-12 || changeLower >= -DeviceFloorTolerance.delivery - 1e-12
            } else {
                held = after.point >= floor.delivery - 1e-12
            }
            if !held {
                found.append(FloorViolation(
                    kind: .delivery, device: id, scenario: effect.scenario, value: after.point, limit: floor.delivery,
                    detail: "`\(id)` delivers \(DeviceFloor.percent(after.point))\(interval(after)) in `\(effect.scenario)`, "
                        + (evidence == .shownAt95 ? "not shown to stay at or above" : "below")
                        + " its floor \(DeviceFloor.percent(floor.delivery)) (\(floor.deliveryBasis))"))
            }
        } else if effect.deliveryBefore != nil {
            found.append(FloorViolation(
                kind: .delivery, device: id, scenario: effect.scenario, value: 0, limit: floor.delivery,
                detail: "`\(id)` generated nothing to deliver in `\(effect.scenario)`"))
        }
        if let after = effect.p99After {
            let toleratedIncrease = (effect.p99Before?.si ?? 0) * DeviceFloorTolerance.latency
            let held: Bool
            if evidence == .shownAt95, let change = effect.p99Change, let upper = change.upper {
                held = after <= floor.latencyRequirement * (1 + 1e-9) || upper <= toleratedIncrease + 1e-12
            } else {
                held = after <= floor.latency * (1 + 1e-9)
            }
            if !held {
                found.append(FloorViolation(
                    kind: .latency, device: id, scenario: effect.scenario, value: after.si, limit: floor.latency.si,
                    detail: "`\(id)` has p99 latency \(after.quantity.formatted) in `\(effect.scenario)`, "
                        + (evidence == .shownAt95 ? "not shown to stay within" : "above")
                        + " its ceiling \(floor.latency.quantity.formatted) (\(floor.latencyBasis))"))
            }
        }
        if let limit = floor.lifetime, let after = effect.lifetimeAfter, let before = effect.lifetimeBefore {
            let held: Bool
            if evidence == .shownAt95, let lower = after.lower, let change = effect.lifetimeChange,
               let changeLower = change.lower {
                held = lower >= limit.si * (1 - 1e-9) || changeLower >= -before.point * DeviceFloorTolerance.lifetime
            } else {
                held = after.point >= limit.si * (1 - 1e-9)
            }
            if !held {
                found.append(FloorViolation(
                    kind: .lifetime, device: id, scenario: effect.scenario, value: after.point, limit: limit.si,
                    detail: "`\(id)` lasts \(DeviceFloor.days(.seconds(after.point))) in `\(effect.scenario)`, "
                        + (evidence == .shownAt95 ? "not shown to stay at or above" : "below")
                        + " its floor \(DeviceFloor.days(limit)) (\(floor.lifetimeBasis))"))
            }
        }
        return found
    }

    private static func interval(_ estimate: Estimate) -> String {
        guard let lower = estimate.lower, let upper = estimate.upper else { return "" }
        return " [\(DeviceFloor.percent(lower)), \(DeviceFloor.percent(upper))]"
    }
}
