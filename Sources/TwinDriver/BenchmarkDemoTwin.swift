import TwinConfig
import TwinUnits
import TwinVocabulary

/// A 12-device ICU body network built in code: the benchmark's "full demo BAN" until
/// `Generated/icu-monitoring/twin.json` exists, and a known-good twin for end-to-end
/// tests of `twinc run`. It follows Templates/proactive-qa.yaml (ECG, temperature,
/// blood pressure, SpO2, insulin pump, smartwatch, AR glasses; phone and bedside hub)
/// plus five more sensors, with the numbers of ban-numbers.md: the 802.15.6 NB model
/// radio of Tachtatzis et al. 2010 Table III (TX 7.0/7.5/9.0/11.3 mA at
/// −18/−12/−6/0 dBm, RX 13.1 mA, listen 13.8 mA, sleep 0.9 µA, wake-up 8.9 mA for
/// 3.13 ms, 971.4 kbps), the nRF52840 for BLE, ISO/IEEE 11073 traffic classes (F1 ECG
/// 2.4 kbps), scheduled access with Tachtatzis' slot layout.
public enum BenchmarkDemoTwin {
    /// The twin; `horizon` and `replications` are its run settings.
    public static func config(horizon: Time = .hours(24), replications: Int = 5, seed: UInt64 = 1) -> TwinConfig {
        let devices: [DeviceConfig] = [
            nb("ecg", "ecg-patch", .chest, tags: ["vital", "continuous"], battery: coin560,
               payload: 64, interval: .milliseconds(213.3), budget: .milliseconds(250), priority: 6, period: 4),
            nb("temp", "temperature", .upperArmLeft, tags: ["vital", "episodic"], battery: cr2032,
               payload: 8, interval: .seconds(2), budget: .seconds(1), priority: 5, period: 30, tx: -15),
            nb("bp", "blood-pressure", .upperArmRight, tags: ["vital", "episodic"], battery: cr2032,
               payload: 8, interval: .seconds(2), budget: .seconds(1), priority: 5, period: 30),
            nb("spo2", "pulse-oximeter", .wristLeft, tags: ["vital", "continuous"], battery: cr2032,
               payload: 32, interval: .milliseconds(100), budget: .milliseconds(250), priority: 6, period: 3),
            nb("pump", "insulin-pump", .abdomen, tags: ["actuator", "life-critical"], battery: alkalineAA,
               payload: 8, interval: .seconds(2), budget: .milliseconds(100), priority: 7, period: 30, tx: -15,
               alarmEvery: .hours(6)),
            nb("emg", "emg", .thighRight, tags: ["motion"], battery: cr2032,
               payload: 96, interval: .milliseconds(200), budget: .milliseconds(500), priority: 4, period: 6),
            nb("eeg", "eeg", .earLeft, tags: ["vital", "continuous"], battery: coin560,
               payload: 128, interval: .milliseconds(250), budget: .milliseconds(300), priority: 6, period: 4),
            nb("glucose", "glucose-monitor", .hipLeft, tags: ["vital", "episodic"], battery: cr2032,
               payload: 16, interval: .seconds(60), budget: .seconds(5), priority: 5, period: 30),
            nb("motion", "accelerometer", .ankleRight, tags: ["motion"], battery: cr2032,
               payload: 48, interval: .milliseconds(500), budget: .seconds(1), priority: 3, period: 15),
            nb("implant", "cardiac-monitor", .inBody, tags: ["vital", "life-critical"], battery: implantCell,
               payload: 32, interval: .seconds(1), budget: .milliseconds(500), priority: 7, period: 30,
               inBody: true, frequency: .megahertz(403.5), bitRate: .kilobitsPerSecond(303.6)),
            watch(),
            arGlasses(),
        ]
        let network = NetworkConfig(
            devices: devices,
            gateways: [
                GatewayConfig(id: "phone", kind: .phone, placement: .hipRight, distance: .centimeters(30),
                              uplink: "ward-mec", failoverTime: .seconds(1), mtbf: nil, mttr: nil),
                GatewayConfig(id: "bedside-hub", kind: .bedsideHub, placement: .offBody, distance: .meters(1.5),
                              uplink: "ward-mec", failoverTime: .seconds(1), mtbf: nil, mttr: nil),
            ],
            edges: [EdgeConfig(id: "ward-mec", tier: .extremeMEC, processingLatency: .milliseconds(2)),
                    EdgeConfig(id: "hospital-edge", tier: .farEdge, processingLatency: .milliseconds(10))],
            links: [
                LinkConfig(from: "phone", to: "ward-mec", technology: .wlan, latency: .milliseconds(5),
                           jitter: .milliseconds(1), rate: .bitsPerSecond(100e6), availability: .percent(99.9)),
                LinkConfig(from: "bedside-hub", to: "ward-mec", technology: .ethernet, latency: .milliseconds(1),
                           jitter: .zero, rate: .bitsPerSecond(1e9), availability: .percent(99.99)),
                LinkConfig(from: "ward-mec", to: "hospital-edge", technology: .ethernet, latency: .milliseconds(3),
                           jitter: .zero, rate: .bitsPerSecond(10e9), availability: .percent(99.99)),
            ])
        let vital = devices.filter { $0.tags.contains("vital") || $0.tags.contains("life-critical") }.map(\.id)
        let goals = [
            GoalConfig(id: "ecg-delivery", kpi: .deliveryRatio, priority: .critical,
                       threshold: Threshold(op: .greaterOrEqual, bound: Quantity(0.999, .ratio)), devices: ["ecg"],
                       threats: [], faults: [], within: .milliseconds(250), securityLevel: nil),
            GoalConfig(id: "ecg-latency", kpi: .latency, priority: .critical,
                       threshold: Threshold(statistic: .percentile(99), op: .lessOrEqual, bound: Quantity(0.25, .time)),
                       devices: ["ecg"], threats: [], faults: [], within: nil, securityLevel: nil),
            GoalConfig(id: "pump-lifetime", kpi: .lifetime, priority: .high,
                       threshold: Threshold(op: .greaterOrEqual, bound: Quantity(30 * 86_400, .time)), devices: ["pump"],
                       threats: [], faults: [], within: nil, securityLevel: nil),
            GoalConfig(id: "detect-jamming", kpi: .securityDetect, priority: .critical,
                       threshold: Threshold(op: .greaterOrEqual, bound: Quantity(0.95, .ratio)), devices: [],
                       threats: [.jamming], faults: [], within: .seconds(2), securityLevel: nil),
            GoalConfig(id: "protect-vitals", kpi: .securityProtect, priority: .high, threshold: nil, devices: vital,
                       threats: [.eavesdropping, .spoofing, .replay], faults: [], within: nil, securityLevel: 2),
            GoalConfig(id: "survive-gateway-loss", kpi: .recoveryTime, priority: .critical,
                       threshold: Threshold(statistic: .percentile(99), op: .lessOrEqual, bound: Quantity(5, .time)),
                       devices: vital, threats: [], faults: [.gatewayFailure], within: nil, securityLevel: nil),
        ]
        let horizonSeconds = horizon.si
        let scenarios = [
            ScenarioConfig(id: "baseline", kind: .baseline, description: "No faults, no attacks",
                           goals: ["ecg-delivery", "ecg-latency", "pump-lifetime", "protect-vitals"], events: []),
            ScenarioConfig(id: "phone-fails", kind: .fault(.gatewayFailure), description: "The phone fails a quarter into the run",
                           goals: ["ecg-delivery", "survive-gateway-loss"],
                           events: [ScenarioEvent(at: .seconds(horizonSeconds / 4), kind: .fault(.gatewayFailure),
                                                  target: "phone", duration: nil, parameters: [:], atFraction: 0.25)]),
            ScenarioConfig(id: "jamming", kind: .attack(.jamming), description: "A jammer 2 m away for a tenth of the run",
                           goals: ["detect-jamming", "ecg-delivery"],
                           events: [ScenarioEvent(at: .seconds(horizonSeconds / 2), kind: .attack(.jamming), target: "phone",
                                                  duration: .seconds(horizonSeconds / 10),
                                                  parameters: ["power_dBm": 0, "distance_m": 2], atFraction: 0.5,
                                                  durationFraction: 0.1)]),
        ]
        return TwinConfig(
            name: "icu-demo", title: "ICU step-down monitoring, 12-device demo BAN (built in code)",
            usecase: "proactive-qa", generator: "twinc benchmark",
            run: RunSettings(horizon: horizon, replications: replications, seed: seed,
                             warmup: min(.seconds(10), horizon / 10), sampleInterval: .seconds(60)),
            network: network, models: [],
            applications: [ApplicationConfig(id: .networkView, goals: goals.map(\.id), kpis: goals.map(\.kpi))],
            goals: goals, scenarios: scenarios, knobs: [], objectives: [.safety, .reliability, .lifetime])
    }

