import Foundation
import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits

/// What the analytic representations predict for one device at one setting of its
/// knobs: current and lifetime, delivery within a deadline, latency at a statistic, and
/// the time to reach the backup gateway after the primary fails. No simulation: this is
/// what lets the optimiser look at thousands of settings and simulate only a few.
///
/// Delivery and latency treat attempts as independent trials with the link's
/// per-attempt outage `f` (`LinkEstimate`), up to `1 + maxRetries` attempts: attempt k
/// succeeds with probability `f^(k−1)·(1−f)` and arrives `U·A + (k−1)·S + D` after the
/// packet was generated (U ~ U(0, 1) the random phase against the opportunity interval
/// A, S the retry spacing, D the packet's air time (all its frames) plus the uplink's and the edge's
/// fixed latency (`GatewayUplink`; its jitter W, uniform in ±J, is added to the
/// arrival), and the wait of a packet's first sample for the others when samples
/// are aggregated, `(k − 1)·interval`; `AccessTiming`). This is the access-wait argument of the feasibility
/// bounds (TwinSynthesis `AccessWait`: a random arrival waits q·A at quantile q) with
/// retries. Current and lifetime are the energy application's `AnalyticEnergyModel`,
/// fed the expected attempts per frame `(1 − f^(R+1))/(1 − f)` in place of the attempts
/// a simulation would measure, so both applications price a setting the same way. A
/// relay's current includes its relaying duty for the devices of `config.network` that
/// name it (`RelayDuty`), so pass the network the candidate sets.
struct DeviceEstimate: Sendable, Hashable {
    var id: String
    var averageCurrent: Current
    /// nil: no capacity or no current to extrapolate from.
    var lifetime: Time?
    /// Average rail power (radio and platform): the energy the simulation counts.
    var railPower: Power
    /// Packets per second and the payload of a periodic packet (k samples' when aggregated).
    var packetRate: Double
    var payload: DataSize
    var securityLevel: Int
    /// Per-attempt outage on the primary link, and on the backup (nil: no backup).
    let attemptFailure: Double
    let backupAttemptFailure: Double?
    let maxRetries: Int
    let opportunityInterval: Time
    let retrySpacing: Time
    let fixedLatency: Time
    /// Half-width of the uplink's jitter: the delay after the gateway is uniform in
    /// `fixedLatency ± jitter` (`GatewayUplink`, as the runtime draws it).
    let jitter: Time
    let failoverTime: Time
    /// The p99 latency, worked out once: the floors and the latency goals ask every
    /// candidate of the search for it, and its bisection was 11 % of a short main
    /// job's CPU (perf) while estimates are cached per device setting.
    private(set) var latencyP99: Time?
    /// The p99 recovery time, worked out once for the same reason (`survive-gateway-loss`
    /// asks every candidate).
    private(set) var recoveryP99: Time?

