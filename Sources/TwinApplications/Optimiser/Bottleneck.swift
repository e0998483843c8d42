import TwinConfig
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// Where a goal's device loses what it needs: packets lost or late by hop and cause
/// (delivery), the parts of its delay (latency), where its energy goes (lifetime). The
/// plain answer to "why can no setting meet this goal", from one scenario's figures.
public struct Bottleneck: Sendable, Hashable {
    /// One cause, in packets per replication (delivery), seconds (latency) or joules
    /// (lifetime), with its share of the whole.
    public struct Part: Sendable, Hashable {
        /// `device`, `ecg→phone`, `phone→edge`, `end to end`.
        public var hop: String
        public var cause: String
        public var amount: Double
        public var share: Double
    }

    public var goal: String
    public var device: String
    public var scenario: String
    /// The largest part first.
    public var parts: [Part]
    /// What `amount` counts: `packets per replication`, `s`, `J`.
    public var unit: String
    public var summary: String
}

/// Finds a goal's bottleneck from what the runtime measured. One function per KPI
/// family, fed by `DeviceFigures` (drop reasons, on-time deliveries, latency
/// percentiles, energy by radio state) and the twin's configuration (hops, MAC timing):
/// the place to extend when the runtime attributes losses per hop and cause itself.
public enum BottleneckFinder {
    /// The bottleneck of `goal` in `scenario` (the device the runtime named as limiting,
    /// else the goal's worst device); nil for a KPI without an attribution yet.
    public static func find(goal: GoalConfig, config: TwinConfig, scenario: ScenarioReport) -> Bottleneck? {
        let devices = ScenarioLookup.devices(of: goal, in: config).compactMap { device in
            scenario.devices.first { $0.id == device.id }.map { (device, $0) }
        }
        let limiting = scenario.goals.first { $0.goalID == goal.id }?.limitingDevice
        switch goal.kpi {
        case .deliveryRatio:
            let worst = devices.first { $0.0.id == limiting }
                ?? devices.min { ($0.1.deliveryRatio?.point ?? 1) < ($1.1.deliveryRatio?.point ?? 1) }
            return worst.flatMap { delivery(goal, $0.0, $0.1, config: config, scenario: scenario.id) }
        case .latency:
            let worst = devices.first { $0.0.id == limiting }
                ?? devices.max { ($0.1.latency?.p99 ?? .zero) < ($1.1.latency?.p99 ?? .zero) }
            return worst.flatMap { latency(goal, $0.0, $0.1, config: config, scenario: scenario.id) }
        case .lifetime, .energy:
            let worst = devices.first { $0.0.id == limiting }
                ?? devices.min { ($0.1.lifetime?.point ?? .infinity) < ($1.1.lifetime?.point ?? .infinity) }
            return worst.flatMap { energy(goal, $0.1, scenario: scenario.id) }
        case .recoveryTime:
            guard let result = scenario.goals.first(where: { $0.goalID == goal.id }) else { return nil }
            return recovery(goal, result, scenario: scenario, config: config)
        case .securityDetect:
            guard let result = scenario.goals.first(where: { $0.goalID == goal.id }) else { return nil }
            return detection(goal, result, config: config, scenario: scenario.id)
        case .availability, .throughput, .securityProtect:
            return nil
        }
    }

    /// The device whose recovery was slowest (the runtime's limiting device), its worst
    /// replication, how many replications went past the bound, and the pairs that never
    /// recovered (the runtime's note): for a recovery goal the answer to "why" is which
    /// device takes that long and, when replications went past the bound, what holds it
    /// up (`backupReach`), not a hop's packet losses.
    static func recovery(_ goal: GoalConfig, _ result: GoalResult, scenario report: ScenarioReport,
                         config: TwinConfig) -> Bottleneck? {
        let samples = result.samples.compactMap { $0 }, scenario = report.id
        guard let device = result.limitingDevice, let worst = samples.max() else { return nil }
        var summary = "`\(device)` recovers slowest in `\(scenario)` (\(Quantity(worst, .time).formatted) in its worst replication"
        if let bound = goal.threshold?.bound.value {
            let over = samples.filter { $0 > bound }.count
            summary += "; \(over) of \(samples.count) replications above \(Quantity(bound, .time).formatted)"
            let why = over > 0 ? backupReach(device, scenario: report, config: config) : nil
            summary += why.map { "): \($0)" } ?? ")"
        } else {
            summary += ")"
        }
        if let note = result.note { summary += "; \(note)" }
        return Bottleneck(goal: goal.id, device: device, scenario: scenario,
                          parts: [Bottleneck.Part(hop: device, cause: "slowest recovery", amount: worst, share: 1)],
                          unit: "s", summary: summary)
    }

