import TwinUnits
import TwinVocabulary

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
                description: "Relay `\(relay)` fails for good a quarter into the run; \(names) fall back to the direct link.",
                goals: judged, events: [event]))
        }
    }
}