    /// The twin as canonical twin.json text.
    public static func json(horizon: Time = .hours(24), replications: Int = 5, seed: UInt64 = 1) -> String {
        config(horizon: horizon, replications: replications, seed: seed).canonicalJSON()
    }

    // MARK: Devices

    static let coin560 = BatteryConfig(profile: "coin-560", capacity: .milliampHours(560), voltage: .volts(3),
                                       model: .linear, peukertExponent: 1, ratedCurrent: .milliamperes(28))
    static let cr2032 = BatteryConfig(profile: "cr2032", capacity: .milliampHours(225), voltage: .volts(3),
                                      model: .linear, peukertExponent: 1, ratedCurrent: .milliamperes(0.2))
    static let alkalineAA = BatteryConfig(profile: "alkaline-aa", capacity: .milliampHours(2500), voltage: .volts(1.5),
                                          model: .peukert, peukertExponent: 1.2, ratedCurrent: .milliamperes(125))
    static let implantCell = BatteryConfig(profile: "pacemaker-li-i2", capacity: .milliampHours(900), voltage: .volts(2.8),
                                           model: .linear, peukertExponent: 1, ratedCurrent: .microamperes(10))

    static func nbRadio(tx: Double, frequency: Frequency, bitRate: DataRate) -> RadioConfig {
        RadioConfig(
            profile: "ieee802156-nb-2400", technology: .banNB, modulation: "dqpsk", frequency: frequency,
            bitRate: bitRate, txPower: PowerLevel(dBm: tx),
            txLevels: [(-18.0, 7.0), (-12, 7.5), (-6, 9.0), (0, 11.3)].map {
                TxLevel(level: PowerLevel(dBm: $0.0), current: .milliamperes($0.1))
            },
            rxCurrent: .milliamperes(13.1), listenCurrent: .milliamperes(13.8), sleepCurrent: .microamperes(0.9),
            wakeupCurrent: .milliamperes(8.9), wakeupTime: .milliseconds(3.13), voltage: .volts(3),
            sensitivity: PowerLevel(dBm: -87), noiseFloor: PowerLevel(dBm: -104))
    }

