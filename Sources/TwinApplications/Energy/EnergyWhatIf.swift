import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// One what-if answer: a device's lifetime with one knob at one value (the others as
/// configured), from `AnalyticEnergyModel`, and whether that setting still meets the
/// twin's other goals by the analytic checks of `OtherGoalCheck`.
public struct EnergyWhatIf: Sendable, Hashable {
    public var device: String
    /// The knob id (`pump.tx-power`) and its parameter (`tx-power`).
    public var knob: String
    public var parameter: KnobParameter
    public var value: Double
    public var unit: String
    /// The value's name when the knob indexes labels (`mac-mode` 1 is `csma-ca`), so
    /// every output says what the optimiser's section says, not "1 index".
    public var label: String?
    /// The value the twin is configured with.
    public var isCurrent: Bool
    public var lifetime: Time?
    public var averageCurrent: Current
    /// Goals the setting would fail by the analytic checks (empty: meets them).
    public var failedGoals: [String]

    public var meetsOtherGoals: Bool { failedGoals.isEmpty }
}

/// The knobs that change a device's energy and how each rewrites its configuration:
/// TX power (the TX current of the radio's table), the scheduled-access allocation
/// period m (samples wait for the device's allocation and travel together), the BLE
/// connection interval (the MAC's wake-up rhythm) and the aggregation setting (samples
/// per packet: fewer wake-ups, headers and acknowledgements for the same data) and the
/// 802.15.6 access mode (scheduled access wakes for its allocations only; CSMA/CA wakes
/// per packet and listens through a backoff and the I-Ack per frame), the switched MAC
/// sized as the compiler would (`MACModeSwitch`).
enum EnergyKnob {
    static let parameters: Set<KnobParameter> = [.txPower, .allocationPeriod, .connectionInterval, .aggregation, .macMode]

    /// `device` with the knob of `parameter` at `value` (a `mac-mode` value indexes
    /// `MACModeSwitch.modes`); nil when the value cannot apply.
    static func apply(_ parameter: KnobParameter, value: Double, to device: DeviceConfig) -> DeviceConfig? {
        let knob = KnobConfig(id: "\(device.id).\(parameter)", parameter: parameter, targets: [device.id],
                              values: [value], current: value, unit: "")
        return apply(knob, value: value, to: device)
    }

    /// `device` with `knob` at `value`; nil when the value cannot apply.
    static func apply(_ knob: KnobConfig, value: Double, to device: DeviceConfig) -> DeviceConfig? {
        var changed = device
        switch knob.parameter {
        case .txPower:
            changed.radio.txPower = PowerLevel(dBm: value)
        case .allocationPeriod:
            guard let period = DeclaredRanges.allocationPeriodSetting.integer(value) else { return nil }
            // As the optimiser applies it: a period only for scheduled access.
            if changed.mac.access == .scheduled { changed.mac.period = period }
        case .macMode:
            guard case .success(let access) = MACModeSwitch.access(value, labels: knob.labels),
                  let mac = MACModeSwitch.switched(device, to: access) else { return nil }
            changed.mac = mac
        case .connectionInterval:
            guard DeclaredRanges.connectionIntervalSetting.contains(value) else { return nil }
            changed.mac.connectionInterval = .seconds(value)
        case .aggregation:
            guard let aggregation = DeclaredRanges.aggregation.integer(value) else { return nil }
            changed.traffic.aggregation = aggregation
        case .maxRetries, .securityLevel, .gateway, .relay:
            return nil
        }
        return changed
    }
}

/// The analytic checks of a setting against the goals other than lifetime: the goals
/// on the same device whose KPI the energy knobs move.
///
/// - Latency (and the `within` of a delivery goal): the worst-case wait for the MAC
///   (allocation interval P for scheduled access, the connection interval for BLE, a
///   full contention window for CSMA/CA) plus the packet's air time and the uplink's
///   latency, jitter and edge processing, plus `(k − 1)·interval` when k samples are
///   aggregated per packet (the first sample waits for the others).
/// - Delivery ratio and availability: the link-margin proxy `1 − P_out`, with
///   `P_out = Φ((S − P̄rx)/σ)` on the primary link (ban-numbers.md §7 "Link outage"),
///   averaged over the posture mix when the plan chose posture fading (`LinkEstimate`).
/// The closed form and the run are combined by the run's verdict on the goal:
/// - met: the setting passes when it is within the bound or no worse than the
///   configured one (the measurement vouches for what the conservative bound cannot);
/// - not met: only a setting that is within the bound *and* strictly better than the
///   configured one may pass (nothing else can be claimed to meet it);
/// - not evaluated: the bound alone decides.
/// Whatever the goals, a setting may not push the device's link outage above both the
/// configured one and 1 % (`link-margin`), nor its worst-case latency above both the
/// configured one and its traffic's requirement (`latency-floor`: the ISO/IEEE 11073
/// class's latency of Tachtatzis et al. 2012 Table 1, else the device's budget): energy
/// is never bought with a link or a delay the intent did not price. These are the
/// optimiser's device floors (`DeviceFloor`) in the what-if's conservative terms, from the
/// same `TwinModels.TrafficClassRequirement`, so a value the what-if rejects is one the
/// optimiser never recommends.
struct OtherGoalCheck {
    static let linkMarginGoal = "link-margin"
    static let latencyFloorGoal = "latency-floor"
    static let acceptableOutage = TrafficClassRequirement.maximumOutage

