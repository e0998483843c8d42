import Foundation
import TwinConfig
import TwinEngine
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// Small hand-built twins for the network-view tests (the pattern of
/// `TwinRuntimeTests/SimulationFixtures.swift`): IEEE 802.15.6 NB and BLE radios of
/// Tachtatzis et al. (2010 Table III) and the nRF52840, a phone on the hip and a
/// bedside hub 1.5 m away, one edge over an ideal link.
public enum ViewFixture {
    /// The apps' NB radio at 0 dBm and their BLE radio (`AppsFixture`): one radio table
    /// for every test of this target.
    public static func narrowbandRadio() -> RadioConfig { AppsFixture.narrowband(txPower: 0) }

    public static func bleRadio() -> RadioConfig { AppsFixture.ble() }

    public static func device(_ id: String, placement: Placement, radio: RadioConfig = narrowbandRadio(), access: AccessMode = .csmaCA,
                       interval: Time = .milliseconds(200), gateway: String = "phone", backup: String? = nil,
                       capacity: Charge = .milliampHours(560), connectionInterval: Time = .zero) -> DeviceConfig {
        DeviceConfig(
            id: id, deviceClass: "sensor-\(id)", placement: placement, inBody: placement == .inBody, tags: [],
            radio: radio,
            battery: BatteryConfig(profile: "test", capacity: capacity, voltage: .volts(3), model: .linear,
                                   peukertExponent: 1, ratedCurrent: .milliamperes(10)),
            platform: .sleepingMCU(.microamperes(50)),
            traffic: TrafficConfig(trafficClass: nil, payload: .bytes(64), interval: interval, alarmRate: 0,
                                   alarmPayload: .bytes(64), latencyBudget: .milliseconds(250)),
            mac: MACConfig(access: access, userPriority: 6, slotLength: .zero, slots: 0, period: 0, maxRetries: 3,
                           connectionInterval: connectionInterval),
            primaryGateway: gateway, backupGateway: backup, securityLevel: 0)
    }

    /// Three devices on the phone (ecg and spo2 with the bedside hub as backup, the
    /// watch without), two gateways, one edge.
    public static func config(horizon: Time = .seconds(120), sampleInterval: Time = .seconds(10),
                       scenarios: [ScenarioConfig] = [baseline], replications: Int = 1) -> TwinConfig {
        let devices = [
            device("ecg", placement: .chest, interval: .milliseconds(100), backup: "bedside"),
            device("spo2", placement: .wristLeft, interval: .milliseconds(250), backup: "bedside"),
            device("watch", placement: .wristRight, radio: bleRadio(), access: .ble, interval: .milliseconds(160),
                   connectionInterval: .milliseconds(50)),
        ]
        let gateways = [
            GatewayConfig(id: "phone", kind: .phone, placement: .hipRight, distance: .zero, uplink: "edge",
                          failoverTime: .seconds(1.28), mtbf: nil, mttr: nil),
            GatewayConfig(id: "bedside", kind: .bedsideHub, placement: .offBody, distance: .meters(1.5),
                          uplink: "edge", failoverTime: .seconds(1.28), mtbf: nil, mttr: nil),
        ]
        let links = gateways.map {
            LinkConfig(from: $0.id, to: "edge", technology: .ethernet, latency: .milliseconds(1), jitter: .zero,
                       rate: .zero, availability: .fraction(1))
        }
        let network = NetworkConfig(devices: devices, gateways: gateways,
                                    edges: [EdgeConfig(id: "edge", tier: .extremeMEC, processingLatency: .zero)],
                                    links: links)
        return TwinConfig(
            name: "view-test", title: "Network view test", usecase: "test", generator: "tests",
            run: RunSettings(horizon: horizon, replications: replications, seed: 7, warmup: .zero,
                             sampleInterval: sampleInterval),
            network: network, models: [],
            applications: [ApplicationConfig(id: .networkView, goals: ["ecg-delivery"], kpis: [.deliveryRatio])],
            goals: [GoalConfig(id: "ecg-delivery", kpi: .deliveryRatio, priority: .critical, threshold: nil,
                               devices: ["ecg"], threats: [], faults: [], within: nil, securityLevel: nil),
                    GoalConfig(id: "watch-latency", kpi: .latency, priority: .high, threshold: nil,
                               devices: ["watch"], threats: [], faults: [], within: nil, securityLevel: nil)],
            scenarios: scenarios, knobs: [], objectives: [])
    }

    public static let baseline = ScenarioConfig(id: "baseline", kind: .baseline, description: "", goals: [], events: [])

    public static func gatewayFailure(at time: Time) -> ScenarioConfig {
        ScenarioConfig(id: "phone-down", kind: .fault(.gatewayFailure), description: "the phone fails", goals: [],
                       events: [ScenarioEvent(at: time, kind: .fault(.gatewayFailure), target: "phone", duration: nil,
                                              parameters: [:])])
    }

    /// Simulates every scenario with time series on, as `analyseTwin` does for the view.
    public static func outcomes(_ config: TwinConfig, maximumSamples: Int = 4096) throws -> [[ReplicationOutcome]] {
        var options = RunOptions()
        options.simulation.recordTimeSeries = true
        options.simulation.maximumSamples = maximumSamples
        return try simulateScenarios(RunPlan(config: config), options: options)
    }

    /// The bundled demo twin, found from this file's path.
    public static func icuTwin() throws -> TwinConfig {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Generated/icu-monitoring/twin.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = TwinConfig.read(text: text, file: path)
        guard let config = result.config else { throw FixtureError.unreadable(path) }
        return config
    }

    public enum FixtureError: Error { case unreadable(String) }
}