    /// `outages` remembers link outages across estimates (the search's workers share one).
    init(device: DeviceConfig, config: TwinConfig, postures: [(ActivityFading, Double)], useCastaliaMap: Bool,
         outages: LinkOutageMemo? = nil) {
        let network = config.network
        func failure(_ gatewayID: String?) -> Double? {
            guard let gatewayID, let gateway = network.gateways.first(where: { $0.id == gatewayID }) else { return nil }
            let link = LinkEstimate(device: device, gateway: gateway, useCastaliaMap: useCastaliaMap)
            return link.outage(transmit: device.radio.txPower, sensitivity: device.radio.sensitivity, postures: postures,
                               memo: outages)
        }
        let direct = failure(device.primaryGateway) ?? 1
        let f = Self.relayedFailure(device: device, direct: direct, config: config, postures: postures,
                                    useCastaliaMap: useCastaliaMap, outages: outages)
        let retries = Swift.max(0, device.mac.maxRetries)
        let attempts = f >= 1 ? Double(retries + 1) : (1 - pow(f, Double(retries + 1))) / (1 - f)
        // An air interface the simulation would refuse leaves only the baseline drawing
        // and nothing on the air.
        let air = DeviceAirInterface(device: device)
        let relaying = RelayDuty.duty(of: device, config: config, postures: postures, useCastaliaMap: useCastaliaMap,
                                      outages: outages)
        let energy = air.flatMap {
            AnalyticEnergyModel.evaluate(device, air: $0, attemptsPerFrame: attempts, relaying: relaying)
        }
        let timing = air.map { AccessTiming(device: device, air: $0) }
        id = device.id
        if let energy {
            averageCurrent = energy.averageCurrent
            railPower = energy.railPower
            lifetime = energy.lifetime
        } else {
            let platformOnly = AnalyticEnergyModel.supplied(device, radioCurrent: .zero)
            averageCurrent = platformOnly.averageCurrent
            railPower = platformOnly.railPower
            lifetime = platformOnly.lifetime
        }
        packetRate = air.map { AnalyticEnergyModel.Traffic(device: device, air: $0).packetsPerSecond } ?? 0
        payload = device.traffic.packetPayload
        securityLevel = device.securityLevel
        attemptFailure = f
        backupAttemptFailure = device.backupGateway.flatMap(failure)
        maxRetries = retries
        opportunityInterval = timing?.opportunityInterval ?? .zero
        retrySpacing = timing?.retrySpacing ?? .zero
        let primary = network.gateways.first { $0.id == device.primaryGateway }
        let uplink = primary.map { GatewayUplink(gateway: $0, network: network) }
        fixedLatency = (timing?.packetAirtime ?? .zero) + (uplink?.fixedDelay ?? .zero) + device.traffic.aggregationDelay
        jitter = uplink?.jitter ?? .zero
        failoverTime = primary?.failoverTime ?? .zero
        latencyP99 = quantileLatency(.percentile(99))
        recoveryP99 = quantileRecovery(.percentile(99))
    }

    /// The per-attempt failure with the device's relay (issue 11 §4): incremental
    /// decode-and-forward, `P_sd·(P_sr + (1−P_sr)·P_rd)` (`RelayScheme`), the relay →
    /// gateway hop at the relay's configured TX power. `direct` without a relay.
    ///
    /// Shortcut (docs/validation.md): the hops are taken as independent, as the
    /// formula does; the runtime's hops share the wearer's body fading (correlation 0.5)
    /// and lose together more often, so the estimate is optimistic and the simulation
    /// that verifies a candidate decides. The backup link (`backupAttemptFailure`, the
    /// recovery estimate) stays direct.
    static func relayedFailure(device: DeviceConfig, direct: Double, config: TwinConfig,
                               postures: [(ActivityFading, Double)], useCastaliaMap: Bool,
                               outages: LinkOutageMemo? = nil) -> Double {
        let network = config.network
        guard let id = device.relay, let relay = network.devices.first(where: { $0.id == id }),
              device.relayRefusal(by: relay) == nil,
              let gateway = network.gateways.first(where: { $0.id == device.primaryGateway }) else { return direct }
        let hop = DeviceAirInterface.relayLink(from: device, to: relay, useCastaliaMap: useCastaliaMap)
        let toRelay = LinkEstimate(meanLoss: hop.meanLoss, sigma: hop.sigma)
            .outage(transmit: device.radio.txPower, sensitivity: relay.radio.sensitivity, postures: postures,
                    memo: outages)
        let fromRelay = LinkEstimate(device: relay, gateway: gateway, useCastaliaMap: useCastaliaMap)
            .outage(transmit: relay.radio.txPower, sensitivity: relay.radio.sensitivity, postures: postures,
                    memo: outages)
        return RelayScheme.incrementalDecodeForward.outage(sourceToDestination: direct, sourceToRelay: toRelay,
                                                          relayToDestination: fromRelay)
    }

    /// Probability that attempt k (1-based) is the one that gets through.
    private func attemptWeight(_ k: Int, failure f: Double) -> Double { pow(f, Double(k - 1)) * (1 - f) }

