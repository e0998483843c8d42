/// The closed sets only twin.json carries (the YAML documents name faults, threats and
/// knobs through the intent and the catalogue; the compiler writes these).

/// How a device reaches its gateway (twin.json `mac.access`).
public enum AccessMode: String, Sendable, Hashable, CaseIterable {
    /// IEEE 802.15.6 CSMA/CA by user priority.
    case csmaCA = "csma-ca"
    /// IEEE 802.15.6 scheduled (m-periodic) access.
    case scheduled
    /// BLE connection events.
    case ble
    /// A contention-free share of the gateway's link, at flow level (WLAN, mmWave).
    case wideband

    /// Names hand-written twin.json files used before this vocabulary existed.
    public init?(twinJSON name: String) {
        switch name {
        case "csma", "contention": self = .csmaCA
        default: self.init(rawValue: name)
        }
    }

    /// The two IEEE 802.15.6 narrowband modes the `mac-mode` knob switches between.
    public static let narrowbandModes: [AccessMode] = [.scheduled, .csmaCA]
}

/// What a scenario event does (twin.json `scenarios[].events[].kind`): a fault the
/// resilience application injects or an attack the security application mounts.
public enum ScenarioEventKind: Sendable, Hashable {
    case fault(Fault)
    case attack(Threat)

    /// The kind twin.json writes: the fault's or threat's name, except a denial of
    /// service, which runs as `dos`.
    public var name: String {
        switch self {
        case .fault(let fault): fault.rawValue
        case .attack(.denialOfService): "dos"
        case .attack(let threat): threat.rawValue
        }
    }

    /// The kind of a twin.json name, accepting the older spellings `node-failure`,
    /// `posture` and `denial-of-service`; nil for a name twinc does not know.
    public init?(twinJSON name: String) {
        switch name {
        case "node-failure": self = .fault(.deviceFailure)
        case "posture": self = .fault(.postureChange)
        case "dos", "denial-of-service": self = .attack(.denialOfService)
        default:
            if let fault = Fault(rawValue: name) {
                self = .fault(fault)
            } else if let threat = Threat(rawValue: name) {
                self = .attack(threat)
            } else {
                return nil
            }
        }
    }

    public var isAttack: Bool {
        if case .attack = self { return true }
        return false
    }

    /// Every kind, faults first, in declaration order.
    public static var allCases: [ScenarioEventKind] {
        Fault.allCases.map { .fault($0) } + Threat.allCases.map { .attack($0) }
    }
}

/// A setting the optimiser may change (twin.json `knobs[].parameter`).
public enum KnobParameter: String, Sendable, Hashable, CaseIterable {
    /// The radio's TX power (dBm), one of its listed levels.
    case txPower = "tx-power"
    /// The MAC's retry limit (a count ≥ 0).
    case maxRetries = "max-retries"
    /// The IEEE 802.15.6 security level (0, 1, 2).
    case securityLevel = "security-level"
    /// The scheduled-access allocation period m (superframes per allocation, ≥ 1).
    case allocationPeriod = "allocation-period"
    /// The BLE connection interval (s, > 0).
    case connectionInterval = "connection-interval"
    /// The primary gateway: an index into the knob's `labels` (the device's candidate
    /// gateways); the others stay as backup in label order.
    case gateway = "gateway"
    /// Samples per packet (a whole number ≥ 1): a packet every k samples carrying k
    /// samples' payload (`TrafficConfig.aggregation`).
    case aggregation = "aggregation"
    /// The IEEE 802.15.6 access of a narrowband device: an index into the knob's
    /// `labels` (`scheduled`, `csma-ca`); switching sizes the other mode as the compiler
    /// would (`MACModeSwitch`).
    case macMode = "mac-mode"
    /// The device's on-body relay (IEEE 802.15.6 two-hop, incremental decode-and-forward):
    /// an index into the knob's `labels`, `none` (direct only) then the devices that can
    /// relay it (issue 11 §4).
    case relay = "relay"

    /// The unit twin.json writes the knob's values in (`knobs[].unit`): the compiler
    /// writes it and the reader holds a hand-edited twin.json to it.
    public var unit: String {
        switch self {
        case .txPower: "dBm"
        case .maxRetries: "count"
        case .securityLevel: "level"
        case .allocationPeriod: "superframes"
        case .connectionInterval: "s"
        case .aggregation: "samples"
        case .gateway, .macMode, .relay: "index"
        }
    }
}

/// What a scenario evaluates (twin.json `scenarios[].kind`): normal operation, the one
/// fault or attack the compiler derived it for (named after the fault or threat, a
/// denial of service as `denial-of-service`), or a script of events of any kinds (the
/// emulator's truth, a benchmark, a test). Only the baseline is special to the stages:
/// it is the reference the applications compare the other scenarios with.
public enum ScenarioKind: Sendable, Hashable {
    case baseline
    case fault(Fault)
    case attack(Threat)
    case script

    /// The kind twin.json writes.
    public var name: String {
        switch self {
        case .baseline: "baseline"
        case .fault(let fault): fault.rawValue
        case .attack(let threat): threat.rawValue
        case .script: "script"
        }
    }

    /// The kind of a twin.json name (a fault's or threat's under any spelling
    /// `ScenarioEventKind` reads); nil for a name twinc does not know.
    public init?(twinJSON name: String) {
        switch name {
        case "baseline": self = .baseline
        case "script": self = .script
        default:
            switch ScenarioEventKind(twinJSON: name) {
            case .fault(let fault)?: self = .fault(fault)
            case .attack(let threat)?: self = .attack(threat)
            case nil: return nil
            }
        }
    }

    public var isBaseline: Bool { self == .baseline }

    /// Every kind, in the order the JSON Schema lists them.
    public static var allCases: [ScenarioKind] {
        [.baseline] + Fault.allCases.map { .fault($0) } + Threat.allCases.map { .attack($0) } + [.script]
    }
}

/// The converter between a device's battery and its rail (twin.json
/// `platform.regulator.kind`; `TwinModels.VoltageRegulator` models each).
public enum RegulatorKind: String, Sendable, Hashable, CaseIterable {
    /// No converter: the loads run from the cell.
    case direct
    /// A low-dropout linear regulator.
    case linear
    /// A switching step-down converter.
    case buck
    /// A switching step-up converter.
    case boost
}

/// What a non-radio load on a device's rail is (twin.json
/// `platform.components[].role`; `TwinModels.PlatformComponent`).
public enum PlatformRole: String, Sendable, Hashable, CaseIterable {
    case processor
    case sensorFrontEnd = "sensor-front-end"
    case actuator, display, other
}

/// How a device's battery drains (twin.json `battery.model`; `TwinRuntime` `BatteryState`
/// applies it).
public enum BatteryDrainModel: String, Sendable, Hashable, CaseIterable {
    /// The charge drawn is the current times the time.
    case linear
    /// Peukert's law: a current above the rated one drains the cell faster.
    case peukert
}
