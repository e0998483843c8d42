import TwinConfig
import TwinEngine
import TwinUnits
import TwinRuntime
import TwinVocabulary

/// Hand-made twins and replication outcomes for the run-orchestration tests: the KPI
/// and verdict rules are checked on outcomes with known answers, independent of the
/// simulator.
public enum RunFixture {
    public static func device(_ id: String, security: Int = 2, capacity: Charge = .milliampHours(560),
                       battery model: BatteryDrainModel = .linear, peukert: Double = 1, rated: Current = .milliamperes(28),
                       payload: Double = 64, interval: Time = .milliseconds(200),
                       budget: Time = .milliseconds(250)) -> DeviceConfig {
        DeviceConfig(
            id: id, deviceClass: "sensor", placement: .chest, inBody: false, tags: [],
            radio: TestRadio.narrowband(txPower: 0, levels: [0], profile: "nb", frequency: .gigahertz(2.4)),
            battery: BatteryConfig(profile: "test", capacity: capacity, voltage: .volts(3), model: model,
                                   peukertExponent: peukert, ratedCurrent: rated),
            platform: .sleepingMCU(.zero),
            traffic: TrafficConfig(trafficClass: nil, payload: .bytes(payload), interval: interval, alarmRate: 0,
                                   alarmPayload: .bytes(payload), latencyBudget: budget),
            mac: MACConfig(access: .csmaCA, userPriority: 6, slotLength: .zero, slots: 0, period: 0, maxRetries: 2,
                           connectionInterval: .zero),
            primaryGateway: "hub", backupGateway: nil, securityLevel: security)
    }

    public static func goal(_ id: String, _ kpi: KPI, _ threshold: Threshold?, devices: [String] = [],
                     threats: [Threat] = [], faults: [Fault] = [], within: Time? = nil,
                     level: Int? = nil) -> GoalConfig {
        GoalConfig(id: id, kpi: kpi, priority: .high, threshold: threshold, devices: devices, threats: threats,
                   faults: faults, within: within, securityLevel: level)
    }

    public static func config(devices: [DeviceConfig] = [device("ecg")], goals: [GoalConfig] = [],
                       scenarios: [ScenarioConfig]? = nil, horizon: Time = .seconds(10), replications: Int = 3,
                       seed: UInt64 = 7, warmup: Time = .zero) -> TwinConfig {
        TwinConfig(
            name: "run-test", title: "Run test", usecase: "test", generator: "tests",
            run: RunSettings(horizon: horizon, replications: replications, seed: seed, warmup: warmup,
                             sampleInterval: .seconds(1)),
            network: NetworkConfig(
                devices: devices,
                gateways: [GatewayConfig(id: "hub", kind: .wearableHub, placement: .hipRight, distance: .zero, uplink: "edge",
                                         failoverTime: .seconds(1), mtbf: nil, mttr: nil)],
                edges: [EdgeConfig(id: "edge", tier: .extremeMEC, processingLatency: .zero)],
                links: [LinkConfig(from: "hub", to: "edge", technology: .ethernet, latency: .zero, jitter: .zero,
                                   rate: .bitsPerSecond(1e9), availability: .fraction(1))]),
            models: [], applications: [], goals: goals,
            scenarios: scenarios ?? [ScenarioConfig(id: "baseline", kind: .baseline, description: "No faults",
                                                    goals: [], events: [])],
            knobs: [], objectives: [])
    }

    /// An outcome of `devices` (built by `result`) over `horizon` seconds.
    public static func outcome(replication: Int = 0, horizon: Double = 1000, warmup: Double = 0,
                        devices: [DeviceOutcome], events: [ScenarioEventOutcome] = [],
                        attacks: [AttackDetection] = []) -> ReplicationOutcome {
        ReplicationOutcome(
            scenarioID: "baseline", replication: replication, seed: UInt64(replication), horizon: seconds(horizon),
            warmup: seconds(warmup), devices: devices, gateways: [GatewayOutcome(id: "hub")], events: events,
            attacks: attacks, timeSeries: nil, eventsHandled: 100)
    }

    public static func result(_ id: String, generated: Int = 0, delivered: Int = 0,
                       latencies milliseconds: [Double] = [], averageCurrent: Current = .zero,
                       death: Double? = nil) -> DeviceOutcome {
        var result = DeviceOutcome(id: id)
        result.generated = generated
        result.deliveredToEdge = delivered
        result.dropped[.retriesExhausted] = generated - delivered
        for value in milliseconds { result.latency.record(SimTime(.milliseconds(value))) }
        result.averageCurrent = averageCurrent
        // The fixture's devices run at 3 V from a flat 3 V cell on a direct rail, so the
        // rail power the lifetime extrapolates is the current at 3 V.
        result.averageRailPower = averageCurrent * .volts(3)
        result.deathTime = death.map(seconds)
        return result
    }

    public static func seconds(_ value: Double) -> SimTime { SimTime(.seconds(value)) }

    public static func threshold(_ text: String, _ dimension: Dimension) -> Threshold {
        (try? Threshold.parse(text, defaultDimension: dimension).get())
            ?? Threshold(op: .equal, bound: Quantity(.nan, dimension))
    }
}