    /// Probability that `U·A + offset + W ≤ t`, W uniform in ±jitter: the uniform wait's
    /// CDF `F(y) = clamp(y/A, 0, 1)` averaged over the jitter, `(G(x + J) − G(x − J))/2J`
    /// with `G` the antiderivative of `F` and `x = t − offset`.
    private func waitFraction(_ t: Double, offset: Double, spread: Double) -> Double {
        let interval = opportunityInterval.si, x = t - offset
        guard spread > 0 else {
            guard interval > 0 else { return x >= 0 ? 1 : 0 }
            return Swift.min(Swift.max(x / interval, 0), 1)
        }
        func integral(_ y: Double) -> Double {
            guard y > 0 else { return 0 }
            guard interval > 0 else { return y }
            return y <= interval ? y * y / (2 * interval) : y - interval / 2
        }
        return Swift.min(Swift.max((integral(x + spread) - integral(x - spread)) / (2 * spread), 0), 1)
    }

    /// Share of generated packets delivered (within `within`, when given).
    func deliveryRatio(within: Time?) -> Double {
        var delivered = 0.0
        for k in 1...(maxRetries + 1) {
            let weight = attemptWeight(k, failure: attemptFailure)
            guard let within else { delivered += weight; continue }
            let offset = fixedLatency.si + Double(k - 1) * retrySpacing.si
            delivered += weight * waitFraction(within.si, offset: offset, spread: jitter.si)
        }
        return Swift.min(Swift.max(delivered, 0), 1)
    }

    /// Latency of delivered packets at `statistic` (nil when nothing gets through).
    func latency(_ statistic: Statistic) -> Time? {
        statistic == .percentile(99) ? latencyP99 : quantileLatency(statistic)
    }

    /// The latency at `statistic` with per-attempt outage `failure`, the fixed part
    /// `fixed` and the uplink's jitter `jitter` (the device's own unless told).
    private func quantileLatency(_ statistic: Statistic, failure: Double? = nil, fixed: Time? = nil,
                                 jitter: Time? = nil) -> Time? {
        let failure = failure ?? attemptFailure, spread = (jitter ?? self.jitter).si
        let weights = (1...(maxRetries + 1)).map { attemptWeight($0, failure: failure) }
        let total = weights.reduce(0, +)
        guard total > 1e-300 else { return nil }
        let base = (fixed ?? fixedLatency).si, interval = opportunityInterval.si, spacing = retrySpacing.si
        func cdf(_ t: Double) -> Double {
            var sum = 0.0
            for (index, weight) in weights.enumerated() {
                sum += weight * waitFraction(t, offset: base + Double(index) * spacing, spread: spread)
            }
            return sum / total
        }
        let high = base + interval + Double(maxRetries) * spacing + spread
        let quantile: Double
        switch statistic {
        case .mean:
            let mean = weights.enumerated().reduce(0.0) { $0 + $1.element * (Double($1.offset) * spacing) } / total
            return .seconds(base + interval / 2 + mean)
        case .min: return .seconds(Swift.max(0, base - spread))
        case .max: quantile = 1
        case .percentile(let p): quantile = Swift.min(Swift.max(p / 100, 0), 1)
        }
        var low = Swift.max(0, base - spread), up = high
        for _ in 0..<60 {
            let mid = (low + up) / 2
            if cdf(mid) >= quantile - 1e-12 { up = mid } else { low = mid }
        }
        return .seconds(up)
    }

    /// Time from the primary gateway's failure to the first delivery through the
    /// backup at `statistic`: failover, then the wait for an opportunity and any
    /// retries on the backup link. nil: no backup, or the backup link is out (more
    /// than half the attempts lost), so the device never recovers.
    func recoveryTime(_ statistic: Statistic) -> Time? {
        statistic == .percentile(99) ? recoveryP99 : quantileRecovery(statistic)
    }

    private func quantileRecovery(_ statistic: Statistic) -> Time? {
        guard let backup = backupAttemptFailure, backup < 0.5 else { return nil }
        guard let wait = quantileLatency(statistic, failure: backup, fixed: .zero, jitter: .zero) else { return nil }
        return failoverTime + wait
    }
}
