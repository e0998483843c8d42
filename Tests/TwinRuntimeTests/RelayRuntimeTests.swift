import Foundation
import Testing
import TwinConfig
import TwinModels
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

private typealias F = SimulationFixture

/// Two-hop relaying through the simulator (issue 11 §4, `RelayPath`): a relayed device
/// on a body-shadowed link loses fewer packets, the outage gain at 10 % outage is the
/// published one, a relay that is down leaves the direct link exactly as it was, and
/// the run stays deterministic.
@Suite struct RelayRuntimeTests {
    /// Kim & Takada's geometry as `TwoHopRelayTests` has it: a left-ankle sensor sending
    /// to a chest hub (Castalia's 63 dB, around the body) with the left wrist as relay
    /// (ankle → wrist 52 dB, wrist → chest 61 dB), the wearer walking the whole run. No
    /// retries, so a packet is one frame and its loss is one outage. The relay's own
    /// traffic is one packet an hour, so it hardly ever contends with the source. The
    /// noise floor is −120 dBm so a frame above the −100 dBm sensitivity is decoded: the
    /// statistic is about the level, as an outage is.
    static func ankleTwin(txPower: Double, relayed: Bool, horizon: Time = .seconds(300)) -> TwinConfig {
        var radio = F.narrowbandRadio(txPower: txPower)
        radio.sensitivity = PowerLevel(dBm: -100)
        radio.noiseFloor = PowerLevel(dBm: -120)
        var source = F.device("ankle", placement: .ankleLeft, radio: radio, interval: .milliseconds(200), retries: 0)
        source.relay = relayed ? "wrist" : nil
        let relay = F.device("wrist", placement: .wristLeft, radio: radio, interval: .hours(1), retries: 0)
        return F.config(devices: [source, relay], gateways: [F.gateway("hub", placement: .chest)], horizon: horizon,
                        models: ["castalia-pathloss-map"])
    }

    /// The wearer walks from the start to the end (the posture forced, so every
    /// replication fades like walking: Castalia's NICTA table, τ = 175 ms).
    static func walking(_ horizon: Time, extra: [ScenarioEvent] = []) -> ScenarioConfig {
        F.scenario([F.event(.fault(.postureChange), "walking", at: .zero, duration: horizon)] + extra)
    }

    /// Outage of the source (lost / settled) pooled over `replications`.
    static func outage(txPower: Double, relayed: Bool, replications: Int) throws -> (outage: Double, relayedDeliveries: Int) {
        let config = ankleTwin(txPower: txPower, relayed: relayed)
        var settled = 0, delivered = 0, viaRelay = 0
        for replication in 0..<replications {
            let outcome = try simulate(config: config, scenario: walking(config.run.horizon), replication: replication)
            let source = try #require(outcome.device("ankle"))
            settled += source.generated - source.pendingAtEnd
            delivered += source.deliveredToEdge
            viaRelay += source.relayedDeliveries
        }
        return (1 - Double(delivered) / Double(max(settled, 1)), viaRelay)
    }

