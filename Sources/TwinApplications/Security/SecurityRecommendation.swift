import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The cheapest IEEE 802.15.6 security level that meets the intent, and what it costs.
///
/// The level each device needs is the lowest that mitigates every threat its
/// `security-protect` goals name (`Threat.isMitigated`: spoofing and replay need
/// level 1, the MIC and frame counter; eavesdropping needs level 2, AES-128 CCM) and is
/// at least the goal's own `securityLevel`; without such goals, the threats the
/// scenarios stage against the device. The levels are ordered by cost (each adds the
/// same or more octets per frame), so the lowest sufficient one is the cheapest.
///
/// Cost against an unsecured frame, from the simulation's frame format
/// (`DeviceAirInterface`; 802.15.6: LSSN 2 B + MIC 4 B, `SecurityLevel.overheadBytes`;
/// BLE: the 4-octet MIC; Tachtatzis 2010 eq. 7 air time): the extra air time of one
/// periodic packet (latency cost) and, at the radio's TX current and supply voltage, the
/// extra energy per day at the device's traffic rate. The overhead is paid per *frame*,
/// so the rates are those of `AnalyticEnergyModel.Traffic`: one packet of k samples
/// every k sampling intervals (`TrafficConfig.aggregation`), split into frames, plus
/// the alarms — aggregating samples divides the cost. Threats no level counters (jamming,
/// DoS, node capture) get the countermeasures of ban-numbers.md §6 instead.
public struct SecurityRecommendation: Sendable, Hashable {
    public struct DeviceCost: Sendable, Hashable {
        public var device: String
        public var currentLevel: Int
        public var requiredLevel: Int
        /// Extra air time of one periodic packet (all its frames) at the required level
        /// (of one alarm when the device sends no periodic samples).
        public var extraAirtime: Time
        public var energyPerDay: Energy
    }

    public struct Countermeasure: Sendable, Hashable {
        public var threat: String
        public var measure: String
        /// Whether some 802.15.6 security level also counters the threat (never for
        /// the threats that get a countermeasure: jamming, DoS, node capture).
        public var levelMitigates: Bool = false
    }

    public var securityLevel: Int
    public var energyCostPerDay: Energy
    public var latencyCost: Time
    public var reason: String
    public var devices: [DeviceCost]
    public var countermeasures: [Countermeasure]

    /// Countermeasures of ban-numbers.md §6 for threats no security level counters.
    static func countermeasure(for threat: Threat) -> String? {
        switch threat {
        case .jamming: "channel hopping, TX power control, relay through another device"
        case .denialOfService: "rate limits on association, EAP protection"
        case .nodeCapture: "key revocation / re-keying, tamper-resistant storage"
        case .eavesdropping, .spoofing, .replay: nil
        }
    }

    /// The lowest level that mitigates every threat in `threats` and is at least `minimum`.
    static func lowestLevel(mitigating threats: [Threat], atLeast minimum: Int = 0) -> Int {
        let needed = SecurityLevel.allCases.first { level in
            level.rawValue >= minimum && threats.allSatisfy { $0.isMitigated(by: level) || !Self.levelCanMitigate($0) }
        }
        return needed?.rawValue ?? SecurityLevel.authenticatedEncrypted.rawValue
    }

    static func levelCanMitigate(_ threat: Threat) -> Bool {
        SecurityLevel.allCases.contains { threat.isMitigated(by: $0) }
    }

    /// nil when no goal or scenario asks for protection a level can give.
    static func recommend(config: TwinConfig, staged: [(threat: Threat, devices: [String])]) -> SecurityRecommendation? {
        var required: [String: Int] = [:]
        var reasons: [String] = []
        let protect = config.goals.filter { $0.kpi == .securityProtect }
        for goal in protect {
            let threats = goal.threats
            let level = lowestLevel(mitigating: threats, atLeast: goal.securityLevel ?? 0)
            for device in ScenarioLookup.devices(of: goal, in: config) { required[device.id] = Swift.max(required[device.id] ?? 0, level) }
            let named = threats.filter(levelCanMitigate).map(\.rawValue)
            reasons.append("`\(goal.id)` needs level \(level)" + (named.isEmpty ? "" : " against " + named.joined(separator: ", "))
                           + ((goal.securityLevel ?? 0) > 0 ? " (asks for ≥ \(goal.securityLevel ?? 0))" : ""))
        }
        if protect.isEmpty {
            for (threat, devices) in staged where levelCanMitigate(threat) {
                let level = lowestLevel(mitigating: [threat])
                for device in devices { required[device] = Swift.max(required[device] ?? 0, level) }
                reasons.append("the \(threat.rawValue) scenario needs level \(level)")
            }
        }
        var seen: [Threat] = []
        for threat in staged.map(\.threat) + protect.flatMap(\.threats)
        where !seen.contains(threat) { seen.append(threat) }
        let countermeasures = seen.compactMap { threat in
            countermeasure(for: threat).map { Countermeasure(threat: threat.rawValue, measure: $0) }
        }
        guard !required.isEmpty || !countermeasures.isEmpty else { return nil }
        var costs: [DeviceCost] = []
        for device in config.network.devices {
            guard let level = required[device.id], let cost = cost(of: level, for: device) else { continue }
            costs.append(cost)
        }
        let level = required.values.max() ?? 0
        return SecurityRecommendation(
            securityLevel: level,
            energyCostPerDay: costs.reduce(Energy.zero) { $0 + $1.energyPerDay },
            latencyCost: costs.map(\.extraAirtime).max() ?? .zero,
            reason: reasons.isEmpty ? "no threat a security level counters" : "lowest sufficient level: " + reasons.joined(separator: "; "),
            devices: costs, countermeasures: countermeasures)
    }

    /// What `level` costs `device` against unsecured frames.
    static func cost(of level: Int, for device: DeviceConfig) -> DeviceCost? {
        var secured = device, plain = device
        secured.securityLevel = level
        plain.securityLevel = 0
        guard let withSecurity = DeviceAirInterface(device: secured), let without = DeviceAirInterface(device: plain) else {
            return nil
        }
        // The traffic as the runtime sends it: one packet every `aggregation` samples,
        // fragmented into frames, each frame carrying the level's octets.
        let on = AnalyticEnergyModel.Traffic(device: secured, air: withSecurity)
        let off = AnalyticEnergyModel.Traffic(device: plain, air: without)
        let extraPerSecond = Swift.max(0, on.airtimePerSecond - off.airtimePerSecond)
        let extraPerPacket = on.sampleRate > 0 ? Swift.max(0, on.sampleAirtime - off.sampleAirtime)
            : Swift.max(0, on.alarmAirtime - off.alarmAirtime)
        let current = DeviceAirInterface.transmitCurrent(of: device.radio, at: device.radio.txPower).si
        let voltage = device.radio.voltage.si > 0 ? device.radio.voltage.si : device.battery.voltage.si
        return DeviceCost(device: device.id, currentLevel: device.securityLevel, requiredLevel: level,
                          extraAirtime: .seconds(extraPerPacket),
                          energyPerDay: .joules(extraPerSecond * Time.days(1).si * current * voltage))
    }
}