    static func nb(_ id: String, _ deviceClass: String, _ placement: Placement, tags: [String], battery: BatteryConfig,
                   payload: Double, interval: Time, budget: Time, priority: Int, period: Int, tx: Double = -10,
                   alarmEvery: Time? = nil, inBody: Bool = false, frequency: Frequency = .gigahertz(2.4),
                   bitRate: DataRate = .kilobitsPerSecond(971.4)) -> DeviceConfig {
        DeviceConfig(
            id: id, deviceClass: deviceClass, placement: placement, inBody: inBody, tags: tags,
            radio: nbRadio(tx: tx, frequency: frequency, bitRate: bitRate), battery: battery,
            platform: .sleepingMCU(.microamperes(10)),
            traffic: TrafficConfig(trafficClass: nil, payload: .bytes(payload), interval: interval,
                                   alarmRate: alarmEvery.map { 1 / $0.si } ?? 0, alarmPayload: .bytes(payload),
                                   latencyBudget: budget),
            mac: MACConfig(access: .scheduled, userPriority: priority, slotLength: .milliseconds(1), slots: 30,
                           period: period, maxRetries: 2, connectionInterval: .zero),
            primaryGateway: "phone", backupGateway: "bedside-hub", securityLevel: 2)
    }

    static func watch() -> DeviceConfig {
        DeviceConfig(
            id: "watch", deviceClass: "smartwatch", placement: .wristRight, inBody: false, tags: ["consumer"],
            radio: RadioConfig(
                profile: "nrf52840-ble", technology: .ble, modulation: "gfsk", frequency: .gigahertz(2.44),
                bitRate: .bitsPerSecond(1e6), txPower: PowerLevel(dBm: 0),
                txLevels: [TxLevel(level: PowerLevel(dBm: -40), current: .milliamperes(3.83)),
                           TxLevel(level: PowerLevel(dBm: 0), current: .milliamperes(6.4)),
                           TxLevel(level: PowerLevel(dBm: 8), current: .milliamperes(16.4))],
                rxCurrent: .milliamperes(6.26), listenCurrent: .milliamperes(6.26), sleepCurrent: .microamperes(1.5),
                wakeupCurrent: .milliamperes(6.26), wakeupTime: .microseconds(140), voltage: .volts(3),
                sensitivity: PowerLevel(dBm: -95), noiseFloor: PowerLevel(dBm: -100)),
            battery: BatteryConfig(profile: "smartwatch-liion", capacity: .milliampHours(300), voltage: .volts(3.8),
                                   model: .peukert, peukertExponent: 1.05, ratedCurrent: .milliamperes(15)),
            platform: .sleepingMCU(.milliamperes(1)),
            traffic: TrafficConfig(trafficClass: nil, payload: .bytes(20), interval: .milliseconds(160), alarmRate: 0,
                                   alarmPayload: .bytes(20), latencyBudget: .seconds(1)),
            mac: MACConfig(access: .ble, userPriority: 3, slotLength: .zero, slots: 0, period: 0, maxRetries: 2,
                           connectionInterval: .milliseconds(50)),
            primaryGateway: "phone", backupGateway: nil, securityLevel: 1)
    }

