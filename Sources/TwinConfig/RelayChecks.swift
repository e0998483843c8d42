import TwinDiagnostics
import TwinJSON
import TwinUnits
import TwinVocabulary

/// Who may relay whom (issue 11 §4): the IEEE 802.15.6 two-hop extension as twinc runs
/// it (`TwinModels.RelayScheme.incrementalDecodeForward`).
///
/// The standard's two-hop extension is part of the 802.15.6 MAC, so both ends must use
/// an 802.15.6 narrowband radio with a MAC that receives (CSMA/CA or scheduled access;
/// a BLE or wideband device has no 802.15.6 receiver to hear the source with), on the
/// source's channel (the relay hears the source's frames where they are sent: NB
/// channels at 2.4 GHz are 1 MHz apart, so carriers less than 0.5 MHz apart are one
/// channel). The relay sits on the body surface: an implant's link is CM2 through
/// tissue, and its battery is the last one to spend on someone else's frames; an
/// off-body device is not part of the wearer's network. Two hops at most: a relay is
/// not itself relayed. The relay forwards to the gateway the source is using, so it
/// uses the source's primary and backup gateways too.
///
/// Shortcut (docs/validation.md): capability follows from the device's radio, MAC and
/// placement in twin.json, not from a flag of its device class in the catalogue.
extension DeviceConfig {
    /// Why `relay` cannot relay this device's frames; nil when it can.
    public func relayRefusal(by relay: DeviceConfig) -> String? {
        if relay.id == id { return "a device cannot relay itself" }
        if let refusal = Self.twoHopRefusal(self) { return "`\(id)` cannot be relayed: \(refusal)" }
        if let refusal = Self.twoHopRefusal(relay) { return "`\(relay.id)` cannot relay: \(refusal)" }
        if abs(relay.radio.frequency.si - radio.frequency.si) >= 0.5e6 {
            return "`\(relay.id)` is on another channel (\(relay.radio.frequency.si / 1e6) MHz, "
                + "`\(id)` on \(radio.frequency.si / 1e6) MHz) and cannot hear it"
        }
        let sourceGateways = [primaryGateway] + (backupGateway.map { [$0] } ?? [])
        let relayGateways = [relay.primaryGateway] + (relay.backupGateway.map { [$0] } ?? [])
        if let missing = sourceGateways.first(where: { !relayGateways.contains($0) }) {
            return "`\(relay.id)` does not use gateway `\(missing)`, which `\(id)` uses, so it cannot forward there"
        }
        return nil
    }

    /// Why a device cannot take part in a two-hop exchange at all; nil when it can.
    static func twoHopRefusal(_ device: DeviceConfig) -> String? {
        if device.radio.technology != .banNB {
            return "its radio is \(device.radio.technology.rawValue), not IEEE 802.15.6 narrowband"
        }
        switch device.mac.access {
        case .csmaCA, .scheduled: break
        case .ble, .wideband: return "its access method \(device.mac.access.rawValue) has no 802.15.6 receiver"
        }
        if device.inBody || device.placement == .inBody { return "it is an implant" }
        if device.placement == .offBody { return "it is not on the body" }
        return nil
    }
}

extension TwinConfig {
    /// Every device's `relay` checked (`NetworkConfig.relayRefusals`): a device of the
    /// network (TK006), able to relay the source and not relayed itself (TK012).
    /// Positions point at the `relay` member.
    func relayDiagnostics(json: LocatedJSON, context: ConfigReadContext) -> [Diagnostic] {
        let devicesJSON = json["network"]?["devices"]
        func at(_ index: Int) -> SourceRange {
            guard case .array(let items, let p) = devicesJSON else { return context.range(JSONPosition(line: 1, column: 1)) }
            guard index < items.count else { return context.range(p) }
            return context.range((items[index]["relay"] ?? items[index]).position)
        }
        return network.relayRefusals.map { refusal in
            switch refusal.kind {
            case .unknownRelay:
                .error(ConfigDiagnostics.unknownReference,
                       "device `\(refusal.device)` is relayed by `\(refusal.relay)`, which twin.json does not define",
                       at: at(refusal.index))
            case .refused:
                .error(ConfigDiagnostics.badRelay, refusal.sentence, at: at(refusal.index))
            }
        }
    }
}

/// The fault a relay brings with it (issue 11 §4): a relay that fails takes its
/// sources back to their direct links, so a twin whose design uses a relay evaluates
/// that too. One scenario per relay, `relay-failure-<relay>`: a `device-failure` of the
/// relay for good, a quarter into whatever horizon is run (as the compiler's derived
/// faults, `at_fraction` 0.25), judging the goals that name its sources (security
/// goals are judged where their threat is active, never here).
///
/// Shared by the compiler (a use case whose devices name a relay) and the optimiser's
/// recommended twin (a recommendation that turns a `relay` knob), so both write the same.
extension TwinConfig {
    /// Where the relay fails, as a share of the horizon (the compiler's derived faults').
    public static let relayFailureFraction = 0.25

    /// Appends the relay-failure scenario of every relay the network uses that has none
    /// yet, in device order of the first source naming each relay.
    public mutating func addRelayFailureScenarios() {
        var relays: [String] = []
        for device in network.devices {
            if let relay = device.relay, !relays.contains(relay) { relays.append(relay) }
        }
        for relay in relays {
            let id = "relay-failure-\(relay)"
            guard !scenarios.contains(where: { $0.id == id }) else { continue }
            let sources = network.devices.filter { $0.relay == relay }.map(\.id)
            let judged = goals.filter { goal in
                goal.kpi != .securityDetect && goal.kpi != .securityProtect
                    && goal.devices.contains { sources.contains($0) }
            }.map(\.id)
            let event = ScenarioEvent(at: run.horizon * Self.relayFailureFraction, kind: .fault(.deviceFailure),
                                      target: relay, duration: nil, parameters: [:],
                                      atFraction: Self.relayFailureFraction)
            let names = sources.map { "`\($0)`" }.joined(separator: ", ")
            scenarios.append(ScenarioConfig(
                id: id, kind: .fault(.deviceFailure),
                description: "Relay `\(relay)` fails for good a quarter into the run; \(names) "
                    + (sources.count == 1 ? "falls" : "fall") + " back to the direct link.",
                goals: judged, events: [event]))
        }
    }
}