    /// Packets lost per cause (the runtime's `DropReason`s) and delivered late (after the
    /// goal's `within`, else the device's latency budget), by the hop that loses them.
    static func delivery(_ goal: GoalConfig, _ device: DeviceConfig, _ figures: DeviceFigures, config: TwinConfig,
                         scenario: String) -> Bottleneck? {
        guard figures.generated > 0 else { return nil }
        let gateway = device.primaryGateway
        let link = "\(device.id)→\(gateway)"
        let uplink = GatewayUplink(gatewayID: gateway, network: config.network)
        let upstream = "\(gateway)→\(uplink?.edgeID ?? "edge")"
        var parts: [Bottleneck.Part] = []
        func add(_ hop: String, _ cause: String, _ packets: Double) {
            guard packets > 0 else { return }
            parts.append(Bottleneck.Part(hop: hop, cause: cause, amount: packets, share: packets / figures.generated))
        }
        add(link, "retries exhausted, the last attempt lost to the channel (fading, path loss)", figures.dropped(.channelFade))
        add(link, "retries exhausted, the last attempt collided (another frame or a jammer)", figures.dropped(.collision))
        add(link, "retries exhausted (a bulk flow: fading and collisions together)", figures.dropped(.retriesExhausted))
        add(device.id, "MAC queue overflow", figures.dropped(.queueOverflow))
        add(link, "gateway down (no gateway of the device reachable)", figures.dropped(.noGatewayReachable))
        let availability = uplink.map { $0.availability.si } ?? 1
        add(upstream, "uplink outage (uplink availability \(DeviceFloor.percent(availability)))",
            figures.dropped(.uplinkOutage))
        add(device.id, "battery empty or device failed", figures.dropped(.deviceDead))
        add(link, "rejected by the security check", figures.dropped(.rejectedBySecurity))
        let deadline = goal.within ?? device.traffic.latencyBudget
        if let onTime = figures.onTimeRatio?.point, goal.within == nil || goal.within == device.traffic.latencyBudget {
            add("end to end", "late (after \(deadline.quantity.formatted))",
                Swift.max(0, figures.delivered - onTime * figures.generated))
        }
        parts.sort { $0.amount > $1.amount }
        guard let top = parts.first else { return nil }
        let lost = parts.reduce(0) { $0 + $1.amount }
        return Bottleneck(
            goal: goal.id, device: device.id, scenario: scenario, parts: parts, unit: "packets per replication",
            summary: "`\(device.id)` loses \(DeviceFloor.percent(lost / figures.generated)) of its packets in "
                + "`\(scenario)`; most on \(top.hop): \(top.cause), \(count(top.amount)) of \(count(figures.generated)) "
                + "per replication (\(DeviceFloor.percent(top.share)))")
    }

    /// The parts of the worst device's delay at the analytic estimate (`DeviceEstimate`:
    /// the wait for a transmission opportunity, the retries, air time, the uplink and
    /// aggregation), beside the p99 the simulation measured.
    static func latency(_ goal: GoalConfig, _ device: DeviceConfig, _ figures: DeviceFigures, config: TwinConfig,
                        scenario: String) -> Bottleneck? {
        guard let p99 = figures.latency?.p99 else { return nil }
        let estimate = DeviceEstimate(device: device, config: config, postures: postureMix(config: config),
                                      useCastaliaMap: config.models.contains { $0.id == "castalia-pathloss-map" })
        let uplink = GatewayUplink(gatewayID: device.primaryGateway, network: config.network)
        let upstream = (uplink?.fixedDelay ?? .zero) + (uplink?.jitter ?? .zero)
        let aggregation = device.traffic.aggregationDelay
        let air = Swift.max(0, estimate.fixedLatency.si - (uplink?.fixedDelay.si ?? 0) - aggregation.si)
        let link = "\(device.id)→\(device.primaryGateway)"
        var parts = [
            Bottleneck.Part(hop: device.id, cause: "waiting for a transmission opportunity (\(device.mac.access))",
                            amount: estimate.opportunityInterval.si, share: 0),
            Bottleneck.Part(hop: link, cause: "retries (up to \(estimate.maxRetries))",
                            amount: estimate.retrySpacing.si * Double(estimate.maxRetries), share: 0),
            Bottleneck.Part(hop: link, cause: "air time", amount: air, share: 0),
            Bottleneck.Part(hop: "\(device.primaryGateway)→\(uplink?.edgeID ?? "edge")", cause: "uplink and edge processing",
                            amount: upstream.si, share: 0),
            Bottleneck.Part(hop: device.id, cause: "aggregation (samples wait for the packet)", amount: aggregation.si, share: 0),
        ].filter { $0.amount > 0 }
        let total = parts.reduce(0) { $0 + $1.amount }
        guard total > 0 else { return nil }
        for index in parts.indices { parts[index].share = parts[index].amount / total }
        parts.sort { $0.amount > $1.amount }
        let top = parts[0]
        return Bottleneck(
            goal: goal.id, device: device.id, scenario: scenario, parts: parts, unit: "s",
            summary: "`\(device.id)` has p99 latency \(p99.quantity.formatted) in `\(scenario)`; the largest part of its "
                + "worst-case delay is \(top.cause) on \(top.hop), up to \(Time(si: top.amount).quantity.formatted)")
    }

    /// Energy by radio state over the run.
    static func energy(_ goal: GoalConfig, _ figures: DeviceFigures, scenario: String) -> Bottleneck? {
        let energy = figures.energy
        let total = energy.total.si
        guard total > 0 else { return nil }
        var parts = [("transmit", energy.transmit), ("receive", energy.receive), ("listen", energy.listen),
                     ("sleep", energy.sleep), ("wake-up", energy.wakeUp), ("MCU and sensor", energy.baseline)]
            .filter { $0.1.si > 0 }
            .map { Bottleneck.Part(hop: figures.id, cause: $0.0, amount: $0.1.si, share: $0.1.si / total) }
        parts.sort { $0.amount > $1.amount }
        guard let top = parts.first else { return nil }
        return Bottleneck(
            goal: goal.id, device: figures.id, scenario: scenario, parts: parts, unit: "J",
            summary: "`\(figures.id)` spends \(DeviceFloor.percent(top.share)) of its energy in `\(scenario)` on "
                + "\(top.cause) (\(Quantity(top.amount, .energy).formatted) of \(Quantity(total, .energy).formatted))")
    }

    private static func count(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : Quantity(value, .count).formatted
    }
}
