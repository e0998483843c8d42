import TwinConfig
import TwinEngine
import TwinRuntime
import TwinUnits
import TwinApplications
import TwinVocabulary

/// Small hand-built twins for the resilience, energy and security tests: IEEE 802.15.6
/// NB devices with the model radio of Tachtatzis et al. (2010 Table III), a hub on the
/// right hip (and optionally a second one at the waist), one edge over an ideal link,
/// no warm-up, short horizons and one replication unless a test asks for more.
public enum AppsFixture {
    public static func narrowband(txPower: Double = -6) -> RadioConfig { TestRadio.narrowband(txPower: txPower) }

    public static func ble() -> RadioConfig { TestRadio.ble() }

    /// A device; `access` picks the MAC (`csma-ca`, `scheduled`: 32 slots of 10 ms,
    /// allocation every `period` superframes, `ble`: connection events every 100 ms).
    public static func device(_ id: String, placement: Placement = .chest, access: AccessMode = .csmaCA, radio: RadioConfig? = nil,
                       interval: Time = .milliseconds(200), payload: Double = 64, period: Int = 1,
                       gateway: String = "hub", backup: String? = nil, security: Int = 0) -> DeviceConfig {
        DeviceConfig(
            id: id, deviceClass: "sensor", placement: placement, inBody: false, tags: [],
            radio: radio ?? (access == .ble ? ble() : narrowband()),
            battery: BatteryConfig(profile: "coin", capacity: .milliampHours(560), voltage: .volts(3), model: .linear,
                                   peukertExponent: 1, ratedCurrent: .milliamperes(10)),
            platform: .sleepingMCU(.microamperes(3)),
            traffic: TrafficConfig(trafficClass: nil, payload: .bytes(payload), interval: interval, alarmRate: 0,
                                   alarmPayload: .bytes(64), latencyBudget: .seconds(1)),
            mac: MACConfig(access: access, userPriority: 6, slotLength: access == .scheduled ? .milliseconds(10) : .zero,
                           slots: access == .scheduled ? 32 : 0, period: access == .scheduled ? period : 0,
                           maxRetries: 3, connectionInterval: access == .ble ? .milliseconds(100) : .zero),
            primaryGateway: gateway, backupGateway: backup, securityLevel: security)
    }

    public static func gateway(_ id: String, placement: Placement = .hipRight) -> GatewayConfig {
        GatewayConfig(id: id, kind: .wearableHub, placement: placement, distance: .zero, uplink: "edge",
                      failoverTime: .seconds(1.28), mtbf: nil, mttr: nil)
    }

    public static func goal(_ id: String, _ kpi: KPI, _ threshold: String?, _ dimension: Dimension, devices: [String],
                     threats: [Threat] = [], faults: [Fault] = [], within: Time? = nil,
                     level: Int? = nil) -> GoalConfig {
        let parsed = threshold.flatMap { try? Threshold.parse($0, defaultDimension: dimension).get() }
        return GoalConfig(id: id, kpi: kpi, priority: .critical, threshold: parsed, devices: devices, threats: threats,
                          faults: faults, within: within, securityLevel: level)
    }

    public static func event(_ kind: ScenarioEventKind, _ target: String, at: Time, duration: Time? = nil,
                      _ parameters: [String: Double] = [:]) -> ScenarioEvent {
        ScenarioEvent(at: at, kind: kind, target: target, duration: duration, parameters: parameters)
    }

    public static func scenario(_ id: String, _ events: [ScenarioEvent], goals: [String] = []) -> ScenarioConfig {
        let kind: ScenarioKind = switch events.first?.kind {
        case nil: .baseline
        case .fault(let fault)?: .fault(fault)
        case .attack(let threat)?: .attack(threat)
        }
        return ScenarioConfig(id: id, kind: kind, description: "", goals: goals, events: events)
    }

    public static func config(devices: [DeviceConfig], gateways: [GatewayConfig] = [gateway("hub")],
                       goals: [GoalConfig] = [], scenarios: [ScenarioConfig], knobs: [KnobConfig] = [],
                       models: [ModelChoice] = [], horizon: Time = .seconds(60), replications: Int = 1) -> TwinConfig {
        let links = gateways.map {
            LinkConfig(from: $0.id, to: "edge", technology: .ethernet, latency: .zero, jitter: .zero, rate: .zero,
                       availability: .fraction(1))
        }
        return TwinConfig(
            name: "apps-test", title: "Applications test", usecase: "test", generator: "tests",
            run: RunSettings(horizon: horizon, replications: replications, seed: 7, warmup: .zero,
                             sampleInterval: .seconds(1)),
            network: NetworkConfig(devices: devices, gateways: gateways,
                                   edges: [EdgeConfig(id: "edge", tier: .extremeMEC, processingLatency: .zero)],
                                   links: links),
            models: models, applications: [], goals: goals, scenarios: scenarios, knobs: knobs, objectives: [])
    }

    /// The runtime's outcomes and report for `config`, as `analyseTwin` computes them.
    public static func run(_ config: TwinConfig) throws -> (outcomes: [[ReplicationOutcome]], report: RunReport) {
        let plan = RunPlan(RunRequest(config: config))
        let outcomes = try simulateScenarios(plan)
        return (outcomes, buildReport(plan: plan, outcomes: outcomes))
    }
}