    @Test func aRelayedSourceOnAShadowedLinkLosesLess() throws {
        let config = Self.ankleTwin(txPower: -25, relayed: true)
        let outcome = try simulate(config: config, scenario: Self.walking(config.run.horizon), replication: 0)
        let direct = try simulate(config: Self.ankleTwin(txPower: -25, relayed: false),
                                  scenario: Self.walking(config.run.horizon), replication: 0)
        let source = try #require(outcome.device("ankle")), relay = try #require(outcome.device("wrist"))
        let alone = try #require(direct.device("ankle")), idle = try #require(direct.device("wrist"))
        #expect(F.isBalanced(source))
        #expect(source.generated == alone.generated)
        let relayedLoss = 1 - (try #require(source.deliveryRatio)), directLoss = 1 - (try #require(alone.deliveryRatio))
        #expect(directLoss > 0.1, "the direct link is body-shadowed: \(directLoss)")
        #expect(relayedLoss < directLoss / 2, "relayed \(relayedLoss), direct \(directLoss)")
        // The relay sent at least the frames it saved, and they are what the source gained.
        #expect(source.relayedDeliveries > 0 && relay.framesRelayed >= source.relayedDeliveries)
        let gained = Double(source.deliveredToEdge - alone.deliveredToEdge)
        #expect(abs(gained - Double(source.relayedDeliveries)) < 0.1 * Double(source.relayedDeliveries) + 10)
        // The relay pays: it listens to every frame of the source and sends the ones it forwards.
        #expect(relay.energy.receive > idle.energy.receive)
        #expect(relay.energy.transmit > idle.energy.transmit)
    }

    /// Kim & Takada, IEICE Trans. Commun. E98-B(4) 2015: incremental DF gains up to 16 dB
    /// at 10 % outage, more than 5.9 dB on average over coordinator locations. Through
    /// the simulator: TX swept in 2 dB steps, each point 24 replications of 5 min (≈ 36,000
    /// frames; the replications' static shadowing dominates the spread), the 10 % point of
    /// each curve interpolated in log-outage. The analytic model with independent hops
    /// (`RelayScheme`) gives 8.16 dB; the runtime's hops share the wearer's fading
    /// (correlation 0.5), which costs the relay some of its gain (`TwoHopRelayTests
    /// .sampledCorrelatedHops`: about half the outage reduction), so the simulated gain
    /// must lie in the published range and at most the independent-hop value plus 1 dB
    /// (the interpolation and sampling error of a 2 dB grid at ≈ 1,800 lost frames a point).
    @Test func theOutageGainAtTenPercentIsInThePublishedRange() throws {
        func crossing(relayed: Bool, levels: [Double]) throws -> Double? {
            var previous: (tx: Double, outage: Double)?
            for tx in levels {
                let point = (tx: tx, outage: try Self.outage(txPower: tx, relayed: relayed, replications: 24).outage)
                if let previous, previous.outage > 0.1, point.outage <= 0.1 {
                    let a = log(previous.outage), b = log(point.outage)
                    return previous.tx + (log(0.1) - a) / (b - a) * (point.tx - previous.tx)
                }
                previous = point
            }
            return nil
        }
        let levels = stride(from: -40.0, through: -10, by: 2).map { $0 }
        let direct = try #require(try crossing(relayed: false, levels: levels))
        let relayed = try #require(try crossing(relayed: true, levels: levels))
        let gain = direct - relayed
        let (d, up, down) = try TwoHopRelayHops.walking()
        let analytic = RelayScheme.incrementalDecodeForward.gain(atOutage: 0.1, direct: d, toRelay: up, fromRelay: down).dB
        print("simulated IDF gain at 10 % outage: \(gain) dB (direct \(direct) dBm, relayed \(relayed) dBm); independent hops \(analytic) dB")
        #expect(gain >= 5.9 && gain <= 16, "simulated IDF gain \(gain) dB (direct \(direct) dBm, relayed \(relayed) dBm)")
        #expect(gain <= analytic + 1, "simulated \(gain) dB, independent hops \(analytic) dB")
    }

    /// A relay that fails at the start forwards nothing and draws nothing: the source's
    /// outcome is the one of the same twin without the relay, to the last counter.
    @Test func aRelayThatIsDownLeavesTheDirectLinkAsItWas() throws {
        let horizon = Time.seconds(120)
        let down = [F.event(.fault(.deviceFailure), "wrist", at: .zero)]
        let relayed = try simulate(config: Self.ankleTwin(txPower: -25, relayed: true, horizon: horizon),
                                   scenario: Self.walking(horizon, extra: down), replication: 3)
        let direct = try simulate(config: Self.ankleTwin(txPower: -25, relayed: false, horizon: horizon),
                                  scenario: Self.walking(horizon, extra: down), replication: 3)
        let source = try #require(relayed.device("ankle"))
        #expect(source.relayedDeliveries == 0)
        #expect(source == direct.device("ankle"))
        #expect(relayed.device("wrist")?.framesRelayed == 0)
    }

    /// A relay that fails mid-run stops saving frames from then on.
    @Test func aRelayThatFailsMidRunSavesFramesOnlyBefore() throws {
        let horizon = Time.seconds(240)
        let early = [F.event(.fault(.deviceFailure), "wrist", at: .seconds(60))]
        let config = Self.ankleTwin(txPower: -25, relayed: true, horizon: horizon)
        let failing = try #require(try simulate(config: config, scenario: Self.walking(horizon, extra: early),
                                                replication: 1).device("ankle"))
        let whole = try #require(try simulate(config: config, scenario: Self.walking(horizon), replication: 1)
            .device("ankle"))
        #expect(failing.relayedDeliveries > 0)
        #expect(failing.relayedDeliveries < whole.relayedDeliveries / 2)
        #expect(failing.deliveredToEdge < whole.deliveredToEdge)
    }

    @Test func aRelayedRunIsDeterministic() throws {
        let config = Self.ankleTwin(txPower: -25, relayed: true, horizon: .seconds(60))
        let first = try simulate(config: config, scenario: Self.walking(.seconds(60)), replication: 2)
        let second = try simulate(config: config, scenario: Self.walking(.seconds(60)), replication: 2)
        #expect(first == second)
        #expect((first.device("ankle")?.relayedDeliveries ?? 0) > 0)
    }
}

/// The hops of `TwoHopRelayTests` (Castalia map, CM3 2.4 GHz static σ), walking.
enum TwoHopRelayHops {
    static func walking() throws -> (HopChannel, HopChannel, HopChannel) {
        let fading = ActivityFading.walking
        let sigma = OnBodyCM3.hospital2400MHz.sigma
        let direct = try #require(CastaliaPathLossMap.averageLoss(.leftAnkle, .chest))
        let up = try #require(CastaliaPathLossMap.averageLoss(.leftAnkle, .leftWrist))
        let down = try #require(CastaliaPathLossMap.averageLoss(.leftWrist, .chest))
        return (HopChannel(meanLoss: direct, staticSigma: sigma, fading: fading),
                HopChannel(meanLoss: up, staticSigma: sigma, fading: fading),
                HopChannel(meanLoss: down, staticSigma: sigma, fading: fading))
    }
}
