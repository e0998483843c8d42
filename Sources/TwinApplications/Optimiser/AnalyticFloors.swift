import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits

/// The device floors as the analytic search enforces them: every device of the network,
/// not only those a goal names, predicted at each candidate from its `DeviceEstimate`.
///
/// Predictions are anchored on the baseline run like the goals (`AnalyticGoals`): a
/// device's predicted delivery is its measured baseline delivery plus the analytic
/// change `a(candidate) − a(baseline)`, and likewise its p99 latency; what the closed
/// form leaves out (collisions, queueing) is carried unchanged. Without a measurement
/// the analytic value stands alone. A bystander of the change (none of its own knobs
/// set) must keep 90 % of its analytic baseline lifetime: a relay's estimate carries its
/// relaying duty (`RelayDuty`), so a relay knob that drains another device's battery is
/// seen before the simulation. The link-margin floor is the closed form's own
/// per-attempt outage on the primary link, as the energy what-if judges it. A candidate
/// that sets a knob to a value an application's what-if rejects (`ExcludedSetting`)
/// breaks a floor of the knob's device too. A candidate whose settings leave a relay
/// the two-hop rule refuses (`NetworkConfig.relayRefusals`: a chain built by two relay
/// knobs, a relay moved off its source's gateways) breaks a `relay` floor of the
/// source: the runtime would refuse it and the analytic estimate of a refused relay
/// means nothing. The baseline breaks none by construction.
struct AnalyticFloors: Sendable {
    let floors: [DeviceFloor]
    private let deviceIDs: [String]
    /// The reference run's figures per device, aligned with `deviceIDs`.
    private let measuredDelivery: [Double?]
    private let measuredP99: [Time?]
    private let baseline: DeviceEstimates
    private let excluded: [(knob: Int, value: Double, setting: ExcludedSetting)]
    /// The network at the baseline, and the knobs whose parameter the two-hop rule reads
    /// (relay, gateway, access mode; none when the twin can have no relay).
    private let network: NetworkConfig
    private let relayKnobs: [Int]
    /// The relay knobs (value 0 is `none`), and whether the baseline relays any device:
    /// a candidate with no relay anywhere cannot break the two-hop rule, so most skip
    /// building a network to check it (perf: it was an eighth of the search).
    private let relayChoices: [Int]
    private let baselineRelays: Bool
    /// The rule's answer per setting of `relayKnobs`, shared by the search's workers: a
    /// network copied and re-checked per candidate was a twelfth of the search (perf).
    private let relayAnswers = SharedMemo<[Int], RelayRefusal?>()

    init(config: TwinConfig, space: CandidateSpace, baseline: DeviceEstimates, report: RunReport?,
         excluded: [ExcludedSetting]) {
        let reference = report.flatMap { referenceScenario($0, config: config) }
        var delivery: [String: Double] = [:], p99: [String: Time] = [:]
        for figures in reference?.devices ?? [] {
            if let ratio = figures.deliveryRatio?.point, ratio.isFinite { delivery[figures.id] = ratio }
            if let latency = figures.latency?.p99 { p99[figures.id] = latency }
        }
        deviceIDs = config.network.devices.map(\.id)
        measuredDelivery = deviceIDs.map { delivery[$0] }
        measuredP99 = deviceIDs.map { p99[$0] }
        self.baseline = baseline
        floors = config.network.devices.map { device in
            let estimate = baseline[device.id]
            return DeviceFloor(device: device, baselineDelivery: delivery[device.id] ?? estimate?.deliveryRatio(within: nil),
                               baselineP99: p99[device.id] ?? estimate?.latency(.percentile(99)),
                               baselineOutage: estimate?.attemptFailure)
        }
        network = config.network
        let relays = config.network.devices.contains { $0.relay != nil } || space.knobs.contains { $0.parameter == .relay }
        relayKnobs = relays ? space.knobs.indices.filter { [.relay, .gateway, .macMode].contains(space.knobs[$0].parameter) } : []
        relayChoices = space.knobs.indices.filter { space.knobs[$0].parameter == .relay }
        baselineRelays = config.network.devices.contains { $0.relay != nil }
        self.excluded = excluded.compactMap { setting in
            space.knobs.firstIndex { $0.id == setting.knob }.map { ($0, setting.value, setting) }
        }
    }

