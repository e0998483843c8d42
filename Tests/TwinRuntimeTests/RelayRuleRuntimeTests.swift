import Foundation
import Testing
import TwinConfig
import TwinEngine
import TwinModels
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

private typealias F = SimulationFixture

/// The runtime's side of the two-hop rule and of the relay's place on the air: a relay
/// the rule refuses is an error, never silently dropped (a chain, a relay on other
/// gateways), in `simulate` and in `preflight`.
@Suite struct RelayRuleRuntimeTests {
    /// `RelayRuntimeTests.ankleTwin` relayed through the wrist, with an upper-arm device
    /// beside them.
    static func threeDevices(horizon: Time = .seconds(30)) -> TwinConfig {
        var config = RelayRuntimeTests.ankleTwin(txPower: -25, relayed: true, horizon: horizon)
        var arm = config.network.devices[1]
        arm.id = "arm"
        arm.placement = .upperArmLeft
        config.network.devices.append(arm)
        return config
    }

    @Test func aRelayChainIsRefusedNotDropped() throws {
        var config = Self.threeDevices()
        config.network.devices[1].relay = "arm"
        let scenario = RelayRuntimeTests.walking(config.run.horizon)
        #expect(throws: SimulationError.invalidRelay(
            device: "ankle", relay: "wrist",
            message: "`wrist` is itself relayed by `arm`; IEEE 802.15.6 relays over two hops at most")) {
            try simulate(config: config, scenario: scenario, replication: 0)
        }
        config.scenarios = [scenario]
        #expect(throws: SimulationError.self) { try preflight(config: config) }
        #expect(RuntimeDiagnostics.code(for: .invalidRelay(device: "ankle", relay: "wrist", message: "")).id == "TR007")
    }

    @Test func aRelayOnOtherGatewaysIsRefusedNotDropped() throws {
        var config = Self.threeDevices()
        config.network.gateways.append(F.gateway("hub-2", placement: .hipRight))
        config.network.devices[1].primaryGateway = "hub-2"
        let scenario = RelayRuntimeTests.walking(config.run.horizon)
        do {
            _ = try simulate(config: config, scenario: scenario, replication: 0)
            Issue.record("a relay on another gateway was simulated")
        } catch {
            guard case .invalidRelay(let device, let relay, let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(device == "ankle" && relay == "wrist")
            #expect(message.contains("does not use gateway `hub`"), "\(message)")
        }
        // The valid twin still runs.
        var valid = Self.threeDevices()
        valid.scenarios = [scenario]
        #expect(throws: Never.self) { try preflight(config: valid) }
    }

    /// A `link-degradation` of the source weakens the hop its relay overhears too: with
    /// 60 dB more loss neither the gateway (63 dB) nor the wrist (52 dB) hears the ankle
    /// at −25 dBm, so nothing is relayed (before, the relay heard every frame as if the
    /// source were undegraded and carried what the gateway lost). Once the degradation
    /// ends the relay helps again.
    @Test func aDegradedSourceIsDegradedTowardsItsRelayToo() throws {
        let horizon = Time.seconds(120)
        let config = RelayRuntimeTests.ankleTwin(txPower: -25, relayed: true, horizon: horizon)
        let fade = [F.event(.fault(.linkDegradation), "ankle", at: .zero, ["extra_loss_dB": 60])]
        let degraded = try #require(try simulate(config: config, scenario: RelayRuntimeTests.walking(horizon, extra: fade),
                                                 replication: 0).device("ankle"))
        #expect(degraded.relayedDeliveries == 0, "relayed \(degraded.relayedDeliveries) of a source 60 dB down")
        #expect(degraded.deliveredToEdge == 0)
        let passing = [F.event(.fault(.linkDegradation), "ankle", at: .zero, duration: .seconds(60), ["extra_loss_dB": 60])]
        let recovered = try #require(try simulate(config: config,
                                                  scenario: RelayRuntimeTests.walking(horizon, extra: passing),
                                                  replication: 0).device("ankle"))
        #expect(recovered.relayedDeliveries > 0)
    }

    /// The forward bound is the relay's, not each source's: two sources relayed by the
    /// wrist, each frame heard for sure (0 dBm, 52 dB), the gateway told it missed them.
    /// Four forwards fill the wrist's buffer whichever source they came from, and they go
    /// out one after the other (before, each source had four of its own and the two
    /// sources' forwards were sent at the same time).
    @Test func aRelayServingTwoSourcesHoldsFourForwardsInAll() throws {
        var config = RelayRuntimeTests.ankleTwin(txPower: 0, relayed: true)
        var second = config.network.devices[0]
        second.id = "ankle-2"
        second.placement = .ankleRight
        config.network.devices.append(second)
        var simulation = try BANSimulation(config: config, scenario: RelayRuntimeTests.walking(config.run.horizon),
                                           streams: RandomStreams(seed: 1).replication(0), options: SimulationOptions(),
                                           horizon: SimTime(config.run.horizon))
        let end = SimTime.seconds(1)
        let packet = Packet(generated: .zero, headOfQueue: .zero, payload: 20, counted: false, isAlarm: false,
                            continuesBurst: false)
        var sent: [SimTime?] = []
        for source in [0, 2, 0, 2, 0] {
            sent.append(simulation.relayCarries(packet, device: source, slot: 0, directDecoded: false, interference: 0,
                                                at: end))
        }
        let forwards = sent.prefix(4).compactMap { $0 }
        #expect(forwards.count == 4, "\(sent)")
        #expect(sent[4] == nil, "the fifth forward finds the relay's buffer full: \(sent)")
        let airtime = simulation.parameters[0].frame.airtime(payload: 20)
        for (earlier, later) in zip(forwards, forwards.dropFirst()) {
            #expect(later - earlier >= airtime, "forwards overlap: \(forwards)")
        }
    }
}
