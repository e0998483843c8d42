import TwinConfig
import TwinEngine
import TwinModels
import TwinUnits

/// One device's figures in one scenario, over all replications: ratios and lifetime as
/// means with confidence intervals, counters and energy as means per replication,
/// latency percentiles from the replications' histograms merged (every delivered packet
/// of every replication counts once).
public struct DeviceFigures: Sendable, Hashable {
    public var id: String
    public var deviceClass: String
    /// Packets per replication (means).
    public var generated: Double
    public var delivered: Double
    /// Delivered within the device's latency budget, and still on their way at the
    /// horizon (means per replication): with `dropped`, what `losses` attributes.
    public var onTime: Double = 0
    public var pending: Double = 0
    /// Dropped packets per replication by reason, in `DropReason` order.
    public var dropped: [Double]
    public var retransmissions: Double
    public var deliveryRatio: Estimate?
    /// Delivered within the device's own latency budget, over generated.
    public var onTimeRatio: Estimate?
    public var latency: LatencyFigures?
    public var energy: EnergyFigures
    public var averageCurrent: Estimate?
    /// Death time when the battery emptied during the run, otherwise the predicted
    /// lifetime from the average current (see `predictedLifetime`).
    public var lifetime: Estimate?
    /// Replications in which the battery emptied before the horizon.
    public var diedIn: Int
    /// The device's relay (twin.json's `relay`), and the packets per replication the
    /// gateway first received through it: what the relay saved (issue 11 §4).
    public var relay: String?
    public var relayedDeliveries: Double = 0
    /// Frames per replication this device forwarded as another device's relay.
    public var framesRelayed: Double = 0

    public init(id: String, deviceClass: String, generated: Double, delivered: Double, dropped: [Double],
                retransmissions: Double, deliveryRatio: Estimate?, onTimeRatio: Estimate?,
                latency: LatencyFigures?, energy: EnergyFigures, averageCurrent: Estimate?,
                lifetime: Estimate?, diedIn: Int) {
        self.id = id
        self.deviceClass = deviceClass
        self.generated = generated
        self.delivered = delivered
        self.dropped = dropped
        self.retransmissions = retransmissions
        self.deliveryRatio = deliveryRatio
        self.onTimeRatio = onTimeRatio
        self.latency = latency
        self.energy = energy
        self.averageCurrent = averageCurrent
        self.lifetime = lifetime
        self.diedIn = diedIn
    }

    /// Dropped packets per replication for one reason.
    public func dropped(_ reason: DropReason) -> Double { dropped[reason.rawValue] }
}

/// End-to-end latency of the delivered packets of all replications.
public struct LatencyFigures: Sendable, Hashable {
    public var packets: Int
    public var mean: Time
    public var p50: Time
    public var p95: Time
    public var p99: Time
    public var maximum: Time

    public init(packets: Int, mean: Time, p50: Time, p95: Time, p99: Time, maximum: Time) {
        self.packets = packets
        self.mean = mean
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.maximum = maximum
    }

    /// From a histogram; nil when it is empty.
    public init?(_ histogram: LatencyHistogram) {
        guard let mean = histogram.mean, let p50 = histogram.percentile(50), let p95 = histogram.percentile(95),
              let p99 = histogram.percentile(99), let maximum = histogram.maximum else { return nil }
        self.init(packets: histogram.count, mean: mean.time, p50: p50.time, p95: p95.time, p99: p99.time,
                  maximum: maximum.time)
    }
}

/// Mean energy per replication by radio state and component.
public struct EnergyFigures: Sendable, Hashable {
    public var transmit: Energy
    public var receive: Energy
    public var listen: Energy
    public var sleep: Energy
    public var wakeUp: Energy
    public var baseline: Energy

    public init(transmit: Energy, receive: Energy, listen: Energy, sleep: Energy, wakeUp: Energy, baseline: Energy) {
        self.transmit = transmit
        self.receive = receive
        self.listen = listen
        self.sleep = sleep
        self.wakeUp = wakeUp
        self.baseline = baseline
    }

