import TwinApplications
import TwinConfig
import TwinEngine
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// Small hand-built twins for the optimiser tests: IEEE 802.15.6 NB devices of
/// Tachtatzis et al. (2010 Table III) under scheduled access, a phone on the right hip,
/// one edge over an ideal link, and knobs over TX power and the allocation period.
public enum OptimiserFixture {
    /// The brute-force optimum of `config`'s knob space: every point scored, the best
    /// kept by a linear scan in the search's own order (nil only for an empty space). The
    /// oracle the search tests compare `searchKnobs` with.
    public static func bruteForce(_ config: TwinConfig, options: OptimiserOptions = OptimiserOptions())
        -> (best: AnalyticEvaluation?, space: CandidateSpace) {
        let space = CandidateSpace(config: config)
        var evaluator = AnalyticEvaluator(config: config, space: space, baseline: nil, options: options)
        var best: AnalyticEvaluation?
        for candidate in space.allCandidates() {
            let evaluation = evaluator.evaluate(candidate)
            if best.map({ evaluation.rank.isBetter(than: $0.rank) }) ?? true { best = evaluation }
        }
        return (best, space)
    }

    /// The NB radio without its −18 dBm level: the oracle tests' search spaces are sized on
    /// the three levels −12, −6 and 0 dBm.
    public static func radio(txPower: Double = -12) -> RadioConfig {
        TestRadio.narrowband(txPower: txPower, levels: [-12, -6, 0])
    }

    public static func device(_ id: String, placement: Placement, period: Int, interval: Time, budget: Time,
                       capacity: Charge = .milliampHours(225), txPower: Double = -12, retries: Int = 3,
                       security: Int = 2) -> DeviceConfig {
        DeviceConfig(
            id: id, deviceClass: "sensor", placement: placement, inBody: false, tags: [], radio: radio(txPower: txPower),
            battery: BatteryConfig(profile: "cr2032", capacity: capacity, voltage: .volts(3), model: .linear,
                                   peukertExponent: 1, ratedCurrent: .milliamperes(0.2)),
            platform: .sleepingMCU(.microamperes(3)),
            traffic: TrafficConfig(trafficClass: nil, payload: .bytes(64), interval: interval, alarmRate: 0,
                                   alarmPayload: .bytes(64), latencyBudget: budget),
            mac: MACConfig(access: .scheduled, userPriority: 6, slotLength: .milliseconds(2), slots: 32, period: period,
                           maxRetries: retries, connectionInterval: .zero),
            primaryGateway: "phone", backupGateway: nil, securityLevel: security)
    }

    public static func knob(_ device: String, _ parameter: KnobParameter, _ values: [Double], current: Double, unit: String) -> KnobConfig {
        let suffix = parameter == .allocationPeriod ? "period" : parameter.rawValue
        return KnobConfig(id: "\(device).\(suffix)", parameter: parameter, targets: [device], values: values,
                          current: current, unit: unit)
    }

    public static func goal(_ id: String, _ kpi: KPI, _ priority: GoalPriority, _ threshold: String, _ dimension: Dimension,
                     devices: [String], within: Time? = nil) -> GoalConfig {
        let parsed = (try? Threshold.parse(threshold, defaultDimension: dimension).get())
        return GoalConfig(id: id, kpi: kpi, priority: priority, threshold: parsed, devices: devices, threats: [],
                          faults: [], within: within, securityLevel: nil)
    }

    /// Two devices, two knobs each (TX power × allocation period: 36 settings): `ecg`
    /// must deliver 99 % within 150 ms and keep p99 latency ≤ 150 ms (critical), `pump`
    /// must last 60 days (high). The baseline (ecg every 4 superframes = 256 ms) misses
    /// the ECG goals; a faster allocation meets them.
    public static func twoDeviceTwin(horizon: Time = .seconds(120), replications: Int = 1) -> TwinConfig {
        let devices = [
            device("ecg", placement: .chest, period: 4, interval: .milliseconds(200), budget: .milliseconds(150)),
            device("pump", placement: .abdomen, period: 4, interval: .seconds(2), budget: .seconds(3),
                   capacity: .milliampHours(225)),
        ]
        let goals = [
            goal("pump-lifetime", .lifetime, .high, ">= 60 d", .time, devices: ["pump"]),
            goal("ecg-delivery", .deliveryRatio, .critical, ">= 99 %", .ratio, devices: ["ecg"],
                 within: .milliseconds(150)),
            goal("ecg-latency", .latency, .critical, "p99 <= 150 ms", .time, devices: ["ecg"]),
        ]
        let knobs = [
            knob("ecg", .txPower, [-12, 0], current: -12, unit: "dBm"),
            knob("ecg", .allocationPeriod, [1, 2, 4], current: 4, unit: "superframes"),
            knob("pump", .txPower, [-12, 0], current: -12, unit: "dBm"),
            knob("pump", .allocationPeriod, [2, 4, 8], current: 4, unit: "superframes"),
        ]
        return twin(devices: devices, goals: goals, knobs: knobs, horizon: horizon, replications: replications)
    }

    public static func twin(devices: [DeviceConfig], goals: [GoalConfig], knobs: [KnobConfig], horizon: Time,
                     replications: Int, objectives: [Objective] = [.safety, .reliability, .lifetime]) -> TwinConfig {
        let network = NetworkConfig(
            devices: devices,
            gateways: [GatewayConfig(id: "phone", kind: .phone, placement: .hipRight, distance: .zero, uplink: "edge",
                                     failoverTime: .seconds(1.28), mtbf: nil, mttr: nil)],
            edges: [EdgeConfig(id: "edge", tier: .extremeMEC, processingLatency: .zero)],
            links: [LinkConfig(from: "phone", to: "edge", technology: .ethernet, latency: .zero, jitter: .zero,
                               rate: .bitsPerSecond(1e9), availability: .fraction(1))])
        return TwinConfig(
            name: "optimiser-test", title: "Optimiser test", usecase: "test", generator: "tests",
            run: RunSettings(horizon: horizon, replications: replications, seed: 3, warmup: .seconds(5),
                             sampleInterval: .seconds(10)),
            network: network, models: [], applications: [], goals: goals,
            scenarios: [ScenarioConfig(id: "baseline", kind: .baseline, description: "No faults",
                                       goals: goals.map(\.id), events: [])],
            knobs: knobs, objectives: objectives)
    }

    /// A report with no scenarios: nothing to calibrate on.
    public static func emptyReport(_ config: TwinConfig) -> RunReport {
        RunReport(twin: config.name, title: config.title, settings: config.run, warmupShortened: false, scenarios: [],
                  summary: [])
    }
}