    static func arGlasses() -> DeviceConfig {
        DeviceConfig(
            id: "ar", deviceClass: "ar-glasses", placement: .head, inBody: false, tags: ["display", "high-throughput"],
            radio: RadioConfig(
                profile: "wlan-ax-wearable", technology: .wlan, modulation: "ofdm", frequency: .gigahertz(5.2),
                bitRate: .bitsPerSecond(286.8e6), txPower: PowerLevel(dBm: 14),
                txLevels: [TxLevel(level: PowerLevel(dBm: 14), current: .milliamperes(280))],
                rxCurrent: .milliamperes(180), listenCurrent: .milliamperes(120), sleepCurrent: .milliamperes(1),
                wakeupCurrent: .milliamperes(120), wakeupTime: .milliseconds(1), voltage: .volts(3.85),
                sensitivity: PowerLevel(dBm: -82), noiseFloor: PowerLevel(dBm: -94)),
            battery: BatteryConfig(profile: "ar-liion", capacity: .milliampHours(800), voltage: .volts(3.85),
                                   model: .peukert, peukertExponent: 1.05, ratedCurrent: .milliamperes(40)),
            platform: .sleepingMCU(.milliamperes(150)),
            traffic: TrafficConfig(trafficClass: nil, payload: .bytes(1400), interval: .seconds(1400.0 * 8 / 8e6),
                                   alarmRate: 0, alarmPayload: .bytes(1400), latencyBudget: .milliseconds(100)),
            mac: MACConfig(access: .wideband, userPriority: 4, slotLength: .zero, slots: 0, period: 0, maxRetries: 2,
                           connectionInterval: .zero),
            primaryGateway: "bedside-hub", backupGateway: nil, securityLevel: 2)
    }
}