    /// The mean of the breakdowns (zero for none).
    public init(meanOf breakdowns: [EnergyBreakdown]) {
        let n = Double(max(1, breakdowns.count))
        func mean(_ part: (EnergyBreakdown) -> Energy) -> Energy {
            breakdowns.reduce(Energy.zero) { $0 + part($1) } / n
        }
        self.init(transmit: mean(\.transmit), receive: mean(\.receive), listen: mean(\.listen),
                  sleep: mean(\.sleep), wakeUp: mean(\.wakeUp), baseline: mean(\.baseline))
    }

    public var total: Energy { transmit + receive + listen + sleep + wakeUp + baseline }
}

extension DeviceFigures {
    /// Aggregates one device's outcomes (one per replication, in replication order).
    init(device: DeviceConfig, outcomes: [DeviceOutcome]) {
        let n = Double(max(1, outcomes.count))
        func mean(_ value: (DeviceOutcome) -> Int) -> Double { Double(outcomes.reduce(0) { $0 + value($1) }) / n }
        var merged = LatencyHistogram(significantBits: outcomes.first?.latency.significantBits ?? 8)
        for outcome in outcomes where outcome.latency.significantBits == merged.significantBits {
            merged.merge(outcome.latency)
        }
        let lifetimes = outcomes.map { predictedLifetime(of: device, outcome: $0)?.si }
        self.init(
            id: device.id, deviceClass: device.deviceClass,
            generated: mean(\.generated), delivered: mean(\.deliveredToEdge),
            dropped: DropReason.allCases.map { reason in mean { $0.dropped[reason] } },
            retransmissions: mean(\.retransmissions),
            deliveryRatio: Estimate(outcomes.map(\.deliveryRatio), dimension: .ratio),
            onTimeRatio: Estimate(outcomes.map(\.onTimeRatio), dimension: .ratio),
            latency: LatencyFigures(merged),
            energy: EnergyFigures(meanOf: outcomes.map(\.energy)),
            averageCurrent: Estimate(outcomes.map { $0.averageCurrent.si > 0 ? $0.averageCurrent.si : nil },
                                     dimension: .current),
            lifetime: Estimate(lifetimes, dimension: .time),
            diedIn: outcomes.filter { $0.deathTime != nil }.count)
        onTime = mean(\.deliveredWithinBudget)
        pending = mean(\.pendingAtEnd)
        relay = device.relay
        relayedDeliveries = mean(\.relayedDeliveries)
        framesRelayed = mean(\.framesRelayed)
    }
}


/// How long a device's battery lasts, from one replication.
///
/// If the battery emptied during the run, the lifetime is the measured death time.
/// Otherwise it is extrapolated from the average rail power the run measured (radio and
/// platform) through twin.json's battery curve, regulator and Peukert setting
/// (`DeviceSupply.lifetime`, `TwinModels.DeviceLifetimeModel`: lifetime from energy down
/// to the cutoff or the regulator's drop-out) — the same model the simulation's battery
/// account and the analytic energy model use. Intents ask for lifetimes far beyond the
/// simulated horizon (30 d of a pump against a 24 h run), which is why this is a
/// prediction and says so in the report.
///
/// nil when the device drew nothing (nothing to extrapolate from, e.g. a replication in
/// which the device was never powered) or the battery has no capacity.
public func predictedLifetime(of device: DeviceConfig, outcome: DeviceOutcome) -> Time? {
    if let death = outcome.deathTime { return death.time }
    return predictedLifetime(of: device, railPower: outcome.averageRailPower)
}

/// The lifetime of `device` at an average rail power (radio and platform); nil when
/// there is no load or no battery.
public func predictedLifetime(of device: DeviceConfig, railPower: Power) -> Time? {
    guard railPower.si > 0, railPower.si.isFinite, device.battery.capacity.si > 0 else { return nil }
    return DeviceSupply(device: device).lifetime(railPower: railPower)?.lifetime
}
