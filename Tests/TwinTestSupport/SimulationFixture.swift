import TwinConfig
import TwinEngine
import TwinUnits
import TwinRuntime
import TwinVocabulary

/// Builders for the simulation tests' twin.json values: small networks with the
/// IEEE 802.15.6 NB radio of Tachtatzis et al. (2010 Table III) unless a test asks for
/// something else.
public enum SimulationFixture {
    /// The 2.4 GHz NB model radio at 971.4 kbps π/4-DQPSK, 3 V.
    public static func narrowbandRadio(txPower: Double = 0, wakeUp: Time = .milliseconds(3.13)) -> RadioConfig {
        TestRadio.narrowband(txPower: txPower, wakeUp: wakeUp)
    }

    public static func bleRadio() -> RadioConfig { TestRadio.ble(levels: [0]) }

    public static func wlanRadio() -> RadioConfig { TestRadio.wlan() }

    public static func device(
        _ id: String, placement: Placement = .chest, radio: RadioConfig = narrowbandRadio(),
        access: AccessMode = .csmaCA, priority: Int = 6, payload: Double = 64, interval: Time = .milliseconds(200),
        alarmRate: Double = 0, alarmPayload: Double = 64, latency: Time = .milliseconds(250),
        gateway: String = "hub", backup: String? = nil, security: Int = 0, capacity: Charge = .milliampHours(560),
        battery model: BatteryDrainModel = .linear, baseline: Current = .zero, retries: Int = 3,
        slotLength: Time = .zero, slots: Int = 0, period: Int = 0, connectionInterval: Time = .zero
    ) -> DeviceConfig {
        DeviceConfig(
            id: id, deviceClass: "sensor", placement: placement, inBody: placement == .inBody, tags: [], radio: radio,
            battery: BatteryConfig(profile: "test", capacity: capacity, voltage: .volts(3), model: model,
                                   peukertExponent: model == .peukert ? 1.2 : 1, ratedCurrent: .milliamperes(10)),
            platform: .sleepingMCU(baseline),
            traffic: TrafficConfig(trafficClass: nil, payload: .bytes(payload), interval: interval, alarmRate: alarmRate,
                                   alarmPayload: .bytes(alarmPayload), latencyBudget: latency),
            mac: MACConfig(access: access, userPriority: priority, slotLength: slotLength, slots: slots, period: period,
                           maxRetries: retries, connectionInterval: connectionInterval),
            primaryGateway: gateway, backupGateway: backup, securityLevel: security)
    }

    public static func gateway(_ id: String, placement: Placement = .hipRight, distance: Distance = .zero,
                        failover: Time = .seconds(1.28)) -> GatewayConfig {
        GatewayConfig(id: id, kind: .wearableHub, placement: placement, distance: distance, uplink: "edge",
                      failoverTime: failover, mtbf: nil, mttr: nil)
    }

    /// A network whose gateways all reach one edge over an ideal link (no latency,
    /// jitter or outage) unless `latency` says otherwise.
    public static func config(devices: [DeviceConfig], gateways: [GatewayConfig] = [gateway("hub")],
                       horizon: Time = .seconds(60), seed: UInt64 = 42, latency: Time = .zero, jitter: Time = .zero,
                       availability: Double = 1, models: [String] = [], scenarios: [ScenarioConfig] = [],
                       sampleInterval: Time = .seconds(1)) -> TwinConfig {
        let links = gateways.map {
            LinkConfig(from: $0.id, to: "edge", technology: .ethernet, latency: latency, jitter: jitter, rate: .zero,
                       availability: .fraction(availability))
        }
        let network = NetworkConfig(devices: devices, gateways: gateways,
                                    edges: [EdgeConfig(id: "edge", tier: .extremeMEC, processingLatency: .zero)],
                                    links: links)
        return TwinConfig(
            name: "sim-test", title: "Simulation test", usecase: "test", generator: "tests",
            run: RunSettings(horizon: horizon, replications: 1, seed: seed, warmup: .zero, sampleInterval: sampleInterval),
            network: network,
            models: models.map { ModelChoice(id: $0, family: .channel, method: "discrete-event", applications: [],
                                             parameters: [:], source: "test") },
            applications: [], goals: [], scenarios: scenarios, knobs: [], objectives: [])
    }

    public static let baseline = ScenarioConfig(id: "baseline", kind: .baseline, description: "", goals: [], events: [])

    public static func scenario(_ events: [ScenarioEvent]) -> ScenarioConfig {
        ScenarioConfig(id: "test", kind: .script, description: "", goals: [], events: events)
    }

    public static func event(_ kind: ScenarioEventKind, _ target: String, at: Time, duration: Time? = nil,
                      _ parameters: [String: Double] = [:]) -> ScenarioEvent {
        ScenarioEvent(at: at, kind: kind, target: target, duration: duration, parameters: parameters)
    }

    /// Every counted packet is delivered, dropped or pending — exactly once.
    public static func isBalanced(_ device: DeviceOutcome) -> Bool {
        device.generated == device.deliveredToEdge + device.dropped.total + device.pendingAtEnd
    }
}