    /// The floors `candidate` breaks, devices in configuration order.
    func violations(_ candidate: Candidate, space: CandidateSpace, estimates: DeviceEstimates) -> [FloorViolation] {
        var found: [FloorViolation] = []
        for (index, floor) in floors.enumerated() {
            let id = deviceIDs[index], estimate = estimates[index], base = baseline[index]
            guard estimate != base else { continue }
            let analytic = estimate.deliveryRatio(within: nil), analyticBase = base.deliveryRatio(within: nil)
            let delivery = Swift.min(Swift.max((measuredDelivery[index] ?? analyticBase) + analytic - analyticBase, 0), 1)
            if delivery < floor.delivery - 1e-12 {
                found.append(FloorViolation(
                    kind: .delivery, device: id, scenario: nil, value: delivery, limit: floor.delivery,
                    wording: .predicted(basis: floor.deliveryBasis)))
            }
            if let latency = estimate.latency(.percentile(99)), let latencyBase = base.latency(.percentile(99)) {
                let predicted = (measuredP99[index] ?? latencyBase) + latency - latencyBase
                if predicted > floor.latency * (1 + 1e-9) {
                    found.append(FloorViolation(
                        kind: .latency, device: id, scenario: nil, value: predicted.si, limit: floor.latency.si,
                        wording: .predicted(basis: floor.latencyBasis)))
                }
            }
            if let lifetime = estimate.lifetime, let lifetimeBase = base.lifetime, lifetimeBase.si.isFinite,
               lifetime < lifetimeBase * (1 - DeviceFloorTolerance.lifetime) * (1 - 1e-9),
               !space.changedDevices(candidate).contains(id) {
                // A bystander drained by another device's change (a relay's duty: `RelayDuty`).
                found.append(FloorViolation(
                    kind: .lifetime, device: id, scenario: nil, value: lifetime.si,
                    limit: lifetimeBase.si * (1 - DeviceFloorTolerance.lifetime),
                    wording: .predicted(basis: "baseline \(DeviceFloor.days(lifetimeBase)) − "
                        + "\(DeviceFloor.percent(DeviceFloorTolerance.lifetime)), a bystander of the change")))
            }
            if estimate.attemptFailure > floor.outage + 1e-12 {
                found.append(FloorViolation(
                    kind: .linkMargin, device: id, scenario: nil, value: estimate.attemptFailure, limit: floor.outage,
                    wording: .predicted(basis: floor.outageBasis)))
            }
        }
        for entry in excluded where space.value(entry.knob, in: candidate) == entry.value
            && candidate.indices[entry.knob] != space.baseline.indices[entry.knob] {
            let setting = entry.setting
            found.append(FloorViolation(
                kind: .rejectedSetting, device: space.knobs[entry.knob].targets.first ?? setting.knob, scenario: nil,
                value: setting.value, limit: space.value(entry.knob, in: space.baseline),
                wording: .rejected(application: setting.application, knob: setting.knob,
                                   unit: space.knobs[entry.knob].unit, reason: setting.reason)))
        }
        if let refusal = relayRefusal(candidate, space: space) {
            found.append(FloorViolation(kind: .relay, device: refusal.device, scenario: nil, value: 1, limit: 0,
                                        detail: "the relay it sets is refused: \(refusal.sentence)"))
        }
        return found
    }

    /// The first relay the candidate's network breaks the two-hop rule with, when it
    /// changes a knob the rule reads (the baseline's relays are valid: twin.json was read).
    private func relayRefusal(_ candidate: Candidate, space: CandidateSpace) -> RelayRefusal? {
        guard baselineRelays || relayChoices.contains(where: { space.value($0, in: candidate) > 0 }) else { return nil }
        let changed = relayKnobs.filter { candidate.indices[$0] != space.baseline.indices[$0] }
        guard !changed.isEmpty else { return nil }
        return relayAnswers.value(for: relayKnobs.map { candidate.indices[$0] }) {
            var network = network
            for knob in changed {
                // A value the device refuses by itself is refused at application too.
                try? apply(space.knobs[knob], value: space.value(knob, in: candidate), to: &network)
            }
            return network.relayRefusals.first
        }
    }
}