    let config: TwinConfig
    let report: RunReport
    /// The plan's posture mix (`postureMix`), built once: the what-if search asks for an
    /// outage hundreds of times a run, and each mix solves the wearer's posture chain.
    private let postures: [(ActivityFading, Double)]

    init(config: TwinConfig, report: RunReport) {
        self.config = config
        self.report = report
        postures = postureMix(config: config)
    }

    /// Goals `variant` would fail, comparing with `current` (the configured device).
    func failedGoals(variant: DeviceConfig, current: DeviceConfig) -> [String] {
        var failed: [String] = []
        for goal in config.goals where ScenarioLookup.covers(goal, device: current.id) {
            let verdict = report.summary.first { $0.goalID == goal.id }?.verdict ?? .notEvaluated
            var ok = true
            switch goal.kpi {
            case .latency:
                if let threshold = goal.threshold, threshold.op.isUpperBound {
                    ok = holds(bound: threshold.bound.value, verdict: verdict, latencyBound(variant), latencyBound(current))
                }
            case .deliveryRatio, .availability:
                if let threshold = goal.threshold, threshold.op.isLowerBound {
                    // As an upper bound on the outage: P_out ≤ 1 − target.
                    ok = holds(bound: 1 - threshold.bound.value + 1e-12, verdict: verdict, outage(variant), outage(current))
                }
                if ok, goal.kpi == .deliveryRatio, let within = goal.within {
                    ok = holds(bound: within.si, verdict: verdict, latencyBound(variant), latencyBound(current))
                }
            case .lifetime, .energy, .recoveryTime, .throughput, .securityProtect, .securityDetect:
                break
            }
            if !ok { failed.append(goal.id) }
        }
        if let variantOutage = outage(variant), let configured = outage(current),
           variantOutage > Swift.max(configured, Self.acceptableOutage) + 1e-12 {
            failed.append(Self.linkMarginGoal)
        }
        if let variantLatency = latencyBound(variant), let configured = latencyBound(current) {
            let requirement = current.traffic.trafficClass.map(TrafficClassRequirement.latency(of:))
                ?? current.traffic.latencyBudget
            if variantLatency > Swift.max(requirement.si, configured) * (1 + 1e-9) + 1e-15 {
                failed.append(Self.latencyFloorGoal)
            }
        }
        return failed
    }

    /// Whether a figure where lower is better (latency bound, outage) keeps the goal.
    private func holds(bound: Double, verdict: Verdict, _ variant: Double?, _ configured: Double?) -> Bool {
        guard let variant else { return true }
        let within = variant <= bound
        guard let configured else { return within }
        switch verdict {
        case .met: return within || variant <= configured * (1 + 1e-9) + 1e-15
        case .notMet, .inconclusive: return within && variant < configured * (1 - 1e-9)
        case .notEvaluated: return within
        }
    }

    /// Worst-case latency of a sample (seconds); nil when the air interface is unknown.
    func latencyBound(_ device: DeviceConfig) -> Double? {
        guard let air = DeviceAirInterface(device: device) else { return nil }
        let bytes = Swift.max(1, Int(device.traffic.payload.bytes.rounded(.up)) * device.traffic.samplesPerPacket)
        let airtime = AnalyticEnergyModel.packetAirtime(air, packetBytes: bytes).si
        let wait: Double
        switch air.access {
        case .scheduled:
            wait = AnalyticEnergyModel.allocationInterval(of: device.mac).si
        case .ble:
            wait = device.mac.connectionInterval.si
        case .csmaCA:
            let priority = AnalyticEnergyModel.userPriority(of: device.mac)
            wait = Double(priority.contentionWindowMaximum) * air.backoffSlot.si
                + air.shortInterFrameSpace.si + air.acknowledgementAirtime.si
        default:
            wait = 0
        }
        return wait + airtime + uplinkDelay(device) + device.traffic.aggregationDelay.si
    }

    /// Latency, jitter and edge processing after the device's primary gateway.
    private func uplinkDelay(_ device: DeviceConfig) -> Double {
        guard let uplink = GatewayUplink(gatewayID: device.primaryGateway, network: config.network) else { return 0 }
        return (uplink.fixedDelay + uplink.jitter).si
    }

    /// Outage probability of the primary link at the device's TX power, averaged over
    /// the plan's posture mix: the optimiser's `LinkEstimate`, so both applications
    /// judge a link the same way.
    func outage(_ device: DeviceConfig) -> Double? {
        guard let gateway = config.network.gateways.first(where: { $0.id == device.primaryGateway }) else { return nil }
        let link = LinkEstimate(device: device, gateway: gateway,
                                useCastaliaMap: config.models.contains { $0.id == "castalia-pathloss-map" })
        return link.outage(transmit: device.radio.txPower, sensitivity: device.radio.sensitivity,
                           postures: postures)
    }
}
