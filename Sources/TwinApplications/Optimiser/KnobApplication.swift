import TwinConfig
import TwinUnits
import TwinVocabulary

/// Why a knob setting could not be applied. A value, never a trap: the optimiser
/// reports it (an unknown knob in a hand-edited twin.json must not crash `twinc run`).
public enum KnobError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The setting names a knob id the configuration does not have.
    case unknownKnob(String)
    /// The knob targets a device the network does not have.
    case unknownDevice(knob: String, device: String)
    /// The value is outside what the parameter allows (not an integer count, a level
    /// outside 0…2, a non-positive interval, NaN).
    case invalidValue(knob: String, value: Double, reason: String)
    /// The settings together leave a relay the two-hop rule refuses
    /// (`NetworkConfig.relayRefusals`): a chain, or a relay moved off its source's
    /// gateways. Each value may be fine alone; the combination is what is refused.
    case refusedRelay(settings: [String], refusal: RelayRefusal)

    public var description: String {
        switch self {
        case .unknownKnob(let id): "no knob `\(id)` in the configuration"
        case let .unknownDevice(knob, device): "knob `\(knob)` targets device `\(device)`, which the network does not have"
        case let .invalidValue(knob, value, reason): "knob `\(knob)` cannot take \(value): \(reason)"
        case let .refusedRelay(settings, refusal):
            "the settings of \(settings.map { "`\($0)`" }.joined(separator: ", ")) leave a relay that cannot relay: "
                + refusal.sentence
        }
    }
}

/// Sets knobs on a configuration: a pure function from (config, knob id → value) to
/// the config the runtime would simulate. Each knob changes exactly its parameter on
/// each of its target devices, and its own `current` in `config.knobs` (so the result
/// written as twin.json says what it runs). Settings are applied in knob order of the
/// configuration, not in dictionary order, so the result does not depend on hashing.
/// The result's relays must all keep the two-hop rule (`NetworkConfig.relayRefusals`,
/// the rule the config reader and the runtime apply): settings that build a relay chain
/// or move a relay off its source's gateways are refused, so the optimiser, a sweep and
/// the live twin never hand the runtime a twin it would not run as written.
public func applyKnobs(_ config: TwinConfig, _ settings: [String: Double]) throws(KnobError) -> TwinConfig {
    let known = Set(config.knobs.map(\.id))
    if let unknown = settings.keys.sorted().first(where: { !known.contains($0) }) { throw .unknownKnob(unknown) }
    var result = config
    for index in config.knobs.indices {
        let knob = config.knobs[index]
        guard let value = settings[knob.id] else { continue }
        try apply(knob, value: value, to: &result.network)
        result.knobs[index].current = value
    }
    if !settings.isEmpty, let refusal = result.network.relayRefusals.first {
        throw .refusedRelay(settings: config.knobs.map(\.id).filter { settings[$0] != nil }, refusal: refusal)
    }
    return result
}

/// Sets one knob's parameter on each of its target devices.
func apply(_ knob: KnobConfig, value: Double, to network: inout NetworkConfig) throws(KnobError) {
    let parameter = knob.parameter
    guard value.isFinite else { throw .invalidValue(knob: knob.id, value: value, reason: "not a finite number") }
    for target in knob.targets {
        guard let device = network.devices.firstIndex(where: { $0.id == target }) else {
            throw .unknownDevice(knob: knob.id, device: target)
        }
        switch parameter {
        case .txPower:
            network.devices[device].radio.txPower = PowerLevel(dBm: value)
        case .maxRetries:
            network.devices[device].mac.maxRetries = try integer(value, knob, in: 0...255, "a retry count is a whole number 0…255")
        case .securityLevel:
            network.devices[device].securityLevel = try integer(value, knob, in: 0...2, "802.15.6 security levels are 0, 1, 2")
        case .allocationPeriod:
            let period = try integer(value, knob, in: 1...65_536, "an allocation period is a whole number 1…65536 of superframes")
            // A period means something to scheduled access only: after a `mac-mode`
            // switch to CSMA/CA (applied first, in knob order) it stays zero.
            if network.devices[device].mac.access == .scheduled { network.devices[device].mac.period = period }
        case .connectionInterval:
            guard value > 0 else { throw .invalidValue(knob: knob.id, value: value, reason: "a connection interval is positive") }
            network.devices[device].mac.connectionInterval = .seconds(value)
        case .gateway:
            let (primary, backup) = try gateways(knob, value, in: network)
            network.devices[device].primaryGateway = primary
            network.devices[device].backupGateway = backup
        case .aggregation:
            network.devices[device].traffic.aggregation = try integer(value, knob, in: 1...1024,
                                                                      "samples per packet are a whole number 1…1024")
        case .macMode:
            let access: AccessMode
            switch MACModeSwitch.access(value, labels: knob.labels) {
            case .success(let mode): access = mode
            case .failure(let error): throw .invalidValue(knob: knob.id, value: value, reason: error.reason)
            }
            guard let mac = MACModeSwitch.switched(network.devices[device], to: access) else {
                throw .invalidValue(knob: knob.id, value: value,
                                    reason: "`\(target)` is not an IEEE 802.15.6 narrowband device with scheduled access or CSMA/CA")
            }
            network.devices[device].mac = mac
        case .relay:
            network.devices[device].relay = try relay(knob, value, for: network.devices[device], in: network)
        }
    }
}

/// The relay that relay-knob value `value` selects: none for `labels[0]` (`none`), else
/// the device `labels[value]`, which must be able to relay `device` (`relayRefusal`).
/// Whether the network as a whole keeps the rule (no chain through this device or its
/// relay) is `applyKnobs`'s check, once every knob is applied.
private func relay(_ knob: KnobConfig, _ value: Double, for device: DeviceConfig,
                   in network: NetworkConfig) throws(KnobError) -> String? {
    guard knob.labels.count >= 2 else {
        throw .invalidValue(knob: knob.id, value: value, reason: "a relay knob needs `none` and at least one device")
    }
    let index = try integer(value, knob, in: 0...(knob.labels.count - 1),
                            "a relay index is a whole number 0…\(knob.labels.count - 1) into \(knob.labels)")
    guard index > 0 else { return nil }
    guard let relay = network.devices.first(where: { $0.id == knob.labels[index] }) else {
        throw .invalidValue(knob: knob.id, value: value, reason: "`\(knob.labels[index])` is not a device of the network")
    }
    if let refusal = device.relayRefusal(by: relay) {
        throw .invalidValue(knob: knob.id, value: value, reason: refusal)
    }
    return relay.id
}

/// The primary and backup gateway that gateway-knob value `value` selects: `labels[value]`
/// and the first other label. Refuses an index outside the labels, a knob with fewer
/// than two labels, and labels that are not gateways of the network.
private func gateways(_ knob: KnobConfig, _ value: Double, in network: NetworkConfig) throws(KnobError) -> (String, String) {
    guard knob.labels.count >= 2 else {
        throw .invalidValue(knob: knob.id, value: value, reason: "a gateway knob needs at least two gateway labels")
    }
    let index = try integer(value, knob, in: 0...(knob.labels.count - 1),
                            "a gateway index is a whole number 0…\(knob.labels.count - 1) into \(knob.labels)")
    if let unknown = knob.labels.first(where: { label in !network.gateways.contains { $0.id == label } }) {
        throw .invalidValue(knob: knob.id, value: value, reason: "`\(unknown)` is not a gateway of the network")
    }
    let primary = knob.labels[index]
    guard let backup = knob.labels.first(where: { $0 != primary }) else {
        throw .invalidValue(knob: knob.id, value: value, reason: "the gateway labels name one gateway only")
    }
    return (primary, backup)
}

/// `reason` is worded only when the value is refused: the optimiser applies knobs for
/// every candidate it checks, and wording the labels each time showed in its profile.
private func integer(_ value: Double, _ knob: KnobConfig, in range: ClosedRange<Int>,
                     _ reason: @autoclosure () -> String) throws(KnobError) -> Int {
    guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
        throw .invalidValue(knob: knob.id, value: value, reason: reason())
    }
    return Int(value)
}
